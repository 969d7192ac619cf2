/**
 * Validation (zod, the scenario schema, cron parsing: about 17 KB gzipped) is a chunk of its own,
 * outside the first screen's JavaScript (README, Benchmarks). The page's first state needs none of
 * it: the default preset is valid and its defaults are filled without zod
 * (fill-scenario-defaults.ts). The page loads it before its first render only when there is
 * something to check (a link to decode, a saved draft to read: main.tsx), and otherwise with the
 * cost engine, at once; until it is here no field is marked and no estimate is shown.
 */
import type * as scenarioValidation from './scenario-validation.ts';

export type ScenarioValidation = typeof scenarioValidation;

let loaded: ScenarioValidation | null = null;
let pending: Promise<ScenarioValidation> | null = null;

/** Loads validation once; a failed download is forgotten, so the next call tries again. */
export function loadValidation(): Promise<ScenarioValidation> {
  pending ??= import('./scenario-validation.ts').then(
    (validation) => (loaded = validation),
    (error: unknown) => {
      pending = null;
      throw error;
    },
  );
  return pending;
}

/** Validation if it has loaded, else null. */
export function loadedValidation(): ScenarioValidation | null {
  return loaded;
}
