/**
 * One region's answer, serialized once when it is stored so that serving it is a memory copy:
 * the JSON body, its gzip form and an ETag. At about 290 kB of JSON (us-east-1, 1,352 instance
 * types), serializing per request would dominate the proxy's cost.
 */
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { RegionSnapshot } from '../../domain/pricing/price-snapshot.ts';

export interface PricingEntry {
  region: string;
  source: RegionSnapshot['source'];
  asOf: string;
  reason?: string;
  body: string;
  gzipBody: Uint8Array;
  /** Weak: the JSON and gzip forms carry the same representation (RFC 9110 section 8.8.1). */
  etag: string;
  /** When the answer was obtained (epoch ms). */
  storedAtMs: number;
  /** Until when it is served without asking AWS again (epoch ms). */
  freshUntilMs: number;
}

export function buildPricingEntry(snapshot: RegionSnapshot, storedAtMs: number, freshUntilMs: number): PricingEntry {
  const body = JSON.stringify(snapshot);
  const entry: PricingEntry = {
    region: snapshot.region,
    source: snapshot.source,
    asOf: snapshot.asOf,
    body,
    gzipBody: gzipSync(body, { level: 9 }),
    etag: `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`,
    storedAtMs,
    freshUntilMs,
  };
  if (snapshot.reason) entry.reason = snapshot.reason;
  return entry;
}
