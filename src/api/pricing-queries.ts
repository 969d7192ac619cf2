/**
 * Region prices for the browser, through TanStack Query: server state lives here, never in the
 * zustand store (which holds only what the user chose).
 *
 * Sources: the bundled snapshot, public/pricing/<region>.json, served with the app; and, when
 * VITE_PRICING_API names a pricing proxy (a URL, or "same-origin" for the app's own /api), live
 * prices from it with the bundled file as the fallback (fetch-live-pricing.ts). The query key
 * carries the source, and the rest of the app reads `snapshot.source`, `asOf` and `reason` from
 * whatever the loader returns.
 */
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { RegionSnapshot } from '../domain/pricing/price-snapshot.ts';
import { resolvePricingApi } from './pricing-api-setting.ts';

export type PriceSourceChoice = 'bundled' | 'live';

/** The pricing proxy this build was configured with (VITE_PRICING_API), if any. */
const PRICING_API = resolvePricingApi(import.meta.env.VITE_PRICING_API);

/** Live prices when a proxy is configured (a wrong setting is reported as the fallback's reason). */
export const DEFAULT_PRICE_SOURCE: PriceSourceChoice = PRICING_API.kind === 'none' ? 'bundled' : 'live';

/** The proxy caches the Price List for 24 h; a page open all day asks again after a few hours. */
const LIVE_STALE_TIME_MS = 6 * 60 * 60_000;
/** A fallback answer is re-asked soon (the proxy retries AWS after 5 minutes). */
const FALLBACK_STALE_TIME_MS = 5 * 60_000;

type SnapshotLoader = (region: string, signal: AbortSignal) => Promise<RegionSnapshot>;

/** Where the app is served from: "/" in dev and preview; Vite's base when deployed under a path. */
const APP_BASE = import.meta.env.BASE_URL ?? '/';

/** Loads a bundled snapshot through the shared loader, so a wrong file never prices silently. */
export async function fetchBundledSnapshot(
  region: string,
  signal?: AbortSignal,
  fetchImpl: typeof fetch = fetch,
): Promise<RegionSnapshot> {
  // The loader and its validator arrive with the prices: the first paint needs neither.
  const { loadRegionSnapshot } = await import('../domain/pricing/load-region-snapshot.ts');
  return loadRegionSnapshot(region, async (fileName) => {
    const url = `${APP_BASE}pricing/${fileName}`;
    const response = await fetchImpl(url, signal ? { signal } : {});
    if (!response.ok) throw new Error(`Could not load prices for ${region} (HTTP ${response.status} from ${url}).`);
    return response.text();
  });
}

export const SNAPSHOT_LOADERS: Record<PriceSourceChoice, SnapshotLoader> = {
  bundled: (region, signal) => fetchBundledSnapshot(region, signal),
  // Loaded on first use: the live client stays out of the first screen's JavaScript.
  live: async (region, signal) => {
    const { fetchLivePricing } = await import('./fetch-live-pricing.ts');
    return fetchLivePricing(region, PRICING_API, { signal, loadBundled: fetchBundledSnapshot });
  },
};

/** One definition of the query, shared by the hook, prefetching and tests. */
export function regionPricingQueryOptions(region: string, source: PriceSourceChoice = DEFAULT_PRICE_SOURCE) {
  return queryOptions({
    queryKey: ['pricing', source, region] as const,
    queryFn: ({ signal }) => SNAPSHOT_LOADERS[source](region, signal),
    // A bundled snapshot never changes while the page is open; live prices are long-lived too.
    staleTime:
      source === 'bundled'
        ? Infinity
        : (query) => (query.state.data?.source === 'live' ? LIVE_STALE_TIME_MS : FALLBACK_STALE_TIME_MS),
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
  const label =
    snapshot.source === 'live' ? `Live AWS prices as of ${snapshot.asOf}` : `Bundled AWS prices as of ${snapshot.asOf}`;
  return {
    source: snapshot.source,
    asOf: snapshot.asOf,
    label,
    ...(snapshot.reason ? { reason: snapshot.reason } : {}),
  };
}

export interface RegionPricing {
  snapshot: RegionSnapshot | undefined;
  pricing: PricingInfo | null;
  isLoading: boolean;
  error: Error | null;
  refetch: () => void;
}

export function useRegionPricing(region: string, source: PriceSourceChoice = DEFAULT_PRICE_SOURCE): RegionPricing {
  const query = useQuery(regionPricingQueryOptions(region, source));
  return {
    snapshot: query.data,
    pricing: query.data ? describePricing(query.data) : null,
    isLoading: query.isPending,
    error: query.error,
    refetch: () => void query.refetch(),
  };
}
