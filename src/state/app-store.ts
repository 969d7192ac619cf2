/**
 * The one store: what the user chose (the scenario draft and the decision-guide answers), the
 * notices about how the page was opened (a broken link, a restored draft) and the undo history of
 * the scenario. Prices live in TanStack Query and results are derived (state/calculator.ts), so
 * nothing here is stored twice.
 *
 * Actions are plain functions next to the store (zustand's "no store actions" practice).
 */
import { create } from 'zustand';
import type { SavedList } from '../domain/saved/saved-scenarios.ts';
import type { DecisionAnswers } from '../domain/recommend/decision-answers.ts';
import { DEFAULT_ANSWERS } from '../domain/recommend/default-answers.ts';
import { PRESETS, presetScenario, type Preset } from '../domain/presets/presets.ts';
import type { ScenarioInput } from '../domain/scenario/scenario-schema.ts';
import {
  duplicateOf,
  newService,
  toDraft,
  type DraftScenario,
  type DraftService,
  type SectionName,
} from './scenario-draft.ts';

export interface LinkNotice {
  /** invalid / newer-version: the default scenario is shown; upgraded: the link's scenario is, upgraded from an older format. */
  kind: 'invalid' | 'newer-version' | 'upgraded';
  message: string;
}

/** The work the page did not open with, kept so the user can switch to it (see url-sync.ts). */
export interface DraftNotice {
  /** 'restored': the page shows the draft kept on this device instead of the link's scenario;
   *  'kept': the page shows a link's scenario, and an unsaved draft from earlier is kept. */
  kind: 'restored' | 'kept';
  /** When the draft was last saved (ISO 8601). */
  savedAt: string;
  /** The scenario the notice's button switches to: the link's (restored) or the draft (kept). */
  other: { scenario: DraftScenario; answers: DecisionAnswers };
  /** Whether the page address carried a share link (else the other scenario is the default one). */
  fromLink: boolean;
}

/** One step of the undo history: the scenario before a change, and what the change was. */
export interface HistoryStep {
  scenario: DraftScenario;
  /** What the change did, in words for the Undo/Redo buttons ("Load preset 50-microservice platform"). */
  reason: string;
}

export interface AppState {
  scenario: DraftScenario;
  answers: DecisionAnswers;
  linkNotice: LinkNotice | null;
  draftNotice: DraftNotice | null;
  /** Undo history, oldest first; `future` holds undone steps for Redo, next first. */
  past: readonly HistoryStep[];
  future: readonly HistoryStep[];
  /** The service whose name the last edit changed (a duplicate name is flagged there), else null. */
  lastRenamedService: number | null;
  /** Scenarios saved in this browser; null until the saved-scenarios panel reads them (state/saved-scenarios.ts). */
  saved: SavedList | null;
  /** Ids of the saved scenarios ticked for the compare view, in the order ticked (the first is the baseline). */
  compared: readonly string[];
}

/** How many steps Undo can go back. */
export const UNDO_LIMIT = 100;
/** Keystrokes in one field closer together than this are one undo step. */
export const EDIT_MERGE_MS = 1500;

export const defaultState = (): AppState => ({
  scenario: toDraft(presetScenario(PRESETS[0]!.id)),
  answers: { ...DEFAULT_ANSWERS },
  linkNotice: null,
  draftNotice: null,
  past: [],
  future: [],
  lastRenamedService: null,
  saved: null,
  compared: [],
});

export const useAppStore = create<AppState>()(() => defaultState());

// The field the last edit changed and when: the next edit of the same field within EDIT_MERGE_MS
// joins its undo step (typing "128" is one step, not three).
let lastEdit: { key: string; at: number } | null = null;

function record(state: AppState, scenario: DraftScenario, reason: string, editKey?: string): Partial<AppState> {
  if (scenario === state.scenario) return {};
  const renamed = editKey === undefined ? null : /^services\[(\d+)\]\.name$/.exec(editKey);
  // Other field edits keep the renamed row; structural changes (add, remove, load) forget it.
  const lastRenamedService = renamed ? Number(renamed[1]) : editKey === undefined ? null : state.lastRenamedService;
  const now = Date.now();
  const merge = editKey !== undefined && lastEdit?.key === editKey && now - lastEdit.at < EDIT_MERGE_MS;
  lastEdit = editKey === undefined ? null : { key: editKey, at: now };
  if (merge && state.past.length > 0) return { scenario, future: [], lastRenamedService };
  return {
    scenario,
    past: [...state.past, { scenario: state.scenario, reason }].slice(-UNDO_LIMIT),
    future: [],
    lastRenamedService,
  };
}

/** An edit of one field: undoable, consecutive keystrokes in the same field merged into one step. */
const editScenario = (editKey: string, update: (scenario: DraftScenario) => DraftScenario) =>
  useAppStore.setState((state) => record(state, update(state.scenario), 'Edit', editKey));

/** A change that is one undo step of its own (add, duplicate, remove, load, import). */
const changeScenario = (reason: string, update: (scenario: DraftScenario) => DraftScenario) =>
  useAppStore.setState((state) => record(state, update(state.scenario), reason));

