import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RegionSnapshot } from './price-snapshot.ts';
import { findImplausiblePrices, listPrices, plausibleRangeFor } from './price-plausibility.ts';
import { US_EAST_1 } from '../testing/load-snapshot.ts';

const PRICING_DIR = join(import.meta.dirname, '../../../public/pricing');
const bundled = readdirSync(PRICING_DIR)
  .filter((name) => name !== 'index.json' && name.endsWith('.json'))
  .map((name) => JSON.parse(readFileSync(join(PRICING_DIR, name), 'utf8')) as RegionSnapshot);

const edited = (edit: (s: RegionSnapshot) => void) => {
  const copy = structuredClone(US_EAST_1);
  edit(copy);
  return findImplausiblePrices(copy);
};

describe('findImplausiblePrices', () => {
  it('passes every price of every bundled region', () => {
    expect(bundled.length).toBeGreaterThan(30);
    for (const snapshot of bundled)
      expect([snapshot.region, findImplausiblePrices(snapshot)]).toEqual([snapshot.region, []]);
  });

  it('keeps each range at least five times wider than the bundled figures on both sides', () => {
    // The ranges must let real prices through with room, yet catch a monthly figure read as hourly.
    for (const snapshot of bundled)
      for (const { key, usd } of listPrices(snapshot)) {
        const range = plausibleRangeFor(key);
        expect(range.unit, key).not.toBe('unit');
        expect(usd as number, `${snapshot.region} ${key}`).toBeGreaterThanOrEqual(range.minUSD * 5);
        expect(usd as number, `${snapshot.region} ${key}`).toBeLessThanOrEqual(range.maxUSD / 2.5);
      }
  });

  it('lists every figure, the instance prices by type', () => {
    const paths = listPrices(US_EAST_1).map((p) => p.path);
    expect(paths).toContain('fargate.linuxX86.vcpuHour');
    expect(paths).toContain('transfer.internetEgressTiers.0.perGb');
    expect(paths).toContain('ec2.instances[m5.large].usdHour');
    expect(paths.filter((p) => p.startsWith('ec2.instances['))).toHaveLength(US_EAST_1.ec2.instances.length);
  });

  it.each([
    [
      (s: RegionSnapshot) => (s.fargate!.linuxX86.vcpuHour.usd = 29.55),
      'fargate.linuxX86.vcpuHour is $29.55 per vCPU-hour, above the plausible maximum $1',
    ],
    [
      (s: RegionSnapshot) => (s.fargate!.linuxX86.gbHour.usd = 0),
      'fargate.linuxX86.gbHour is $0, not a price above zero',
    ],
    [
      (s: RegionSnapshot) => (s.storage.gp3GbMonth.usd = 80),
      'storage.gp3GbMonth is $80 per GB-month, above the plausible maximum $2',
    ],
    [
      (s: RegionSnapshot) => (s.transfer.internetEgressTiers[0]!.perGb.usd = Number.NaN),
      'transfer.internetEgressTiers.0.perGb is not a finite number',
    ],
    [
      (s: RegionSnapshot) => (s.ec2.instances.find((i) => i.type === 'm5.large')!.usdHour = 5000),
      'ec2.instances[m5.large].usdHour is $5000 per instance-hour, above the plausible maximum $1000',
    ],
    [
      (s: RegionSnapshot) => (s.extras.albHour.usd = 0.00001),
      'extras.albHour is $0.00001 per hour, below the plausible minimum $0.0005',
    ],
  ])('names each implausible price', (edit, message) => {
    expect(edited(edit)).toEqual([message]);
  });

  it('checks a figure the snapshot gains later by the unit its key names', () => {
    expect(plausibleRangeFor('newThingGbMonth').unit).toBe('GB-month');
    expect(plausibleRangeFor('somethingHour').unit).toBe('hour');
    expect(plausibleRangeFor('mystery')).toMatchObject({ unit: 'unit', maxUSD: 1000 });
  });
});
