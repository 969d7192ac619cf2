/**
 * ECS Managed Instances and EKS Auto Mode, worked by hand from the us-east-1 snapshot (m5.large
 * $0.096, c7a.medium $0.05132, m7g.4xlarge $0.6528 an hour; gp3 $0.08 per GB-month) and the rules
 * of docs/pricing-rules.md ("AWS-managed nodes") and docs/capacity-rules.md ("EKS Auto Mode"),
 * not read from the code.
 */
import { describe, expect, it } from 'vitest';
import { estimateScenario } from './estimate.ts';
import type { Estimate, OptionEstimate } from './estimate-types.ts';
import { US_EAST_1, offerOf } from '../testing/load-snapshot.ts';
import { scenarioOf, service } from '../testing/scenario-builders.ts';
import type { ScenarioInput } from '../scenario/scenario-schema.ts';
import { eksAutoModeNodeCapacity } from '../capacity/eks-auto-mode-capacity.ts';
import { MANAGEMENT_FEE_PERCENT } from '../pricing/derived-price-rules.ts';

const option = (estimate: Estimate, id: string): OptionEstimate => estimate.options.find((o) => o.id === id)!;
const estimateOf = (input: Omit<ScenarioInput, 'version' | 'region'>) => estimateScenario(scenarioOf(input), US_EAST_1);
const linesOf = (o: OptionEstimate, kind: string) => o.lines.filter((l) => l.kind === kind);

/**
 * Two replicas of 1.5 vCPU / 1 GiB on two m5.large nodes: one replica fits a node's 2 vCPU (less
 * what EKS reserves), two do not. The AWS-managed options keep no minimum node count, so the
 * replicas, not ec2.minNodes, make the two nodes.
 */
const twoNodes = (ec2: NonNullable<ScenarioInput['ec2']> = {}) =>
  estimateOf({
    services: [service('api', { vcpu: 1.5, memoryGiB: 1, replicas: 2 })],
    ec2: { instanceTypes: ['m5.large'], minNodes: 2, ...ec2 },
  });

describe('the management fee', () => {
  it('is 12% of the On-Demand rate per instance-hour: m5.large, 2 nodes x 730 h x $0.01152 = $16.82', () => {
    expect(MANAGEMENT_FEE_PERCENT).toBe(12);
    const estimate = twoNodes();
    for (const id of ['ecs-managed-instances', 'eks-auto-mode']) {
      const fee = linesOf(option(estimate, id), 'management-fee');
      expect(fee).toHaveLength(1);
      expect(fee[0]).toMatchObject({
        category: 'management',
        quantity: 1460,
        unit: 'instance-hours',
        unitPriceUSD: 0.01152,
        monthlyUSD: 16.82,
        source: 'karpenter',
        asOf: '2026-07-20',
      });
      expect(fee[0]!.derived).toMatch(/^12% of the m5\.large On-Demand rate \$0\.096/);
    }
    // Self-managed nodes pay no fee.
    expect(linesOf(option(estimate, 'ecs-ec2'), 'management-fee')).toEqual([]);
    expect(linesOf(option(estimate, 'eks-ec2'), 'management-fee')).toEqual([]);
  });

  it('is listed in the warnings as a derived price', () => {
    const estimate = twoNodes();
    expect(
      estimate.warnings.some((w) =>
        w.startsWith('Derived price: "EKS Auto Mode management fee (m5.large)" at $0.01152 (12% of'),
      ),
    ).toBe(true);
    expect(
      estimate.warnings.some((w) => w.startsWith('Derived price: "ECS Managed Instances management fee (m5.large)"')),
    ).toBe(true);
  });

  it('c7a.medium: 0.12 x $0.05132 = $0.0061584 an hour, 730 h = $4.50; m7g.4xlarge: $0.078336, 730 h = $57.19', () => {
    const fee = (type: string, arch: 'x86_64' | 'arm64') => {
      const estimate = estimateOf({
        services: [service('api', { vcpu: 0.25, memoryGiB: 0.25, replicas: 1, arch })],
        ec2: { instanceTypes: [type], minNodes: 1 },
      });
      return linesOf(option(estimate, 'ecs-managed-instances'), 'management-fee')[0]!;
    };
    expect(fee('c7a.medium', 'x86_64')).toMatchObject({ quantity: 730, unitPriceUSD: 0.0061584, monthlyUSD: 4.5 });
    expect(fee('m7g.4xlarge', 'arm64')).toMatchObject({ quantity: 730, unitPriceUSD: 0.078336, monthlyUSD: 57.19 });
  });

  it('is charged on Spot hours at the On-Demand share: 50% Spot at 70% off still bills 1460 fee-hours', () => {
    const mi = option(twoNodes({ spotPercent: 50, spotDiscountPercent: 70 }), 'ecs-managed-instances');
    // On-Demand 730 h x $0.096 = $70.08; Spot 730 h x $0.0288 = $21.02; fee 1460 h x $0.01152 = $16.82.
    expect(linesOf(mi, 'ec2-instance')[0]).toMatchObject({ quantity: 730, monthlyUSD: 70.08 });
    expect(linesOf(mi, 'ec2-spot-instance')[0]).toMatchObject({
      quantity: 730,
      unitPriceUSD: 0.0288,
      monthlyUSD: 21.02,
    });
    expect(linesOf(mi, 'management-fee')[0]).toMatchObject({ quantity: 1460, monthlyUSD: 16.82 });
  });

  it('is not reduced by the Savings Plan discount: 20% off $140.16 of instances = -$28.03, the fee stays $16.82', () => {
    const auto = option(twoNodes({ savingsPlanDiscountPercent: 20 }), 'eks-auto-mode');
    expect(linesOf(auto, 'ec2-savings-plan')[0]).toMatchObject({ quantity: 140.16, monthlyUSD: -28.03 });
    expect(linesOf(auto, 'management-fee')[0]!.monthlyUSD).toBe(16.82);
  });
});

