/**
 * Writes a cached pricing answer: 304 when the client already holds it, a pre-compressed body
 * when the client accepts brotli or gzip, else the JSON text. No work per request beyond choosing
 * a buffer.
 */
import type { Context } from 'hono';
import type { PricingEntry } from '../cache/pricing-entry.ts';
import type { ProxyEnv } from './proxy-env.ts';
import { takeResponseHeaders } from './response-headers.ts';
import { JSON_CSP } from './security-headers.ts';

/** The q-value Accept-Encoding gives `coding` (or "*"), 0 when it is not accepted (RFC 9110 section 12.5.3). */
function acceptance(header: string, coding: string): number {
  let wildcard = 0;
  for (const part of header.split(',')) {
    const [name = '', ...params] = part.split(';').map((piece) => piece.trim().toLowerCase());
    const q = params.find((param) => param.startsWith('q='));
    const weight = q === undefined ? 1 : Number(q.slice(2)) || 0;
    if (name === coding) return weight;
    if (name === '*') wildcard = weight;
  }
  return wildcard;
}

/** The smallest encoding the client accepts: brotli (11 kB for us-east-1), gzip (15 kB), or none. */
export function chooseEncoding(header: string | undefined): 'br' | 'gzip' | null {
  if (!header) return null;
  if (acceptance(header, 'br') > 0) return 'br';
  if (acceptance(header, 'gzip') > 0) return 'gzip';
  return null;
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
  const encoding = chooseEncoding(c.req.header('accept-encoding'));
  if (encoding) own['Content-Encoding'] = encoding;
  const body = encoding === 'br' ? entry.brotliBody : encoding === 'gzip' ? entry.gzipBody : entry.body;
  return new Response(body, { status: 200, headers: takeResponseHeaders(c, own, ['Accept-Encoding']) });
}
