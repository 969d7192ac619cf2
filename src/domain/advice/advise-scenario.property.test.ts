import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { adviseScenario } from './advise-scenario.ts';
import { applyJsonPatch } from './json-patch.ts';
import { estimateScenario } from '../cost/estimate.ts';
import { validateScenario } from '../scenario/validate-scenario.ts';
import type { ScenarioInput } from '../scenario/scenario-schema.ts';
import type { RegionSnapshot } from '../pricing/price-snapshot.ts';
import { toCents } from '../money/round-cents.ts';
import { AP_SOUTH_2, EU_WEST_1, US_EAST_1 } from '../testing/load-snapshot.ts';
import { scenarioArb } from '../testing/arbitraries.ts';

const SNAPSHOTS: Record<string, RegionSnapshot> = {
  'us-east-1': US_EAST_1,
  'eu-west-1': EU_WEST_1,
  'ap-south-2': AP_SOUTH_2,
};
// A guard against a hang, not a speed check: each case prices its scenario about ten times.
const PROPERTY_TIMEOUT_MS = 120_000;

/**
 * Scenarios the schema accepts, with what the levers act on: instance lists sold in all three
 * regions, requests a little above a Fargate size, and documents that leave whole sections out
 * (so patches must add them).
 */
const documentArb: fc.Arbitrary<ScenarioInput> = fc
  .record({
    scenario: scenarioArb,
    instanceTypes: fc.constantFrom([], [], ['m5.large'], ['m5.xlarge', 'c6g.large'], ['c5.large', 'm6g.large']),
    bumps: fc.array(fc.constantFrom(1, 1, 1.05, 1.08), { minLength: 4, maxLength: 4 }),
    leaveOut: fc.subarray(['fargate', 'ec2', 'eks'] as const),
  })
  .map(({ scenario, instanceTypes, bumps, leaveOut }) => {
    const document: ScenarioInput = {
      ...scenario,
      ec2: { ...scenario.ec2, instanceTypes: [...instanceTypes] },
      services: scenario.services.map((s, i) => ({
        ...s,
        vcpu: Math.min(16, Number((s.vcpu * bumps[i]!).toFixed(4))),
      })),
    };
    for (const section of leaveOut) delete document[section];
    return document;
  });

describe('advice properties', () => {
  it(
    'every entry reproduces its monthlyUSD when its patch is applied to the document, and saves at least 1% (never a negative amount)',
    () => {
      let entries = 0;
      const levers = new Set<string>();
      fc.assert(
        fc.property(documentArb, (document) => {
          const snapshot = SNAPSHOTS[document.region]!;
          const validated = validateScenario(document);
          expect(validated.ok).toBe(true);
          if (!validated.ok) return;
          const original = structuredClone(document);
          const before = estimateScenario(validated.scenario, snapshot);
          const advice = adviseScenario(document, validated.scenario, snapshot, before);
          entries += advice.entries.length;
          for (const e of advice.entries) levers.add(e.lever);
          const savings = advice.entries.map((e) => e.savingUSD);
          expect(savings).toEqual([...savings].sort((a, b) => b - a));
          for (const entry of advice.entries) {
            const patched = applyJsonPatch(document, entry.scenarioPatch);
            expect(patched.ok).toBe(true);
            if (!patched.ok) return;
            const again = validateScenario(JSON.parse(JSON.stringify(patched.document)));
            expect(again.ok).toBe(true);
            if (!again.ok) return;
            const after = estimateScenario(again.scenario, snapshot).options.find((o) => o.id === entry.optionId)!;
            const was = before.options.find((o) => o.id === entry.optionId)!.monthlyUSD!;
            expect(after.monthlyUSD).toBe(entry.monthlyUSD);
            expect(entry.savingUSD).toBeGreaterThan(0);
            expect(toCents(entry.savingUSD)).toBe(toCents(was) - toCents(entry.monthlyUSD));
            expect(entry.savingUSD).toBeGreaterThanOrEqual(was * 0.01 - 0.005);
          }
          // The input document is never changed by the advice.
          expect(document).toEqual(original);
        }),
        { numRuns: 100 },
      );
      // The property must have had advice to check, not only scenarios where no lever pays.
      expect(entries).toBeGreaterThan(50);
      // And more than one kind of lever.
      expect(levers.size).toBeGreaterThan(4);
    },
    PROPERTY_TIMEOUT_MS,
  );
});
