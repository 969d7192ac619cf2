/**
 * Saved scenarios in this browser's localStorage, through the one store (`saved`, `compared`).
 * Loaded when the saved-scenarios panel first shows (it is not part of the first screen). What
 * is stored and how it is bounded and read back: domain/saved/saved-scenarios.ts.
 */
import { useAppStore } from './app-store.ts';
import {
  deleteSaved,
  readSavedList,
  saveScenario,
  withoutUnreadable,
  writeSavedList,
  type SavedList,
} from '../domain/saved/saved-scenarios.ts';
import type { Scenario } from '../domain/scenario/scenario-schema.ts';

export const SAVED_STORAGE_KEY = 'ecs-eks-calculator:saved:v1';

type SavedStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

function browserStorage(): SavedStorage | undefined {
  try {
    return window.localStorage;
  } catch {
    return undefined;
  }
}

/** Reads the saved list into the store (once; call again to re-read). */
export function loadSavedScenarios(storage: SavedStorage | undefined = browserStorage()): void {
  let text: string | null = null;
  try {
    text = storage?.getItem(SAVED_STORAGE_KEY) ?? null;
  } catch {
    useAppStore.setState({
      saved: {
        scenarios: [],
        unreadable: [],
        problems: ['This browser does not allow saving here (storage is blocked).'],
        blocked: true,
      },
    });
    return;
  }
  const saved = readSavedList(text);
  const ids = new Set(saved.scenarios.map((s) => s.id));
  useAppStore.setState((state) => ({ saved, compared: state.compared.filter((id) => ids.has(id)) }));
}

/** Writes the list and puts it in the store; the message says why when storage refused it. */
function store(list: SavedList, storage: SavedStorage | undefined): string | null {
  try {
    if (!storage) return 'This browser does not allow saving here (no storage).';
    storage.setItem(SAVED_STORAGE_KEY, writeSavedList(list));
  } catch {
    return 'This browser’s storage is full or blocked: the scenario was not saved.';
  }
  const ids = new Set(list.scenarios.map((s) => s.id));
  useAppStore.setState((state) => ({ saved: list, compared: state.compared.filter((id) => ids.has(id)) }));
  return null;
}

const newId = () => `s${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

export type SaveOutcome = { ok: true; name: string; replaced: boolean } | { ok: false; message: string };

/** Saves a valid scenario under a name (the same name again replaces that entry). */
export function saveNamedScenario(name: string, scenario: Scenario, storage = browserStorage()): SaveOutcome {
  const list = useAppStore.getState().saved ?? readSavedList(null);
  const replaced = list.scenarios.some((s) => s.name === name.trim());
  const result = saveScenario(list, { name, scenario, id: newId(), savedAt: new Date().toISOString() });
  if (!result.ok) return result;
  const problem = store(result.list, storage);
  return problem ? { ok: false, message: problem } : { ok: true, name: result.saved.name, replaced };
}

export function deleteSavedScenario(id: string, storage = browserStorage()): string | null {
  const list = useAppStore.getState().saved;
  return list ? store(deleteSaved(list, id), storage) : null;
}

/** Drops the entries that could not be read (or the whole unreadable text), as the user chose. */
export function removeUnreadableSaved(storage = browserStorage()): string | null {
  const list = useAppStore.getState().saved;
  return list ? store(withoutUnreadable(list), storage) : null;
}

export function setCompared(id: string, compared: boolean): void {
  useAppStore.setState((state) => ({
    compared: compared ? [...state.compared.filter((c) => c !== id), id] : state.compared.filter((c) => c !== id),
  }));
}
