/**
 * The advice for the scenario on screen, shared by the option cards and the decision guide: one
 * computation per valid scenario, a moment after the last edit, in the engine worker (all levers
 * of a 50-service scenario take longer than a frame: README, Benchmarks). Advice is derived from
 * the scenario and the prices, like the estimate, so it is not kept in the store. Only the lazy
 * chunks (cards, guide) import this module: it is not on the first screen.
 */
import { useEffect, useSyncExternalStore } from 'react';
import type { Advice } from '../../domain/advice/advise-scenario.ts';
import type { RegionSnapshot } from '../../domain/pricing/price-snapshot.ts';
import type { Scenario } from '../../domain/scenario/scenario-schema.ts';
import { runInEngineWorker } from './engine-worker-client.ts';

/** How long the advice waits after the last edit, as the charts do: typing never waits for it. */
export const ADVICE_DELAY_MS = 300;

export interface AdviceState {
  /** The scenario the advice is for (identity), or null before the first. */
  scenario: Scenario | null;
  advice: Advice | null;
  error: string | null;
}

let state: AdviceState = { scenario: null, advice: null, error: null };
let wanted: { scenario: Scenario; snapshot: RegionSnapshot } | null = null;
let timer: ReturnType<typeof setTimeout> | null = null;
const listeners = new Set<() => void>();

function publish(next: AdviceState): void {
  state = next;
  for (const listener of listeners) listener();
}

async function compute(scenario: Scenario, snapshot: RegionSnapshot): Promise<Advice> {
  const inWorker = runInEngineWorker({ kind: 'advice', scenario }, snapshot);
  if (inWorker) {
    try {
      return await inWorker;
    } catch {
      // The worker failed: compute here instead, as the sweep does.
    }
  }
  const { adviseScenario } = await import('../../domain/advice/advise-scenario.ts');
  return adviseScenario(scenario, scenario, snapshot);
}

function request(scenario: Scenario, snapshot: RegionSnapshot): void {
  if (wanted?.scenario === scenario && wanted.snapshot === snapshot) return;
  wanted = { scenario, snapshot };
  if (timer) clearTimeout(timer);
  timer = setTimeout(
    () => {
      timer = null;
      const asked = wanted!;
      compute(asked.scenario, asked.snapshot).then(
        (advice) => {
          if (wanted === asked) publish({ scenario: asked.scenario, advice, error: null });
        },
        (error: unknown) => {
          if (wanted === asked)
            publish({
              scenario: asked.scenario,
              advice: null,
              error: `Could not work out the savings (${error instanceof Error ? error.message : String(error)}).`,
            });
        },
      );
    },
    state.scenario ? ADVICE_DELAY_MS : 0,
  );
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => listeners.delete(listener);
};
const snapshotOfState = () => state;

/**
 * The advice for `scenario` (the calculation's valid scenario) with `snapshot`'s prices, and
 * whether it is for exactly that scenario (`current`); earlier advice is returned while the new one
 * is worked out, with `current` false.
 */
export function useAdvice(
  scenario: Scenario | null,
  snapshot: RegionSnapshot | undefined,
): AdviceState & { current: boolean } {
  const shown = useSyncExternalStore(subscribe, snapshotOfState);
  useEffect(() => {
    if (scenario && snapshot && snapshot.region === scenario.region) request(scenario, snapshot);
  }, [scenario, snapshot]);
  return { ...shown, current: scenario !== null && shown.scenario === scenario };
}
