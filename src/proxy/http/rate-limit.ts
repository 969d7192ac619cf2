/**
 * Requests per client address per minute, in fixed one-minute windows. Memory is bounded: past
 * maxTrackedClients the oldest windows are dropped (a dropped client simply starts a new window).
 */
import type { Context, MiddlewareHandler } from 'hono';
import type { Clock } from '../pricing/region-pricing.ts';
import type { ProxyEnv } from './proxy-env.ts';
import { addResponseHeaders } from './response-headers.ts';

const WINDOW_MS = 60_000;

interface Window {
  startMs: number;
  count: number;
}

export interface RateLimitOptions {
  limitPerMinute: number;
  clock: Clock;
  addressOf: (c: Context) => string;
  maxTrackedClients?: number;
}

export function rateLimit(options: RateLimitOptions): MiddlewareHandler<ProxyEnv> {
  const { limitPerMinute, clock, addressOf } = options;
  const maxTracked = options.maxTrackedClients ?? 10_000;
  const windows = new Map<string, Window>();
  return async (c, next) => {
    if (limitPerMinute <= 0) return next();
    const nowMs = clock.nowMs();
    const address = addressOf(c);
    let window = windows.get(address);
    if (!window || nowMs - window.startMs >= WINDOW_MS) {
      windows.delete(address);
      window = { startMs: nowMs, count: 0 };
      windows.set(address, window);
      while (windows.size > maxTracked) windows.delete(windows.keys().next().value as string);
    }
    window.count++;
    const remaining = Math.max(0, limitPerMinute - window.count);
    const resetSeconds = Math.max(1, Math.ceil((window.startMs + WINDOW_MS - nowMs) / 1000));
    // The RateLimit-* fields of the IETF httpapi rate-limit headers draft, on every /api answer.
    addResponseHeaders(c, {
      'RateLimit-Limit': String(limitPerMinute),
      'RateLimit-Remaining': String(remaining),
      'RateLimit-Reset': String(resetSeconds),
    });
    if (window.count > limitPerMinute) {
      return c.json({ error: 'too many requests', retryAfterSeconds: resetSeconds }, 429, {
        'Retry-After': String(resetSeconds),
      });
    }
    await next();
  };
}
