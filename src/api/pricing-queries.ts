/**
 * Region prices for the browser, through TanStack Query: server state lives here, never in the
 * zustand store (which holds only what the user chose).
 *
 * Today the only source is the bundled snapshot, public/pricing/<region>.json, served by Vite.
 * To add a source (the pricing proxy's live prices), add its name to PriceSourceChoice and a
 * loader to SNAPSHOT_LOADERS; the query key already carries the source, and the rest of the app
 * reads `snapshot.source`, `asOf` and `reason` from whatever the loader returns.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { RegionSnapshot } from '../domain/pricing/price-snapshot.ts';

export type PriceSourceChoice = 'bundled';

type SnapshotLoader = (region: string, signal: AbortSignal) => Promise<RegionSnapshot>;

/** Where the app is served from: "/" in dev and preview; Vite's base when deployed under a path. */
const APP_BASE = import.meta.env.BASE_URL ?? '/';

/** Loads a bundled snapshot and checks it is the region asked for, so a wrong file never prices silently. */
export async function fetchBundledSnapshot(region: string, signal?: AbortSignal, fetchImpl: typeof fetch = fetch): Promise<RegionSnapshot> {
  const url = `${APP_BASE}pricing/${encodeURIComponent(region)}.json`;
  const response = await fetchImpl(url, signal ? { signal } : {});
  if (!response.ok) throw new Error(`Could not load prices for ${region} (HTTP ${response.status} from ${url}).`);
  const body = (await response.json()) as Partial<RegionSnapshot>;
  if (body.formatVersion !== 1 || body.region !== region || !body.ec2 || !body.eks || !body.extras) {
    throw new Error(`The price file for ${region} is not a format-1 snapshot of that region.`);
  }
  return body as RegionSnapshot;
}

export const SNAPSHOT_LOADERS: Record<PriceSourceChoice, SnapshotLoader> = {
  bundled: (region, signal) => fetchBundledSnapshot(region, signal),
};

/** One definition of the query, shared by the hook, prefetching and tests. */
export function regionPricingQueryOptions(region: string, source: PriceSourceChoice = 'bundled') {
  return queryOptions({
    queryKey: ['pricing', source, region] as const,
    queryFn: ({ signal }) => SNAPSHOT_LOADERS[source](region, signal),
    // A bundled snapshot never changes while the page is open.
    staleTime: Infinity,
    gcTime: 30 * 60_000,
    retry: 1,
  });
}

/** What the page says about its prices: "Bundled AWS prices as of 2026-11-27". */
export interface PricingInfo {
  source: RegionSnapshot['source'];
  asOf: string;
  label: string;
  /** Why live prices were not used, when a live request fell back to the snapshot. */
  reason?: string;
}

export function describePricing(snapshot: Pick<RegionSnapshot, 'source' | 'asOf' | 'reason'>): PricingInfo {
  const label = snapshot.source === 'live' ? `Live AWS prices as of ${snapshot.asOf}` : `Bundled AWS prices as of ${snapshot.asOf}`;
  return { source: snapshot.source, asOf: snapshot.asOf, label, ...(snapshot.reason ? { reason: snapshot.reason } : {}) };
}

export interface RegionPricing {
  snapshot: RegionSnapshot | undefined;
  pricing: PricingInfo | null;
  isLoading: boolean;
  error: Error | null;
  refetch: () => void;
}

export function useRegionPricing(region: string, source: PriceSourceChoice = 'bundled'): RegionPricing {
  const query = useQuery(regionPricingQueryOptions(region, source));
  return {
    snapshot: query.data,
    pricing: query.data ? describePricing(query.data) : null,
    isLoading: query.isPending,
    error: query.error,
    refetch: () => void query.refetch(),
  };
}
