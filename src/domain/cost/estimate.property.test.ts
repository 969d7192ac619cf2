import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { estimateScenario } from './estimate.ts';
import { validateScenario } from '../scenario/validate-scenario.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import type { RegionSnapshot } from '../pricing/price-snapshot.ts';
import { AP_SOUTH_2, EU_WEST_1, US_EAST_1 } from '../testing/load-snapshot.ts';
import { scenarioArb } from '../testing/arbitraries.ts';
import { scenarioOf, service } from '../testing/scenario-builders.ts';
import { totalOf as sumOfLines } from './cost-line.ts';
import { isAutomaticCandidate } from './ec2-option.ts';
import type { OptionId } from './estimate-types.ts';
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
// A guard against a hang, not a speed check: hundreds of estimates take seconds on a busy machine.
const PROPERTY_TIMEOUT_MS = 60_000;
const FARGATE_OPTIONS: OptionId[] = ['ecs-fargate', 'eks-fargate'];
const EC2_OPTIONS: OptionId[] = ['ecs-ec2', 'eks-ec2', 'ecs-managed-instances', 'eks-auto-mode'];
const totalOf = (scenario: Scenario, id: OptionId): number | null =>
  estimateScenario(scenario, SNAPSHOTS[scenario.region]!).options.find((o) => o.id === id)!.monthlyUSD;

describe('estimate properties', () => {
  it(
    'no scenario the schema accepts makes the engine throw, return a non-finite number or an unknown line kind',
    () => {
      fc.assert(
        fc.property(scenarioArb, (input) => {
          const estimate = estimateScenario(validated(input), SNAPSHOTS[input.region]!);
          for (const option of estimate.options) {
            if (option.available) {
              expect(Number.isFinite(option.monthlyUSD)).toBe(true);
              expect(option.monthlyUSD).toBe(sumOfLines(option.lines));
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
    },
    PROPERTY_TIMEOUT_MS,
  );

  // Only Fargate: EC2 packing (first-fit decreasing onto the cheapest type) is not monotone, so a
  // larger request can cost less there (fixed examples in ec2-cost-not-monotone.test.ts).
  it(
    'Fargate cost never falls when vCPU, memory or replicas rise',
    () => {
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
          for (const id of FARGATE_OPTIONS) {
            const beforeUSD = totalOf(before, id),
              afterUSD = totalOf(after, id);
            if (beforeUSD !== null && afterUSD !== null) expect(afterUSD).toBeGreaterThanOrEqual(beforeUSD);
          }
        }),
        { numRuns: 200 },
      );
    },
    PROPERTY_TIMEOUT_MS,
  );

  it(
    'automatic instance choice never costs more than forcing any single type it considered',
    () => {
      let compared = 0;
      fc.assert(
        fc.property(scenarioArb, fc.nat(), (input, typeIndex) => {
          // One node group's kind (Linux, one architecture, GPU or not), so one forced type can serve it all.
          const [first] = input.services;
          const services = input.services.map((s) => ({
            ...s,
            os: 'linux' as const,
            arch: first!.arch,
            gpu: (first!.gpu ?? 0) > 0 ? Math.max(s.gpu ?? 0, 1) : 0,
            // The choice ranks types by node-hour price plus the base root volume; a volume grown for
            // tasks' storage follows the packing, and a Savings Plan discounts after the choice.
            ephemeralStorageGiB: 20,
          }));
          const automatic = validated({
            ...input,
            services,
            ec2: { ...input.ec2, instanceTypes: [], savingsPlanDiscountPercent: 0 },
          });
          const snapshot = SNAPSHOTS[automatic.region]!;
          const service = automatic.services[0]!;
          const considered = snapshot.ec2.instances.filter((offer) =>
            isAutomaticCandidate(offer, service.arch, service.gpu > 0),
          );
          if (considered.length === 0) return; // no arm64 GPU types, for example: nothing to force
          const forcedType = considered[typeIndex % considered.length]!.type;
          const forced = validated({ ...automatic, ec2: { ...automatic.ec2, instanceTypes: [forcedType] } });
          for (const id of EC2_OPTIONS) {
            const forcedUSD = totalOf(forced, id);
            if (forcedUSD === null) continue;
            const automaticUSD = totalOf(automatic, id);
            expect(automaticUSD, `${id} automatic vs ${forcedType}`).not.toBeNull();
            expect(automaticUSD!).toBeLessThanOrEqual(forcedUSD);
            compared++;
          }
        }),
        { numRuns: 100 },
      );
      // Not vacuous: a forced type can run the scenario in about 7 of 10 of the 200 checks.
      expect(compared).toBeGreaterThan(80);
    },
    PROPERTY_TIMEOUT_MS,
  );

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

describe('automatic choice for a group that runs no whole replica', () => {
  // Found by the property above (seed 148174762): three services whose replicas round to 0 were
  // sized as if all three ran at once, so the automatic choice bought an x2gd.2xlarge where one
  // r6g.2xlarge, which holds one replica of each, bills less at the same one minimum node.
  const idle = (overrides: Record<string, unknown>) => ({ replicas: 0, arch: 'arm64', ...overrides });
  const scenario = (instanceTypes: string[]) =>
    validated({
      version: 2,
      region: 'eu-west-1',
      hoursPerMonth: 1,
      services: [
        idle({ name: 'small', vcpu: 0.125, memoryGiB: 4 }),
        idle({ name: 'large', vcpu: 4, memoryGiB: 60 }),
        idle({ name: 'tiny', vcpu: 0.25, memoryGiB: 0.5 }),
      ],
      ec2: { minNodes: 1, spotPercent: 0, instanceTypes },
    });

  it.each(EC2_OPTIONS)('%s never pays more than a type that holds one replica of each', (id) => {
    const automatic = totalOf(scenario([]), id);
    const forced = totalOf(scenario(['r6g.2xlarge']), id);
    expect(forced).not.toBeNull();
    expect(automatic!).toBeLessThanOrEqual(forced!);
  });
});
