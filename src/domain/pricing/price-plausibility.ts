/**
 * Whether every price in a snapshot is one AWS could charge: finite, above zero and within a range
 * that fits its unit. The ranges sit about ten times beyond the lowest and highest figures of every
 * bundled region (docs/proxy.md "What --live refuses"), so a real price passes and a unit slip
 * (per month for per hour, cents for dollars, per MB for per GB) or a corrupted answer does not.
 * Figures added to the snapshot later are checked by the unit their key names (...Hour, ...Gb,
 * ...GbMonth) or, failing that, against the widest range.
 */
import type { RegionSnapshot } from './price-snapshot.ts';

export interface PriceRange {
  unit: string;
  minUSD: number;
  maxUSD: number;
}

/** By the figure's key, most specific first (bundled data 2026-12: see the test for the observed spans). */
const RANGES: readonly { key: RegExp; range: PriceRange }[] = [
  { key: /^ephemeralStorageGbHour$/, range: { unit: 'GiB-hour of task storage', minUSD: 0.000005, maxUSD: 0.01 } },
  { key: /^(vcpuHour|\w+VcpuHour)$/, range: { unit: 'vCPU-hour', minUSD: 0.0005, maxUSD: 1 } },
  { key: /^gbHour$/, range: { unit: 'GiB-hour of memory', minUSD: 0.00005, maxUSD: 0.1 } },
  { key: /^clusterHour\w*$/, range: { unit: 'cluster-hour', minUSD: 0.01, maxUSD: 10 } },
  { key: /^usdHour$/, range: { unit: 'instance-hour', minUSD: 0.0005, maxUSD: 1000 } },
  { key: /Hour$/, range: { unit: 'hour', minUSD: 0.0005, maxUSD: 1 } },
  { key: /GbMonth$/, range: { unit: 'GB-month', minUSD: 0.005, maxUSD: 2 } },
  { key: /(Gb|perGb|GbEachWay)$/, range: { unit: 'GB', minUSD: 0.001, maxUSD: 5 } },
];
/** A figure whose key names no unit above. */
const ANY_UNIT: PriceRange = { unit: 'unit', minUSD: 0, maxUSD: 1000 };

export function plausibleRangeFor(key: string): PriceRange {
  return RANGES.find((r) => r.key.test(key))?.range ?? ANY_UNIT;
}

export interface PricedFigure {
  /** Where the price sits: fargate.linuxX86.vcpuHour, ec2.instances[m5.large].usdHour. */
  path: string;
  key: string;
  usd: unknown;
}

/** Every price in the snapshot with its path: each `{usd, source}` figure and each instance's usdHour. */
export function listPrices(snapshot: RegionSnapshot): PricedFigure[] {
  const found: PricedFigure[] = [];
  const visit = (value: unknown, path: string, key: string): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) {
      value.forEach((item, index) => visit(item, `${path}.${index}`, key));
      return;
    }
    const record = value as Record<string, unknown>;
    if ('usd' in record && typeof record.source === 'string') {
      found.push({ path, key, usd: record.usd });
      return;
    }
    for (const [child, inner] of Object.entries(record)) visit(inner, path ? `${path}.${child}` : child, child);
  };
  const { ec2, sources: _sources, ...rest } = snapshot;
  visit(rest, '', '');
  for (const offer of ec2.instances)
    found.push({ path: `ec2.instances[${offer.type}].usdHour`, key: 'usdHour', usd: offer.usdHour });
  return found;
}

/** Dollars as written in the price list: $0.04048, $1e-9 (never rounded to $0). */
const money = (usd: number) =>
  `$${usd === 0 || Math.abs(usd) >= 0.000001 ? String(Number(usd.toPrecision(6))) : usd.toExponential()}`;

/** One line per price that is not finite, not above zero, or outside its unit's range. */
export function findImplausiblePrices(snapshot: RegionSnapshot): string[] {
  const problems: string[] = [];
  for (const { path, key, usd } of listPrices(snapshot)) {
    const range = plausibleRangeFor(key);
    if (typeof usd !== 'number' || !Number.isFinite(usd)) problems.push(`${path} is not a finite number`);
    else if (usd <= 0) problems.push(`${path} is ${money(usd)}, not a price above zero`);
    else if (usd < range.minUSD)
      problems.push(`${path} is ${money(usd)} per ${range.unit}, below the plausible minimum ${money(range.minUSD)}`);
    else if (usd > range.maxUSD)
      problems.push(`${path} is ${money(usd)} per ${range.unit}, above the plausible maximum ${money(range.maxUSD)}`);
  }
  return problems;
}