describe('minimum nodes', () => {
  it('ec2.minNodes pads the self-managed nodes only: 1 small replica is 2 m5.large on ECS on EC2, 1 on the AWS-managed options', () => {
    const estimate = estimateOf({
      services: [service('api', { vcpu: 0.25, memoryGiB: 0.5, replicas: 1 })],
      ec2: { instanceTypes: ['m5.large'], minNodes: 2 },
    });
    expect(option(estimate, 'ecs-ec2').nodes![0]).toMatchObject({ count: 2, minNodesPadding: 1 });
    for (const id of ['ecs-managed-instances', 'eks-auto-mode']) {
      expect(option(estimate, id).nodes![0]).toMatchObject({ count: 1, minNodesPadding: 0 });
      // 1 node x 730 h x $0.096 x 12% = $8.41 of fee.
      expect(linesOf(option(estimate, id), 'management-fee')[0]).toMatchObject({ quantity: 730, monthlyUSD: 8.41 });
    }
  });
});

describe('whole bills', () => {
  it('ECS Managed Instances: $140.16 instances + $16.82 fee + $4.80 storage (30 GiB x 2 nodes) + $0 control plane = $161.78', () => {
    const mi = option(twoNodes(), 'ecs-managed-instances');
    expect(mi.lines.map((l) => [l.kind, l.monthlyUSD])).toEqual([
      ['ec2-instance', 140.16],
      ['management-fee', 16.82],
      ['ebs-root-volume', 4.8],
      ['ecs-control-plane', 0],
    ]);
    expect(mi.monthlyUSD).toBe(161.78);
    expect(mi.nodes!.map((n) => [n.instanceType, n.count, n.rootVolumeGiB])).toEqual([['m5.large', 2, 30]]);
  });

  it('EKS Auto Mode: $140.16 + $16.82 fee + $12.80 storage (80 GiB x 2 nodes) + $73.00 cluster + $32.85 NAT gateway (eksctl VPC) + $3.65 its Elastic IP = $279.28', () => {
    const auto = option(twoNodes(), 'eks-auto-mode');
    expect(auto.lines.map((l) => [l.kind, l.monthlyUSD])).toEqual([
      ['ec2-instance', 140.16],
      ['management-fee', 16.82],
      ['ebs-root-volume', 12.8],
      ['eks-control-plane', 73],
      ['nat-hours', 32.85],
      ['public-ipv4', 3.65],
    ]);
    expect(auto.monthlyUSD).toBe(279.28);
    expect(auto.nodes![0]!.rootVolumeGiB).toBe(80);
  });

  it('Windows services make both unavailable, saying why', () => {
    const estimate = estimateOf({ services: [service('win', { vcpu: 1, memoryGiB: 2, os: 'windows' })] });
    expect(option(estimate, 'ecs-managed-instances')).toMatchObject({
      available: false,
      reason: 'service "win" is Windows, and ECS Managed Instances runs Linux instances only',
    });
    expect(option(estimate, 'eks-auto-mode').reason).toBe(
      'service "win" is Windows, and EKS Auto Mode runs Linux instances only',
    );
  });

  it('the automatic choice counts the fee: it picks types and the total includes one fee line per chosen type', () => {
    const estimate = estimateOf({ services: [service('api', { vcpu: 1, memoryGiB: 2, replicas: 6 })] });
    for (const id of ['ecs-managed-instances', 'eks-auto-mode']) {
      const o = option(estimate, id);
      expect(o.available).toBe(true);
      const types = new Set(o.nodes!.map((n) => n.instanceType));
      expect(linesOf(o, 'management-fee').map((l) => l.component)).toEqual(
        [...types].map((t) => `${o.label} management fee (${t})`),
      );
    }
  });
});

