/**
 * CORS with an allowlist: the proxy's own origin, the configured origins (default: the Vite dev
 * and preview ports) or "*". A preflight from any other origin gets 403; other requests from it
 * are answered without Access-Control-Allow-Origin, so the browser keeps the body from the page.
 */
import type { MiddlewareHandler } from 'hono';
import { ALLOWED_METHODS } from './method-guard.ts';
import type { ProxyEnv } from './proxy-env.ts';
import { addResponseHeaders, addVary } from './response-headers.ts';

/** Request headers a page may send: conditional requests and content negotiation only. */
const ALLOWED_REQUEST_HEADERS = 'Accept, Content-Type, If-None-Match';
const PREFLIGHT_MAX_AGE_SECONDS = '600';

/**
 * Same origin when the Origin's host:port is the one the request was sent to (the Host header, as
 * the request URL carries it). The scheme is not compared: behind a TLS-terminating load balancer
 * the proxy sees http for an https page.
 */
function isSameOrigin(origin: string, requestUrl: string): boolean {
  try {
    return new URL(origin).host === new URL(requestUrl).host;
  } catch {
    return false;
  }
}

export function corsAllowlist(allowedOrigins: readonly string[]): MiddlewareHandler<ProxyEnv> {
  const anyOrigin = allowedOrigins.includes('*');
  const allowed = new Set(allowedOrigins);
  return async (c, next) => {
    const origin = c.req.header('origin');
    const permitted = origin !== undefined && (anyOrigin || allowed.has(origin) || isSameOrigin(origin, c.req.url));
    addVary(c, 'Origin');
    const isPreflight =
      c.req.method === 'OPTIONS' && origin !== undefined && c.req.header('access-control-request-method') !== undefined;
    if (isPreflight) {
      if (!permitted) return c.json({ error: 'origin not allowed' }, 403);
      return c.body(null, 204, {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Allow-Methods': ALLOWED_METHODS,
        'Access-Control-Allow-Headers': ALLOWED_REQUEST_HEADERS,
        'Access-Control-Max-Age': PREFLIGHT_MAX_AGE_SECONDS,
      });
    }
    if (c.req.method === 'OPTIONS') return c.body(null, 204, { Allow: ALLOWED_METHODS });
    if (permitted) {
      addResponseHeaders(c, {
        'Access-Control-Allow-Origin': origin,
        'Access-Control-Expose-Headers': 'ETag, Retry-After, RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset',
      });
    }
    await next();
  };
}
