/**
 * The cost engine (domain/cost/estimate.ts and the packing and capacity rules behind it) and
 * validation (state/validation-loader.ts) load as chunks of their own, fetched at the same time as
 * the region's prices: the first paint (the editor and the results' loading state) needs neither,
 * and they kept the first screen's JavaScript over its 100 KB budget (README, Benchmarks). Loaded
 * through TanStack Query, so a failed download is reported and retried like a failed price file.
 */
import { queryOptions } from '@tanstack/react-query';
import type { CalculationEngine } from '../../state/calculator.ts';
import { loadValidation } from '../../state/validation-loader.ts';

export type EstimateEngine = CalculationEngine;

async function loadEstimateEngine(): Promise<EstimateEngine> {
  try {
    const [{ estimateScenario }, validation] = await Promise.all([
      import('../../domain/cost/estimate.ts'),
      loadValidation(),
    ]);
    return { estimateScenario, validation };
  } catch (error) {
    throw new Error(
      `Could not load the cost calculator (${error instanceof Error ? error.message : String(error)}); check the connection and retry.`,
      { cause: error },
    );
  }
}

export const estimateEngineQueryOptions = queryOptions({
  queryKey: ['estimate-engine'] as const,
  queryFn: loadEstimateEngine,
  staleTime: Infinity,
  gcTime: Infinity,
  retry: 1,
});
