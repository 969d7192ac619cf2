import { COST_PERIOD_IDS } from '../report/cost-periods.ts';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { describeComparison, recommendPlatform } from './recommend-platform.ts';
import { DEFAULT_ANSWERS, WORKLOAD_KINDS, type DecisionAnswers } from './decision-answers.ts';
import { OPTION_IDS, OPTION_LABELS, type Estimate, type OptionId } from '../cost/estimate-types.ts';
import { estimateScenario } from '../cost/estimate.ts';
import { validateScenario } from '../scenario/validate-scenario.ts';
import { PRESETS } from '../presets/presets.ts';
import type { RegionSnapshot } from '../pricing/price-snapshot.ts';
import usEast1 from '../../../public/pricing/us-east-1.json' with { type: 'json' };

const snapshot = usEast1 as unknown as RegionSnapshot;
const answers = (patch: Partial<DecisionAnswers>): DecisionAnswers => ({ ...DEFAULT_ANSWERS, ...patch });

function presetCase(id: string) {
  const result = validateScenario(PRESETS.find((p) => p.id === id)!.scenario);
  if (!result.ok) throw new Error('invalid preset');
  return { scenario: result.scenario, estimate: estimateScenario(result.scenario, snapshot) };
}

/** A synthetic estimate: only what the recommendation reads. */
function fakeEstimate(given: Partial<Record<OptionId, number | null>>): Estimate {
  // An option the case leaves out cannot run the workload.
  const totals = (id: OptionId) => given[id] ?? null;
  const options = OPTION_IDS.map((id) => ({
    id,
    label: OPTION_LABELS[id],
    available: totals(id) !== null,
    monthlyUSD: totals(id),
    lines: [],
    ...(totals(id) === null ? { reason: 'cannot run it' } : {}),
  }));
  const available = options.filter((o) => o.monthlyUSD !== null).sort((a, b) => a.monthlyUSD! - b.monthlyUSD!);
  return {
    region: 'us-east-1',
    regionName: 'US East',
    pricing: { source: 'snapshot', oldestAsOf: null, newestAsOf: null, asOf: '2026-11-27' },
    hoursPerMonth: 730,
    options,
    cheapest: available[0]?.id ?? null,
    warnings: [],
    assumptions: [],
  };
}

const tri = fc.constantFrom('unknown', 'yes', 'no') as fc.Arbitrary<'unknown' | 'yes' | 'no'>;
const answersArb: fc.Arbitrary<DecisionAnswers> = fc.record({
  kubernetesSkills: fc.constantFrom('unknown', 'none', 'some', 'strong'),
  multiCloud: tri,
  kubernetesTooling: tri,
  workloadKinds: fc.subarray([...WORKLOAD_KINDS]),
  teamSize: fc.constantFrom('unknown', 'small', 'medium', 'large'),
  awsManaged: tri,
  startingFresh: tri,
  nodeControl: tri,
  hiddenOptions: fc.subarray<string>([...OPTION_IDS]),
  costPeriod: fc.constantFrom(...COST_PERIOD_IDS),
});
const totalsArb = fc.record(
  Object.fromEntries(
    OPTION_IDS.map((id) => [
      id,
      fc.option(
        fc.integer({ min: 1, max: 1_000_000 }).map((c) => c / 100),
        { nil: null, freq: 4 },
      ),
    ]),
  ) as Record<OptionId, fc.Arbitrary<number | null>>,
);

