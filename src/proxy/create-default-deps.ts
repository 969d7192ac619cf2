/** Production wiring of the proxy's dependencies from its settings (shared by main.ts and lambda-handler.ts). */
import { createDiskCacheStore } from './cache/disk-cache-store.ts';
import { LruCache } from './cache/lru-cache.ts';
import type { PricingEntry } from './cache/pricing-entry.ts';
import type { ProxyDeps } from './create-proxy-app.ts';
import { createJsonLogger, type Logger } from './json-logger.ts';
import { createBundledSnapshotLoader } from './load-bundled-snapshot-file.ts';
import { createPricingClient } from './pricing/create-pricing-client.ts';
import { fetchRegionPriceList } from './pricing/fetch-region-price-list.ts';
import { DEFAULT_GET_PRODUCTS_POLICY } from './pricing/get-all-products.ts';
import { systemClock } from './pricing/region-pricing.ts';
import type { ProxyConfig } from './proxy-config.ts';

export const stdoutLogger: Logger = createJsonLogger((line) => process.stdout.write(`${line}\n`));

export function createDefaultDeps(config: ProxyConfig, logger: Logger = stdoutLogger): ProxyDeps {
  const client = createPricingClient(config.awsTimeoutMs);
  const policy = {
    ...DEFAULT_GET_PRODUCTS_POLICY,
    timeoutMs: config.awsTimeoutMs,
    maxThrottleRetries: config.awsMaxThrottleRetries,
  };
  return {
    config,
    fetchPriceList: (region) => fetchRegionPriceList(client, region, policy),
    loadBundledSnapshot: createBundledSnapshotLoader(config.snapshotDir),
    cache: new LruCache<PricingEntry>(config.cacheMaxRegions),
    cacheStore: config.cacheDir ? createDiskCacheStore(config.cacheDir) : null,
    clock: systemClock,
    logger,
  };
}
