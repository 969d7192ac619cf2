/** Reads a region's bundled snapshot (public/pricing/<region>.json, or SNAPSHOT_DIR in an image). */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RegionSnapshot } from '../domain/pricing/price-snapshot.ts';
import { parseRegionSnapshot } from '../domain/pricing/region-snapshot-schema.ts';

export function createBundledSnapshotLoader(dir: string): (region: string) => Promise<RegionSnapshot> {
  return async (region) => {
    // Callers pass catalog region codes only; the check keeps the file name plain regardless.
    if (!/^[a-z0-9-]{1,32}$/.test(region)) throw new RangeError('not a region code');
    const snapshot = parseRegionSnapshot(JSON.parse(await readFile(join(dir, `${region}.json`), 'utf8')));
    if (snapshot.region !== region) throw new Error(`${region}.json holds the snapshot of ${snapshot.region}`);
    return snapshot;
  };
}
