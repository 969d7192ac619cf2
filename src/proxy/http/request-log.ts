/**
 * One JSON log line per request: method, path, status, duration, cache hit/miss/stale and the
 * price source. The path is cut to 200 characters (hostile paths can be 10 kB) and never includes
 * the query string; headers are never logged.
 */
import type { MiddlewareHandler } from 'hono';
import type { Logger } from '../json-logger.ts';
import type { ProxyEnv } from './proxy-env.ts';

const MAX_LOGGED_PATH_CHARS = 200;

export function requestLog(logger: Logger): MiddlewareHandler<ProxyEnv> {
  return async (c, next) => {
    const startedMs = performance.now();
    await next();
    logger.info('request', {
      method: c.req.method,
      path: c.req.path.slice(0, MAX_LOGGED_PATH_CHARS),
      status: c.res.status,
      durationMs: Math.round((performance.now() - startedMs) * 100) / 100,
      cache: c.get('cacheStatus') ?? 'none',
      source: c.get('pricingSource'),
      region: c.get('region'),
    });
  };
}
