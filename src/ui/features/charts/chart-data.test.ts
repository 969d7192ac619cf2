import { describe, expect, it } from 'vitest';
import { categoryOf, componentBreakdown, CATEGORIES } from './chart-data.ts';
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
      for (const row of rows) expect(sumCents(CATEGORIES.map((c) => row[c]))).toBe(row.total);
      expect(rows.every((r) => r['Team time'] > 0)).toBe(true);
    },
  );

  it('puts each kind of line in its category', () => {
    expect(categoryOf('EKS cluster (standard support)')).toBe('Control plane');
    expect(categoryOf('ECS control plane (no charge)')).toBe('Control plane');
    expect(categoryOf('Application Load Balancer hours')).toBe('Network');
    expect(categoryOf('NAT gateway data processed')).toBe('Network');
    expect(categoryOf('Team time operating EKS')).toBe('Team time');
    expect(categoryOf('Fargate vCPU (Linux/x86)')).toBe('Compute');
  });
});
