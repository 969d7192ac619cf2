/**
 * One hand-computed case per lever: every "before" and "after" below is worked out from the
 * us-east-1 snapshot's prices and docs/capacity-rules.md by hand (the arithmetic is in the
 * comments), not read from the engine. 730 hours a month; each line is rounded to cents.
 */
import { describe, expect, it } from 'vitest';
import { adviseScenario, type Advice, type AdviceEntry } from './advise-scenario.ts';
import { smallerFargateRequest } from './levers.ts';
import { applyJsonPatch } from './json-patch.ts';
import { validateScenario } from '../scenario/validate-scenario.ts';
import { estimateScenario } from '../cost/estimate.ts';
import { US_EAST_1 } from '../testing/load-snapshot.ts';
import { scenarioOf, service } from '../testing/scenario-builders.ts';
import type { ScenarioInput } from '../scenario/scenario-schema.ts';

type Input = Omit<ScenarioInput, 'version' | 'region'>;

function adviceFor(input: Input): { advice: Advice; document: ScenarioInput } {
  const document: ScenarioInput = { version: 2, region: 'us-east-1', ...input };
  return { advice: adviseScenario(document, scenarioOf(input), US_EAST_1), document };
}

const entry = (advice: Advice, optionId: string, lever: string): AdviceEntry | undefined =>
  advice.entries.find((e) => e.optionId === optionId && e.lever === lever);

/** The patch applied to the document and priced again: what a user who applies it sees. */
function totalAfterPatch(document: ScenarioInput, e: AdviceEntry): number | null {
  const patched = applyJsonPatch(document, e.scenarioPatch);
  if (!patched.ok) throw new Error(patched.problem);
  const validated = validateScenario(patched.document);
  if (!validated.ok) throw new Error(JSON.stringify(validated.problems));
  return estimateScenario(validated.scenario, US_EAST_1).options.find((o) => o.id === e.optionId)!.monthlyUSD;
}

