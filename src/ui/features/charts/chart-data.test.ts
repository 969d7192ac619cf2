import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { barSeries, componentBreakdown, moneyTicks, replicaTicks, scaleSeries } from './chart-data.ts';
import { optionColor } from '../../lib/option-colors.ts';
import { sweepReplicas } from '../../../domain/cost/sweep-replicas.ts';
import { wholeReplicaFactors } from '../../../domain/cost/break-even.ts';
import type { Scenario } from '../../../domain/scenario/scenario-schema.ts';
import { LINE_CATEGORIES } from '../../../domain/cost/line-kinds.ts';
import { estimateScenario } from '../../../domain/cost/estimate.ts';
import { validateScenario } from '../../../domain/scenario/validate-scenario.ts';
import { PRESETS } from '../../../domain/presets/presets.ts';
import type { RegionSnapshot } from '../../../domain/pricing/price-snapshot.ts';
import { sumCents } from '../../../domain/money/round-cents.ts';
import usEast1 from '../../../../public/pricing/us-east-1.json' with { type: 'json' };

describe('componentBreakdown', () => {
  it.each(PRESETS.map((p) => [p.id, p.scenario] as const))(
    'splits every available total of %s without losing a cent',
    (_id, input) => {
      const result = validateScenario({
        ...input,
        operations: { hourlyRateUSD: 100, ecsHoursPerMonth: 8, eksHoursPerMonth: 40 },
        fargate: { spotPercent: 20, savingsPlanDiscountPercent: 10 },
      });
      if (!result.ok) throw new Error('invalid');
      const estimate = estimateScenario(result.scenario, usEast1 as unknown as RegionSnapshot);
      const rows = componentBreakdown(estimate);
      expect(rows.map((r) => r.id)).toEqual(estimate.options.filter((o) => o.available).map((o) => o.id));
      for (const row of rows) expect(sumCents(LINE_CATEGORIES.map((c) => row[c]))).toBe(row.total);
      expect(rows.every((r) => r.team > 0)).toBe(true);
    },
  );

  it('sums each category from the lines that carry it, whatever their wording', () => {
    const result = validateScenario({
      ...PRESETS[0]!.scenario,
      operations: { hourlyRateUSD: 100, ecsHoursPerMonth: 8, eksHoursPerMonth: 40 },
      fargate: { spotPercent: 0, savingsPlanDiscountPercent: 10 },
      extras: { loadBalancers: 1, lcuPerLoadBalancer: 1, natGateways: 1, natDataGB: 100, publicIPv4Addresses: 2 },
    });
    if (!result.ok) throw new Error('invalid');
    const estimate = estimateScenario(result.scenario, usEast1 as unknown as RegionSnapshot);
    const fargate = estimate.options.find((o) => o.id === 'ecs-fargate')!;
    const renamed = { ...fargate, lines: fargate.lines.map((l, i) => ({ ...l, component: `line ${i}` })) };
    const [row] = componentBreakdown({ ...estimate, options: [renamed] });
    const sumOf = (category: string) =>
      sumCents(fargate.lines.filter((l) => l.category === category).map((l) => l.monthlyUSD));
    for (const category of LINE_CATEGORIES) expect(row![category]).toBe(sumOf(category));
    expect(row!.discount).toBeLessThan(0);
    expect(row!.network).toBeGreaterThan(0);
    expect(row!['control-plane']).toBe(0);
    expect(row!.team).toBe(800);
  });
});

describe('chart series', () => {
  const estimateOf = (input: unknown) => {
    const result = validateScenario(input);
    if (!result.ok) throw new Error('invalid');
    return estimateScenario(result.scenario, usEast1 as unknown as RegionSnapshot);
  };

  it('colours each bar with its option colour, the categories in shades of it', () => {
    const series = barSeries(componentBreakdown(estimateOf(PRESETS[0]!.scenario)));
    expect(series.categories.map((c) => c.category)).toEqual(
      LINE_CATEGORIES.filter((c) => series.rows.some((r) => r[c] !== 0)),
    );
    series.rows.forEach((row, i) => {
      expect(series.fills[i]![series.categories[0]!.category]).toBe(optionColor(row.id));
      expect(new Set(series.categories.map((c) => series.fills[i]![c.category])).size).toBe(series.categories.length);
    });
    expect(series.domain[0]).toBe(series.ticks[0]);
    expect(series.domain[1]).toBeGreaterThanOrEqual(Math.max(...series.rows.map((r) => r.total)));
  });

  it('draws the lines in the same colours the cards use', () => {
    const points = sweepReplicas(
      validateScenario(PRESETS[0]!.scenario).ok
        ? (validateScenario(PRESETS[0]!.scenario) as { scenario: Scenario }).scenario
        : (null as never),
      usEast1 as unknown as RegionSnapshot,
      wholeReplicaFactors(2),
    );
    const series = scaleSeries(points);
    for (const line of series.lines) expect(line.color).toBe(optionColor(line.id));
    const samples = new Set(points.map((p) => p.totalReplicas));
    for (const tick of series.xTicks) expect(samples.has(tick)).toBe(true);
  });
});

describe('axis ticks', () => {
  it('labels only sampled replica counts, at most the count asked, in order', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.25, max: 5000, noNaN: true }), fc.integer({ min: 2, max: 10 }), (total, max) => {
        const samples = wholeReplicaFactors(total).map((f) => Math.round(f * total * 1e6) / 1e6);
        const ticks = replicaTicks(samples, max);
        const known = new Set(samples);
        expect(ticks.every((t) => known.has(t))).toBe(true);
        expect(ticks.length).toBeLessThanOrEqual(Math.max(max, 2));
        expect(ticks.length).toBeGreaterThanOrEqual(Math.min(2, known.size));
        expect([...ticks].sort((a, b) => a - b)).toEqual(ticks);
      }),
    );
  });

  it('uses round steps where the samples have them', () => {
    expect(replicaTicks([1, 2, 3, 4, 5, 6, 7, 8], 6)).toEqual([2, 4, 6, 8]);
    expect(
      replicaTicks(
        Array.from({ length: 100 }, (_, i) => 50 + i * 5),
        6,
      ),
    ).toEqual([100, 200, 300, 400, 500]);
  });

  it('spans the money range with round steps, first and last tick outside the data', () => {
    fc.assert(
      fc.property(
        // Amounts on the axes are sums of cents.
        fc.integer({ min: -500_000, max: 0 }),
        fc.integer({ min: 0, max: 100_000_000 }),
        (lowCents, highCents) => {
          const [low, high] = [lowCents / 100, highCents / 100];
          const ticks = moneyTicks(low, high);
          expect(ticks[0]!).toBeLessThanOrEqual(low);
          expect(ticks[ticks.length - 1]!).toBeGreaterThanOrEqual(high);
          expect(ticks.length).toBeLessThanOrEqual(6);
          const steps = ticks.slice(1).map((t, i) => t - ticks[i]!);
          for (const s of steps) expect(s).toBeCloseTo(steps[0]!, 6);
        },
      ),
    );
  });
});

describe('replica ticks without round samples', () => {
  it('steps from the first sample by a round number of replicas', () => {
    const samples = [...Array.from({ length: 98 }, (_, i) => 33 + i * 5), 520];
    expect(replicaTicks(samples, 6)).toEqual([33, 133, 233, 333, 433]);
  });
});
