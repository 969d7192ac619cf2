/**
 * The pricing proxy as a Hono app, built from its dependencies and nothing else: tests call
 * `app.request()` with a mocked Price List and an in-memory cache; main.ts serves the same app on
 * Node and lambda-handler.ts on AWS Lambda.
 *
 *   GET /healthz               {"ok":true}
 *   GET /api/regions           the regions the proxy can price (the bundled catalog)
 *   GET /api/pricing/<region>  the region's snapshot: live, or bundled with "source":"snapshot" and a reason
 */
import { Hono } from 'hono';
import type { PriceListItemsByService } from '../domain/pricing/normalize-price-list.ts';
import type { RegionSnapshot } from '../domain/pricing/price-snapshot.ts';
import { REGION_CATALOG } from '../domain/pricing/region-catalog.ts';
import type { CacheStore } from './cache/disk-cache-store.ts';
import type { LruCache } from './cache/lru-cache.ts';
import type { PricingEntry } from './cache/pricing-entry.ts';
import { clientAddressOf } from './http/client-address.ts';
import { corsAllowlist } from './http/cors.ts';
import { rejectDotSegments } from './http/dot-segments.ts';
import { methodGuard } from './http/method-guard.ts';
import type { ProxyEnv } from './http/proxy-env.ts';
import { rateLimit } from './http/rate-limit.ts';
import { requestLog } from './http/request-log.ts';
import { cspFor, securityHeaders } from './http/security-headers.ts';
import { headerBag } from './http/response-headers.ts';
import { sendPricingEntry } from './http/send-pricing-entry.ts';
import { mountStaticSite } from './http/static-site.ts';
import type { Logger } from './json-logger.ts';
import { createRegionPricing, type Clock } from './pricing/region-pricing.ts';
import { safeErrorName } from './pricing/describe-pricing-failure.ts';
import type { ProxyConfig } from './proxy-config.ts';

export interface ProxyDeps {
  config: ProxyConfig;
  /** The Price List items of a region: AWS through the SDK client in production, recordings in tests. */
  fetchPriceList: (region: string) => Promise<PriceListItemsByService>;
  /** The region's bundled snapshot: the fallback, and the instance facts the Price List lacks. */
  loadBundledSnapshot: (region: string) => Promise<RegionSnapshot>;
  cache: LruCache<PricingEntry>;
  /** Survives restarts when set (PRICING_CACHE_DIR). */
  cacheStore: CacheStore | null;
  clock: Clock;
  logger: Logger;
}

const KNOWN_REGIONS = new Set(REGION_CATALOG.map((region) => region.code));
/** Longer than any region code; longer input is rejected before any lookup. */
const MAX_REGION_CHARS = 32;

const REGIONS_BODY = JSON.stringify({
  regions: REGION_CATALOG.map(({ code, name, fargate }) => ({ code, name, fargate })),
});

/** The error body never repeats the input: hostile input is not reflected, logged only cut short. */
const UNKNOWN_REGION = {
  error: 'unknown region',
  detail: 'Use a region code listed by GET /api/regions, for example us-east-1.',
} as const;

export function isKnownRegion(value: string): boolean {
  return value.length <= MAX_REGION_CHARS && KNOWN_REGIONS.has(value);
}

export function createProxyApp(deps: ProxyDeps): Hono<ProxyEnv> {
  const { config, logger } = deps;
  const pricing = createRegionPricing({
    fetchPriceList: deps.fetchPriceList,
    loadBundledSnapshot: deps.loadBundledSnapshot,
    cache: deps.cache,
    store: deps.cacheStore,
    clock: deps.clock,
    logger,
    ttlMs: config.cacheTtlMs,
    failureTtlMs: config.failureTtlMs,
    maxThrottleRetries: config.awsMaxThrottleRetries,
  });

  const app = new Hono<ProxyEnv>();
  app.use('*', requestLog(logger));
  app.use(
    '*',
    headerBag((response) => ({ 'Content-Security-Policy': cspFor(response.headers.get('content-type')) })),
  );
  app.use('*', securityHeaders);
  app.use('*', methodGuard);
  app.use('*', rejectDotSegments);
  app.use('/api/*', corsAllowlist(config.corsOrigins));
  app.use(
    '/api/*',
    rateLimit({
      limitPerMinute: config.rateLimitPerMinute,
      clock: deps.clock,
      addressOf: (c) => clientAddressOf(c, config.trustProxyHops),
    }),
  );

  app.get('/healthz', (c) => c.json({ ok: true }, 200, { 'Cache-Control': 'no-store' }));

  app.get('/api/regions', (c) =>
    c.body(REGIONS_BODY, 200, {
      'Content-Type': 'application/json; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
    }),
  );

  app.get('/api/pricing/:region', async (c) => {
    const region = c.req.param('region');
    if (!isKnownRegion(region)) return c.json(UNKNOWN_REGION, 400);
    const { entry, cache } = await pricing.get(region);
    c.set('region', region);
    c.set('cacheStatus', cache);
    c.set('pricingSource', entry.source);
    return sendPricingEntry(c, entry);
  });

  // Anything else under /api/pricing/ (empty, or with more segments) names no region.
  app.get('/api/pricing/*', (c) => c.json(UNKNOWN_REGION, 400));
  app.all('/api/*', (c) => c.json({ error: 'not found' }, 404));

  if (config.staticDir) mountStaticSite(app, config.staticDir);

  app.notFound((c) => c.json({ error: 'not found' }, 404));
  app.onError((error, c) => {
    logger.error('request failed', { path: c.req.path.slice(0, 200), errorName: safeErrorName(error) });
    return c.json({ error: 'internal error' }, 500);
  });
  return app;
}
