import { describe, expect, it } from 'vitest';
import { componentBreakdown } from './chart-data.ts';
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
