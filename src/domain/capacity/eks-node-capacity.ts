/**
 * EKS managed node groups on the EKS-optimized AL2023 AMI (nodeadm), as the export creates them
 * with eksctl. Rules and sources: docs/capacity-rules.md (EKS).
 */
import type { InstanceOffer } from '../pricing/price-snapshot.ts';
import {
  capacityFrom,
  daemonShares,
  nodeMemTotal,
  type NodeCapacityModel,
  type NodeDaemon,
  type SystemShare,
} from './node-capacity.ts';
import { LOG_ROUTER_SHARE } from './log-router.ts';

/**
 * The DaemonSets every EKS node runs, with their CPU requests: aws-node (VPC CNI, two containers
 * of 25m: aws-node and aws-eks-nodeagent, amazon-vpc-cni-k8s v1.23.1) and kube-proxy (100m).
 * Neither requests memory; each is one pod that counts against max pods.
 */
export const EKS_DEFAULT_DAEMONSETS: readonly SystemShare[] = [
  { name: 'DaemonSet aws-node', cpuMillis: 2 * 25, memoryMiB: 0, slots: 1 },
  { name: 'DaemonSet kube-proxy', cpuMillis: 100, memoryMiB: 0, slots: 1 },
];

/** CoreDNS: 2 replicas, each requesting 100m CPU and 70 MiB (the EKS add-on default). */
export const COREDNS_REPLICAS = 2;
export const COREDNS_CPU_MILLIS = 100;
export const COREDNS_MEMORY_MIB = 70;

/** Kubelet evictionHard memory.available on the EKS AL2023 AMI (nodeadm). */
export const EKS_EVICTION_MIB = 100;

/** kube-reserved memory (nodeadm): 11 MiB per ENI-limited max pod + 255 MiB. */
export const EKS_KUBE_RESERVED_MIB_PER_POD = 11;
export const EKS_KUBE_RESERVED_BASE_MIB = 255;

/** nodeadm's max pods when it cannot look the type up. */
export const NODEADM_FALLBACK_MAX_PODS = 110;

/** Managed node groups cap max pods at 110, or 250 above this many vCPUs (EKS User Guide). */
export const EKS_MNG_MAX_PODS = { upTo30Vcpu: 110, above30Vcpu: 250, vcpuThreshold: 30 } as const;

/** kube-reserved CPU bands (nodeadm): 6% of the first core, 1% of the second, 0.5% of cores 3-4, 0.25% above. */
export const EKS_KUBE_RESERVED_CPU_BANDS: readonly (readonly [cores: number, share: number])[] = [
  [1, 0.06],
  [1, 0.01],
  [2, 0.005],
  [Infinity, 0.0025],
];

export function eksKubeReservedCpuMillis(vcpu: number): number {
  let remaining = vcpu;
  let millis = 0;
  for (const [cores, share] of EKS_KUBE_RESERVED_CPU_BANDS) {
    const inBand = Math.min(remaining, cores);
    if (inBand <= 0) break;
    millis += inBand * 1000 * share;
    remaining -= inBand;
  }
  return millis;
}

export function eksKubeReservedMemoryMiB(eniMaxPods: number): number {
  return EKS_KUBE_RESERVED_MIB_PER_POD * eniMaxPods + EKS_KUBE_RESERVED_BASE_MIB;
}

/**
 * The ENI-limited max pods of the default network card, uncapped and without prefix delegation:
 * what nodeadm computes and sizes kube-reserved memory by, even when max pods is set explicitly.
 */
export function eksEniMaxPods(offer: InstanceOffer): number {
  if (offer.maxPods !== null) return offer.maxPods;
  if (offer.enis !== null && offer.ipv4PerEni !== null) return offer.enis * (offer.ipv4PerEni - 1) + 2;
  return NODEADM_FALLBACK_MAX_PODS;
}

export function eksMaxPodsCap(vcpu: number): number {
  return vcpu > EKS_MNG_MAX_PODS.vcpuThreshold ? EKS_MNG_MAX_PODS.above30Vcpu : EKS_MNG_MAX_PODS.upTo30Vcpu;
}

/**
 * Max pods as managed node groups set them: the ENI limit, or with prefix delegation
 * ENIs x ((IPv4 per ENI - 1) x 16) + 2, capped at 110 (250 above 30 vCPUs). null when unknown.
 */
export function eksMaxPods(offer: InstanceOffer, prefixDelegation: boolean): number | null {
  return eksMaxPodsDecision(offer, prefixDelegation)?.maxPods ?? null;
}

/** Max pods and, when the managed node group cap lowered it, the cap: decided here, never inferred from results. */
export function eksMaxPodsDecision(
  offer: InstanceOffer,
  prefixDelegation: boolean,
): { maxPods: number; cappedAt?: number } | null {
  const cap = eksMaxPodsCap(offer.vcpu);
  let uncapped: number;
  if (prefixDelegation) {
    if (offer.enis === null || offer.ipv4PerEni === null) return null;
    uncapped = offer.enis * ((offer.ipv4PerEni - 1) * 16) + 2;
  } else {
    if (offer.maxPods === null && (offer.enis === null || offer.ipv4PerEni === null)) return null;
    uncapped = eksEniMaxPods(offer);
  }
  return uncapped > cap ? { maxPods: cap, cappedAt: cap } : { maxPods: uncapped };
}

export interface EksNodeSettings {
  prefixDelegation: boolean;
  daemons: readonly NodeDaemon[];
  /** True when the export runs the Fluent Bit DaemonSet on every node (logs are priced): log-router.ts. */
  logRouter?: boolean;
}

/** Allocatable capacity of an EKS node left for workload pods, and how it is reached; null when max pods is unknown. */
export function eksNodeCapacity(offer: InstanceOffer, settings: EksNodeSettings): NodeCapacityModel | null {
  const decision = eksMaxPodsDecision(offer, settings.prefixDelegation);
  if (decision === null) return null;
  const { maxPods, cappedAt } = decision;
  const eniMaxPods = eksEniMaxPods(offer);
  const shares: SystemShare[] = [
    {
      name: `kube-reserved (${EKS_KUBE_RESERVED_MIB_PER_POD} MiB x ${eniMaxPods} ENI-limited pods + ${EKS_KUBE_RESERVED_BASE_MIB} MiB; CPU by bands)`,
      cpuMillis: eksKubeReservedCpuMillis(offer.vcpu),
      memoryMiB: eksKubeReservedMemoryMiB(eniMaxPods),
      slots: 0,
    },
    {
      name: `eviction threshold (memory.available ${EKS_EVICTION_MIB} MiB)`,
      cpuMillis: 0,
      memoryMiB: EKS_EVICTION_MIB,
      slots: 0,
    },
    ...EKS_DEFAULT_DAEMONSETS,
    ...(settings.logRouter ? [LOG_ROUTER_SHARE] : []),
    ...daemonShares(settings.daemons),
  ];
  const cap = eksMaxPodsCap(offer.vcpu);
  const basis = settings.prefixDelegation
    ? `max pods with prefix delegation (capped at ${cap})`
    : `max pods: ENI limit of the default network card${eniMaxPods > cap ? ` (${eniMaxPods}), capped at ${cap}` : ''}`;
  return capacityFrom(
    offer,
    cappedAt === undefined ? { count: maxPods, basis } : { count: maxPods, basis, cappedAt },
    nodeMemTotal(offer),
    shares,
  );
}
