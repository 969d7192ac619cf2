import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { estimateScenario } from './estimate.ts';
import { validateScenario } from '../scenario/validate-scenario.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import type { RegionSnapshot } from '../pricing/price-snapshot.ts';
import { AP_SOUTH_2, EU_WEST_1, US_EAST_1 } from '../testing/load-snapshot.ts';
import { scenarioArb } from '../testing/arbitraries.ts';
import { scenarioOf, service } from '../testing/scenario-builders.ts';
import { totalOf } from './cost-line.ts';
import { LINE_KIND_CATEGORIES } from './line-kinds.ts';

const SNAPSHOTS: Record<string, RegionSnapshot> = {
  'us-east-1': US_EAST_1,
  'eu-west-1': EU_WEST_1,
  'ap-south-2': AP_SOUTH_2,
};
const validated = (input: unknown): Scenario => {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.scenario;
};
const totals = (scenario: Scenario) =>
  estimateScenario(scenario, SNAPSHOTS[scenario.region]!).options.map((o) => o.monthlyUSD);

describe('estimate properties', () => {
  it('no scenario the schema accepts makes the engine throw, return a non-finite number or an unknown line kind', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const estimate = estimateScenario(validated(input), SNAPSHOTS[input.region]!);
        for (const option of estimate.options) {
          if (option.available) {
            expect(Number.isFinite(option.monthlyUSD)).toBe(true);
            expect(option.monthlyUSD).toBe(totalOf(option.lines));
            for (const line of option.lines) {
              expect(LINE_KIND_CATEGORIES[line.kind]).toBe(line.category);
              expect(
                Number.isFinite(line.quantity) &&
                  Number.isFinite(line.unitPriceUSD) &&
                  Number.isFinite(line.monthlyUSD),
              ).toBe(true);
            }
          } else {
            expect(option.monthlyUSD).toBeNull();
            expect(option.reason).toBeTruthy();
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('cost never falls when vCPU, memory or replicas rise', () => {
    const grow = fc.record({
      field: fc.constantFrom('vcpu', 'memoryGiB', 'replicas'),
      index: fc.nat(),
      factor: fc.double({ min: 1, max: 3, noNaN: true }),
    });
    fc.assert(
      fc.property(scenarioArb, grow, (input, { field, index, factor }) => {
        const before = validated(input);
        const target = index % before.services.length;
        const limits = { vcpu: 16, memoryGiB: 120, replicas: 10_000 };
        const services = before.services.map((s, i) =>
          i === target ? { ...s, [field]: Math.min(s[field] * factor, limits[field]) } : s,
        );
        const after = validated({ ...before, services });
        const a = totals(before),
          b = totals(after);
        a.forEach((beforeUSD, i) => {
          const afterUSD = b[i];
          if (beforeUSD !== null && afterUSD !== null && afterUSD !== undefined)
            expect(afterUSD).toBeGreaterThanOrEqual(beforeUSD);
        });
      }),
      { numRuns: 200 },
    );
  });

  it('on Fargate, n replicas cost n times one (compute lines)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 500 }),
        fc.constantFrom(0.25, 0.5, 1, 2, 4),
        fc.constantFrom(0.5, 1, 2, 8),
        (n, vcpu, memoryGiB) => {
          const computeUSD = (replicas: number) =>
            estimateScenario(scenarioOf({ services: [service('api', { vcpu, memoryGiB, replicas })] }), US_EAST_1)
              .options.find((o) => o.id === 'ecs-fargate')!
              .lines.filter((l) => l.component.startsWith('Fargate'))
              .map((l) => l.quantity * l.unitPriceUSD);
          const one = computeUSD(1),
            many = computeUSD(n);
          many.forEach((usd, i) => expect(usd).toBeCloseTo(one[i]! * n, 6));
        },
      ),
      { numRuns: 100 },
    );
  });
});
