/** Checks every committed snapshot file: shape, finite prices, provenance on every figure. */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REGION_CATALOG, SNAPSHOT_AS_OF } from './region-catalog.ts';
import { listDerivedFigures, type PriceFigure, type RegionSnapshot } from './price-snapshot.ts';

const DIR = join(import.meta.dirname, '../../../public/pricing');
const load = (region: string) => JSON.parse(readFileSync(join(DIR, `${region}.json`), 'utf8')) as RegionSnapshot;

function figuresOf(snapshot: RegionSnapshot): PriceFigure[] {
  const out: PriceFigure[] = [];
  const visit = (value: unknown) => {
    if (!value || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (typeof record.usd === 'number') out.push(record as unknown as PriceFigure);
    else Object.values(record).forEach(visit);
  };
  visit({ fargate: snapshot.fargate, eks: snapshot.eks, extras: snapshot.extras });
  return out;
}

describe('bundled price snapshot', () => {
  it('has one file per catalog region, and nothing else', () => {
    const files = readdirSync(DIR)
      .filter((f) => f !== 'index.json')
      .sort();
    expect(files).toEqual(REGION_CATALOG.map((r) => `${r.code}.json`).sort());
  });

  it.each(REGION_CATALOG.map((r) => [r.code]))('%s: every figure is finite, sourced and dated', (region) => {
    const snapshot = load(region);
    expect(snapshot).toMatchObject({
      formatVersion: 1,
      region,
      source: 'snapshot',
      asOf: SNAPSHOT_AS_OF,
      currency: 'USD',
    });
    expect(snapshot.fargate !== null).toBe(REGION_CATALOG.find((r) => r.code === region)!.fargate);
    for (const figure of figuresOf(snapshot)) {
      expect(Number.isFinite(figure.usd) && figure.usd >= 0).toBe(true);
      expect(snapshot.sources[figure.source], `source ${figure.source}`).toBeDefined();
      expect(figure.asOf).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
    }
    expect(snapshot.ec2.instances.length).toBeGreaterThan(100);
    for (const offer of snapshot.ec2.instances) {
      expect(offer.usdHour > 0 && offer.vcpu > 0 && offer.memoryMiB > 0).toBe(true);
    }
  });

  it('marks the rule on every derived figure; us-east-1 derives only Fargate Spot on ARM', () => {
    expect(listDerivedFigures(load('us-east-1')).map((d) => d.path)).toEqual([
      'fargate.spotLinuxArm.vcpuHour',
      'fargate.spotLinuxArm.gbHour',
    ]);
    const derived = listDerivedFigures(load('eu-west-1'));
    expect(derived.map((d) => d.path)).toContain('fargate.linuxArm.vcpuHour');
    expect(derived.find((d) => d.path === 'fargate.linuxArm.vcpuHour')!.figure.usd).toBeCloseTo(0.04048 * 0.8, 10);
    for (const { figure } of derived) expect(figure.derived!.length).toBeGreaterThan(10);
  });

  it('carries the reference prices of us-east-1', () => {
    const snapshot = load('us-east-1');
    expect(snapshot.fargate!.linuxX86.vcpuHour.usd).toBe(0.04048);
    expect(snapshot.fargate!.linuxX86.gbHour.usd).toBe(0.004445);
    expect(snapshot.fargate!.linuxArm!.vcpuHour.usd).toBe(0.03238);
    expect(snapshot.eks.clusterHourStandard.usd).toBe(0.1);
    expect(snapshot.eks.clusterHourExtended.usd).toBe(0.6);
    const price = (type: string) => snapshot.ec2.instances.find((o) => o.type === type)!.usdHour;
    expect([price('m5.large'), price('m6g.large'), price('t3.medium'), price('c5.large'), price('g5.xlarge')]).toEqual([
      0.096, 0.077, 0.0416, 0.085, 1.006,
    ]);
  });
});