describe('advice levers, hand-computed', () => {
  // 10 tasks of 0.25 vCPU / 0.5 GiB on m5.large (0.096 $/h, 30 GiB gp3 at 0.08 $/GB-month).
  const tasksOnM5 = { services: [service('web', { vcpu: 0.25, memoryGiB: 0.5, replicas: 10 })] };

  it('ENI trunking, ECS on EC2: 2 awsvpc tasks per m5.large become 8 (CPU-bound): 5 nodes to 2', () => {
    const { advice, document } = adviceFor({ ...tasksOnM5, ec2: { instanceTypes: ['m5.large'], minNodes: 0 } });
    // Before: 5 x 0.096 x 730 = 350.40, root volumes 5 x 30 GB-months x 0.08 = 12.00: 362.40.
    // After: trunking gives m5.large 10 task ENIs; 2048 CPU units / 256 = 8 tasks a node: 2 nodes,
    // 2 x 70.08 = 140.16 + 2 x 2.40 = 4.80: 144.96.
    const e = entry(advice, 'ecs-ec2', 'eni-trunking')!;
    expect(e).toMatchObject({ monthlyUSD: 144.96, savingUSD: 217.44 });
    // The document leaves eniTrunking out (it defaults to false): the patch adds it.
    expect(e.scenarioPatch).toEqual([{ op: 'add', path: '/ec2/eniTrunking', value: true }]);
    expect(e.caveat).toContain('awsvpcTrunking');
    expect(totalAfterPatch(document, e)).toBe(144.96);
    // It is advice for the ECS options on EC2 instances only (ECS Managed Instances packs awsvpc tasks the same way).
    expect(
      advice.entries
        .filter((x) => x.lever === 'eni-trunking')
        .map((x) => x.optionId)
        .sort(),
    ).toEqual(['ecs-ec2', 'ecs-managed-instances']);
  });

  it('bridge network mode, ECS on EC2: no ENI limit, the same 8 tasks a node: 362.40 to 144.96', () => {
    const { advice, document } = adviceFor({ ...tasksOnM5, ec2: { instanceTypes: ['m5.large'], minNodes: 0 } });
    const e = entry(advice, 'ecs-ec2', 'bridge-network-mode')!;
    expect(e).toMatchObject({ monthlyUSD: 144.96, savingUSD: 217.44 });
    expect(e.scenarioPatch).toEqual([{ op: 'add', path: '/ec2/ecsNetworkMode', value: 'bridge' }]);
    expect(totalAfterPatch(document, e)).toBe(144.96);
  });

  it('neither ECS network lever is proposed where the scenario already has it', () => {
    const trunked = adviceFor({ ...tasksOnM5, ec2: { instanceTypes: ['m5.large'], minNodes: 0, eniTrunking: true } });
    expect(trunked.advice.entries.some((e) => e.lever === 'eni-trunking')).toBe(false);
    const bridged = adviceFor({
      ...tasksOnM5,
      ec2: { instanceTypes: ['m5.large'], minNodes: 0, ecsNetworkMode: 'bridge' },
    });
    // Trunking adds awsvpc interfaces, so it is no lever in bridge mode either.
    expect(bridged.advice.entries.some((e) => e.lever === 'eni-trunking' || e.lever === 'bridge-network-mode')).toBe(
      false,
    );
  });

  it('prefix delegation, EKS on EC2: 27 pods per m5.large become 108 (max pods capped at 110): 4 nodes to 1', () => {
    // 105 pods of 10m / 0.05 GiB (51.2 MiB) plus 2 CoreDNS pods (100m, 70 MiB) and Cluster
    // Autoscaler (100m, 600 MiB). m5.large for services: 1780m, 6959 MiB, 29 - 2 = 27 pods; 108 pods
    // / 27 = 4 nodes. With prefix delegation max pods is min(3 x 9 x 16 + 2, 110) = 110, 108 for
    // services; 105 x 10 + 300 = 1350m and 105 x 51.2 + 740 = 6116 MiB fit: 1 node.
    const { advice, document } = adviceFor({
      services: [service('tiny', { vcpu: 0.01, memoryGiB: 0.05, replicas: 105 })],
      ec2: { instanceTypes: ['m5.large'], minNodes: 0 },
    });
    // Before: 4 x 70.08 = 280.32 + 4 x 20 GB-months x 0.08 = 6.40 + control plane 73.00 + the NAT
    // gateway of eksctl's VPC 730 x 0.045 = 32.85 + its Elastic IP 730 x 0.005 = 3.65: 396.22.
    // After: 70.08 + 1.60 + 73.00 + 32.85 + 3.65 = 181.18.
    const e = entry(advice, 'eks-ec2', 'prefix-delegation')!;
    expect(e).toMatchObject({ monthlyUSD: 181.18, savingUSD: 215.04 });
    expect(e.scenarioPatch).toEqual([{ op: 'add', path: '/ec2/prefixDelegation', value: true }]);
    expect(totalAfterPatch(document, e)).toBe(181.18);
  });

  it('arm64 moves the Linux services and leaves Windows and GPU services as they are', () => {
    // ECS on Fargate, web 1 vCPU / 2 GiB x 1: x86 730 x 0.04048 = 29.55 + 1460 x 0.004445 = 6.49;
    // ARM 730 x 0.03238 = 23.64 + 1460 x 0.00356 = 5.20: 7.20 less. The Windows task's lines
    // (33.98 vCPU + 33.58 licence + 7.46 memory) stay: 111.06 to 103.86.
    const { advice, document } = adviceFor({
      services: [
        service('web', { vcpu: 1, memoryGiB: 2, replicas: 1 }),
        service('win', { vcpu: 1, memoryGiB: 2, replicas: 1, os: 'windows' }),
      ],
    });
    const e = entry(advice, 'ecs-fargate', 'arm64')!;
    expect(e).toMatchObject({ monthlyUSD: 103.86, savingUSD: 7.2 });
    expect(e.scenarioPatch).toEqual([{ op: 'add', path: '/services/0/arch', value: 'arm64' }]);
    expect(e.change).toBe('Run the 1 Linux service on arm64 (Graviton); the 1 Windows or GPU service stays as it is.');
    expect(e.caveat).toContain('If your images are multi-arch');
    expect(totalAfterPatch(document, e)).toBe(103.86);
    // EKS on Fargate has no ARM: the lever would make it unavailable, which is no saving.
    expect(entry(advice, 'eks-fargate', 'arm64')).toBeUndefined();

    const gpu = adviceFor({
      services: [
        service('web', { vcpu: 1, memoryGiB: 2, replicas: 1 }),
        service('model', { vcpu: 4, memoryGiB: 16, replicas: 1, gpu: 1 }),
      ],
    });
    for (const x of gpu.advice.entries.filter((x) => x.lever === 'arm64'))
      expect(x.scenarioPatch).toEqual([{ op: 'add', path: '/services/0/arch', value: 'arm64' }]);
  });

  it('Fargate Spot, ECS on Fargate only: half of 1460 task-hours at the Spot rates', () => {
    // Before: 1460 x 0.04048 = 59.10 + 2920 x 0.004445 = 12.98: 72.08.
    // After: On-Demand 730 h: 29.55 + 6.49; Spot 730 x 0.01264355 = 9.23 + 1460 x 0.00138835 = 2.03: 47.30.
    const { advice, document } = adviceFor({ services: [service('web', { vcpu: 1, memoryGiB: 2, replicas: 2 })] });
    const e = entry(advice, 'ecs-fargate', 'fargate-spot')!;
    expect(e).toMatchObject({ monthlyUSD: 47.3, savingUSD: 24.78 });
    expect(e.scenarioPatch).toEqual([{ op: 'add', path: '/fargate', value: { spotPercent: 50 } }]);
    expect(e.caveat).toMatch(/^If interruptions are acceptable/);
    expect(totalAfterPatch(document, e)).toBe(47.3);
    expect(advice.entries.filter((x) => x.lever === 'fargate-spot').map((x) => x.optionId)).toEqual(['ecs-fargate']);
    // Already at 50%: nothing to propose.
    const already = adviceFor({
      services: [service('web', { vcpu: 1, memoryGiB: 2, replicas: 2 })],
      fargate: { spotPercent: 50 },
    });
    expect(already.advice.entries.some((x) => x.lever === 'fargate-spot')).toBe(false);
  });

  it("EC2 Spot at the scenario's 70% discount, on both EC2 options", () => {
    // Nodes split into whole On-Demand and Spot nodes, On-Demand rounded up (cost/spot-split.ts).
    // 4 tasks/pods of 1 vCPU / 2 GiB on m5.large.
    // ECS: 2 awsvpc tasks a node, 2 nodes: 140.16 + 4.80 = 144.96. After, 1 On-Demand + 1 Spot node:
    //   730 h x 0.096 = 70.08 + 730 h x 0.0288 = 21.02 + 4.80 = 95.90.
    // EKS: 1780m holds one 1000m pod: 4 nodes (CoreDNS beside): 280.32 + 6.40 + 73.00 + NAT 32.85
    //   + its Elastic IP 3.65 = 396.22.
    //   After, 2 + 2: 1460 x 0.096 = 140.16 + 1460 x 0.0288 = 42.05 + 6.40 + 73.00 + 32.85 + 3.65 = 298.11.
    const { advice, document } = adviceFor({
      services: [service('web', { vcpu: 1, memoryGiB: 2, replicas: 4 })],
      ec2: { instanceTypes: ['m5.large'], minNodes: 0, spotDiscountPercent: 70 },
    });
    const ecs = entry(advice, 'ecs-ec2', 'ec2-spot')!;
    const eks = entry(advice, 'eks-ec2', 'ec2-spot')!;
    expect(ecs).toMatchObject({ monthlyUSD: 95.9, savingUSD: 49.06 });
    expect(eks).toMatchObject({ monthlyUSD: 298.11, savingUSD: 98.11 });
    expect(ecs.scenarioPatch).toEqual([{ op: 'add', path: '/ec2/spotPercent', value: 50 }]);
    expect(ecs.change).toContain("the scenario's 70% Spot discount");
    expect(totalAfterPatch(document, ecs)).toBe(95.9);
    expect(totalAfterPatch(document, eks)).toBe(298.11);
  });

  it('EC2 Spot on a single node saves nothing: 50% of 1 node rounds to 1 On-Demand node, so no lever', () => {
    const { advice } = adviceFor({
      services: [service('web', { vcpu: 1, memoryGiB: 2, replicas: 2 })],
      ec2: { instanceTypes: ['m5.large'], minNodes: 0, spotDiscountPercent: 70 },
    });
    // ECS holds both tasks on one node; EKS needs 2 nodes (1 On-Demand + 1 Spot after).
    expect(entry(advice, 'ecs-ec2', 'ec2-spot')).toBeUndefined();
    expect(entry(advice, 'eks-ec2', 'ec2-spot')).toMatchObject({ monthlyUSD: 203.8, savingUSD: 49.06 });
  });

  it('a Fargate request 5% above 1 vCPU / 2 GB is lowered to it, on ECS and on EKS', () => {
    // ECS: 1.05 vCPU / 2 GiB bills 2 vCPU / 4 GB: 1460 x 0.04048 = 59.10 + 2920 x 0.004445 = 12.98 = 72.08;
    // at 1 vCPU / 2 GiB: 29.55 + 6.49 = 36.04.
    // EKS: + 0.25 GiB bills 2 vCPU / 4 GB (72.08); 1 vCPU / 2.25 GiB bills 1 vCPU / 3 GB:
    // 29.55 + 2190 x 0.004445 = 9.73: 39.28, 32.80 less.
    const { advice, document } = adviceFor({ services: [service('api', { vcpu: 1.05, memoryGiB: 2, replicas: 1 })] });
    const ecs = entry(advice, 'ecs-fargate', 'smaller-fargate-size')!;
    const eks = entry(advice, 'eks-fargate', 'smaller-fargate-size')!;
    expect(ecs.savingUSD).toBe(36.04);
    expect(eks.savingUSD).toBe(32.8);
    expect(ecs.scenarioPatch).toEqual([{ op: 'replace', path: '/services/0/vcpu', value: 1 }]);
    expect(ecs.change).toBe(
      "Lower api's request from 1.05 vCPU / 2 GiB to 1 vCPU / 2 GiB, so ECS on Fargate bills 1 vCPU / 2 GB instead of 2 vCPU / 4 GB.",
    );
    expect(eks.change).toContain('EKS on Fargate bills 1 vCPU / 3 GB instead of 2 vCPU / 4 GB');
    expect(ecs.caveat).toContain('measure first');
    expect(totalAfterPatch(document, ecs)).toBe(ecs.monthlyUSD);
    expect(totalAfterPatch(document, eks)).toBe(eks.monthlyUSD);
  });

  it('a request more than 10% above every cheaper size is left alone', () => {
    // 1.2 vCPU is 20% above 1 vCPU; 2 GiB is at a size already.
    expect(
      smallerFargateRequest(
        'ecs',
        scenarioOf({ services: [service('a', { vcpu: 1.2, memoryGiB: 2 })] }).services[0]!,
        US_EAST_1,
      ),
    ).toBeNull();
    // A request that is a size already wastes nothing, though 120 GB is within 10% of 112 GB.
    const exact = scenarioOf({ services: [service('a', { vcpu: 16, memoryGiB: 120 })] }).services[0]!;
    expect(smallerFargateRequest('ecs', exact, US_EAST_1)).toBeNull();
    // 0.5 vCPU / 2.15 GiB: 7.5% above 0.5 vCPU / 2 GB.
    const s = scenarioOf({ services: [service('a', { vcpu: 0.5, memoryGiB: 2.15 })] }).services[0]!;
    expect(smallerFargateRequest('ecs', s, US_EAST_1)).toMatchObject({
      vcpu: 0.5,
      memoryGiB: 2,
      billedBefore: { vcpu: 0.5, memoryGiB: 3 },
      billedAfter: { vcpu: 0.5, memoryGiB: 2 },
    });
  });

  it('automatic instance choice instead of a fixed m5.large: c7a.medium, the cheapest x86 type', () => {
    // One task of 0.25 vCPU / 0.5 GiB. Listed m5.large: 70.08 + 2.40 = 72.48. Automatic: the
    // cheapest current-generation, non-burstable x86 type in the snapshot is c7a.medium at 0.05132 $/h
    // (1 vCPU, MemTotal by rule 2048 - 256 - 4.5% = 1699 MiB, 2 - 1 = 1 awsvpc task):
    // 730 x 0.05132 = 37.46 + 2.40 = 39.86.
    const { advice, document } = adviceFor({
      services: [service('web', { vcpu: 0.25, memoryGiB: 0.5, replicas: 1 })],
      ec2: { instanceTypes: ['m5.large'], minNodes: 0 },
    });
    const e = entry(advice, 'ecs-ec2', 'automatic-instance-choice')!;
    expect(e).toMatchObject({ monthlyUSD: 39.86, savingUSD: 32.62 });
    expect(e.scenarioPatch).toEqual([{ op: 'replace', path: '/ec2/instanceTypes', value: [] }]);
    expect(totalAfterPatch(document, e)).toBe(39.86);
    const cheapest = US_EAST_1.ec2.instances
      .filter(
        (o) => o.arch === 'x86_64' && !o.burstable && !o.bareMetal && o.currentGeneration !== false && o.gpu === 0,
      )
      .sort((a, b) => a.usdHour - b.usdHour)[0]!;
    expect([cheapest.type, cheapest.usdHour]).toEqual(['c7a.medium', 0.05132]);
  });

  it('one EKS cluster instead of three: two control planes and their CoreDNS and Cluster Autoscaler pods', () => {
    // EKS on Fargate, web 0.5 vCPU / 1 GiB x 2. Three clusters: 3 x 73.00 control plane, CoreDNS
    // 6 pods of 0.25 vCPU / 0.5 GB: 1095 x 0.04048 = 44.33 + 2190 x 0.004445 = 9.73. One: 73.00,
    // 365 x 0.04048 = 14.78 + 730 x 0.004445 = 3.24. Saving 146.00 + 36.04 = 182.04.
    // EKS on EC2 (m5.large, 1780m): three clusters' system pods (6 CoreDNS x 100m, 3 Cluster
    // Autoscaler x 100m) and the 2 x 500m pods need 1900m, two nodes; one cluster's need 1300m, one
    // node: 146.00 + 730 x 0.096 = 70.08 + its 20 GiB root volume 20 x 0.08 = 1.60 = 217.68.
    const { advice, document } = adviceFor({
      services: [service('web', { vcpu: 0.5, memoryGiB: 1, replicas: 2 })],
      ec2: { instanceTypes: ['m5.large'], minNodes: 0 },
      eks: { clusters: 3 },
    });
    const fargate = entry(advice, 'eks-fargate', 'fewer-eks-clusters')!;
    expect(fargate.savingUSD).toBe(182.04);
    expect(entry(advice, 'eks-ec2', 'fewer-eks-clusters')!.savingUSD).toBe(217.68);
    expect(fargate.scenarioPatch).toEqual([{ op: 'replace', path: '/eks/clusters', value: 1 }]);
    expect(fargate.change).toBe('Run the services on one EKS cluster instead of 3 (eks.clusters).');
    expect(totalAfterPatch(document, fargate)).toBe(fargate.monthlyUSD);
    expect(advice.entries.some((e) => e.lever === 'fewer-eks-clusters' && e.optionId.startsWith('ecs'))).toBe(false);
  });

  it('standard instead of extended support: 730 x (0.60 - 0.10) = 365.00 a cluster', () => {
    const { advice, document } = adviceFor({
      services: [service('web', { vcpu: 0.5, memoryGiB: 1, replicas: 2 })],
      eks: { support: 'extended' },
    });
    const e = entry(advice, 'eks-fargate', 'standard-support')!;
    expect(e.savingUSD).toBe(365);
    expect(entry(advice, 'eks-ec2', 'standard-support')!.savingUSD).toBe(365);
    expect(e.scenarioPatch).toEqual([{ op: 'replace', path: '/eks/support', value: 'standard' }]);
    expect(totalAfterPatch(document, e)).toBe(e.monthlyUSD);
  });
});

