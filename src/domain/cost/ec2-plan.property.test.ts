/**
 * Properties of every EC2 node plan the engine returns, checked against the scenario itself rather
 * than the packer's own bookkeeping: no node holds more than it offers, every replica is placed
 * (or the option is unavailable with a reason), and no plan uses fewer nodes than the total demand
 * allows.
 */
import { eksAddOnsFor } from '../capacity/eks-add-ons.ts';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { estimateScenario } from './estimate.ts';
import { validateScenario } from '../scenario/validate-scenario.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import type { RegionSnapshot } from '../pricing/price-snapshot.ts';
import { isEc2OptionId, isManagedNodeOptionId, type NodePlan, type OptionId } from './estimate-types.ts';
import { COREDNS_CPU_MILLIS, COREDNS_MEMORY_MIB, COREDNS_REPLICAS } from '../capacity/eks-node-capacity.ts';
import {
  CLUSTER_AUTOSCALER_CPU_MILLIS,
  CLUSTER_AUTOSCALER_KEY,
  CLUSTER_AUTOSCALER_MEMORY_MIB,
  CLUSTER_AUTOSCALER_REPLICAS,
} from '../capacity/cluster-autoscaler.ts';
import { AP_SOUTH_2, EU_WEST_1, US_EAST_1 } from '../testing/load-snapshot.ts';
import { scenarioArb } from '../testing/arbitraries.ts';

const SNAPSHOTS: Record<string, RegionSnapshot> = {
  'us-east-1': US_EAST_1,
  'eu-west-1': EU_WEST_1,
  'ap-south-2': AP_SOUTH_2,
};
const TOLERANCE = 1e-6;

const addOnPodsOf = (optionId: OptionId, scenario: Scenario) =>
  eksAddOnsFor(optionId, scenario).flatMap((addOn) => addOn.pods);

function validated(input: unknown): Scenario {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.scenario;
}

/** What one replica of a key asks for, from the scenario (or CoreDNS's, Cluster Autoscaler's and the add-ons' requests). */
function requestOf(
  scenario: Scenario,
  key: string,
  optionId: OptionId,
): { cpuMillis: number; memoryMiB: number; gpu: number } {
  const addOnPod = addOnPodsOf(optionId, scenario).find((pod) => pod.key === key);
  if (addOnPod) return { cpuMillis: addOnPod.cpuMillis, memoryMiB: addOnPod.memoryMiB, gpu: 0 };
  if (key === 'coredns') return { cpuMillis: COREDNS_CPU_MILLIS, memoryMiB: COREDNS_MEMORY_MIB, gpu: 0 };
  if (key === CLUSTER_AUTOSCALER_KEY)
    return { cpuMillis: CLUSTER_AUTOSCALER_CPU_MILLIS, memoryMiB: CLUSTER_AUTOSCALER_MEMORY_MIB, gpu: 0 };
  const service = scenario.services.find((s) => s.name === key)!;
  return { cpuMillis: service.vcpu * 1000, memoryMiB: service.memoryGiB * 1024, gpu: service.gpu };
}

