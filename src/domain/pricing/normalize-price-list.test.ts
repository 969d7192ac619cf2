/**
 * The Price List normalizer on recorded AWS items (src/proxy/fixtures): what is read live, what is
 * kept from the bundle, the derived rules, and the items it must not mistake for Fargate, EKS or EC2.
 */
import { DERIVED_RULE_TEXT } from './derived-price-rules.ts';
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  PRICE_LIST_SOURCE_ID,
  PriceListNormalizeError,
  normalizePriceList,
  type PriceListItemsByService,
} from './normalize-price-list.ts';
import { SNAPSHOT_FORMAT_VERSION, type RegionSnapshot } from './price-snapshot.ts';
import { parseRegionSnapshot } from './region-snapshot-schema.ts';
import {
  recordedEc2M5LargeUsEast1,
  recordedEcsUsEast1,
  recordedEksApSoutheast2,
  recordedItemsFor,
  relabelForRegion,
  type PriceListItem,
} from '../../proxy/fixtures/recorded-price-list.ts';

const PRICING_DIR = join(import.meta.dirname, '../../../public/pricing');
const bundled = (region: string) =>
  JSON.parse(readFileSync(join(PRICING_DIR, `${region}.json`), 'utf8')) as RegionSnapshot;

const usageOf = (item: PriceListItem) => item.product.attributes.usagetype ?? '';
const withoutUsage = (items: readonly PriceListItem[], pattern: RegExp) =>
  items.filter((item) => !pattern.test(usageOf(item)));

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

