/**
 * A part of the page that loads as a chunk of its own after the first screen (the cost engine, the
 * option cards, the wording of field messages), through TanStack Query: loaded once and kept, and
 * a failed download reported by what could not load, then retried like a failed price file.
 */
import { queryOptions } from '@tanstack/react-query';

export function chunkQueryOptions<K extends string, T>(key: K, what: string, load: () => Promise<T>, retry = 1) {
  return queryOptions({
    queryKey: [key] as const,
    queryFn: async (): Promise<T> => {
      try {
        return await load();
      } catch (error) {
        throw new Error(
          `Could not load ${what} (${error instanceof Error ? error.message : String(error)}); check the connection and retry.`,
          { cause: error },
        );
      }
    },
    staleTime: Infinity,
    gcTime: Infinity,
    retry,
  });
}