function checkPlan(scenario: Scenario, plan: NodePlan, optionId: OptionId): Map<string, number> {
  const { breakdown, allocatablePerNode: allocatable } = plan;
  // The allocatable figure is the breakdown's arithmetic: nominal minus every system share.
  const taken = breakdown.system.reduce(
    (sum, s) => ({ cpu: sum.cpu + s.cpuMillis, memory: sum.memory + s.memoryMiB, slots: sum.slots + s.slots }),
    { cpu: 0, memory: 0, slots: 0 },
  );
  expect(breakdown.nominal.cpuMillis - taken.cpu).toBeCloseTo(allocatable.cpuMillis, 6);
  expect(breakdown.nominal.memoryMiB - taken.memory).toBeCloseTo(allocatable.memoryMiB, 6);
  expect(breakdown.slots - taken.slots).toBe(allocatable.slots);
  expect(breakdown.memTotalMiB).toBeLessThan(breakdown.nominal.memoryMiB);

  const placed = new Map<string, number>();
  const demand = { cpu: 0, memory: 0, slots: 0, gpu: 0 };
  let packedNodes = 0;
  for (const entry of plan.layout) {
    const used = { cpu: 0, memory: 0, slots: 0, gpu: 0 };
    for (const [key, count] of Object.entries(entry.replicas)) {
      const request = requestOf(scenario, key, optionId);
      used.cpu += request.cpuMillis * count;
      used.memory += request.memoryMiB * count;
      used.slots += count;
      used.gpu += request.gpu * count;
      placed.set(key, (placed.get(key) ?? 0) + count * entry.nodes);
    }
    // No node receives more than it offers.
    expect(used.cpu).toBeLessThanOrEqual(allocatable.cpuMillis + TOLERANCE);
    expect(used.memory).toBeLessThanOrEqual(allocatable.memoryMiB + TOLERANCE);
    expect(used.slots).toBeLessThanOrEqual(allocatable.slots);
    expect(used.gpu).toBeLessThanOrEqual(allocatable.gpu);
    demand.cpu += used.cpu * entry.nodes;
    demand.memory += used.memory * entry.nodes;
    demand.slots += used.slots * entry.nodes;
    demand.gpu += used.gpu * entry.nodes;
    packedNodes += entry.nodes;
  }
  // Never below the lower bound: the total demand over one node's allocatable, per resource.
  const bound = Math.max(
    Math.ceil(demand.cpu / allocatable.cpuMillis - TOLERANCE),
    Math.ceil(demand.memory / allocatable.memoryMiB - TOLERANCE),
    Math.ceil(demand.slots / allocatable.slots - TOLERANCE),
    allocatable.gpu > 0 ? Math.ceil(demand.gpu / allocatable.gpu - TOLERANCE) : 0,
  );
  expect(packedNodes).toBeGreaterThanOrEqual(bound);
  expect(plan.count).toBe(packedNodes + plan.minNodesPadding);
  // ec2.minNodes pads the node groups the user runs; the AWS-managed options keep no idle nodes.
  if (isManagedNodeOptionId(optionId)) expect(plan.minNodesPadding).toBe(0);
  else if (plan.fullMonth) expect(plan.count).toBeGreaterThanOrEqual(scenario.ec2.minNodes);
  return placed;
}

describe('EC2 node plan properties', () => {
  it('never exceed a node, place every replica or make the option unavailable, and never go below the lower bound', () => {
    fc.assert(
      fc.property(scenarioArb, (input) => {
        const scenario = validated(input);
        const estimate = estimateScenario(scenario, SNAPSHOTS[scenario.region]!);
        for (const option of estimate.options.filter((o) => isEc2OptionId(o.id))) {
          if (!option.available) {
            expect(option.reason).toMatch(/\S/);
            continue;
          }
          const placed = new Map<string, number>();
          for (const plan of option.nodes!) {
            for (const [key, count] of checkPlan(scenario, plan, option.id))
              placed.set(key, (placed.get(key) ?? 0) + count);
          }
          for (const service of scenario.services) {
            const hours = Math.min(service.hoursPerMonth ?? scenario.hoursPerMonth, scenario.hoursPerMonth);
            const runs = hours > 0 || hours >= scenario.hoursPerMonth;
            expect(placed.get(service.name) ?? 0).toBe(runs ? Math.max(Math.ceil(service.replicas - 1e-9), 0) : 0);
          }
          if (option.id === 'eks-ec2') {
            expect(placed.get('coredns')).toBe(COREDNS_REPLICAS * scenario.eks.clusters);
            expect(placed.get(CLUSTER_AUTOSCALER_KEY)).toBe(CLUSTER_AUTOSCALER_REPLICAS * scenario.eks.clusters);
          } else {
            expect(placed.has('coredns')).toBe(false);
            expect(placed.has(CLUSTER_AUTOSCALER_KEY)).toBe(false);
          }
          // Every add-on pod the bundle installs is placed once per cluster (none on ECS).
          for (const pod of addOnPodsOf(option.id, scenario))
            expect(placed.get(pod.key)).toBe(pod.replicas * scenario.eks.clusters);
        }
      }),
      { numRuns: 150 },
    );
  });
});
