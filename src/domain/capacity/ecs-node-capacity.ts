/**
 * ECS container instances on the ECS-optimized AMI. Rules and sources: docs/capacity-rules.md (ECS).
 */
import type { InstanceOffer } from '../pricing/price-snapshot.ts';
import { capacityFrom, daemonShares, nodeMemTotal, type NodeCapacityModel, type NodeDaemon } from './node-capacity.ts';

/** The agent registers vCPU x 1024 CPU units, all of them for tasks. */
export const ECS_CPU_UNITS_PER_VCPU = 1024;

/**
 * ECS_RESERVED_MEMORY (MiB) the export writes into the instances' /etc/ecs/ecs.config, and the
 * estimate subtracts: the agent registers MemTotal minus this (the ECS guide suggests 256).
 */
export const ECS_RESERVED_MEMORY_MIB = 256;

/** Task networking on ECS on EC2: one ENI per task (awsvpc, the default) or the instance's ENI (bridge). */
export const ECS_NETWORK_MODES = ['awsvpc', 'bridge'] as const;
export type EcsNetworkMode = (typeof ECS_NETWORK_MODES)[number];
export const DEFAULT_ECS_NETWORK_MODE: EcsNetworkMode = 'awsvpc';

/**
 * Bridge tasks get dynamic host ports. The agent's fallback range is 49153-65535; the ECS-optimized
 * AMI's ip_local_port_range is 32768-60999. The engine counts the smaller, 16,383 ports, as the most
 * bridge tasks with a port mapping one instance can hold; the export opens 32768-65535 to the load
 * balancer, which covers both.
 */
export const ECS_BRIDGE_HOST_PORTS = { from: 49153, to: 65535 } as const;
export const ECS_EPHEMERAL_PORT_RANGE = { from: 32768, to: 65535 } as const;

export interface EcsNodeSettings {
  networkMode: EcsNetworkMode;
  eniTrunking: boolean;
  daemons: readonly NodeDaemon[];
}

/** Task slots and where the figure comes from; null when the type's ENIs are unknown. */
export function ecsTaskSlots(
  offer: InstanceOffer,
  networkMode: EcsNetworkMode,
  eniTrunking: boolean,
): { count: number; basis: string; rule?: string } | null {
  if (networkMode === 'bridge') {
    return {
      count: ECS_BRIDGE_HOST_PORTS.to - ECS_BRIDGE_HOST_PORTS.from + 1,
      basis: `bridge: no ENI limit; one dynamic host port per task (${ECS_BRIDGE_HOST_PORTS.from}-${ECS_BRIDGE_HOST_PORTS.to})`,
    };
  }
  const guide = offer.ecsGuideTasks;
  if (eniTrunking) {
    if (guide?.withTrunking != null)
      return { count: guide.withTrunking, basis: 'awsvpc with ENI trunking (ECS guide table)' };
    if (offer.branchEnis !== null)
      return {
        count: offer.branchEnis,
        basis: 'awsvpc with ENI trunking (VPC branch interfaces)',
        rule: 'the ECS guide does not list this type: its VPC branch-interface count is used, never above the guide figure for any listed type',
      };
  }
  if (guide) return { count: guide.withoutTrunking, basis: 'awsvpc: one ENI per task (ECS guide table)' };
  const enis = offer.enisAllCards ?? offer.enis;
  if (enis === null) return null;
  return {
    count: Math.max(enis - 1, 0),
    basis: 'awsvpc: one ENI per task, ENIs on all network cards - 1 (the primary)',
  };
}

export function ecsNodeCapacity(offer: InstanceOffer, settings: EcsNodeSettings): NodeCapacityModel | null {
  const slots = ecsTaskSlots(offer, settings.networkMode, settings.eniTrunking);
  if (slots === null) return null;
  return capacityFrom(offer, slots, nodeMemTotal(offer), [
    { name: 'ECS_RESERVED_MEMORY', cpuMillis: 0, memoryMiB: ECS_RESERVED_MEMORY_MIB, slots: 0 },
    ...daemonShares(settings.daemons),
  ]);
}
