/**
 * Serves the built app (STATIC_DIR, normally dist/) next to the API, so one image runs both.
 * Hashed files under assets/ are cached for a year; index.html is revalidated on every load.
 * Any other GET for a path without a file extension gets index.html (client-side routes).
 */
import type { Context, Hono, MiddlewareHandler, Next } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { ProxyEnv } from './proxy-env.ts';

const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Runs a serveStatic handler and, when it served a file, sets that file's Cache-Control. */
function withCacheControl(handler: MiddlewareHandler<ProxyEnv>, cacheControlFor: (path: string) => string) {
  return async (c: Context<ProxyEnv>, next: Next) => {
    const response = await handler(c, next);
    if (response instanceof Response) response.headers.set('Cache-Control', cacheControlFor(c.req.path));
    return response;
  };
}

export function mountStaticSite(app: Hono<ProxyEnv>, root: string): void {
  // .gz siblings written at image build time (Dockerfile) are sent to clients that accept gzip.
  const files = serveStatic<ProxyEnv>({ root, precompressed: true });
  const indexHtml = serveStatic<ProxyEnv>({ root, path: 'index.html', precompressed: true });
  app.get(
    '*',
    withCacheControl(files, (path) => (path.startsWith('/assets/') ? IMMUTABLE : 'no-cache')),
  );
  app.get('*', async (c, next) => {
    const lastSegment = c.req.path.slice(c.req.path.lastIndexOf('/') + 1);
    if (c.req.path.startsWith('/api/') || lastSegment.includes('.')) return next();
    return withCacheControl(indexHtml, () => 'no-cache')(c, next);
  });
}
