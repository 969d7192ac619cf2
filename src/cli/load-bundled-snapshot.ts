/** Loads a region's bundled price snapshot from public/pricing/ for the CLI (the shared loader, read from disk). */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RegionSnapshot } from '../domain/pricing/price-snapshot.ts';
import { loadRegionSnapshot } from '../domain/pricing/load-region-snapshot.ts';

export const BUNDLED_PRICING_DIR = fileURLToPath(new URL('../../public/pricing/', import.meta.url));

export function loadBundledSnapshot(region: string, dir = BUNDLED_PRICING_DIR): Promise<RegionSnapshot> {
  return loadRegionSnapshot(region, (fileName) => readFile(join(dir, fileName), 'utf8'));
}
