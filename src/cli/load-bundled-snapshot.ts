/** Loads a region's bundled price snapshot from public/pricing/ for the CLI. */
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import type { RegionSnapshot } from '../domain/pricing/price-snapshot.ts';

export const BUNDLED_PRICING_DIR = fileURLToPath(new URL('../../public/pricing/', import.meta.url));

export async function loadBundledSnapshot(region: string, dir = BUNDLED_PRICING_DIR): Promise<RegionSnapshot> {
  // The region was validated against REGION_CATALOG before this call, so it is a safe file name.
  return JSON.parse(await readFile(`${dir}${region}.json`, 'utf8')) as RegionSnapshot;
}
