/**
 * Turns AWS Price List items (GetProducts, FormatVersion aws_v1, each PriceList string already
 * JSON-parsed) into a region snapshot in the bundled format. Pure: no I/O, no SDK; the pricing proxy
 * and `npm run pricing:refresh` both call it.
 *
 * The Price List gives prices only. Everything else comes from the region's bundled snapshot:
 * instance facts (vCPU, memory, ENIs, max pods), Fargate Spot (not in the On-Demand price list), load
 * balancer, NAT and public IPv4 rates (not queried), and any figure AWS did not return. Every figure
 * read from the Price List carries `source: PRICE_LIST_SOURCE_ID` and the item's publication date;
 * the rest keep the bundled snapshot's source, so the estimate says where each number came from.
 *
 * Derived figures follow the rules of derived-price-rules.ts, shared with scripts/generate-snapshot.ts:
 * - Fargate Linux/ARM missing from the answer: the bundled ARM rate stays (never a share of x86).
 * - Fargate Spot on ARM: the ARM rate x the region's Spot/On-Demand ratio observed on Linux/x86.
 * - EKS extended support: the Price List prices it as a surcharge line on top of the standard
 *   cluster-hour (`<PREFIX>-AmazonEKS-Hours:extendedSupport`, $0.50 in us-east-2: docs/pricing-rules.md
 *   S17); the snapshot holds the total (AWS: "a total of $0.60 per cluster per hour", S16).
 */
import type {
  Ec2Prices,
  EksPrices,
  FargatePrices,
  FargateRatePair,
  FargateWindowsRates,
  InstanceOffer,
  PriceFigure,
  PriceSource,
  RegionSnapshot,
} from './price-snapshot.ts';
import { PRICE_LIST_SOURCE_ID } from './price-snapshot.ts';
import { eksExtendedTotal, spotArmFrom } from './derived-price-rules.ts';

export { PRICE_LIST_SOURCE_ID };

/** Parsed GetProducts answers for one region, one list per service code. */
export interface PriceListItemsByService {
  /** AmazonECS items (Fargate usage types among them). */
  ecs: readonly unknown[];
  /** AmazonEKS items (cluster hours, standard and extended support). */
  eks: readonly unknown[];
  /** AmazonEC2 `Compute Instance` items (Linux, shared tenancy, no pre-installed software, capacity Used). */
  ec2: readonly unknown[];
}

export class PriceListNormalizeError extends Error {
  override readonly name = 'PriceListNormalizeError';
}

/** One On-Demand rate read from an item. */
interface Rate {
  usd: number;
  /** The item's publicationDate, as YYYY-MM-DD. */
  publishedOn: string;
}

interface ReadItem {
  productFamily: string;
  attributes: Record<string, string>;
  rate: Rate;
}

/**
 * The region prefix of a usage type: USE1, USW2, APS2, EU (eu-west-1), UGW1 ... or none (EC2 in
 * us-east-1 writes plain `BoxUsage:m5.large`). Anchoring on one prefix token keeps look-alikes out,
 * such as a `SpotUsage-` or `Local-Outposts-` variant of the same suffix.
 */
