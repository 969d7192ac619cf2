/**
 * Headers on every response. JSON answers get a CSP that allows nothing (they are data, never a
 * document); the built app's HTML gets one that allows only its own files.
 */
import type { MiddlewareHandler } from 'hono';
import type { ProxyEnv } from './proxy-env.ts';
import { addResponseHeaders } from './response-headers.ts';

export const JSON_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * For dist/index.html served by the proxy. Inline style attributes are allowed because React and
 * recharts set element styles; scripts, images and fetches come from the app's own origin only,
 * which is where this proxy's /api lives (the image builds the app with VITE_PRICING_API=same-origin).
 */
export const APP_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

const SECURITY_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
} as const;

/** The CSP for a response of this content type. */
export function cspFor(contentType: string | null): string {
  return (contentType ?? '').startsWith('text/html') ? APP_CSP : JSON_CSP;
}

export const securityHeaders: MiddlewareHandler<ProxyEnv> = async (c, next) => {
  addResponseHeaders(c, SECURITY_HEADERS);
  await next();
};