describe('EKS Auto Mode nodes (Bottlerocket, prefix delegation, max pods capped at 110)', () => {
  it('m5.large: 2000 - 70 = 1930m, 7633 - (11 x 110 + 255 = 1465) - 100 = 6068 MiB, 110 pods, no DaemonSet pods', () => {
    const model = eksAutoModeNodeCapacity(offerOf(US_EAST_1, 'm5.large'), { daemons: [] })!;
    expect(model.capacity).toEqual({ cpuMillis: 1930, memoryMiB: 6068, slots: 110, gpu: 0 });
    expect(model.breakdown.slotsCappedAt).toBe(110);
  });

  it('c7a.medium: 2 x (3 x 16) + 2 = 98 pods, 11 x 98 + 255 = 1333 MiB reserved: 1699 (rule) - 1333 - 100 = 266 MiB, 940m', () => {
    const model = eksAutoModeNodeCapacity(offerOf(US_EAST_1, 'c7a.medium'), { daemons: [] })!;
    expect(model.capacity).toEqual({ cpuMillis: 940, memoryMiB: 266, slots: 98, gpu: 0 });
    expect(model.breakdown.slotsCappedAt).toBeUndefined();
    expect(model.breakdown.memTotalRule).toBeDefined();
  });

  it('m7g.4xlarge: 16 vCPUs still cap at 110 pods: 16000 - 110 = 15890m, 63142 - 1465 - 100 = 61577 MiB', () => {
    const model = eksAutoModeNodeCapacity(offerOf(US_EAST_1, 'm7g.4xlarge'), { daemons: [] })!;
    expect(model.capacity).toEqual({ cpuMillis: 15890, memoryMiB: 61577, slots: 110, gpu: 0 });
  });

  it("the user's own daemons still take their share: 0.25 vCPU / 0.5 GiB leaves 1680m, 5556 MiB, 109 pods", () => {
    const model = eksAutoModeNodeCapacity(offerOf(US_EAST_1, 'm5.large'), {
      daemons: [{ name: 'agent', vcpu: 0.25, memoryGiB: 0.5 }],
    })!;
    expect(model.capacity).toEqual({ cpuMillis: 1680, memoryMiB: 5556, slots: 109, gpu: 0 });
  });

  it('packs no CoreDNS pods (Auto Mode runs cluster DNS in the node), while EKS on EC2 packs 2', () => {
    const estimate = twoNodes();
    const placed = (id: string) =>
      option(estimate, id).nodes!.flatMap((n) => n.layout.map((l) => l.replicas['coredns'] ?? 0));
    expect(placed('eks-auto-mode').every((n) => n === 0)).toBe(true);
    expect(placed('eks-ec2').reduce((a, b) => a + b, 0)).toBe(2);
  });
});

describe('ECS Managed Instances packing', () => {
  it('packs as ECS on EC2 does, but never in bridge mode: 30 tasks of 0.125 vCPU need 15 m5.large (2 awsvpc tasks each)', () => {
    const estimate = estimateOf({
      services: [service('api', { vcpu: 0.125, memoryGiB: 0.25, replicas: 30 })],
      ec2: { instanceTypes: ['m5.large'], minNodes: 1, ecsNetworkMode: 'bridge' },
    });
    expect(option(estimate, 'ecs-ec2').nodes!.map((n) => n.count)).toEqual([2]);
    expect(option(estimate, 'ecs-managed-instances').nodes!.map((n) => n.count)).toEqual([15]);
  });
});
