/**
 * Two fixed facts, kept so nobody reintroduces the property "EC2 cost never falls when a request
 * grows": it is false. First-fit decreasing (pack-replicas.ts) is not monotone, even on one fixed
 * node size: a larger replica changes the order items are placed in, and the new order can fill
 * nodes better. Across instance types the effect is larger, because a bigger request can make a
 * different, better-fitting type the cheapest. The Fargate options are monotone (estimate.property.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { packReplicas, type ReplicaGroup } from '../packing/pack-replicas.ts';
import { estimateScenario } from './estimate.ts';
import { validateScenario } from '../scenario/validate-scenario.ts';
import { US_EAST_1 } from '../testing/load-snapshot.ts';

describe('EC2 cost is not monotone in the request', () => {
  it('on one m5.large-sized node, raising one service from 3,044 to 3,306 MiB packs into fewer nodes', () => {
    // 2 vCPU and 7.5 GiB allocatable, 29 pods: an m5.large-sized node.
    const capacity = { cpuMillis: 2000, memoryMiB: 7680, slots: 29, gpu: 0 };
    const items = (memoryMiB: number): ReplicaGroup[] => [
      { key: 'grows', cpuMillis: 750, memoryMiB, gpu: 0, count: 4 },
      { key: 'small', cpuMillis: 500, memoryMiB: 1024, gpu: 0, count: 6 },
      { key: 'large', cpuMillis: 500, memoryMiB: 3072, gpu: 0, count: 3 },
    ];
    const before = packReplicas(items(3044), capacity);
    const after = packReplicas(items(3306), capacity);
    // Decreasing order is by dominant share. At 3,044 MiB (0.396 of memory) the growing service
    // ranks after the 3,072 MiB one (0.4) and the leftovers strand room across 5 nodes; at 3,306 MiB
    // (0.43) it is placed first, two per node beside a small replica, and 4 nodes hold everything.
    expect(before.ok && before.nodes).toBe(5);
    expect(after.ok && after.nodes).toBe(4);
  });

  it('ECS on EC2 costs less when one service asks for more memory (60 to 61.6 GiB)', () => {
    const monthlyUSD = (memoryGiB: number) => {
      const result = validateScenario({
        version: 2,
        region: 'us-east-1',
        hoursPerMonth: 1,
        ec2: { minNodes: 0 },
        services: [
          { name: 'cpu-heavy', vcpu: 16, memoryGiB: 2, replicas: 60 },
          { name: 'memory-heavy', vcpu: 0.25, memoryGiB, replicas: 49 },
        ],
      });
      if (!result.ok) throw new Error(JSON.stringify(result.problems));
      return estimateScenario(result.scenario, US_EAST_1).options.find((o) => o.id === 'ecs-ec2')!.monthlyUSD!;
    };
    // With the bundled us-east-1 prices: $60.00 (30 x m4.10xlarge) before, $55.30 (20 x m6a.16xlarge)
    // after: the larger request makes a type with more memory per vCPU the cheapest plan.
    expect(monthlyUSD(61.6)).toBeLessThan(monthlyUSD(60));
  });
});
