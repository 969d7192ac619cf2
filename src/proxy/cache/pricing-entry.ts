/**
 * One region's answer, serialized once when it is stored so that serving it is a memory copy:
 * the JSON body, its brotli and gzip forms and an ETag. At about 290 kB of JSON (us-east-1, 1,352
 * instance types), serializing or compressing per request would dominate the proxy's cost.
 *
 * Brotli at quality 11 makes the us-east-1 answer 11 kB (gzip -9: 15 kB) but takes about 0.7 s of
 * CPU, so both are compressed on the libuv thread pool, never on the event loop.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, constants, gzip } from 'node:zlib';
import type { RegionSnapshot } from '../../domain/pricing/price-snapshot.ts';

const brotliAsync = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

export interface PricingEntry {
  region: string;
  source: RegionSnapshot['source'];
  asOf: string;
  reason?: string;
  body: string;
  brotliBody: Uint8Array<ArrayBuffer>;
  gzipBody: Uint8Array<ArrayBuffer>;
  /** Weak: the encodings carry the same representation (RFC 9110 section 8.8.1). */
  etag: string;
  /** When the answer was obtained (epoch ms). */
  storedAtMs: number;
  /** Until when it is served without asking AWS again (epoch ms). */
  freshUntilMs: number;
}

export async function buildPricingEntry(
  snapshot: RegionSnapshot,
  storedAtMs: number,
  freshUntilMs: number,
): Promise<PricingEntry> {
  const body = JSON.stringify(snapshot);
  const bytes = Buffer.from(body, 'utf8');
  const [brotliBody, gzipBody] = await Promise.all([
    brotliAsync(bytes, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        [constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }),
    gzipAsync(bytes, { level: 9 }),
  ]);
  const entry: PricingEntry = {
    region: snapshot.region,
    source: snapshot.source,
    asOf: snapshot.asOf,
    body,
    brotliBody: new Uint8Array(brotliBody),
    gzipBody: new Uint8Array(gzipBody),
    etag: `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`,
    storedAtMs,
    freshUntilMs,
  };
  if (snapshot.reason) entry.reason = snapshot.reason;
  return entry;
}
