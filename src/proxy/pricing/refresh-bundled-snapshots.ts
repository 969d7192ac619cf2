/**
 * The work behind `npm run pricing:refresh`: price every region from the AWS Price List with the
 * proxy's normalizer, then replace the bundled files together. Nothing is written until every
 * region has been priced, so a failure (no credentials, throttling, a bad answer) leaves the
 * committed snapshot exactly as it was.
 */
import { normalizePriceList, type PriceListItemsByService } from '../../domain/pricing/normalize-price-list.ts';
import type { RegionSnapshot } from '../../domain/pricing/price-snapshot.ts';
import { describePricingFailure } from './describe-pricing-failure.ts';

export interface RefreshDeps {
  fetchPriceList: (region: string) => Promise<PriceListItemsByService>;
  loadBundledSnapshot: (region: string) => Promise<RegionSnapshot>;
  /** Only used to word the message of a throttling failure. */
  maxThrottleRetries: number;
  /** Called after each region, for progress output. */
  onRegionDone?: (region: string, snapshot: RegionSnapshot) => void;
}

export class RefreshError extends Error {
  override readonly name = 'RefreshError';
}

/**
 * Prices `regions` one after another (each region already runs its queries in parallel; going
 * region by region keeps the Price List API's request rate low). The results are bundled
 * snapshots: `source: "snapshot"` and `asOf` the day they were compiled, with every figure read
 * from the Price List still citing it.
 */
export async function buildRefreshedSnapshots(
  regions: readonly string[],
  compiledOn: string,
  deps: RefreshDeps,
): Promise<RegionSnapshot[]> {
  const snapshots: RegionSnapshot[] = [];
  for (const region of regions) {
    let live: RegionSnapshot;
    try {
      const [items, bundled] = await Promise.all([deps.fetchPriceList(region), deps.loadBundledSnapshot(region)]);
      live = normalizePriceList(region, items, bundled);
    } catch (error) {
      throw new RefreshError(`${region}: ${describePricingFailure(error, deps.maxThrottleRetries)}`);
    }
    const { reason: _reason, ...rest } = live;
    const snapshot: RegionSnapshot = { ...rest, source: 'snapshot', asOf: compiledOn };
    snapshots.push(snapshot);
    deps.onRegionDone?.(region, snapshot);
  }
  return snapshots;
}
