/**
 * The one store: what the user chose (the scenario draft and the decision-guide answers) and the
 * notice about the link the page was opened with. Prices live in TanStack Query and results are
 * derived (state/calculator.ts), so nothing here is stored twice.
 *
 * Actions are plain functions next to the store (zustand's "no store actions" practice).
 */
import { create } from 'zustand';
import { DEFAULT_ANSWERS, type DecisionAnswers } from '../domain/recommend/decision-answers.ts';
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
  kind: 'invalid' | 'newer-version';
  message: string;
}

export interface AppState {
  scenario: DraftScenario;
  answers: DecisionAnswers;
  linkNotice: LinkNotice | null;
}

export const defaultState = (): AppState => ({
  scenario: toDraft(presetScenario(PRESETS[0]!.id)),
  answers: { ...DEFAULT_ANSWERS },
  linkNotice: null,
});

export const useAppStore = create<AppState>()(() => defaultState());

const setScenario = (update: (scenario: DraftScenario) => DraftScenario) =>
  useAppStore.setState((state) => ({ scenario: update(state.scenario) }));

export function loadScenario(input: ScenarioInput, answers?: DecisionAnswers): void {
  useAppStore.setState({ scenario: toDraft(input), ...(answers ? { answers } : {}) });
}

export function loadPreset(id: Preset['id']): void {
  loadScenario(presetScenario(id));
}

export function setRegion(region: string): void {
  setScenario((s) => ({ ...s, region }));
}

export function setHoursPerMonth(hoursPerMonth: number): void {
  setScenario((s) => ({ ...s, hoursPerMonth }));
}

export function updateService(index: number, patch: Partial<DraftService>): void {
  setScenario((s) => ({
    ...s,
    services: s.services.map((service, i) => (i === index ? { ...service, ...patch } : service)),
  }));
}

/** Removes a per-service optional field (hours per month, autoscaling, export fields): back to its default. */
export function clearServiceField(
  index: number,
  field: 'hoursPerMonth' | 'autoscaling' | 'image' | 'port' | 'healthCheckPath' | 'host',
): void {
  setScenario((s) => ({
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
  setScenario((s) => ({ ...s, services: [...s.services, newService(s.services)] }));
}

export function duplicateService(index: number): void {
  setScenario((s) => {
    const copy = duplicateOf(s.services, index);
    return copy ? { ...s, services: [...s.services.slice(0, index + 1), copy, ...s.services.slice(index + 1)] } : s;
  });
}

/** Removes a service; the last one stays (a scenario needs at least one). */
export function removeService(index: number): void {
  setScenario((s) => (s.services.length <= 1 ? s : { ...s, services: s.services.filter((_, i) => i !== index) }));
}

export function updateSection<K extends SectionName>(section: K, patch: Partial<DraftScenario[K]>): void {
  setScenario((s) => ({ ...s, [section]: { ...s[section], ...patch } }));
}

export function setAnswers(patch: Partial<DecisionAnswers>): void {
  useAppStore.setState((state) => ({ answers: { ...state.answers, ...patch } }));
}

export function setLinkNotice(linkNotice: LinkNotice | null): void {
  useAppStore.setState({ linkNotice });
}
