/**
 * The one loader of a bundled price snapshot (public/pricing/<region>.json), shared by the CLI and
 * the proxy (which read the file from disk) and the browser (which fetches it). Each caller hands
 * in how to read a file by name; naming the file, parsing and validating are the same for all.
 */
import type { RegionSnapshot } from './price-snapshot.ts';
import { parseRegionSnapshot } from './region-snapshot-schema.ts';

/** Region codes as AWS writes them ("us-east-1", "us-gov-west-1"): also a safe file name. */
const REGION_CODE = /^[a-z]{2}(-[a-z]+)+-\d{1,2}$/;

/** The bundled file of a region: "<region>.json". Refuses anything that is not a region code. */
export function snapshotFileName(region: string): string {
  if (!REGION_CODE.test(region)) throw new RangeError(`"${region.slice(0, 40)}" is not a region code`);
  return `${region}.json`;
}

/** Reads, parses and validates the region's bundled snapshot; errors name the file and the first wrong field. */
export async function loadRegionSnapshot(
  region: string,
  readFile: (fileName: string) => Promise<string>,
): Promise<RegionSnapshot> {
  const fileName = snapshotFileName(region);
  const text = await readFile(fileName);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new Error(`The price file ${fileName} is not JSON.`);
  }
  try {
    return parseRegionSnapshot(value, region);
  } catch (error) {
    throw new Error(`The price file ${fileName} is ${(error as Error).message}.`);
  }
}