const REGION_PREFIX = '(?:[A-Z]+[0-9]*-)?';
const usageTypePattern = (suffix: string): RegExp =>
  new RegExp(`^${REGION_PREFIX}${suffix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);

const FARGATE_USAGE = {
  x86Vcpu: usageTypePattern('Fargate-vCPU-Hours:perCPU'),
  x86Gb: usageTypePattern('Fargate-GB-Hours'),
  armVcpu: usageTypePattern('Fargate-ARM-vCPU-Hours:perCPU'),
  armGb: usageTypePattern('Fargate-ARM-GB-Hours'),
  windowsVcpu: usageTypePattern('Fargate-Windows-vCPU-Hours:perCPU'),
  windowsGb: usageTypePattern('Fargate-Windows-GB-Hours'),
  windowsOs: usageTypePattern('Fargate-Windows-OS-Hours:perCPU'),
  ephemeralStorage: usageTypePattern('Fargate-EphemeralStorage-GB-Hours'),
} as const;

const EKS_USAGE = {
  standard: usageTypePattern('AmazonEKS-Hours:perCluster'),
  extendedSurcharge: usageTypePattern('AmazonEKS-Hours:extendedSupport'),
} as const;

const EC2_BOX_USAGE = new RegExp(`^${REGION_PREFIX}BoxUsage:([a-z0-9-]+\\.[a-z0-9-]+)$`);

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value !== null && typeof value === 'object' && !Array.isArray(value);

const onlyValue = (record: Record<string, unknown>): unknown => {
  const values = Object.values(record);
  return values.length === 1 ? values[0] : undefined;
};

/**
 * Reads the parts of an item the normalizer uses, or null when the item is not a plain On-Demand
 * price: exactly one OnDemand term with exactly one price dimension, a USD decimal string, and a
 * publication date. Tiered or malformed items are skipped rather than guessed at.
 */
function readItem(raw: unknown): ReadItem | null {
  if (!isRecord(raw) || !isRecord(raw.product) || !isRecord(raw.terms)) return null;
  const attributesRaw = raw.product.attributes;
  if (!isRecord(attributesRaw)) return null;
  const attributes: Record<string, string> = {};
  for (const [key, value] of Object.entries(attributesRaw)) if (typeof value === 'string') attributes[key] = value;
  if (!isRecord(raw.terms.OnDemand)) return null;
  const term = onlyValue(raw.terms.OnDemand);
  if (!isRecord(term) || !isRecord(term.priceDimensions)) return null;
  const dimension = onlyValue(term.priceDimensions);
  if (!isRecord(dimension) || !isRecord(dimension.pricePerUnit)) return null;
  const usdText = dimension.pricePerUnit.USD;
  if (typeof usdText !== 'string' || !/^\d+(\.\d+)?$/.test(usdText)) return null;
  const published = typeof raw.publicationDate === 'string' ? raw.publicationDate : '';
  if (!/^\d{4}-\d{2}-\d{2}/.test(published)) return null;
  const productFamily = typeof raw.product.productFamily === 'string' ? raw.product.productFamily : '';
  return { productFamily, attributes, rate: { usd: Number(usdText), publishedOn: published.slice(0, 10) } };
}

/** Items of this region priced in an AWS Region (not an Outpost or Local Zone). */
function readRegionItems(raws: readonly unknown[], region: string): ReadItem[] {
  const items: ReadItem[] = [];
  for (const raw of raws) {
    const item = readItem(raw);
    if (!item || item.attributes.regionCode !== region) continue;
    const locationType = item.attributes.locationType;
    if (locationType !== undefined && locationType !== 'AWS Region') continue;
    items.push(item);
  }
  return items;
}

/** The rate of the item whose usage type matches; when AWS lists several, the latest published wins. */
function findRate(items: readonly ReadItem[], pattern: RegExp): Rate | null {
  let found: Rate | null = null;
  for (const item of items) {
    if (!pattern.test(item.attributes.usagetype ?? '')) continue;
    if (!found || item.rate.publishedOn > found.publishedOn) found = item.rate;
  }
  return found;
}

/** Tracks the latest publication date among the rates actually used. */
class LiveFigures {
  latestPublishedOn = '';

  figure(rate: Rate): PriceFigure {
    if (rate.publishedOn > this.latestPublishedOn) this.latestPublishedOn = rate.publishedOn;
    return { usd: rate.usd, source: PRICE_LIST_SOURCE_ID, asOf: rate.publishedOn };
  }
}

function pairOf(vcpu: Rate | null, gb: Rate | null, live: LiveFigures): FargateRatePair | null {
  return vcpu && gb ? { vcpuHour: live.figure(vcpu), gbHour: live.figure(gb) } : null;
}

function normalizeFargate(
  items: readonly ReadItem[],
  bundled: FargatePrices | null,
  live: LiveFigures,
): FargatePrices | null {
  const rate = (pattern: RegExp) => findRate(items, pattern);
  const x86 = pairOf(rate(FARGATE_USAGE.x86Vcpu), rate(FARGATE_USAGE.x86Gb), live);
  // Without the Linux/x86 pair the answer says nothing usable about Fargate: keep what the bundle knows.
  if (!x86) return bundled;

  // No ARM answer: the bundled ARM rate (a published figure) stays; nothing is derived from x86.
  const arm = pairOf(rate(FARGATE_USAGE.armVcpu), rate(FARGATE_USAGE.armGb), live) ?? bundled?.linuxArm ?? null;

  const windowsVcpu = rate(FARGATE_USAGE.windowsVcpu);
  const windowsGb = rate(FARGATE_USAGE.windowsGb);
  const windowsOs = rate(FARGATE_USAGE.windowsOs);
  const windows: FargateWindowsRates | null =
    windowsVcpu && windowsGb && windowsOs
      ? {
          vcpuHour: live.figure(windowsVcpu),
          gbHour: live.figure(windowsGb),
          osLicenseVcpuHour: live.figure(windowsOs),
        }
      : (bundled?.windowsX86 ?? null);

  const storage = rate(FARGATE_USAGE.ephemeralStorage);

  return {
    linuxX86: x86,
    linuxArm: arm,
    windowsX86: windows,
    ephemeralStorageGbHour: storage ? live.figure(storage) : (bundled?.ephemeralStorageGbHour ?? null),
    spotLinuxX86: bundled?.spotLinuxX86 ?? null,
    spotLinuxArm: spotArmFor(arm, bundled),
  };
}

/** Re-applies the bundled Spot ARM rule to the (possibly new) ARM rate; Spot itself stays bundled. */
function spotArmFor(arm: FargateRatePair | null, bundled: FargatePrices | null): FargateRatePair | null {
  const spot = bundled?.spotLinuxX86;
  if (!spot || !bundled || !arm) return null;
  return spotArmFrom(arm, spot, bundled.linuxX86);
}

function normalizeEks(items: readonly ReadItem[], bundled: EksPrices, live: LiveFigures): EksPrices {
  const standardRate = findRate(items, EKS_USAGE.standard);
  const surcharge = findRate(items, EKS_USAGE.extendedSurcharge);
  const standard = standardRate ? live.figure(standardRate) : bundled.clusterHourStandard;
  if (!surcharge) return { clusterHourStandard: standard, clusterHourExtended: bundled.clusterHourExtended };
  return { clusterHourStandard: standard, clusterHourExtended: eksExtendedTotal(standard, live.figure(surcharge)) };
}

/** On-Demand Linux prices by instance type, from items that match the EC2 query's filters exactly. */
function readEc2Prices(items: readonly ReadItem[]): Map<string, Rate> {
  const prices = new Map<string, Rate>();
  for (const { productFamily, attributes: a, rate } of items) {
    if (productFamily !== 'Compute Instance') continue;
    if (
      a.operatingSystem !== 'Linux' ||
      a.tenancy !== 'Shared' ||
      a.preInstalledSw !== 'NA' ||
      a.capacitystatus !== 'Used'
    )
      continue;
    // Attributes that only some items carry: when present they must say plain On-Demand Linux.
    if (a.licenseModel !== undefined && a.licenseModel !== 'No License required') continue;
    if (a.marketoption !== undefined && a.marketoption !== 'OnDemand') continue;
    if (a.operation !== undefined && a.operation !== 'RunInstances') continue;
    const type = EC2_BOX_USAGE.exec(a.usagetype ?? '')?.[1];
    if (!type || type !== a.instanceType || rate.usd <= 0) continue;
    const known = prices.get(type);
    if (!known || rate.publishedOn > known.publishedOn) prices.set(type, rate);
  }
  return prices;
}

/**
 * Instance types the bundle describes, at their Price List price. Types the Price List does not
 * offer in the region are dropped; types the bundle lacks facts for (ENIs, max pods) cannot be
 * placed on nodes and are left out, as scripts/generate-snapshot.ts leaves out types without facts.
 */
function normalizeEc2(items: readonly ReadItem[], bundled: Ec2Prices, live: LiveFigures): Ec2Prices {
  const prices = readEc2Prices(items);
  if (prices.size === 0) return bundled;
  const instances: InstanceOffer[] = [];
  let publishedOn = '';
  for (const offer of bundled.instances) {
    const rate = prices.get(offer.type);
    if (!rate) continue;
    live.figure(rate);
    if (rate.publishedOn > publishedOn) publishedOn = rate.publishedOn;
    instances.push({ ...offer, usdHour: rate.usd, source: PRICE_LIST_SOURCE_ID, asOf: rate.publishedOn });
  }
  if (instances.length === 0) return bundled;
  // The Spot Advisor figures are not in the Price List: they stay the bundled ones, with their source.
  return { source: PRICE_LIST_SOURCE_ID, asOf: publishedOn, spotAdvisor: bundled.spotAdvisor, instances };
}

function priceListSource(asOf: string): PriceSource {
  return {
    title:
      'AWS Price List Query API (GetProducts, endpoint us-east-1): On-Demand AmazonECS Fargate, AmazonEKS cluster-hour and AmazonEC2 Linux shared-tenancy prices',
    url: 'https://docs.aws.amazon.com/aws-cost-management/latest/APIReference/API_pricing_GetProducts.html',
    date: asOf,
  };
}

/**
 * Builds the live snapshot of `region` from its Price List items and its bundled snapshot.
 * Throws {@link PriceListNormalizeError} when the items hold no usable price at all, so the caller
 * can fall back to the bundle with a reason instead of labelling bundled figures "live".
 */
export function normalizePriceList(
  region: string,
  items: PriceListItemsByService,
  bundled: RegionSnapshot,
): RegionSnapshot {
  if (bundled.region !== region) {
    throw new PriceListNormalizeError(`the bundled snapshot is for ${bundled.region}, not ${region}`);
  }
  const live = new LiveFigures();
  const fargate = normalizeFargate(readRegionItems(items.ecs, region), bundled.fargate, live);
  const eks = normalizeEks(readRegionItems(items.eks, region), bundled.eks, live);
  const ec2 = normalizeEc2(readRegionItems(items.ec2, region), bundled.ec2, live);
  const asOf = live.latestPublishedOn;
  if (!asOf) {
    throw new PriceListNormalizeError(
      `the Price List answer for ${region} held no Fargate, EKS or EC2 On-Demand price`,
    );
  }
  const { reason: _bundledReason, ...rest } = bundled;
  return {
    ...rest,
    source: 'live',
    asOf,
    sources: { ...bundled.sources, [PRICE_LIST_SOURCE_ID]: priceListSource(asOf) },
    fargate,
    eks,
    ec2,
  };
}
