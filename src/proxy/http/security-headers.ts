/**
 * Headers on every response. JSON answers get a CSP that allows nothing (they are data, never a
 * document); the built app's HTML gets one that allows only its own files.
 */
import type { MiddlewareHandler } from 'hono';
import type { ProxyEnv } from './proxy-env.ts';
import { addResponseHeaders } from './response-headers.ts';
import { appCsp } from './app-csp.ts';

export const JSON_CSP = "default-src 'none'; frame-ancestors 'none'";

/** For dist/index.html served by the proxy: the one app policy (app-csp.ts), which `npm start` sends too.
 * The image builds the app with VITE_PRICING_API=same-origin, so connect-src 'self' reaches /api. */
export const APP_CSP = appCsp();

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
