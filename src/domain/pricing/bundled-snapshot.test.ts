/**
 * Golden test of the committed snapshot files (public/pricing/): each region's sampled figures equal
 * the shared pricing data (sample read straight from the data files by scripts/sample-pricing-data.ts),
 * every figure cites a listed source and a date, every derived figure names one of the written rules
 * (derived-price-rules.ts), and nothing is derived where the data has the figure.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REGION_CATALOG, SNAPSHOT_AS_OF } from './region-catalog.ts';
import {
  listDerivedFigures,
  SNAPSHOT_FORMAT_VERSION,
  type PriceFigure,
  type RegionSnapshot,
} from './price-snapshot.ts';
import { DERIVED_RULE_TEXT, NEIGHBOUR_REGIONS, derivedRuleTextsFor } from './derived-price-rules.ts';
import sampleFile from './__golden__/pricing-data-sample.json' with { type: 'json' };

interface RegionSample {
  fargate: {
    x86: [number, number];
    arm: [number, number];
    windows: [number, number, number] | null;
    storage: number;
    spotX86: [number, number] | null;
  };
  eks: [number, number];
  nat: [number, number];
  publicIpv4: number;
  egress: number[] | null;
  interAz: number | null;
  gp3: number | null;
  logs: [number, number];
  ec2: Record<
    string,
    { usdHour: number; source: string; spot: { savingsPercent: number; interruption: string } | null }
  >;
}
const SAMPLE = sampleFile.regions as unknown as Record<string, RegionSample>;

const DIR = join(import.meta.dirname, '../../../public/pricing');
const load = (region: string) => JSON.parse(readFileSync(join(DIR, `${region}.json`), 'utf8')) as RegionSnapshot;
const REGIONS = REGION_CATALOG.map((r) => r.code);

/** The figure, checked to be read from the data (not derived). */
const real = (figure: PriceFigure | null | undefined): number => {
  expect(figure, 'figure present').toBeTruthy();
  expect(figure!.derived, `${figure!.source} ${figure!.usd} is not derived`).toBeUndefined();
  return figure!.usd;
};

function figuresOf(snapshot: RegionSnapshot): PriceFigure[] {
  const out: PriceFigure[] = [];
  const visit = (value: unknown) => {
    if (!value || typeof value !== 'object') return;
    const record = value as Record<string, unknown>;
    if (typeof record.usd === 'number') out.push(record as unknown as PriceFigure);
    else Object.values(record).forEach(visit);
  };
  const { sources: _sources, ...rest } = snapshot;
  visit(rest);
  return out;
}

