/**
 * What one EC2 node really offers to tasks or pods, after the orchestrator takes its share.
 * Capacities use millicores (1 vCPU = 1000m), MiB, task/pod slots and GPUs.
 */
import type { InstanceOffer } from '../pricing/price-snapshot.ts';

export interface NodeCapacity {
  cpuMillis: number;
  memoryMiB: number;
  /** Tasks (awsvpc ENIs) or pods the node can hold. */
  slots: number;
  gpu: number;
}

/** Requests that every EKS node runs before any workload pod lands (DaemonSets), per node. */
export interface NodeOverhead {
  cpuMillis: number;
  memoryMiB: number;
  slots: number;
}

/**
 * aws-node (VPC CNI) requests 25m CPU and kube-proxy 100m CPU, neither a memory request
 * (amazon-vpc-cni-k8s config/master/aws-k8s-cni.yaml; the EKS kube-proxy add-on manifest).
 * Both are host-network pods and count against max pods (the "+2" in the VPC CNI formula).
 */
export const EKS_DAEMONSET_OVERHEAD: NodeOverhead = { cpuMillis: 25 + 100, memoryMiB: 0, slots: 2 };

/** CoreDNS: 2 replicas, each requesting 100m CPU and 70 MiB (coredns/deployment manifest, the EKS add-on default). */
export const COREDNS_REPLICAS = 2;
export const COREDNS_CPU_MILLIS = 100;
export const COREDNS_MEMORY_MIB = 70;

/** Kubelet memory eviction threshold on EKS-optimized AMIs: evictionHard memory.available 100Mi (amazon-eks-ami nodeadm). */
export const EKS_EVICTION_MIB = 100;

/**
 * Max pods on an EKS managed node group (amazon-eks-ami max-pods-calculator; EKS User Guide):
 * VPC CNI table value, or with prefix delegation ENIs x ((IPv4 per ENI - 1) x 16) + 2; then capped at
 * 110 for instances with up to 30 vCPUs and 250 above.
 */
export function eksMaxPods(offer: InstanceOffer, prefixDelegation: boolean): number | null {
  const cap = offer.vcpu <= 30 ? 110 : 250;
  if (prefixDelegation) {
    if (offer.enis === null || offer.ipv4PerEni === null) return null;
    return Math.min(offer.enis * ((offer.ipv4PerEni - 1) * 16) + 2, cap);
  }
  return offer.maxPods === null ? null : Math.min(offer.maxPods, cap);
}

/** kube-reserved CPU (amazon-eks-ami nodeadm): 6% of the first core, 1% of the second, 0.5% of cores 3-4, 0.25% above 4. */
export function eksKubeReservedCpuMillis(vcpu: number): number {
  const bands: [cores: number, share: number][] = [
    [1, 0.06],
    [1, 0.01],
    [2, 0.005],
    [Infinity, 0.0025],
  ];
  let remaining = vcpu;
  let millis = 0;
  for (const [cores, share] of bands) {
    const inBand = Math.min(remaining, cores);
    if (inBand <= 0) break;
    millis += inBand * 1000 * share;
    remaining -= inBand;
  }
  return millis;
}

/** kube-reserved memory (amazon-eks-ami nodeadm): 11 MiB per max pod + 255 MiB. */
export function eksKubeReservedMemoryMiB(maxPods: number): number {
  return 11 * maxPods + 255;
}

/** Allocatable capacity of an EKS node left for workload pods, after reservations and DaemonSets. */
export function eksNodeCapacity(offer: InstanceOffer, prefixDelegation: boolean): NodeCapacity | null {
  const maxPods = eksMaxPods(offer, prefixDelegation);
  if (maxPods === null) return null;
  return {
    cpuMillis: offer.vcpu * 1000 - eksKubeReservedCpuMillis(offer.vcpu) - EKS_DAEMONSET_OVERHEAD.cpuMillis,
    memoryMiB:
      offer.memoryMiB - eksKubeReservedMemoryMiB(maxPods) - EKS_EVICTION_MIB - EKS_DAEMONSET_OVERHEAD.memoryMiB,
    slots: maxPods - EKS_DAEMONSET_OVERHEAD.slots,
    gpu: offer.gpu,
  };
}

/**
 * Memory the ECS agent registers: what the OS sees, minus ECS_RESERVED_MEMORY (default 0).
 * The OS-visible share is derived from the ECS Developer Guide's example (an 8 GiB m4.large registers
 * 7985 MiB on Amazon Linux): 7985 / 8192 = 97.5%.
 */
export const ECS_OS_VISIBLE_MEMORY_RATIO = 7985 / 8192;

/**
 * Tasks in awsvpc mode need an ENI each: ENIs - 1 without trunking (the primary ENI is the
 * instance's), or the branch interfaces with ENI trunking (ECS Developer Guide, container-instance-eni).
 */
export function ecsAwsvpcTaskSlots(offer: InstanceOffer, eniTrunking: boolean): number | null {
  if (eniTrunking && offer.branchEnis !== null) return offer.branchEnis;
  return offer.enis === null ? null : Math.max(offer.enis - 1, 0);
}

export function ecsNodeCapacity(offer: InstanceOffer, eniTrunking: boolean): NodeCapacity | null {
  const slots = ecsAwsvpcTaskSlots(offer, eniTrunking);
  if (slots === null) return null;
  return {
    cpuMillis: offer.vcpu * 1000,
    memoryMiB: Math.floor(offer.memoryMiB * ECS_OS_VISIBLE_MEMORY_RATIO),
    slots,
    gpu: offer.gpu,
  };
}
