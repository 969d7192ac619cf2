import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  describeBreakEven,
  findBreakEvens,
  formatReplicas,
  wholeReplicaFactors,
  type ScaleSample,
} from './break-even.ts';
import { OPTION_IDS, type OptionId } from './estimate-types.ts';

const sample = (replicas: number, totals: Partial<Record<OptionId, number | null>>): ScaleSample => ({
  totalReplicas: replicas,
  monthlyUSD: {
    'ecs-fargate': null,
    'ecs-ec2': null,
    'eks-fargate': null,
    'eks-ec2': null,
    'ecs-managed-instances': null,
    'eks-auto-mode': null,
    ...totals,
  },
});

describe('findBreakEvens', () => {
  it('names the option that becomes cheaper and the last sample where it was not', () => {
    // Fargate grows 10 per replica; EKS on EC2 costs 300 fixed + 2 per replica: they cross between 37 and 38.
    const samples = [36, 37, 38, 39].map((r) =>
      sample(r, { 'ecs-fargate': 10 * r - 70, 'eks-ec2': 300 + 2 * r - 70 + 64 }),
    );
    // ecs-fargate: 290, 300, 310, 320; eks-ec2: 366, 368, 370, 372 -> no crossing yet
    expect(findBreakEvens(samples)).toEqual([]);
    const crossing = [37, 38, 39, 40].map((r) => sample(r, { 'ecs-fargate': 10 * r, 'eks-ec2': 80 + 8 * r }));
    // ecs-fargate: 370, 380, 390, 400; eks-ec2: 376, 384, 392, 400 (tie at 40)
    expect(findBreakEvens(crossing)).toEqual([]);
    const real = [37, 38, 39, 40].map((r) => sample(r, { 'ecs-fargate': 10 * r, 'eks-ec2': 80 + 8 * r - 3 }));
    // eks-ec2: 373, 381, 389, 397 -> fargate cheaper at 37 and 38 (370<373, 380<381), eks-ec2 cheaper at 39 (389<390)
    const found = findBreakEvens(real);
    expect(found).toEqual([{ cheaper: 'eks-ec2', than: 'ecs-fargate', aboveReplicas: 38, fromReplicas: 39 }]);
    expect(describeBreakEven(found[0]!)).toBe('EKS on EC2 is cheaper than ECS on Fargate above 38 replicas');
  });

  it('skips ties and unavailable samples instead of inventing crossings', () => {
    const samples = [
      sample(1, { 'ecs-fargate': 10, 'ecs-ec2': 20 }),
      sample(2, { 'ecs-fargate': 20, 'ecs-ec2': 20.001 }),
      sample(3, { 'ecs-fargate': 30, 'ecs-ec2': 25 }),
      sample(4, { 'ecs-fargate': 40, 'ecs-ec2': null }),
      sample(5, { 'ecs-fargate': 50, 'ecs-ec2': 60 }),
    ];
    expect(findBreakEvens(samples)).toEqual([
      { cheaper: 'ecs-ec2', than: 'ecs-fargate', aboveReplicas: 1, fromReplicas: 3 },
    ]);
  });

  it('writes one replica in the singular and fractions plainly', () => {
    expect(describeBreakEven({ cheaper: 'ecs-ec2', than: 'ecs-fargate', aboveReplicas: 1, fromReplicas: 2 })).toBe(
      'ECS on EC2 is cheaper than ECS on Fargate above 1 replica',
    );
    expect(formatReplicas(2.5)).toBe('2.5');
    expect(formatReplicas(0.3333333)).toBe('0.33');
  });

  const totalsArb = fc.record(
    Object.fromEntries(
      OPTION_IDS.map((id) => [
        id,
        fc.option(
          fc.integer({ min: 0, max: 100_000 }).map((c) => c / 100),
          { nil: null, freq: 5 },
        ),
      ]),
    ) as Record<OptionId, fc.Arbitrary<number | null>>,
  );
  const seriesArb = fc
    .array(totalsArb, { minLength: 0, maxLength: 30 })
    .map((rows) => rows.map((monthlyUSD, i) => ({ totalReplicas: i + 1, monthlyUSD })));

  it('reports a crossing only where the order of two options really flips (property)', () => {
    fc.assert(
      fc.property(seriesArb, (series) => {
        for (const b of findBreakEvens(series)) {
          const before = series.find((s) => s.totalReplicas === b.aboveReplicas)!;
          const after = series.find((s) => s.totalReplicas === b.fromReplicas)!;
          expect(after.monthlyUSD[b.cheaper]!).toBeLessThan(after.monthlyUSD[b.than]!);
          expect(before.monthlyUSD[b.cheaper]!).toBeGreaterThan(before.monthlyUSD[b.than]!);
          expect(b.aboveReplicas).toBeLessThan(b.fromReplicas);
          // No sample in between has both options available and ordered either way.
          for (const s of series) {
            if (s.totalReplicas > b.aboveReplicas && s.totalReplicas < b.fromReplicas) {
              const x = s.monthlyUSD[b.cheaper];
              const y = s.monthlyUSD[b.than];
              expect(x === null || y === null || Math.abs(x - y) < 0.005).toBe(true);
            }
          }
        }
      }),
    );
  });

  it('finds exactly one crossing for two straight lines that cross inside the range (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 60 }), fc.integer({ min: 1, max: 50 }), (crossAt, slope) => {
        // ecs-fargate = slope * r; eks-ec2 = slope * crossAt + 0.5 * (r - crossAt): equal at crossAt.
        const series = Array.from({ length: 80 }, (_, i) => i + 1).map((r) =>
          sample(r, { 'ecs-fargate': slope * r, 'eks-ec2': slope * crossAt + 0.5 * (r - crossAt) }),
        );
        const found = findBreakEvens(series);
        expect(found).toHaveLength(1);
        expect(found[0]).toMatchObject({
          cheaper: 'eks-ec2',
          than: 'ecs-fargate',
          aboveReplicas: crossAt - 1,
          fromReplicas: crossAt + 1,
        });
      }),
    );
  });
});

describe('wholeReplicaFactors', () => {
  it('gives whole total replica counts from a quarter to four times today', () => {
    const factors = wholeReplicaFactors(2);
    expect(factors.map((f) => Math.round(f * 2 * 1e9) / 1e9)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('keeps to the point budget and includes both ends (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }), fc.integer({ min: 2, max: 200 }), (total, maxPoints) => {
        const factors = wholeReplicaFactors(total, maxPoints);
        expect(factors.length).toBeLessThanOrEqual(maxPoints + 1);
        const totals = factors.map((f) => f * total);
        for (const t of totals) expect(Math.abs(t - Math.round(t))).toBeLessThan(1e-6);
        expect(Math.round(totals[0]!)).toBe(Math.max(1, Math.ceil(total / 4)));
        expect(Math.round(totals[totals.length - 1]!)).toBe(Math.max(Math.max(1, Math.ceil(total / 4)) + 1, total * 4));
      }),
    );
  });

  it('falls back to today only when there are no replicas', () => {
    expect(wholeReplicaFactors(0)).toEqual([1]);
  });
});
