/**
 * Packing cases where the earlier model planned nodes that could not run or bought too many,
 * each expected count worked out by hand from ../shared/reference/capacity-rules.md (and
 * docs/capacity-rules.md), not read from the code.
 */
import { describe, expect, it } from 'vitest';
import { estimateScenario } from './estimate.ts';
import type { Estimate, OptionEstimate } from './estimate-types.ts';
import { US_EAST_1 } from '../testing/load-snapshot.ts';
import { scenarioOf, service } from '../testing/scenario-builders.ts';
import type { ScenarioInput } from '../scenario/scenario-schema.ts';

const option = (estimate: Estimate, id: string): OptionEstimate => estimate.options.find((o) => o.id === id)!;
const estimateOf = (input: Omit<ScenarioInput, 'version' | 'region'>) => estimateScenario(scenarioOf(input), US_EAST_1);
const plan = (estimate: Estimate, id: string) => {
  const nodes = option(estimate, id).nodes!;
  return nodes.map((n) => [n.instanceType, n.count]);
};

describe('EKS packing, hand-worked', () => {
  it('4 pods of 1 vCPU / 6.9 GiB do not fit m5.large (6959 MiB allocatable): unavailable, naming the pod and the type', () => {
    const estimate = estimateOf({
      services: [service('big', { vcpu: 1, memoryGiB: 6.9, replicas: 4 })],
      ec2: { instanceTypes: ['m5.large'], minNodes: 0 },
    });
    // 6.9 GiB = 7065.6 MiB > 7633 - 574 - 100 = 6959 MiB.
    const eks = option(estimate, 'eks-ec2');
    expect(eks.available).toBe(false);
    expect(eks.reason).toMatch(/service "big" \(1 vCPU, 6\.9 GiB per pod\) fits no listed x86_64 instance type/);
    expect(eks.reason).toContain('the largest tried, m5.large, leaves 1.78 vCPU, 6.8 GiB, 27 pod slots per node');
    // ECS registers 7633 - 256 = 7377 MiB: one task per m5.large.
    expect(plan(estimate, 'ecs-ec2')).toEqual([['m5.large', 4]]);
  });

  it('the same pods run two to an m5.xlarge (14523 MiB, 3770m), with CoreDNS in the room left and Cluster Autoscaler on a third', () => {
    const estimate = estimateOf({
      services: [service('big', { vcpu: 1, memoryGiB: 6.9, replicas: 4 })],
      ec2: { instanceTypes: ['m5.large', 'm5.xlarge'], minNodes: 0 },
    });
    // 15516 - (11 x 58 + 255) - 100 = 14523 MiB: 2 x 7065.6 = 14131.2 fits, leaving 391.8 MiB and
    // 1770m: too little for Cluster Autoscaler's 600 MiB, which opens a third node, enough for the
    // two CoreDNS pods (2 x 70 MiB, 2 x 100m).
    expect(plan(estimate, 'eks-ec2')).toEqual([['m5.xlarge', 3]]);
  });

  it('prefix delegation on c7a.medium keeps kube-reserved at the ENI value: two 0.5 GiB pods per node', () => {
    const estimate = estimateOf({
      services: [service('web', { vcpu: 0.25, memoryGiB: 0.5, replicas: 10 })],
      ec2: { instanceTypes: ['c7a.medium'], prefixDelegation: true, minNodes: 0 },
    });
    // 1699 - 343 - 100 = 1256 MiB and 790m per node: floor(1256 / 512) = 2 pods (CPU allows 3).
    // Cluster Autoscaler (600 MiB, 100m) is the largest share, so it goes first: its node keeps
    // room for 1 pod (656 MiB) and then both CoreDNS pods (144 MiB left); the other 9 pods need 5
    // nodes: 6 in all. (Sizing kube-reserved by the 98 prefix-delegation pods would leave 615 MiB.)
    expect(plan(estimate, 'eks-ec2')).toEqual([['c7a.medium', 6]]);
    expect(estimate.warnings.some((w) => w.includes('c7a.medium MemTotal 1699 MiB is derived'))).toBe(true);
  });

  it('daemons per node take their share of every node', () => {
    const estimate = estimateOf({
      services: [service('web', { vcpu: 0.25, memoryGiB: 0.5, replicas: 10 })],
      ec2: {
        instanceTypes: ['m5.large'],
        minNodes: 0,
        daemonsPerNode: [{ name: 'log-agent', vcpu: 0.5, memoryGiB: 1 }],
      },
    });
    // 1780 - 500 = 1280m: 5 pods of 250m per node (memory 5935 MiB allows 11); the last node's
    // 30m left cannot take CoreDNS (100m): 10 pods on 2 nodes, CoreDNS on a third.
    const eks = option(estimate, 'eks-ec2').nodes![0]!;
    expect(eks.allocatablePerNode).toEqual({ cpuMillis: 1280, memoryMiB: 5935, slots: 26, gpu: 0 });
    expect(eks.count).toBe(3);
    expect(eks.breakdown.system.map((s) => s.name)).toContain('daemon "log-agent"');
  });
});

