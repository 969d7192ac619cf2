/**
 * Derives what the page shows from the draft and the region's prices, without storing it:
 * validation problems by field, and the estimate of the last valid scenario.
 *
 * Each step is memoized on its inputs' identity (the store replaces objects on every edit), so
 * re-rendering without an edit costs nothing, and an edit costs one validation and one estimate.
 * While the draft is invalid, or the new region's prices are still loading, the last valid
 * estimate stays on screen, marked as such: a typo never blanks the results.
 */
import type { Estimate } from '../domain/cost/estimate-types.ts';
import type { RegionSnapshot } from '../domain/pricing/price-snapshot.ts';
import type { Scenario } from '../domain/scenario/scenario-schema.ts';
import type { FieldProblem } from '../domain/scenario/field-problem.ts';
import type { DraftScenario } from './scenario-draft.ts';
import { loadedValidation, type ScenarioValidation } from './validation-loader.ts';

/**
 * The engine's entry point (domain/cost/estimate.ts), handed in so the page can load it after its
 * first paint; the page asks it for the cost at the autoscaling maximum too.
 */
export type EstimateScenario = (
  scenario: Scenario,
  snapshot: RegionSnapshot,
  options?: { atAutoscalingMax?: boolean },
) => Estimate;

export interface Calculation {
  /** Problems of the current draft, by field path ("services[0].vcpu"); empty when it is valid. */
  problems: ReadonlyMap<string, string>;
  problemList: readonly FieldProblem[];
  /** The scenario the shown estimate is for: the draft when valid, else the last valid one. */
  scenario: Scenario | null;
  estimate: Estimate | null;
  /** Why the estimate is not for the current draft, or null when it is. */
  staleBecause: 'invalid-input' | 'loading-prices' | null;
}

function memoOne<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  let lastArgs: A | null = null;
  let lastResult: R;
  return (...args: A) => {
    if (lastArgs && args.length === lastArgs.length && args.every((a, i) => Object.is(a, lastArgs![i])))
      return lastResult;
    lastResult = fn(...args);
    lastArgs = args;
    return lastResult;
  };
}

/** What the calculator works with, loaded after the first paint (ui/app/estimate-engine.ts). */
export interface CalculationEngine {
  estimateScenario: EstimateScenario;
  validation: ScenarioValidation;
}

const NO_PROBLEMS: ReadonlyMap<string, string> = new Map();

/**
 * A calculator keeps the last valid result between calls; make one per page (or per test).
 * Without an engine yet (the page is still loading it), nothing is validated and results wait as
 * they do for prices.
 */
export function createCalculator(engine?: CalculationEngine) {
  if (!engine)
    return (): Calculation => ({
      problems: NO_PROBLEMS,
      problemList: [],
      scenario: null,
      estimate: null,
      staleBecause: 'loading-prices',
    });
  const { estimateScenario, validation } = engine;
  const validate = memoOne((draft: DraftScenario, snapshot: RegionSnapshot | undefined) => {
    const result = validation.validateScenario(draft);
    const problems = result.ok
      ? snapshot && snapshot.region === result.scenario.region
        ? validation.validateAgainstSnapshot(result.scenario, snapshot)
        : []
      : result.problems;
    return {
      scenario: result.ok && problems.length === 0 ? result.scenario : null,
      problems,
      byPath: new Map(problems.map((p) => [p.path, p.message])) as ReadonlyMap<string, string>,
    };
  });
  const estimate = memoOne((scenario: Scenario, snapshot: RegionSnapshot) =>
    estimateScenario(scenario, snapshot, { atAutoscalingMax: true }),
  );
  let lastValid: { scenario: Scenario; estimate: Estimate } | null = null;

  return function calculate(draft: DraftScenario, snapshot: RegionSnapshot | undefined): Calculation {
    const validated = validate(draft, snapshot);
    let staleBecause: Calculation['staleBecause'] = null;
    if (!validated.scenario) staleBecause = 'invalid-input';
    else if (!snapshot || snapshot.region !== validated.scenario.region) staleBecause = 'loading-prices';
    else lastValid = { scenario: validated.scenario, estimate: estimate(validated.scenario, snapshot) };
    return {
      problems: validated.byPath,
      problemList: validated.problems,
      scenario: lastValid?.scenario ?? null,
      estimate: lastValid?.estimate ?? null,
      staleBecause,
    };
  };
}

/** The validated draft, or null (also while validation is loading): what share links and exports may carry. */
export function validDraft(draft: DraftScenario): Scenario | null {
  const result = loadedValidation()?.validateScenario(draft);
  return result?.ok ? result.scenario : null;
}
