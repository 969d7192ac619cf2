/**
 * Rejects raw "." and ".." path segments. The URL parser resolves them before routing
 * (/api/pricing/../etc becomes /api/etc), which would hide a traversal attempt behind a plain 404;
 * on Node the request line is still available, so such requests get an explicit 400 instead.
 */
import type { MiddlewareHandler } from 'hono';

const DOT_SEGMENT = /(?:^|\/)\.{1,2}(?:\/|$|\?)/;

export const rejectDotSegments: MiddlewareHandler = async (c, next) => {
  const rawUrl = (c.env as { incoming?: { url?: string } } | undefined)?.incoming?.url;
  // Cheap test first: almost every request line has no "/." at all.
  if (rawUrl !== undefined && rawUrl.includes('/.') && DOT_SEGMENT.test(rawUrl.split('?')[0] ?? '')) {
    return c.json({ error: 'invalid path', detail: 'Paths may not contain "." or ".." segments.' }, 400);
  }
  await next();
};
