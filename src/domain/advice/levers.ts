/**
 * The advice's fixed list of levers: small changes to the user's own scenario that the engine
 * re-prices (advise-scenario.ts). Each lever names the option families it is advice for, its
 * caveat, and for a given scenario the changes it proposes, as field settings that become a JSON
 * Patch. A lever proposes nothing where the scenario already has it. The README lists the levers
 * and caveats from this file (docs/advice-rules.md holds the rules and their sources).
 */
import type { Scenario, Service } from '../scenario/scenario-schema.ts';
import type { RegionSnapshot } from '../pricing/price-snapshot.ts';
import { DEFAULT_ECS_NETWORK_MODE } from '../capacity/ecs-node-capacity.ts';
import {
  EKS_FARGATE_POD_OVERHEAD_GIB,
  FARGATE_SIZES,
  WINDOWS_FARGATE_MAX_VCPU,
  WINDOWS_FARGATE_MIN_VCPU,
  sizeEcsFargateTask,
  sizeEksFargatePod,
  type FargateSize,
} from '../sizing/fargate-sizes.ts';
import { FLOAT_TOLERANCE } from '../numeric/float-tolerance.ts';

/** Which kind of option an option id is: ECS or EKS, on Fargate or on EC2 instances (self-run or managed). */
export interface OptionFamily {
  orchestrator: 'ecs' | 'eks';
  compute: 'fargate' | 'instances';
}

/**
 * The family of an option id: "ecs-…" or "eks-…", and Fargate when the id says so, instances
 * otherwise (ecs-ec2, eks-ec2 and the options that run on EC2 instances AWS manages).
 */
export function optionFamily(optionId: string): OptionFamily {
  return {
    orchestrator: optionId.startsWith('eks') ? 'eks' : 'ecs',
    compute: optionId.includes('fargate') ? 'fargate' : 'instances',
  };
}

export const LEVER_IDS = [
  'eni-trunking',
  'bridge-network-mode',
  'prefix-delegation',
  'arm64',
  'fargate-spot',
  'ec2-spot',
  'smaller-fargate-size',
  'automatic-instance-choice',
  'fewer-eks-clusters',
  'standard-support',
] as const;
export type LeverId = (typeof LEVER_IDS)[number];

/** The share of task-hours or node-hours the Spot levers propose, scenario-wide. */
export const ADVICE_SPOT_PERCENT = 50;
/** A Fargate request is lowered to a cheaper size only when it is at most this much above it. */
export const SMALLER_FARGATE_SIZE_MARGIN = 0.1;
/** A lever is kept for an option when it saves at least this share of the option's monthly total. */
export const ADVICE_MIN_SAVING_SHARE = 0.01;

/** One field the change sets: a path into the scenario (keys and array indexes) and its new value. */
export interface FieldSetting {
  path: (string | number)[];
  value: unknown;
}

export interface LeverProposal {
  lever: LeverId;
  /** What the change does, in one sentence. */
  change: string;
  /** Short name for sentences such as "with ENI trunking, ECS on EC2 becomes the cheapest". */
  name: string;
  caveat: string | null;
  /** The option families this is advice for. */
  families: readonly OptionFamily[];
  settings: FieldSetting[];
}

export interface Lever {
  id: LeverId;
  /** What the lever is, for the README and the page. */
  title: string;
  caveat: string | null;
  families: readonly OptionFamily[];
  propose: (scenario: Scenario, snapshot: RegionSnapshot) => LeverProposal[];
}

const ECS_INSTANCES: OptionFamily = { orchestrator: 'ecs', compute: 'instances' };
const EKS_INSTANCES: OptionFamily = { orchestrator: 'eks', compute: 'instances' };
const ECS_FARGATE: OptionFamily = { orchestrator: 'ecs', compute: 'fargate' };
const EKS_FARGATE: OptionFamily = { orchestrator: 'eks', compute: 'fargate' };
const ALL_FAMILIES = [ECS_FARGATE, ECS_INSTANCES, EKS_FARGATE, EKS_INSTANCES] as const;