describe('normalizePriceList', () => {
  it('reads us-east-1 Fargate, EKS and EC2 prices from the recorded items, dated by their publication', () => {
    const snapshot = normalizePriceList('us-east-1', recordedItemsFor('us-east-1'), bundled('us-east-1'));
    const live = (usd: number, asOf: string) => ({ usd, source: PRICE_LIST_SOURCE_ID, asOf });

    expect(snapshot).toMatchObject({
      formatVersion: SNAPSHOT_FORMAT_VERSION,
      region: 'us-east-1',
      source: 'live',
      asOf: '2022-11-21',
      currency: 'USD',
    });
    expect(snapshot.fargate!.linuxX86).toEqual({
      vcpuHour: live(0.04048, '2022-11-21'),
      gbHour: live(0.004445, '2022-11-21'),
    });
    expect(snapshot.fargate!.linuxArm).toEqual({
      vcpuHour: live(0.03238, '2022-11-21'),
      gbHour: live(0.00356, '2022-11-21'),
    });
    expect(snapshot.fargate!.windowsX86).toEqual({
      vcpuHour: live(0.09148, '2022-11-21'),
      gbHour: live(0.01005, '2022-11-21'),
      osLicenseVcpuHour: live(0.046, '2022-11-21'),
    });
    expect(snapshot.fargate!.ephemeralStorageGbHour).toEqual(live(0.000111, '2022-11-21'));
    expect(snapshot.eks.clusterHourStandard).toEqual(live(0.1, '2022-08-11'));
    expect(snapshot.eks.clusterHourExtended).toEqual({
      ...live(0.6, '2022-08-11'),
      derived: DERIVED_RULE_TEXT.eksExtendedSum,
    });
    expect(snapshot.ec2.source).toBe(PRICE_LIST_SOURCE_ID);
    expect(snapshot.ec2.asOf).toBe('2020-07-09');
    expect(snapshot.sources[PRICE_LIST_SOURCE_ID]).toMatchObject({ date: '2022-11-21' });
    expect(snapshot.reason).toBeUndefined();
    expect(() => parseRegionSnapshot(snapshot)).not.toThrow();
  });

  it('keeps instance facts from the bundle and only the instance types the Price List offers', () => {
    const base = bundled('us-east-1');
    const snapshot = normalizePriceList('us-east-1', recordedItemsFor('us-east-1'), base);
    const bundledM5 = base.ec2.instances.find((offer) => offer.type === 'm5.large')!;
    expect(snapshot.ec2.instances).toEqual([
      { ...bundledM5, usdHour: 0.096, source: PRICE_LIST_SOURCE_ID, asOf: '2020-07-09' },
    ]);
    // Spot Advisor figures are not in the Price List: they stay the bundled ones.
    expect(snapshot.ec2.spotAdvisor).toEqual(base.ec2.spotAdvisor);
  });

  it('keeps what AWS does not return from the bundle: Fargate Spot, load balancer, NAT and IPv4 rates', () => {
    const base = bundled('us-east-1');
    const snapshot = normalizePriceList('us-east-1', recordedItemsFor('us-east-1'), base);
    expect(snapshot.fargate!.spotLinuxX86).toEqual(base.fargate!.spotLinuxX86);
    expect(snapshot.extras).toEqual(base.extras);
    expect(snapshot.sources).toMatchObject(base.sources);
    // The live ARM rate equals the bundled one here, so the re-derived Spot ARM rate must too.
    expect(snapshot.fargate!.spotLinuxArm).toEqual(base.fargate!.spotLinuxArm);
    expect(snapshot.fargate!.spotLinuxArm!.vcpuHour.derived).toBe(DERIVED_RULE_TEXT.spotArm);
  });

  it.each([
    ['eu-west-1', 'EU-Fargate-vCPU-Hours:perCPU'],
    ['us-west-2', 'USW2-Fargate-vCPU-Hours:perCPU'],
    ['ap-southeast-2', 'APS2-Fargate-vCPU-Hours:perCPU'],
  ])('matches %s by regionCode and usage-type suffix (%s)', (region, usageType) => {
    const items = recordedItemsFor(region);
    expect(items.ecs.map(usageOf)).toContain(usageType);
    const snapshot = normalizePriceList(region, items, bundled(region));
    expect(snapshot.region).toBe(region);
    expect(snapshot.fargate!.linuxX86.vcpuHour).toEqual({
      usd: 0.04048,
      source: PRICE_LIST_SOURCE_ID,
      asOf: '2022-11-21',
    });
    expect(snapshot.ec2.instances.map((offer) => offer.type)).toEqual(['m5.large']);
    expect(snapshot.eks.clusterHourStandard.source).toBe(PRICE_LIST_SOURCE_ID);
  });

  it('reads the verbatim ap-southeast-2 EKS item and keeps the bundled extended-support total when AWS lists no surcharge', () => {
    const base = bundled('ap-southeast-2');
    const items: PriceListItemsByService = { ecs: [], eks: recordedEksApSoutheast2(), ec2: [] };
    const snapshot = normalizePriceList('ap-southeast-2', items, base);
    expect(snapshot.asOf).toBe('2022-08-11');
    expect(snapshot.eks.clusterHourStandard).toEqual({ usd: 0.1, source: PRICE_LIST_SOURCE_ID, asOf: '2022-08-11' });
    expect(snapshot.eks.clusterHourExtended).toEqual(base.eks.clusterHourExtended);
    expect(snapshot.fargate).toEqual(base.fargate);
    expect(snapshot.ec2).toEqual(base.ec2);
  });

  it('keeps the bundled (published) Linux/ARM rate when AWS lists no ARM rate: nothing is derived from x86', () => {
    const base = bundled('eu-west-1');
    const items = recordedItemsFor('eu-west-1');
    const snapshot = normalizePriceList('eu-west-1', { ...items, ecs: withoutUsage(items.ecs, /-ARM-/) }, base);
    expect(snapshot.fargate!.linuxArm).toEqual(base.fargate!.linuxArm);
    expect(snapshot.fargate!.linuxArm!.vcpuHour.derived).toBeUndefined();
  });

  it('keeps the bundled Windows rates (or none) when AWS lists no complete Windows set', () => {
    const items = recordedItemsFor('eu-west-1');
    const noOsFee = withoutUsage(items.ecs, /Windows-OS/);
    const base = bundled('eu-west-1');
    const snapshot = normalizePriceList('eu-west-1', { ...items, ecs: noOsFee }, base);
    expect(snapshot.fargate!.windowsX86).toEqual(base.fargate!.windowsX86);
    const withoutWindows = { ...base, fargate: { ...base.fargate!, windowsX86: null } };
    expect(normalizePriceList('eu-west-1', { ...items, ecs: noOsFee }, withoutWindows).fargate!.windowsX86).toBeNull();
  });

  it('prices Fargate where the bundle has no Fargate rates, without inventing Spot', () => {
    const base = { ...bundled('ap-northeast-3'), fargate: null };
    const snapshot = normalizePriceList('ap-northeast-3', recordedItemsFor('ap-northeast-3'), base);
    expect(snapshot.fargate!.linuxX86.vcpuHour.source).toBe(PRICE_LIST_SOURCE_ID);
    expect(snapshot.fargate!.spotLinuxX86).toBeNull();
    expect(snapshot.fargate!.spotLinuxArm).toBeNull();
  });

  it('ignores items of other regions, Outposts and look-alike usage types', () => {
    const base = bundled('us-east-1');
    const x86 = recordedEcsUsEast1().find((item) => usageOf(item) === 'USE1-Fargate-vCPU-Hours:perCPU')!;
    const spotLookAlike = structuredClone(x86);
    spotLookAlike.product.attributes.usagetype = 'USE1-SpotUsage-Fargate-vCPU-Hours:perCPU';
    const outpost = relabelForRegion(recordedEksApSoutheast2()[0]!, 'us-east-1');
    outpost.product.attributes.locationType = 'AWS Outposts';
    const windowsEc2 = recordedEc2M5LargeUsEast1()[0]!;
    windowsEc2.product.attributes.operatingSystem = 'Windows';
    const otherRegion = recordedItemsFor('eu-west-1');
    const items: PriceListItemsByService = {
      ecs: [spotLookAlike, ...otherRegion.ecs],
      eks: [outpost, ...otherRegion.eks],
      ec2: [windowsEc2, ...otherRegion.ec2],
    };
    expect(() => normalizePriceList('us-east-1', items, base)).toThrow(PriceListNormalizeError);
  });

  it('skips malformed and tiered items instead of guessing', () => {
    const good = recordedEcsUsEast1();
    const malformed = [null, 'text', { product: {} }, { product: { attributes: {} }, terms: { OnDemand: {} } }];
    const tiered = good.filter((item) => usageOf(item).endsWith('ECS-Anywhere-Instance-hours-WithFree'));
    expect(tiered).toHaveLength(1);
    const snapshot = normalizePriceList(
      'us-east-1',
      { ecs: [...malformed, ...tiered, ...good], eks: [], ec2: [] },
      bundled('us-east-1'),
    );
    expect(snapshot.fargate!.linuxX86.vcpuHour.usd).toBe(0.04048);
  });

  it('refuses a bundle of another region, and an answer with no usable price', () => {
    expect(() => normalizePriceList('us-east-1', recordedItemsFor('us-east-1'), bundled('eu-west-1'))).toThrow(
      /eu-west-1, not us-east-1/,
    );
    expect(() => normalizePriceList('us-east-1', { ecs: [], eks: [], ec2: [] }, bundled('us-east-1'))).toThrow(
      /held no Fargate, EKS or EC2 On-Demand price/,
    );
  });

  it('does not modify its inputs', () => {
    const base = deepFreeze(bundled('us-east-1'));
    const items = deepFreeze(recordedItemsFor('us-east-1'));
    expect(() => normalizePriceList('us-east-1', items, base)).not.toThrow();
  });
});
