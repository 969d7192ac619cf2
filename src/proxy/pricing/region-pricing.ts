/**
 * Serves a region's prices: live from the Price List when AWS answers, else the bundled snapshot
 * with a reason. Answers are cached per region:
 * - fresh entries are served as they are (cache "hit");
 * - stale entries are served at once while one background fetch refreshes them (cache "stale",
 *   stale-while-revalidate);
 * - a region with no entry waits for the fetch (cache "miss");
 * - concurrent requests for a region share one fetch (single-flight), so a burst of cold requests
 *   makes one set of AWS calls;
 * - when a refresh fails, a previous live answer keeps being served (stale-if-error) and AWS is
 *   asked again only after failureTtlMs; without one, the bundled snapshot is served for that long.
 */
import { normalizePriceList, type PriceListItemsByService } from '../../domain/pricing/normalize-price-list.ts';
import type { RegionSnapshot } from '../../domain/pricing/price-snapshot.ts';
import type { CacheStore } from '../cache/disk-cache-store.ts';
import type { LruCache } from '../cache/lru-cache.ts';
import { buildPricingEntry, type PricingEntry } from '../cache/pricing-entry.ts';
import type { Logger } from '../json-logger.ts';
import { describePricingFailure, safeErrorName } from './describe-pricing-failure.ts';

export type CacheStatus = 'hit' | 'stale' | 'miss';

export interface Clock {
  nowMs(): number;
}

export const systemClock: Clock = { nowMs: () => Date.now() };

export interface RegionPricingDeps {
  /** The Price List items of a region (AWS in production, recorded items in tests). */
  fetchPriceList: (region: string) => Promise<PriceListItemsByService>;
  loadBundledSnapshot: (region: string) => Promise<RegionSnapshot>;
  cache: LruCache<PricingEntry>;
  /** Persistence across restarts; null keeps answers in memory only. */
  store: CacheStore | null;
  clock: Clock;
  logger: Logger;
  ttlMs: number;
  failureTtlMs: number;
  /** Only used to word the reason of a throttling failure. */
  maxThrottleRetries: number;
}

export interface RegionPricing {
  get(region: string): Promise<{ entry: PricingEntry; cache: CacheStatus }>;
  /** Resolves when no fetch is running (tests, shutdown). */
  settled(): Promise<void>;
}

export function createRegionPricing(deps: RegionPricingDeps): RegionPricing {
  const inFlight = new Map<string, Promise<PricingEntry>>();
  const { cache, clock, logger } = deps;

  async function fetchLive(region: string): Promise<PricingEntry> {
    const startedMs = clock.nowMs();
    try {
      const [items, bundled] = await Promise.all([deps.fetchPriceList(region), deps.loadBundledSnapshot(region)]);
      const snapshot = normalizePriceList(region, items, bundled);
      const storedAtMs = clock.nowMs();
      const entry = await buildPricingEntry(snapshot, storedAtMs, storedAtMs + deps.ttlMs);
      cache.set(region, entry);
      logger.info('live pricing fetched', { region, asOf: entry.asOf, fetchMs: storedAtMs - startedMs });
      if (deps.store) {
        await deps.store.write(region, { storedAtMs, snapshot }).catch((error: unknown) => {
          logger.warn('pricing cache write failed', { region, errorName: safeErrorName(error) });
        });
      }
      return entry;
    } catch (error) {
      return fallBack(region, error);
    }
  }

  async function fallBack(region: string, error: unknown): Promise<PricingEntry> {
    const reason = describePricingFailure(error, deps.maxThrottleRetries);
    logger.warn('live pricing failed', { region, errorName: safeErrorName(error), reason });
    const nowMs = clock.nowMs();
    const previous = cache.peek(region);
    if (previous?.source === 'live') {
      const kept = { ...previous, freshUntilMs: nowMs + deps.failureTtlMs };
      cache.set(region, kept);
      return kept;
    }
    const bundled = await deps.loadBundledSnapshot(region);
    const entry = await buildPricingEntry({ ...bundled, source: 'snapshot', reason }, nowMs, nowMs + deps.failureTtlMs);
    cache.set(region, entry);
    return entry;
  }

  /** The one fetch of `region`, shared by every caller until it settles. */
  function refresh(region: string): Promise<PricingEntry> {
    const running = inFlight.get(region);
    if (running) return running;
    // Started in a microtask so the map holds the promise before the fetch can settle and remove it.
    const promise = Promise.resolve()
      .then(() => fetchLive(region))
      .finally(() => inFlight.delete(region));
    inFlight.set(region, promise);
    return promise;
  }

  async function readStore(region: string): Promise<PricingEntry | undefined> {
    if (!deps.store) return undefined;
    try {
      const stored = await deps.store.read(region);
      if (!stored) return undefined;
      const entry = await buildPricingEntry(stored.snapshot, stored.storedAtMs, stored.storedAtMs + deps.ttlMs);
      if (!cache.peek(region)) cache.set(region, entry);
      return cache.peek(region);
    } catch (error) {
      logger.warn('pricing cache read failed', { region, errorName: safeErrorName(error) });
      return undefined;
    }
  }

  return {
    async get(region) {
      const entry = cache.get(region) ?? (await readStore(region));
      if (!entry) return { entry: await refresh(region), cache: 'miss' };
      if (clock.nowMs() < entry.freshUntilMs) return { entry, cache: 'hit' };
      // The background refresh never rejects: failures become a fallback entry.
      void refresh(region).catch((error: unknown) => {
        logger.error('pricing refresh failed', { region, errorName: safeErrorName(error) });
      });
      return { entry, cache: 'stale' };
    },
    async settled() {
      while (inFlight.size > 0) await Promise.allSettled(inFlight.values());
    },
  };
}