/** Each lever's short name, for "Apply ENI trunking" and "with ENI trunking, ... becomes the cheapest". */
export const LEVER_NAMES: Record<LeverId, string> = {
  'eni-trunking': 'ENI trunking',
  'bridge-network-mode': 'bridge network mode',
  'prefix-delegation': 'prefix delegation',
  arm64: 'arm64',
  'fargate-spot': `${ADVICE_SPOT_PERCENT}% Fargate Spot`,
  'ec2-spot': `${ADVICE_SPOT_PERCENT}% EC2 Spot`,
  'smaller-fargate-size': 'a smaller Fargate request',
  'automatic-instance-choice': 'automatic instance choice',
  'fewer-eks-clusters': 'one EKS cluster',
  'standard-support': 'standard support',
};

/** The caveat of each lever, in one place: the page, the CLI and the README show these texts. */
export const LEVER_CAVEATS: Record<LeverId, string | null> = {
  'eni-trunking':
    'Needs the awsvpcTrunking account setting on before the instances launch, and instance types that support trunking.',
  'bridge-network-mode':
    "Tasks share the instance's network interface: no security group per task, and load balancers reach them on dynamic host ports.",
  'prefix-delegation':
    "Needs the VPC CNI's prefix delegation (ENABLE_PREFIX_DELEGATION) on Nitro instances, and subnets with free contiguous /28 blocks.",
  arm64: 'If your images are multi-arch (published for linux/arm64 as well as linux/amd64).',
  'fargate-spot': "If interruptions are acceptable: Fargate Spot tasks can be stopped with two minutes' notice.",
  'ec2-spot': "If interruptions are acceptable: Spot instances can be reclaimed with two minutes' notice.",
  'smaller-fargate-size':
    'Only if the service runs within the smaller request: less CPU can slow it, and a lower memory limit can stop it when it runs out; measure first.',
  'automatic-instance-choice':
    'The automatic choice may pick types you have not approved or reserved: check the types the node plan names.',
  'fewer-eks-clusters':
    'If the workloads can share a cluster, separated by namespaces, RBAC and network policies instead of clusters.',
  'standard-support': 'Needs the clusters upgraded to a Kubernetes version that is still in standard support.',
};

const proposal = (
  lever: LeverId,
  name: string,
  change: string,
  families: readonly OptionFamily[],
  settings: FieldSetting[],
): LeverProposal => ({ lever, name, change, caveat: LEVER_CAVEATS[lever], families, settings });

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const gib = (n: number) => `${Number(n.toFixed(4))}`;
const sizeText = (vcpu: number, memoryGiB: number, unit: 'GiB' | 'GB') =>
  `${gib(vcpu)} vCPU / ${gib(memoryGiB)} ${unit}`;

const isLinuxCpuService = (s: Service) => s.os === 'linux' && s.gpu === 0;

/** Fargate sizes a service may be billed at on one platform: Windows tasks take the 1-4 vCPU rows only. */
function fargateSizesFor(platform: 'ecs' | 'eks', service: Service): readonly FargateSize[] {
  if (platform === 'ecs' && service.os === 'windows')
    return FARGATE_SIZES.filter((s) => s.vcpu >= WINDOWS_FARGATE_MIN_VCPU && s.vcpu <= WINDOWS_FARGATE_MAX_VCPU);
  return FARGATE_SIZES;
}

/** What a request may be at most and still be billed at `size`: EKS adds 256 MiB to every pod first. */
export function requestRoomOf(platform: 'ecs' | 'eks', size: FargateSize): { vcpu: number; memoryGiB: number } {
  return {
    vcpu: size.vcpu,
    memoryGiB: platform === 'eks' ? size.memoryGiB - EKS_FARGATE_POD_OVERHEAD_GIB : size.memoryGiB,
  };
}

export function billedFargateSize(platform: 'ecs' | 'eks', vcpu: number, memoryGiB: number, os: Service['os']) {
  return platform === 'eks' ? sizeEksFargatePod(vcpu, memoryGiB) : sizeEcsFargateTask(vcpu, memoryGiB, os);
}

