/**
 * The option cards load as their own chunk, fetched at once beside the cost engine and the prices
 * (they show nothing before an estimate exists), so the first screen's JavaScript stays within its
 * budget (README, Benchmarks). Through TanStack Query like the engine: a failed download is
 * reported beside the results and can be retried.
 */
import { queryOptions } from '@tanstack/react-query';
import type { OptionGrid } from './option-grid.tsx';

export interface OptionGridModule {
  OptionGrid: typeof OptionGrid;
}

async function loadOptionGrid(): Promise<OptionGridModule> {
  try {
    const { OptionGrid } = await import('./option-grid.tsx');
    return { OptionGrid };
  } catch (error) {
    throw new Error(
      `Could not load the result cards (${error instanceof Error ? error.message : String(error)}); check the connection and retry.`,
      { cause: error },
    );
  }
}

export const optionGridQueryOptions = queryOptions({
  queryKey: ['option-grid'] as const,
  queryFn: loadOptionGrid,
  staleTime: Infinity,
  gcTime: Infinity,
  retry: 1,
});