describe('advice rules', () => {
  it('keeps a lever only when it saves at least 1% of the option total', () => {
    // api 1.05 vCPU / 2 GiB (billed 2 vCPU / 4 GB) beside n replicas of 16 vCPU / 120 GiB, ECS on Fargate.
    // n = 4: vCPU (46720 + 1460) x 0.04048 = 1950.33, memory (350400 + 2920) x 0.004445 = 1570.51:
    //   3520.84; after: 47450 x 0.04048 = 1920.78 + 351860 x 0.004445 = 1564.02 = 3484.80.
    //   36.04 saved, 1.02% of the total: kept.
    // n = 5: 59860 x 0.04048 = 2423.13 + 440920 x 0.004445 = 1959.89 = 4383.02; after 2393.58 +
    //   1953.40 = 4346.98: the same 36.04 is 0.82%: dropped.
    const withBig = (n: number) =>
      adviceFor({
        services: [
          service('api', { vcpu: 1.05, memoryGiB: 2, replicas: 1 }),
          service('big', { vcpu: 16, memoryGiB: 120, replicas: n }),
        ],
      }).advice;
    expect(entry(withBig(4), 'ecs-fargate', 'smaller-fargate-size')).toMatchObject({
      monthlyUSD: 3484.8,
      savingUSD: 36.04,
    });
    expect(entry(withBig(5), 'ecs-fargate', 'smaller-fargate-size')).toBeUndefined();
  });

  it('sorts by saving, largest first', () => {
    const { advice } = adviceFor({
      services: [service('web', { vcpu: 1, memoryGiB: 2, replicas: 4 })],
      ec2: { instanceTypes: ['m5.large'], minNodes: 0 },
      eks: { clusters: 2, support: 'extended' },
    });
    const savings = advice.entries.map((e) => e.savingUSD);
    expect(advice.entries.length).toBeGreaterThan(3);
    expect(savings).toEqual([...savings].sort((a, b) => b - a));
  });

  it('patches a document that leaves a section out by adding the section', () => {
    const { advice } = adviceFor({ services: [service('web', { vcpu: 1, memoryGiB: 2, replicas: 2 })] });
    expect(entry(advice, 'ecs-fargate', 'fargate-spot')!.scenarioPatch[0]).toEqual({
      op: 'add',
      path: '/fargate',
      value: { spotPercent: 50 },
    });
  });

  it('says when a lever makes another option the cheapest', () => {
    // 40 tasks of 0.25 vCPU / 0.9 GiB on m5.large. ECS on Fargate bills 0.25 vCPU / 1 GB:
    // 7300 x 0.04048 = 295.50 + 29200 x 0.004445 = 129.79 = 425.29, the cheapest.
    // ECS on EC2: 2 awsvpc tasks a node, 20 nodes: 1401.60 + 48.00 = 1449.60. With trunking (or in
    // bridge mode) 8 tasks a node (2048 units / 256, 7377 MiB / 921.6 MiB): 5 nodes, 350.40 + 12.00 = 362.40.
    const input: Input = {
      services: [service('web', { vcpu: 0.25, memoryGiB: 0.9, replicas: 40 })],
      ec2: { instanceTypes: ['m5.large'], minNodes: 0 },
    };
    const base = estimateScenario(scenarioOf(input), US_EAST_1);
    expect(base.cheapest).toBe('ecs-fargate');
    expect(base.options.find((o) => o.id === 'ecs-fargate')!.monthlyUSD).toBe(425.29);
    const { advice } = adviceFor(input);
    expect(entry(advice, 'ecs-ec2', 'eni-trunking')).toMatchObject({ monthlyUSD: 362.4, savingUSD: 1087.2 });
    const byLever = new Map(advice.cheapestChanges.map((c) => [c.lever, c]));
    expect(byLever.get('eni-trunking')).toMatchObject({
      optionId: 'ecs-ec2',
      optionLabel: 'ECS on EC2',
      monthlyUSD: 362.4,
    });
    expect(byLever.get('bridge-network-mode')).toMatchObject({ optionId: 'ecs-ec2', monthlyUSD: 362.4 });
    // Fargate Spot and arm64 make ECS on Fargate itself cheaper: the answer stays, so they are not listed.
    expect(byLever.has('fargate-spot')).toBe(false);
    for (const c of advice.cheapestChanges) {
      expect(c.optionId).not.toBe('ecs-fargate');
      expect(c.monthlyUSD).toBeLessThan(425.29);
      expect(entry(advice, c.optionId, c.lever)!.monthlyUSD).toBe(c.monthlyUSD);
    }
  });

  it('says where a Fargate request could grow to the billed size at no extra cost', () => {
    // 0.3 vCPU / 0.6 GiB: ECS bills 0.5 vCPU / 1 GB; EKS bills 0.5 vCPU / 1 GB (0.85 GiB) too,
    // room for 0.75 GiB.
    const { advice } = adviceFor({ services: [service('api', { vcpu: 0.3, memoryGiB: 0.6, replicas: 1 })] });
    expect(advice.fargateRoom).toEqual([
      {
        optionId: 'ecs-fargate',
        service: 'api',
        requested: { vcpu: 0.3, memoryGiB: 0.6 },
        billed: { vcpu: 0.5, memoryGiB: 1 },
        couldRequest: { vcpu: 0.5, memoryGiB: 1 },
      },
      {
        optionId: 'eks-fargate',
        service: 'api',
        requested: { vcpu: 0.3, memoryGiB: 0.6 },
        billed: { vcpu: 0.5, memoryGiB: 1 },
        couldRequest: { vcpu: 0.5, memoryGiB: 0.75 },
      },
    ]);
  });
});