/** The hourly On-Demand price of a Fargate size for a service, to rank sizes; null without rates. */
function sizeUsdHour(snapshot: RegionSnapshot, service: Service, size: FargateSize): number | null {
  const prices = snapshot.fargate;
  if (!prices) return null;
  if (service.os === 'windows') {
    const w = prices.windowsX86;
    return w ? size.vcpu * (w.vcpuHour.usd + w.osLicenseVcpuHour.usd) + size.memoryGiB * w.gbHour.usd : null;
  }
  const rates = service.arch === 'arm64' ? prices.linuxArm : prices.linuxX86;
  return rates ? size.vcpu * rates.vcpuHour.usd + size.memoryGiB * rates.gbHour.usd : null;
}

/**
 * A service's request lowered to the next cheaper Fargate size: for a request that Fargate rounds
 * up, among the sizes that bill less than today's and that the request exceeds by at most 10% in
 * vCPU and in memory, the dearest (the smallest cut); the request is cut to what that size holds.
 * Null when there is none, or when the request is a size already (nothing of it is wasted).
 */
export function smallerFargateRequest(
  platform: 'ecs' | 'eks',
  service: Service,
  snapshot: RegionSnapshot,
): { vcpu: number; memoryGiB: number; billedBefore: FargateSize; billedAfter: FargateSize } | null {
  if (service.gpu > 0 || (platform === 'eks' && (service.os === 'windows' || service.arch === 'arm64'))) return null;
  const billed = billedFargateSize(platform, service.vcpu, service.memoryGiB, service.os);
  if (!billed) return null;
  // Only a request that is rounded up wastes part of its size; one that is a size already is left alone.
  const billedRoom = requestRoomOf(platform, billed);
  if (billedRoom.vcpu <= service.vcpu + FLOAT_TOLERANCE && billedRoom.memoryGiB <= service.memoryGiB + FLOAT_TOLERANCE)
    return null;
  const billedUsd = sizeUsdHour(snapshot, service, billed);
  if (billedUsd === null) return null;
  let best: { size: FargateSize; usd: number } | null = null;
  for (const size of fargateSizesFor(platform, service)) {
    const room = requestRoomOf(platform, size);
    if (room.memoryGiB <= 0) continue;
    const usd = sizeUsdHour(snapshot, service, size)!;
    if (usd >= billedUsd - FLOAT_TOLERANCE) continue;
    const within = (asked: number, holds: number) =>
      asked <= holds * (1 + SMALLER_FARGATE_SIZE_MARGIN) + FLOAT_TOLERANCE;
    if (!within(service.vcpu, room.vcpu) || !within(service.memoryGiB, room.memoryGiB)) continue;
    if (!best || usd > best.usd) best = { size, usd };
  }
  if (!best) return null;
  const room = requestRoomOf(platform, best.size);
  const vcpu = Math.min(service.vcpu, room.vcpu);
  const memoryGiB = Math.min(service.memoryGiB, room.memoryGiB);
  const billedAfter = billedFargateSize(platform, vcpu, memoryGiB, service.os);
  if (!billedAfter) return null;
  return { vcpu, memoryGiB, billedBefore: billed, billedAfter };
}

