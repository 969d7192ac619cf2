import { QueryClient } from '@tanstack/react-query';

/** The app's one QueryClient. Price files do not change while the page is open, so no refetch on focus. */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: { queries: { refetchOnWindowFocus: false, refetchOnReconnect: false } },
  });
}