describe('bundled price snapshot', () => {
  it('has one file per region of the data set (36), and nothing else', () => {
    const files = readdirSync(DIR)
      .filter((f) => f !== 'index.json')
      .sort();
    expect(files).toEqual(REGIONS.map((code) => `${code}.json`).sort());
    expect(REGIONS.sort()).toEqual(Object.keys(SAMPLE).sort());
    expect(REGIONS).toHaveLength(36);
  });

  it.each(REGIONS.map((r) => [r]))('%s: sampled figures equal the shared data', (region) => {
    const snapshot = load(region);
    const sample = SAMPLE[region]!;
    const fargate = snapshot.fargate!;
    expect([real(fargate.linuxX86.vcpuHour), real(fargate.linuxX86.gbHour)]).toEqual(sample.fargate.x86);
    expect([real(fargate.linuxArm?.vcpuHour), real(fargate.linuxArm?.gbHour)]).toEqual(sample.fargate.arm);
    if (sample.fargate.windows) {
      const win = fargate.windowsX86!;
      expect([real(win.vcpuHour), real(win.gbHour), real(win.osLicenseVcpuHour)]).toEqual(sample.fargate.windows);
    } else expect(fargate.windowsX86).toBeNull();
    expect(real(fargate.ephemeralStorageGbHour)).toBe(sample.fargate.storage);
    if (sample.fargate.spotX86)
      expect([real(fargate.spotLinuxX86?.vcpuHour), real(fargate.spotLinuxX86?.gbHour)]).toEqual(
        sample.fargate.spotX86,
      );
    else expect(fargate.spotLinuxX86).toBeNull();
    expect(real(snapshot.eks.clusterHourStandard)).toBe(sample.eks[0]);
    expect(snapshot.eks.clusterHourExtended.usd).toBeCloseTo(sample.eks[0] + sample.eks[1], 10);
    expect([real(snapshot.extras.natGatewayHour), real(snapshot.extras.natGatewayGb)]).toEqual(sample.nat);
    expect(real(snapshot.extras.publicIpv4Hour)).toBe(sample.publicIpv4);
    expect([real(snapshot.logs.ingestionGb), real(snapshot.logs.storageGbMonth)]).toEqual(sample.logs);

    // Figures some regions lack: the region's own, or exactly the neighbour's, marked with the neighbour rule.
    const neighbour = NEIGHBOUR_REGIONS[region];
    const rule = neighbour ? DERIVED_RULE_TEXT.neighbour(region, neighbour) : '';
    const ownOrNeighbour = <T>(own: T | null, pick: (s: RegionSample) => T | null, figures: PriceFigure[]): T => {
      if (own !== null) {
        figures.forEach((figure) => expect(figure.derived).toBeUndefined());
        return own;
      }
      expect(neighbour, `${region} has a neighbour rule`).toBeDefined();
      figures.forEach((figure) => expect(figure.derived).toBe(rule));
      return pick(SAMPLE[neighbour!]!)!;
    };
    const tiers = snapshot.transfer.internetEgressTiers;
    expect(tiers.map((t) => t.perGb.usd)).toEqual(
      ownOrNeighbour(
        sample.egress,
        (s) => s.egress,
        tiers.map((t) => t.perGb),
      ),
    );
    const crossAz = snapshot.transfer.crossAzGbEachWay;
    expect(crossAz.usd).toBe(ownOrNeighbour(sample.interAz, (s) => s.interAz, [crossAz]));
    expect(snapshot.storage.gp3GbMonth.usd).toBe(
      ownOrNeighbour(sample.gp3, (s) => s.gp3, [snapshot.storage.gp3GbMonth]),
    );

    for (const [type, expected] of Object.entries(sample.ec2)) {
      const offer = snapshot.ec2.instances.find((o) => o.type === type);
      expect(offer, type).toBeDefined();
      expect({ usdHour: offer!.usdHour, source: offer!.source }).toEqual({
        usdHour: expected.usdHour,
        source: expected.source,
      });
      expect(offer!.asOf).toBe(snapshot.sources[offer!.source]!.date);
      expect({ savingsPercent: offer!.spotSavingsPercent, interruption: offer!.spotInterruption }).toEqual(
        expected.spot ?? { savingsPercent: null, interruption: null },
      );
    }
  });

  it.each(REGIONS.map((r) => [r]))(
    '%s: every figure is finite, sourced and dated; derived ones name a rule',
    (region) => {
      const snapshot = load(region);
      expect(snapshot).toMatchObject({
        formatVersion: SNAPSHOT_FORMAT_VERSION,
        region,
        source: 'snapshot',
        asOf: SNAPSHOT_AS_OF,
        currency: 'USD',
      });
      for (const figure of figuresOf(snapshot)) {
        expect(Number.isFinite(figure.usd) && figure.usd >= 0).toBe(true);
        expect(snapshot.sources[figure.source], `source ${figure.source}`).toBeDefined();
        expect(figure.asOf).toMatch(/^\d{4}(-\d{2}(-\d{2})?)?$/);
      }
      const rules = derivedRuleTextsFor(region);
      for (const { path, figure } of listDerivedFigures(snapshot)) expect(rules, path).toContain(figure.derived);
      expect(snapshot.ec2.instances.length).toBeGreaterThan(100);
      for (const offer of snapshot.ec2.instances) {
        expect(offer.usdHour > 0 && offer.vcpu > 0 && offer.memoryMiB > 0).toBe(true);
        expect(snapshot.sources[offer.source], offer.type).toBeDefined();
      }
    },
  );

  it('derives in us-east-1 only Fargate Spot on ARM and the EKS extended-support total; no ARM = 80% rule anywhere', () => {
    expect(listDerivedFigures(load('us-east-1')).map((d) => d.path)).toEqual([
      'fargate.spotLinuxArm.vcpuHour',
      'fargate.spotLinuxArm.gbHour',
      'eks.clusterHourExtended',
    ]);
    for (const region of REGIONS)
      expect(listDerivedFigures(load(region)).map((d) => d.path)).not.toContain('fargate.linuxArm.vcpuHour');
    // ap-south-1's published ARM rate is 56% of x86, not 80%.
    const mumbai = load('ap-south-1').fargate!;
    expect(mumbai.linuxArm!.vcpuHour.usd / mumbai.linuxX86.vcpuHour.usd).toBeCloseTo(0.5599, 4);
  });

  it('carries the reference prices of us-east-1', () => {
    const snapshot = load('us-east-1');
    expect(snapshot.fargate!.linuxX86.vcpuHour.usd).toBe(0.04048);
    expect(snapshot.fargate!.windowsX86!.vcpuHour.usd).toBe(0.046552);
    expect(snapshot.eks.clusterHourExtended.usd).toBe(0.6);
    const price = (type: string) => snapshot.ec2.instances.find((o) => o.type === type)!.usdHour;
    expect([
      price('m5.large'),
      price('m6g.large'),
      price('t3.medium'),
      price('c5.large'),
      price('p5.48xlarge'),
    ]).toEqual([0.096, 0.077, 0.0416, 0.085, 55.04]);
  });
});