export const LEVERS: readonly Lever[] = [
  {
    id: 'eni-trunking',
    title: 'ENI trunking (ECS on EC2 instances, awsvpc tasks)',
    caveat: LEVER_CAVEATS['eni-trunking'],
    families: [ECS_INSTANCES],
    propose: (scenario) =>
      scenario.ec2.eniTrunking || (scenario.ec2.ecsNetworkMode ?? DEFAULT_ECS_NETWORK_MODE) !== 'awsvpc'
        ? []
        : [
            proposal(
              'eni-trunking',
              LEVER_NAMES['eni-trunking'],
              'Turn on ENI trunking (ec2.eniTrunking), so each instance holds more awsvpc tasks.',
              [ECS_INSTANCES],
              [{ path: ['ec2', 'eniTrunking'], value: true }],
            ),
          ],
  },
  {
    id: 'bridge-network-mode',
    title: 'Bridge network mode (ECS on EC2 instances)',
    caveat: LEVER_CAVEATS['bridge-network-mode'],
    families: [ECS_INSTANCES],
    propose: (scenario) =>
      (scenario.ec2.ecsNetworkMode ?? DEFAULT_ECS_NETWORK_MODE) === 'bridge'
        ? []
        : [
            proposal(
              'bridge-network-mode',
              LEVER_NAMES['bridge-network-mode'],
              'Run the ECS tasks in bridge network mode (ec2.ecsNetworkMode "bridge"), which has no per-task ENI limit.',
              [ECS_INSTANCES],
              [{ path: ['ec2', 'ecsNetworkMode'], value: 'bridge' }],
            ),
          ],
  },
  {
    id: 'prefix-delegation',
    title: 'Prefix delegation (EKS on EC2 instances)',
    caveat: LEVER_CAVEATS['prefix-delegation'],
    families: [EKS_INSTANCES],
    propose: (scenario) =>
      scenario.ec2.prefixDelegation
        ? []
        : [
            proposal(
              'prefix-delegation',
              LEVER_NAMES['prefix-delegation'],
              'Turn on prefix delegation (ec2.prefixDelegation), so each node holds more pods.',
              [EKS_INSTANCES],
              [{ path: ['ec2', 'prefixDelegation'], value: true }],
            ),
          ],
  },
  {
    id: 'arm64',
    title: 'arm64 (Graviton) for every Linux service without GPUs; Windows and GPU services stay as they are',
    caveat: LEVER_CAVEATS.arm64,
    families: ALL_FAMILIES,
    propose: (scenario) => {
      const moved = scenario.services.flatMap((s, i) => (isLinuxCpuService(s) && s.arch === 'x86_64' ? [i] : []));
      if (moved.length === 0) return [];
      const kept = scenario.services.filter((s) => !isLinuxCpuService(s)).length;
      const all = moved.length === scenario.services.length;
      return [
        proposal(
          'arm64',
          LEVER_NAMES.arm64,
          `Run ${all ? (moved.length === 1 ? 'the service' : `all ${moved.length} services`) : `the ${plural(moved.length, 'Linux service')}`} on arm64 (Graviton)${kept > 0 ? `; the ${plural(kept, 'Windows or GPU service')} stay${kept === 1 ? 's' : ''} as ${kept === 1 ? 'it is' : 'they are'}` : ''}.`,
          ALL_FAMILIES,
          moved.map((i) => ({ path: ['services', i, 'arch'], value: 'arm64' })),
        ),
      ];
    },
  },
  {
    id: 'fargate-spot',
    title: `A Fargate Spot share of ${ADVICE_SPOT_PERCENT}%, scenario-wide (ECS on Fargate only)`,
    caveat: LEVER_CAVEATS['fargate-spot'],
    families: [ECS_FARGATE],
    propose: (scenario) =>
      scenario.fargate.spotPercent >= ADVICE_SPOT_PERCENT
        ? []
        : [
            proposal(
              'fargate-spot',
              LEVER_NAMES['fargate-spot'],
              `Run ${ADVICE_SPOT_PERCENT}% of the Fargate task-hours on Fargate Spot (fargate.spotPercent ${scenario.fargate.spotPercent} to ${ADVICE_SPOT_PERCENT}).`,
              [ECS_FARGATE],
              [{ path: ['fargate', 'spotPercent'], value: ADVICE_SPOT_PERCENT }],
            ),
          ],
  },
  {
    id: 'ec2-spot',
    title: `An EC2 Spot share of ${ADVICE_SPOT_PERCENT}%, scenario-wide (options on EC2 instances)`,
    caveat: LEVER_CAVEATS['ec2-spot'],
    families: [ECS_INSTANCES, EKS_INSTANCES],
    propose: (scenario) =>
      scenario.ec2.spotPercent >= ADVICE_SPOT_PERCENT
        ? []
        : [
            proposal(
              'ec2-spot',
              LEVER_NAMES['ec2-spot'],
              `Run ${ADVICE_SPOT_PERCENT}% of the EC2 node-hours on Spot (ec2.spotPercent ${scenario.ec2.spotPercent} to ${ADVICE_SPOT_PERCENT}), at ${scenario.ec2.spotDiscountPercent === undefined ? "each type's Spot Instance Advisor savings" : `the scenario's ${scenario.ec2.spotDiscountPercent}% Spot discount`}.`,
              [ECS_INSTANCES, EKS_INSTANCES],
              [{ path: ['ec2', 'spotPercent'], value: ADVICE_SPOT_PERCENT }],
            ),
          ],
  },
  {
    id: 'smaller-fargate-size',
    title: `A Fargate request lowered to the next cheaper size when it is at most ${SMALLER_FARGATE_SIZE_MARGIN * 100}% above it (per service; Fargate options)`,
    caveat: LEVER_CAVEATS['smaller-fargate-size'],
    families: [ECS_FARGATE, EKS_FARGATE],
    propose: (scenario, snapshot) =>
      scenario.services.flatMap((service, index) =>
        (['ecs', 'eks'] as const).flatMap((platform) => {
          const smaller = smallerFargateRequest(platform, service, snapshot);
          if (!smaller) return [];
          const settings: FieldSetting[] = [];
          if (smaller.vcpu !== service.vcpu) settings.push({ path: ['services', index, 'vcpu'], value: smaller.vcpu });
          if (smaller.memoryGiB !== service.memoryGiB)
            settings.push({ path: ['services', index, 'memoryGiB'], value: smaller.memoryGiB });
          const label = platform === 'ecs' ? 'ECS on Fargate' : 'EKS on Fargate';
          return [
            proposal(
              'smaller-fargate-size',
              `a smaller request for ${service.name}`,
              `Lower ${service.name}'s request from ${sizeText(service.vcpu, service.memoryGiB, 'GiB')} to ${sizeText(smaller.vcpu, smaller.memoryGiB, 'GiB')}, so ${label} bills ${sizeText(smaller.billedAfter.vcpu, smaller.billedAfter.memoryGiB, 'GB')} instead of ${sizeText(smaller.billedBefore.vcpu, smaller.billedBefore.memoryGiB, 'GB')}.`,
              [platform === 'ecs' ? ECS_FARGATE : EKS_FARGATE],
              settings,
            ),
          ];
        }),
      ),
  },
  {
    id: 'automatic-instance-choice',
    title: 'Automatic instance choice instead of a fixed list (options on EC2 instances)',
    caveat: LEVER_CAVEATS['automatic-instance-choice'],
    families: [ECS_INSTANCES, EKS_INSTANCES],
    propose: (scenario) =>
      scenario.ec2.instanceTypes.length === 0
        ? []
        : [
            proposal(
              'automatic-instance-choice',
              LEVER_NAMES['automatic-instance-choice'],
              `Let the calculator choose the instance types (an empty ec2.instanceTypes) instead of the ${plural(scenario.ec2.instanceTypes.length, 'listed type')}.`,
              [ECS_INSTANCES, EKS_INSTANCES],
              [{ path: ['ec2', 'instanceTypes'], value: [] }],
            ),
          ],
  },
  {
    id: 'fewer-eks-clusters',
    title: 'One EKS cluster instead of several (EKS options)',
    caveat: LEVER_CAVEATS['fewer-eks-clusters'],
    families: [EKS_FARGATE, EKS_INSTANCES],
    propose: (scenario) =>
      scenario.eks.clusters <= 1
        ? []
        : [
            proposal(
              'fewer-eks-clusters',
              LEVER_NAMES['fewer-eks-clusters'],
              `Run the services on one EKS cluster instead of ${scenario.eks.clusters} (eks.clusters).`,
              [EKS_FARGATE, EKS_INSTANCES],
              [{ path: ['eks', 'clusters'], value: 1 }],
            ),
          ],
  },
  {
    id: 'standard-support',
    title: 'Standard instead of extended Kubernetes version support (EKS options)',
    caveat: LEVER_CAVEATS['standard-support'],
    families: [EKS_FARGATE, EKS_INSTANCES],
    propose: (scenario) =>
      scenario.eks.support !== 'extended'
        ? []
        : [
            proposal(
              'standard-support',
              LEVER_NAMES['standard-support'],
              'Keep the clusters on a Kubernetes version in standard support instead of extended support (eks.support "standard").',
              [EKS_FARGATE, EKS_INSTANCES],
              [{ path: ['eks', 'support'], value: 'standard' }],
            ),
          ],
  },
];