describe('recommendPlatform', () => {
  it('starts with ECS on Fargate for the article example when nothing is answered', () => {
    const { scenario, estimate } = presetCase('article-api');
    const rec = recommendPlatform(DEFAULT_ANSWERS, scenario, estimate);
    expect(rec.optionId).toBe('ecs-fargate');
    expect(rec.reasons.map((r) => r.text).join(' ')).toMatch(/start with ECS/);
    expect(rec.monthlyUSD).toBe(65.61);
    expect(rec.vsCheapest).toBeUndefined();
  });

  it('recommends EKS for a multi-cloud team with Kubernetes skills and tooling, and says what it costs', () => {
    const { scenario, estimate } = presetCase('article-api');
    const rec = recommendPlatform(
      answers({ kubernetesSkills: 'strong', multiCloud: 'yes', kubernetesTooling: 'yes' }),
      scenario,
      estimate,
    );
    expect(rec.orchestrator).toBe('eks');
    expect(rec.reasons.filter((r) => r.favours === 'eks').map((r) => r.text)).toHaveLength(3);
    expect(rec.vsCheapest?.versus).toBe('ecs-fargate');
    expect(rec.vsCheapest!.differenceUSD).toBe(Math.round((rec.monthlyUSD! - 65.61) * 100) / 100);
    expect(rec.vsOtherOrchestrator?.versus).toBe('ecs-fargate');
  });

  it('never recommends Fargate for a scenario with GPU services', () => {
    const { scenario, estimate } = presetCase('gpu-inference');
    const rec = recommendPlatform(
      answers({ awsManaged: 'yes', teamSize: 'small', startingFresh: 'yes' }),
      scenario,
      estimate,
    );
    // GPU instances: AWS-managed (the answers favour less to operate) or self-managed, never Fargate.
    expect(rec.compute).toBe('managed');
    expect(['ecs-managed-instances', 'eks-auto-mode']).toContain(rec.optionId);
    expect(rec.reasons.some((r) => r.text.includes('inference'))).toBe(true);
    const control = recommendPlatform(answers({ nodeControl: 'yes' }), scenario, estimate);
    expect(control.compute).toBe('ec2');
  });

  it('falls back to the other compute when the preferred option cannot run the workload, and says so', () => {
    const estimate = fakeEstimate({ 'ecs-fargate': null, 'ecs-ec2': 100, 'eks-fargate': 50, 'eks-ec2': 120 });
    const rec = recommendPlatform(answers({ awsManaged: 'yes' }), null, estimate);
    expect(rec.optionId).toBe('ecs-ec2');
    expect(rec.fallback).toMatch(/ECS on Fargate cannot run this workload \(cannot run it\)/);
    expect(describeComparison(rec.vsCheapest!)).toBe('$50.00 a month more than EKS on Fargate');
  });

  it('falls back from Fargate to AWS-managed nodes before self-managed ones when the answers rank them so', () => {
    const estimate = fakeEstimate({
      'ecs-fargate': null,
      'ecs-ec2': 100,
      'ecs-managed-instances': 112,
      'eks-fargate': 50,
      'eks-ec2': 120,
      'eks-auto-mode': 134,
    });
    const rec = recommendPlatform(answers({ awsManaged: 'yes' }), null, estimate);
    expect(rec.optionId).toBe('ecs-managed-instances');
    expect(rec.points).toMatchObject({ fargate: 2, managed: 1, ec2: 1 });
    expect(rec.fallback).toMatch(/ECS on Fargate cannot run this workload/);
    expect(rec.reasons.at(-1)?.text).toBe(
      'ECS on EC2 is $12.00 a month cheaper than ECS Managed Instances, the next cheapest ECS option, for this scenario.',
    );
  });

  it('works without an estimate (invalid scenario): answers only, no costs', () => {
    const rec = recommendPlatform(answers({ kubernetesTooling: 'yes' }), null, null);
    expect(rec.optionId).toBe('eks-fargate');
    expect(rec.monthlyUSD).toBeNull();
  });

  it('always recommends an option that can run the workload when one can (property)', () => {
    fc.assert(
      fc.property(answersArb, totalsArb, (a, totals) => {
        const estimate = fakeEstimate(totals);
        const rec = recommendPlatform(a, null, estimate);
        expect(OPTION_IDS).toContain(rec.optionId);
        expect(rec.reasons.length).toBeGreaterThan(0);
        if (estimate.cheapest) {
          expect(totals[rec.optionId]).not.toBeNull();
          expect(rec.monthlyUSD).toBe(totals[rec.optionId]);
          expect(rec.optionId.startsWith(rec.orchestrator)).toBe(true);
          if (rec.vsCheapest) expect(rec.vsCheapest.differenceUSD).toBeGreaterThanOrEqual(0);
        }
      }),
    );
  });

  it('never moves from EKS to ECS when an answer in favour of EKS is added (property)', () => {
    fc.assert(
      fc.property(
        answersArb,
        totalsArb,
        fc.constantFrom<Partial<DecisionAnswers>>(
          { multiCloud: 'yes' },
          { kubernetesTooling: 'yes' },
          { kubernetesSkills: 'strong' },
        ),
        (a, totals, push) => {
          const estimate = fakeEstimate(totals);
          const before = recommendPlatform(a, null, estimate);
          const after = recommendPlatform({ ...a, ...push }, null, estimate);
          if (before.orchestrator === 'eks' && !before.fallback) expect(after.orchestrator).toBe('eks');
        },
      ),
    );
  });

  it('gives the same answer for the same input (property)', () => {
    fc.assert(
      fc.property(answersArb, totalsArb, (a, totals) => {
        const estimate = fakeEstimate(totals);
        expect(recommendPlatform(a, null, estimate)).toEqual(recommendPlatform(a, null, estimate));
      }),
    );
  });
});
