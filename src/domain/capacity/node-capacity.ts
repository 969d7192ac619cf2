/**
 * What one EC2 node really offers to tasks or pods, after the system takes its share, and how
 * that figure is reached (so the node plan can show the arithmetic). Capacities use millicores
 * (1 vCPU = 1000m; ECS's 1024 CPU units per vCPU scale the same way), MiB, task/pod slots and GPUs.
 * The rules and their sources: docs/capacity-rules.md.
 */
import type { InstanceOffer } from '../pricing/price-snapshot.ts';

export interface NodeCapacity {
  cpuMillis: number;
  memoryMiB: number;
  /** Tasks (awsvpc ENIs, bridge host ports) or pods the node can hold. */
  slots: number;
  gpu: number;
}

/** One thing that takes part of every node before the services: a reservation, a DaemonSet, a daemon. */
export interface SystemShare {
  name: string;
  cpuMillis: number;
  memoryMiB: number;
  slots: number;
}

/** How one node's capacity is worked out: allocatable = nominal - every system share. */
export interface NodeBreakdown {
  /** What EC2 sells: vCPU x 1000 millicores and the nominal memory. */
  nominal: { cpuMillis: number; memoryMiB: number };
  /** Memory the kernel reports (MemTotal), which the kubelet or the ECS agent registers. */
  memTotalMiB: number;
  /** Set when MemTotal was not measured for this type: the rule that gave it. */
  memTotalRule?: string;
  /** Task or pod slots before the system's pods or tasks take theirs. */
  slots: number;
  /** What limits the slots, in words (max pods, awsvpc ENIs, ENI trunking, bridge host ports). */
  slotsBasis: string;
  /** Set when the slot count comes from a rule rather than a published figure. */
  slotsRule?: string;
  /** Set when a cap lowered the slots (EKS managed node groups' max pods): the cap applied. */
  slotsCappedAt?: number;
  /** Per node, in order: memory the OS does not see, reservations, DaemonSets, the user's daemons. */
  system: SystemShare[];
}

export interface NodeCapacityModel {
  capacity: NodeCapacity;
  breakdown: NodeBreakdown;
}

/** A per-node daemon the user runs (ec2.daemonsPerNode): an ECS daemon service or a DaemonSet. */
export interface NodeDaemon {
  name: string;
  vcpu: number;
  memoryGiB: number;
}

/**
 * When a type's MemTotal was never measured: nominal minus 256 MiB and 4.5% of nominal, rounded
 * down. Fitted to the 646 types measured on Bottlerocket in 2023 (docs/capacity-rules.md 2.2), it stays
 * at or below the measured MemTotal of every one of them except MEMTOTAL_RULE_EXCEPTIONS.
 */
export const MEMTOTAL_RULE = { baseMiB: 256, nominalShare: 0.045 } as const;

/** The measured types whose MemTotal is below the rule (checked by a test against the snapshot). */
export const MEMTOTAL_RULE_EXCEPTIONS = ['a1.4xlarge', 'vt1.3xlarge', 'vt1.6xlarge', 'vt1.24xlarge'] as const;

export const MEMTOTAL_RULE_TEXT = `MemTotal not measured for this type: nominal memory - ${MEMTOTAL_RULE.baseMiB} MiB - ${MEMTOTAL_RULE.nominalShare * 100}% of nominal (a rule fitted to 646 measured types, docs/capacity-rules.md)`;

export function memTotalByRule(nominalMiB: number): number {
  return Math.floor(nominalMiB - MEMTOTAL_RULE.baseMiB - MEMTOTAL_RULE.nominalShare * nominalMiB);
}

/** MemTotal of a type: measured where the snapshot has it, else by rule (never the nominal figure). */
export function nodeMemTotal(offer: InstanceOffer): { memTotalMiB: number; rule?: string } {
  if (offer.memTotalMiB !== null && offer.memTotalMiB !== undefined) return { memTotalMiB: offer.memTotalMiB };
  return { memTotalMiB: memTotalByRule(offer.memoryMiB), rule: MEMTOTAL_RULE_TEXT };
}

export function daemonShares(daemons: readonly NodeDaemon[]): SystemShare[] {
  // Each daemon is one task or pod on every node, so it takes a slot as well (a DaemonSet pod
  // counts against max pods; an awsvpc daemon task needs its own ENI).
  return daemons.map((d) => ({
    name: `daemon "${d.name}"`,
    cpuMillis: d.vcpu * 1000,
    memoryMiB: d.memoryGiB * 1024,
    slots: 1,
  }));
}

/** Builds the model from the nominal figures, the MemTotal and the system's shares. */
export function capacityFrom(
  offer: InstanceOffer,
  slots: { count: number; basis: string; rule?: string; cappedAt?: number },
  memTotal: { memTotalMiB: number; rule?: string },
  shares: SystemShare[],
): NodeCapacityModel {
  const hidden = offer.memoryMiB - memTotal.memTotalMiB;
  const system: SystemShare[] = [
    ...(hidden > 0
      ? [{ name: 'memory the kernel does not report (nominal - MemTotal)', cpuMillis: 0, memoryMiB: hidden, slots: 0 }]
      : []),
    ...shares,
  ];
  let cpuMillis = offer.vcpu * 1000;
  let memoryMiB = offer.memoryMiB;
  let free = slots.count;
  for (const share of system) {
    cpuMillis -= share.cpuMillis;
    memoryMiB -= share.memoryMiB;
    free -= share.slots;
  }
  const breakdown: NodeBreakdown = {
    nominal: { cpuMillis: offer.vcpu * 1000, memoryMiB: offer.memoryMiB },
    memTotalMiB: memTotal.memTotalMiB,
    slots: slots.count,
    slotsBasis: slots.basis,
    system,
  };
  if (memTotal.rule) breakdown.memTotalRule = memTotal.rule;
  if (slots.rule) breakdown.slotsRule = slots.rule;
  if (slots.cappedAt !== undefined) breakdown.slotsCappedAt = slots.cappedAt;
  return { capacity: { cpuMillis, memoryMiB, slots: free, gpu: offer.gpu }, breakdown };
}