/**
 * Replaces the whole scenario as one undoable step: presets, imports, links pasted into the tab and
 * restored drafts all come through here. `reason` names the change for the Undo button
 * ("Import compose.yaml"). The answers are replaced too when given.
 */
export function replaceScenario(input: ScenarioInput | DraftScenario, reason: string, answers?: DecisionAnswers): void {
  // A scenario input gets its defaults; a draft, possibly invalid, has every field and stays as it is.
  const scenario = toDraft(input);
  useAppStore.setState((state) => ({ ...record(state, scenario, reason), ...(answers ? { answers } : {}) }));
}

/** Sets the scenario without an undo step: the state the page opens with. */
export function loadScenario(input: ScenarioInput, answers?: DecisionAnswers): void {
  useAppStore.setState({ scenario: toDraft(input), ...(answers ? { answers } : {}) });
}

export function loadPreset(id: Preset['id']): void {
  const preset = PRESETS.find((p) => p.id === id);
  replaceScenario(presetScenario(id), `Load preset ${preset?.label ?? id}`);
}

export function undo(): void {
  lastEdit = null;
  useAppStore.setState((state) => {
    const step = state.past.at(-1);
    if (!step) return {};
    return {
      scenario: step.scenario,
      lastRenamedService: null,
      past: state.past.slice(0, -1),
      future: [{ scenario: state.scenario, reason: step.reason }, ...state.future],
    };
  });
}

export function redo(): void {
  lastEdit = null;
  useAppStore.setState((state) => {
    const step = state.future[0];
    if (!step) return {};
    return {
      scenario: step.scenario,
      lastRenamedService: null,
      past: [...state.past, { scenario: state.scenario, reason: step.reason }],
      future: state.future.slice(1),
    };
  });
}

export function setRegion(region: string): void {
  editScenario('region', (s) => ({ ...s, region }));
}

export function setHoursPerMonth(hoursPerMonth: number): void {
  editScenario('hoursPerMonth', (s) => ({ ...s, hoursPerMonth }));
}

export function updateService(index: number, patch: Partial<DraftService>): void {
  editScenario(`services[${index}].${Object.keys(patch).join()}`, (s) => ({
    ...s,
    services: s.services.map((service, i) => (i === index ? { ...service, ...patch } : service)),
  }));
}

/** Removes a per-service optional field (hours per month, autoscaling, export fields): back to its default. */
export function clearServiceField(
  index: number,
  field: 'hoursPerMonth' | 'schedule' | 'autoscaling' | 'image' | 'port' | 'healthCheckPath' | 'host',
): void {
  editScenario(`services[${index}].${field}`, (s) => ({
    ...s,
    services: s.services.map((service, i) => {
      if (i !== index) return service;
      const copy = { ...service };
      delete copy[field];
      return copy;
    }),
  }));
}

export function addService(): void {
  changeScenario('Add service', (s) => ({ ...s, services: [...s.services, newService(s.services)] }));
}

export function duplicateService(index: number): void {
  changeScenario('Duplicate service', (s) => {
    const copy = duplicateOf(s.services, index);
    return copy ? { ...s, services: [...s.services.slice(0, index + 1), copy, ...s.services.slice(index + 1)] } : s;
  });
}

/** Removes a service; the last one stays (a scenario needs at least one). */
export function removeService(index: number): void {
  const name = useAppStore.getState().scenario.services[index]?.name;
  changeScenario(`Remove service ${name ?? index + 1}`, (s) =>
    s.services.length <= 1 ? s : { ...s, services: s.services.filter((_, i) => i !== index) },
  );
}

export function updateSection<K extends SectionName>(section: K, patch: Partial<DraftScenario[K]>): void {
  editScenario(`${section}.${Object.keys(patch).join()}`, (s) => ({ ...s, [section]: { ...s[section], ...patch } }));
}

export function setAnswers(patch: Partial<DecisionAnswers>): void {
  useAppStore.setState((state) => ({ answers: { ...state.answers, ...patch } }));
}

export function setLinkNotice(linkNotice: LinkNotice | null): void {
  useAppStore.setState({ linkNotice });
}

export function setDraftNotice(draftNotice: DraftNotice | null): void {
  useAppStore.setState({ draftNotice });
}

/** The draft notice's button: switch to the other scenario (undoable) and close the notice. */
export function switchToOtherScenario(): void {
  const notice = useAppStore.getState().draftNotice;
  if (!notice) return;
  const reason =
    notice.kind === 'kept'
      ? 'Restore the unsaved scenario'
      : notice.fromLink
        ? "Open the link's scenario"
        : 'Start from the default scenario';
  replaceScenario(notice.other.scenario, reason, notice.other.answers);
  setDraftNotice(null);
}

/** Shows or hides an option in the results; the choice travels in the link with the answers. */
export function setOptionShown(optionId: string, shown: boolean): void {
  useAppStore.setState((state) => {
    const hidden = state.answers.hiddenOptions.filter((id) => id !== optionId);
    return { answers: { ...state.answers, hiddenOptions: shown ? hidden : [...hidden, optionId] } };
  });
}
