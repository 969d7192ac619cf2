/** Reads a region's bundled snapshot (public/pricing/<region>.json, or SNAPSHOT_DIR in an image) through the shared loader. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { RegionSnapshot } from '../domain/pricing/price-snapshot.ts';
import { loadRegionSnapshot } from '../domain/pricing/load-region-snapshot.ts';

export function createBundledSnapshotLoader(dir: string): (region: string) => Promise<RegionSnapshot> {
  return (region) => loadRegionSnapshot(region, (fileName) => readFile(join(dir, fileName), 'utf8'));
}
