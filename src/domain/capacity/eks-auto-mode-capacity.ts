/**
 * EKS Auto Mode nodes: Bottlerocket with prefix delegation, max pods the lower of 110 and the
 * max-pods calculator, and AWS's own components (VPC CNI, kube-proxy, CoreDNS, EBS CSI, Pod
 * Identity) running in the node rather than as DaemonSets or pods the customer schedules. Rules and
 * sources: docs/capacity-rules.md ("EKS Auto Mode"), the reference capacity-rules.md 1.5 and 1.7.
 */
import type { InstanceOffer } from '../pricing/price-snapshot.ts';
import { capacityFrom, daemonShares, nodeMemTotal, type NodeCapacityModel, type NodeDaemon } from './node-capacity.ts';
import {
  EKS_EVICTION_MIB,
  EKS_KUBE_RESERVED_BASE_MIB,
  EKS_KUBE_RESERVED_MIB_PER_POD,
  eksKubeReservedCpuMillis,
} from './eks-node-capacity.ts';
import { LOG_ROUTER_SHARE } from './log-router.ts';

/** Auto Mode's hard cap on max pods, whatever the instance size (EKS User Guide, choosing an instance type). */
export const AUTO_MODE_MAX_PODS = 110;

/** IPv4 addresses per /28 prefix the VPC CNI assigns with prefix delegation. */
const IPS_PER_PREFIX = 16;

/**
 * Max pods on an Auto Mode node: the prefix-delegation calculator, ENIs x ((IPv4 per ENI - 1) x 16)
 * + 2, capped at 110. null when the type's ENIs are unknown.
 */
export function autoModeMaxPods(offer: InstanceOffer): { maxPods: number; cappedAt?: number } | null {
  if (offer.enis === null || offer.ipv4PerEni === null) return null;
  const calculated = offer.enis * ((offer.ipv4PerEni - 1) * IPS_PER_PREFIX) + 2;
  return calculated > AUTO_MODE_MAX_PODS
    ? { maxPods: AUTO_MODE_MAX_PODS, cappedAt: AUTO_MODE_MAX_PODS }
    : { maxPods: calculated };
}

/**
 * Allocatable capacity of an Auto Mode node for workload pods; null when max pods is unknown.
 * Bottlerocket sizes kube-reserved memory by the max pods it is configured with (11 MiB x max pods
 * + 255 MiB), unlike AL2023, which uses the ENI-limited figure; CPU follows the same bands as EKS;
 * eviction is the kubelet's built-in memory.available 100 MiB. No DaemonSet pods and no CoreDNS
 * pods take capacity: Auto Mode runs those components as part of the node.
 */
export function eksAutoModeNodeCapacity(
  offer: InstanceOffer,
  /** logRouter: the exported Fluent Bit DaemonSet runs on every node when logs are priced (DaemonSets run on Auto Mode nodes). */
  settings: { daemons: readonly NodeDaemon[]; logRouter?: boolean },
): NodeCapacityModel | null {
  const decision = autoModeMaxPods(offer);
  if (decision === null) return null;
  const { maxPods, cappedAt } = decision;
  const basis =
    cappedAt === undefined
      ? 'max pods with prefix delegation (Auto Mode)'
      : `max pods with prefix delegation, capped at ${AUTO_MODE_MAX_PODS} (Auto Mode)`;
  return capacityFrom(
    offer,
    cappedAt === undefined ? { count: maxPods, basis } : { count: maxPods, basis, cappedAt },
    nodeMemTotal(offer),
    [
      {
        name: `kube-reserved (Bottlerocket: ${EKS_KUBE_RESERVED_MIB_PER_POD} MiB x ${maxPods} max pods + ${EKS_KUBE_RESERVED_BASE_MIB} MiB; CPU by bands)`,
        cpuMillis: eksKubeReservedCpuMillis(offer.vcpu),
        memoryMiB: EKS_KUBE_RESERVED_MIB_PER_POD * maxPods + EKS_KUBE_RESERVED_BASE_MIB,
        slots: 0,
      },
      {
        name: `eviction threshold (kubelet default memory.available ${EKS_EVICTION_MIB} MiB)`,
        cpuMillis: 0,
        memoryMiB: EKS_EVICTION_MIB,
        slots: 0,
      },
      ...(settings.logRouter ? [LOG_ROUTER_SHARE] : []),
      ...daemonShares(settings.daemons),
    ],
  );
}
