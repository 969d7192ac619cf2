/**
 * Writes a cached pricing answer: 304 when the client already holds it, the pre-compressed body
 * when the client accepts gzip, else the JSON text. No work per request beyond choosing a buffer.
 */
import type { Context } from 'hono';
import type { PricingEntry } from '../cache/pricing-entry.ts';
import type { ProxyEnv } from './proxy-env.ts';
import { takeResponseHeaders } from './response-headers.ts';
import { JSON_CSP } from './security-headers.ts';

/** True when Accept-Encoding lists gzip (or *) without q=0 (RFC 9110 section 12.5.3). */
export function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  for (const part of header.split(',')) {
    const [coding = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    if (coding !== 'gzip' && coding !== '*') continue;
    const q = params.find((param) => param.startsWith('q='));
    if (q === undefined || Number(q.slice(2)) > 0) return true;
  }
  return false;
}

/** Weak comparison (RFC 9110 section 13.1.2): W/ prefixes are ignored, "*" matches anything. */
function matchesEtag(ifNoneMatch: string | undefined, etag: string): boolean {
  if (!ifNoneMatch) return false;
  const opaque = (tag: string) => tag.trim().replace(/^W\//, '');
  const wanted = opaque(etag);
  return ifNoneMatch.split(',').some((tag) => tag.trim() === '*' || opaque(tag) === wanted);
}

/**
 * Builds the Response directly with one plain header object (the middlewares' headers taken in),
 * rather than through c.body(), which would assemble a Headers instance per request.
 */
export function sendPricingEntry(c: Context<ProxyEnv>, entry: PricingEntry): Response {
  const own: Record<string, string> = {
    ETag: entry.etag,
    // A fallback answer is re-checked at once so the page sees live prices as soon as AWS answers.
    'Cache-Control': entry.source === 'live' ? 'public, max-age=3600' : 'no-cache',
    'Content-Security-Policy': JSON_CSP,
  };
  if (matchesEtag(c.req.header('if-none-match'), entry.etag)) {
    return new Response(null, { status: 304, headers: takeResponseHeaders(c, own, ['Accept-Encoding']) });
  }
  own['Content-Type'] = 'application/json; charset=utf-8';
  if (acceptsGzip(c.req.header('accept-encoding'))) {
    own['Content-Encoding'] = 'gzip';
    return new Response(entry.gzipBody as Uint8Array<ArrayBuffer>, { status: 200, headers: takeResponseHeaders(c, own, ['Accept-Encoding']) });
  }
  return new Response(entry.body, { status: 200, headers: takeResponseHeaders(c, own, ['Accept-Encoding']) });
}
