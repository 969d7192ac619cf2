/**
 * The cost engine (domain/cost/estimate.ts and the packing and capacity rules behind it) and
 * validation (state/validation-loader.ts) load as chunks of their own, fetched at the same time as
 * the region's prices: the first paint (the editor and the results' loading state) needs neither,
 * and they kept the first screen's JavaScript over its 100 KB budget (README, Benchmarks). Loaded
 * through TanStack Query, so a failed download is reported and retried like a failed price file.
 */
import type { CalculationEngine } from '../../state/calculator.ts';
import { loadValidation } from '../../state/validation-loader.ts';
import { chunkQueryOptions } from '../lib/chunk-query.ts';

export type EstimateEngine = CalculationEngine;

export const estimateEngineQueryOptions = chunkQueryOptions(
  'estimate-engine',
  'the cost calculator',
  async (): Promise<EstimateEngine> => {
    const [{ estimateScenario }, validation] = await Promise.all([
      import('../../domain/cost/estimate.ts'),
      loadValidation(),
    ]);
    return { estimateScenario, validation };
  },
);