describe('ECS packing, hand-worked', () => {
  const tiny = (ec2: ScenarioInput['ec2']) =>
    estimateOf({
      services: [service('tiny', { vcpu: 0.125, memoryGiB: 0.25, replicas: 30 })],
      ec2: { instanceTypes: ['m5.large'], minNodes: 0, ...ec2 },
    });

  it('awsvpc without trunking: m5.large holds 2 tasks (3 ENIs - 1), so 30 tasks need 15 instances', () => {
    expect(plan(tiny({}), 'ecs-ec2')).toEqual([['m5.large', 15]]);
  });

  it("with ENI trunking the ECS guide's 10 tasks per m5.large apply: 3 instances", () => {
    expect(plan(tiny({ eniTrunking: true }), 'ecs-ec2')).toEqual([['m5.large', 3]]);
  });

  it('bridge mode has no ENI limit: 16 tasks by CPU (2000 / 125) per m5.large, 2 instances', () => {
    const estimate = tiny({ ecsNetworkMode: 'bridge' });
    expect(plan(estimate, 'ecs-ec2')).toEqual([['m5.large', 2]]);
    expect(estimate.warnings).toContain(
      'ec2.ecsNetworkMode "bridge" applies to ECS on EC2 only: ECS on Fargate runs awsvpc tasks (Fargate requires it), ECS Managed Instances supports awsvpc and host but not bridge (its tasks are priced as awsvpc), and the EKS options ignore it.',
    );
  });

  it('bridge mode with a daemon: 1500m and 6353 MiB left, 12 tasks per instance, 3 instances', () => {
    const estimate = tiny({ ecsNetworkMode: 'bridge', daemonsPerNode: [{ name: 'agent', vcpu: 0.5, memoryGiB: 1 }] });
    expect(plan(estimate, 'ecs-ec2')).toEqual([['m5.large', 3]]);
    const node = option(estimate, 'ecs-ec2').nodes![0]!;
    expect(node.allocatablePerNode.memoryMiB).toBe(7633 - 256 - 1024);
    expect(node.breakdown.system.map((s) => [s.name, s.memoryMiB])).toEqual([
      ['memory the kernel does not report (nominal - MemTotal)', 8192 - 7633],
      ['ECS_RESERVED_MEMORY', 256],
      ['daemon "agent"', 1024],
    ]);
  });

  it('p4d.24xlarge counts ENIs on all 4 network cards: 59 awsvpc tasks per instance', () => {
    const estimate = estimateOf({
      services: [service('sidecar', { vcpu: 0.25, memoryGiB: 0.5, replicas: 60 })],
      ec2: { instanceTypes: ['p4d.24xlarge'], minNodes: 0 },
    });
    // 59 tasks on the first instance, 1 on the second (the default card alone would give 14).
    expect(plan(estimate, 'ecs-ec2')).toEqual([['p4d.24xlarge', 2]]);
    expect(option(estimate, 'ecs-ec2').nodes![0]!.allocatablePerNode.slots).toBe(59);
  });
});

describe('assumptions name the rules with the numbers the code uses', () => {
  it('lists MemTotal, kube-reserved, the CPU bands, DaemonSets, ECS_RESERVED_MEMORY and the daemons', () => {
    const { assumptions } = estimateOf({
      services: [service('api')],
      ec2: { daemonsPerNode: [{ name: 'log-agent', vcpu: 0.25, memoryGiB: 0.5 }] },
    });
    const text = assumptions.join('\n');
    expect(text).toContain('nominal - 256 MiB - 4.5%');
    expect(text).toContain("11 MiB x the default network card's ENI-limited max pods + 255 MiB");
    expect(text).toContain('6% of core 1, 1% of core 2, 0.5% of cores 3-4, 0.25% of every core above 4');
    expect(text).toContain('aws-node (50m) and kube-proxy (100m)');
    expect(text).toContain('MemTotal - 256 MiB (ECS_RESERVED_MEMORY');
    expect(text).toContain('log-agent (0.25 vCPU, 0.5 GiB)');
  });
});

describe('the EKS max-pods cap is reported wherever it applies', () => {
  it('c5.18xlarge without prefix delegation: the ENI limit (15 ENIs x 49 + 2 = 737) is above 250, so the plan is capped and says so', () => {
    const estimate = estimateOf({
      services: [service('api', { vcpu: 0.25, memoryGiB: 0.5, replicas: 10 })],
      ec2: { instanceTypes: ['c5.18xlarge'], minNodes: 1, prefixDelegation: false },
    });
    const eks = option(estimate, 'eks-ec2');
    expect(eks.nodes![0]!.breakdown.slotsCappedAt).toBe(250);
    expect(estimate.warnings.some((w) => w.includes('c5.18xlarge') && w.includes('capped at 110'))).toBe(true);
  });

  it('m5.large (29 pods by its ENIs) stays under the cap: no cap warning', () => {
    const estimate = estimateOf({
      services: [service('api', { vcpu: 0.25, memoryGiB: 0.5, replicas: 4 })],
      ec2: { instanceTypes: ['m5.large'], minNodes: 1 },
    });
    expect(option(estimate, 'eks-ec2').nodes![0]!.breakdown.slotsCappedAt).toBeUndefined();
    expect(estimate.warnings.some((w) => w.startsWith('EKS on EC2') && w.includes('max pods per node is capped'))).toBe(
      false,
    );
    // Auto Mode's prefix-delegation figure (3 x 9 x 16 + 2 = 434) is capped at 110, and it says so.
    expect(option(estimate, 'eks-auto-mode').nodes![0]!.breakdown.slotsCappedAt).toBe(110);
    expect(estimate.warnings).toContain(
      'EKS Auto Mode (m5.large): max pods per node is capped at 110, whatever the instance size.',
    );
  });
});
