/**
 * Optional persistence of live answers (PRICING_CACHE_DIR), so a restarted proxy serves the last
 * live prices at once instead of asking AWS again. One file per region, replaced atomically
 * (write to a temporary name, then rename), so a crash never leaves half a file to read back.
 */
import { mkdir, readFile, rename, writeFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { RegionSnapshot } from '../../domain/pricing/price-snapshot.ts';
import { parseRegionSnapshot } from '../../domain/pricing/region-snapshot-schema.ts';

export interface StoredAnswer {
  storedAtMs: number;
  snapshot: RegionSnapshot;
}

export interface CacheStore {
  /** The stored live answer of the region, or null when there is none or it cannot be trusted. */
  read(region: string): Promise<StoredAnswer | null>;
  write(region: string, answer: StoredAnswer): Promise<void>;
}

/** Region codes are checked against the catalog before they get here; this keeps file names plain regardless. */
const SAFE_REGION = /^[a-z]{2}(?:-[a-z]+)+-\d{1,2}$/;

function fileFor(dir: string, region: string): string {
  if (!SAFE_REGION.test(region)) throw new RangeError('not a region code');
  return join(dir, `${region}.json`);
}

export function createDiskCacheStore(dir: string): CacheStore {
  return {
    async read(region) {
      let text: string;
      try {
        text = await readFile(fileFor(dir, region), 'utf8');
      } catch (error) {
        if ((error as { code?: unknown }).code === 'ENOENT') return null;
        throw error;
      }
      try {
        const stored = JSON.parse(text) as { storedAtMs?: unknown; snapshot?: unknown };
        if (typeof stored.storedAtMs !== 'number' || !Number.isFinite(stored.storedAtMs)) return null;
        const snapshot = parseRegionSnapshot(stored.snapshot);
        if (snapshot.region !== region || snapshot.source !== 'live') return null;
        return { storedAtMs: stored.storedAtMs, snapshot };
      } catch {
        return null; // a damaged or foreign file is ignored and overwritten by the next live answer
      }
    },
    async write(region, answer) {
      const target = fileFor(dir, region);
      await mkdir(dir, { recursive: true });
      const temporary = `${target}.${randomUUID()}.tmp`;
      try {
        await writeFile(temporary, JSON.stringify(answer));
        await rename(temporary, target);
      } catch (error) {
        await rm(temporary, { force: true });
        throw error;
      }
    },
  };
}
