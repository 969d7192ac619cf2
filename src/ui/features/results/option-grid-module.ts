/**
 * The option cards load as their own chunk, fetched at once beside the cost engine and the prices
 * (they show nothing before an estimate exists), so the first screen's JavaScript stays within its
 * budget (README, Benchmarks). Through TanStack Query like the engine: a failed download is
 * reported beside the results and can be retried.
 */
import type { OptionGrid } from './option-grid.tsx';
import { chunkQueryOptions } from '../../lib/chunk-query.ts';

export interface OptionGridModule {
  OptionGrid: typeof OptionGrid;
}

export const optionGridQueryOptions = chunkQueryOptions(
  'option-grid',
  'the result cards',
  async (): Promise<OptionGridModule> => {
    const { OptionGrid } = await import('./option-grid.tsx');
    return { OptionGrid };
  },
);
