/**
 * The dates of the prices an estimate used: the earliest and latest `asOf` among its lines, which is
 * what the page's badge, the CLI table and the bundle README show (not the snapshot's compile date).
 */
import type { OptionEstimate } from './estimate-types.ts';
import { PRICE_LIST_SOURCE_ID } from '../pricing/price-snapshot.ts';

export function priceDateRange(options: readonly OptionEstimate[]): {
  oldestAsOf: string | null;
  newestAsOf: string | null;
} {
  let oldest: string | null = null;
  let newest: string | null = null;
  for (const option of options) {
    for (const line of option.lines) {
      if (!line.asOf) continue;
      // "2021-01" sorts before "2021-01-14" and after "2020-12-31": month-only dates compare as their first day.
      if (oldest === null || line.asOf < oldest) oldest = line.asOf;
      if (newest === null || line.asOf > newest) newest = line.asOf;
    }
  }
  return { oldestAsOf: oldest, newestAsOf: newest };
}

/** "prices from 2021-01 to 2026-07-20" (one date when all lines share it). */
export function priceRangeText(pricing: {
  oldestAsOf: string | null;
  newestAsOf: string | null;
  asOf: string;
}): string {
  const { oldestAsOf, newestAsOf } = pricing;
  if (!oldestAsOf || !newestAsOf) return `prices as of ${pricing.asOf}`;
  return oldestAsOf === newestAsOf ? `prices of ${oldestAsOf}` : `prices from ${oldestAsOf} to ${newestAsOf}`;
}

/**
 * With live prices, the lines the proxy does not fetch (EBS, logs, transfer, Spot Advisor, Fargate
 * Spot, load balancers, NAT, IPv4) keep the bundled snapshot's figures: their components, once each.
 */
export function linesFromSnapshot(options: readonly OptionEstimate[]): string[] {
  const components = new Set<string>();
  for (const option of options)
    for (const line of option.lines)
      if (line.source !== PRICE_LIST_SOURCE_ID && line.source !== 'scenario' && line.asOf)
        components.add(line.component);
  return [...components];
}
