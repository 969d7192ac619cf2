/**
 * The On-Demand/Spot split of EC2 node groups, worked by hand from the EC2 Auto Scaling User
 * Guide ("Controlling the proportion of On-Demand instances": the percentage becomes a number of
 * instances, a fraction rounded up in favour of On-Demand), and the bills it gives.
 */
import { describe, expect, it } from 'vitest';
import { groupSpotPercent, nodeSplitOf, splitNodes } from './spot-split.ts';
import { estimateScenario } from './estimate.ts';
import { scenarioOf, service } from '../testing/scenario-builders.ts';
import { US_EAST_1 } from '../testing/load-snapshot.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';

describe('splitNodes: On-Demand rounded up, as EC2 Auto Scaling launches them', () => {
  it.each([
    // nodes, Spot %, On-Demand, Spot
    // The guide's example 3 (On-Demand 60% above a base of 0): 10 -> 6 + 4, 20 -> 12 + 8, 40 -> 24 + 16.
    [10, 40, 6, 4],
    [20, 40, 12, 8],
    [40, 40, 24, 16],
    // Its examples 2 and 4: all Spot, all On-Demand.
    [30, 100, 0, 30],
    [30, 0, 30, 0],
    // Fractions go to On-Demand: 3 x 50% = 1.5 -> 2 On-Demand; 5 x 30% = 1.5 -> 2; 1 x 50% = 0.5 -> 1.
    [3, 50, 2, 1],
    [5, 70, 2, 3],
    [1, 50, 1, 0],
    // 7 x 90% On-Demand = 6.3 -> 7: a 10% share of 7 nodes runs none on Spot.
    [7, 10, 7, 0],
    [0, 50, 0, 0],
  ])('%i nodes at %i percent Spot: %i On-Demand + %i Spot', (nodes, spotPercent, onDemand, spot) => {
    expect(splitNodes(nodes, spotPercent)).toEqual({ onDemand, spot });
  });

  it('takes the Spot share as the whole On-Demand percent the export writes, and none without a Spot price', () => {
    const ec2 = (spotPercent: number, spotDiscountPercent?: number) =>
      ({ spotPercent, ...(spotDiscountPercent === undefined ? {} : { spotDiscountPercent }) }) as Scenario['ec2'];
    const advised = { spotSavingsPercent: 60 };
    const unadvised = { spotSavingsPercent: null };
    // On-Demand 100 - 33.6 = 66.4, written as 66: Spot is 34.
    expect(groupSpotPercent(advised, ec2(33.6))).toBe(34);
    expect(groupSpotPercent(advised, ec2(33.4))).toBe(33);
    expect(groupSpotPercent(unadvised, ec2(50))).toBe(0);
    expect(groupSpotPercent(unadvised, ec2(50, 70))).toBe(50);
    expect(nodeSplitOf({ count: 3, spotSavingsPercent: null }, ec2(50))).toEqual({ onDemand: 3, spot: 0 });
  });
});

describe('the bill prices whole On-Demand and Spot nodes (3 m5.large at 50% Spot, 60% off)', () => {
  const estimate = estimateScenario(
    scenarioOf({
      services: [service('api', { vcpu: 0.25, memoryGiB: 0.5, replicas: 2 })],
      ec2: { instanceTypes: ['m5.large'], minNodes: 3, spotPercent: 50, spotDiscountPercent: 60 },
    }),
    US_EAST_1,
  );
  it.each(['ecs-ec2', 'eks-ec2'] as const)(
    '%s: 2 On-Demand nodes (1460 h x $0.096) and 1 Spot node (730 h x $0.0384), not 1.5 of each',
    (id) => {
      const option = estimate.options.find((o) => o.id === id)!;
      expect(option.nodes!.map((n) => n.count)).toEqual([3]);
      expect(option.lines.find((l) => l.kind === 'ec2-instance')).toMatchObject({ quantity: 1460, monthlyUSD: 140.16 });
      expect(option.lines.find((l) => l.kind === 'ec2-spot-instance')).toMatchObject({
        quantity: 730,
        monthlyUSD: 28.03,
      });
    },
  );

  it('ECS Managed Instances keeps pricing the Spot share of node-hours (AWS places its tasks by weight)', () => {
    const managed = estimate.options.find((o) => o.id === 'ecs-managed-instances')!;
    const hours = managed.nodes!.reduce((n, p) => n + p.nodeHours, 0);
    expect(managed.lines.find((l) => l.kind === 'ec2-spot-instance')!.quantity).toBeCloseTo(hours / 2, 9);
  });
});
