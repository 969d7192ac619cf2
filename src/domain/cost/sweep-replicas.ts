/**
 * Cost of every option across a range of scale: every service's replicas times a factor.
 * Feeds the cost-versus-scale chart and its break-even sentences.
 */
import type { Scenario } from '../scenario/scenario-schema.ts';
import type { RegionSnapshot } from '../pricing/price-snapshot.ts';
import { estimateScenario } from './estimate.ts';
import { OPTION_IDS, type OptionId } from './estimate-types.ts';

export interface SweepPoint {
  factor: number;
  /** Sum of all services' replicas at this factor. */
  totalReplicas: number;
  /** Monthly USD per option; null where the option cannot run the workload. */
  monthlyUSD: Record<OptionId, number | null>;
}

/** `count` evenly spaced factors from `from` to `to` inclusive (default: 100 points, 0.25x to 4x). */
export function scaleFactors(count = 100, from = 0.25, to = 4): number[] {
  if (count <= 1) return [from];
  const step = (to - from) / (count - 1);
  return Array.from({ length: count }, (_, i) => Number((from + step * i).toFixed(6)));
}

export function scaleScenario(scenario: Scenario, factor: number): Scenario {
  return {
    ...scenario,
    services: scenario.services.map((service) => ({
      ...service,
      replicas: Math.min(service.replicas * factor, 10_000),
    })),
  };
}

export function sweepReplicas(
  scenario: Scenario,
  snapshot: RegionSnapshot,
  factors: readonly number[] = scaleFactors(),
): SweepPoint[] {
  return factors.map((factor) => {
    const scaled = scaleScenario(scenario, factor);
    const estimate = estimateScenario(scaled, snapshot);
    const monthlyUSD = Object.fromEntries(
      OPTION_IDS.map((id) => [id, estimate.options.find((o) => o.id === id)?.monthlyUSD ?? null]),
    ) as Record<OptionId, number | null>;
    return { factor, totalReplicas: scaled.services.reduce((sum, s) => sum + s.replicas, 0), monthlyUSD };
  });
}
