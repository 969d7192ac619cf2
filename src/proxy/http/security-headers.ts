/**
 * Headers on every response. JSON answers get a CSP that allows nothing (they are data, never a
 * document); the built app's HTML gets one that allows only its own files.
 */
import type { MiddlewareHandler } from 'hono';

export const JSON_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * For dist/index.html served by the proxy. Inline style attributes are allowed because React and
 * recharts set element styles; scripts, images and fetches come from the app's own origin only,
 * which is where this proxy's /api lives (the image builds the app with VITE_PRICING_API=same-origin).
 */
export const APP_CSP = [
  "default-src 'self'", "script-src 'self'", "style-src 'self' 'unsafe-inline'", "img-src 'self' data: blob:",
  "connect-src 'self'", "object-src 'none'", "base-uri 'self'", "form-action 'none'", "frame-ancestors 'none'",
].join('; ');

export function securityHeaders(htmlCsp: string = APP_CSP): MiddlewareHandler {
  return async (c, next) => {
    await next();
    const headers = c.res.headers;
    headers.set('X-Content-Type-Options', 'nosniff');
    headers.set('Referrer-Policy', 'no-referrer');
    headers.set('X-Frame-Options', 'DENY');
    const isHtml = (headers.get('Content-Type') ?? '').startsWith('text/html');
    headers.set('Content-Security-Policy', isHtml ? htmlCsp : JSON_CSP);
  };
}
