import { describe, expect, it } from 'vitest';
import { estimateScenario } from '../../../domain/cost/estimate.ts';
import { presetScenario } from '../../../domain/presets/presets.ts';
import { validateScenario } from '../../../domain/scenario/validate-scenario.ts';
import type { NodePlan } from '../../../domain/cost/estimate-types.ts';
import type { RegionSnapshot } from '../../../domain/pricing/price-snapshot.ts';
import usEast1 from '../../../../public/pricing/us-east-1.json' with { type: 'json' };
import { replicasByService, servicesSentence, sizeReason } from './node-plan-words.ts';

const snapshot = usEast1 as unknown as RegionSnapshot;

function plansOf(presetId: Parameters<typeof presetScenario>[0], optionId: 'ecs-ec2' | 'eks-ec2'): NodePlan[] {
  const valid = validateScenario(presetScenario(presetId));
  if (!valid.ok) throw new Error('preset invalid');
  return estimateScenario(valid.scenario, snapshot).options.find((o) => o.id === optionId)!.nodes!;
}

describe('node plans in words', () => {
  it('counts every replica of every service once, over all nodes of the group', () => {
    for (const preset of ['article-api', 'microservices-50', 'gpu-inference', 'nightly-batch'] as const) {
      const valid = validateScenario(presetScenario(preset));
      if (!valid.ok) throw new Error('preset invalid');
      for (const optionId of ['ecs-ec2', 'eks-ec2'] as const) {
        const placed = new Map<string, number>();
        for (const plan of plansOf(preset, optionId))
          for (const s of replicasByService(plan)) placed.set(s.name, (placed.get(s.name) ?? 0) + s.replicas);
        for (const service of valid.scenario.services)
          expect(placed.get(service.name), `${preset} ${optionId} ${service.name}`).toBe(service.replicas);
      }
    }
  });

  it('names the services of the article example and what set the node count', () => {
    const [plan] = plansOf('article-api', 'ecs-ec2');
    expect(servicesSentence(plan!)).toBe('api-service (2 replicas)');
    const reason = sizeReason(plan!, 'task');
    expect(reason).toMatch(/^(One node|\d+ nodes), set by /);
    expect(reason).toContain(`${plan!.instanceType} is the cheapest instance type that fits.`);
  });

  it('says "1 replica" and names CoreDNS on EKS', () => {
    const plans = plansOf('gpu-inference', 'eks-ec2');
    const text = plans.map(servicesSentence).join(' | ');
    expect(text).toMatch(/CoreDNS \(\d+ replicas?\)/);
    expect(text).not.toMatch(/\b1 replicas\b/);
    const gpuPlan = plans.find((p) => p.gpu)!;
    expect(sizeReason(gpuPlan, 'pod')).toContain('GPU');
  });

  it('names the resource the replicas fill most', () => {
    const [plan] = plansOf('article-api', 'ecs-ec2');
    const crafted: NodePlan = {
      ...plan!,
      minNodesPadding: 1,
      count: plan!.count + 1,
      utilization: { cpuPercent: 40, memoryPercent: 93.2, slotsPercent: 50 },
    };
    const reason = sizeReason(crafted, 'task');
    expect(reason).toMatch(
      /set by memory: the replicas fill 93\.2% of memory \([\d.]+ GiB per node is left for tasks\)/,
    );
    expect(reason).toContain('1 more node to reach the minimum node count.');
  });
});
