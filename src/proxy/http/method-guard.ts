/** Only reads: the proxy has nothing to create, change or delete. */
import type { MiddlewareHandler } from 'hono';

export const ALLOWED_METHODS = 'GET, HEAD, OPTIONS';
const ALLOWED = new Set(['GET', 'HEAD', 'OPTIONS']);

export const methodGuard: MiddlewareHandler = async (c, next) => {
  if (!ALLOWED.has(c.req.method)) {
    return c.json({ error: 'method not allowed', allowed: ALLOWED_METHODS }, 405, { Allow: ALLOWED_METHODS });
  }
  await next();
};
