/**
 * First-fit decreasing bin packing of task/pod replicas onto identical nodes.
 *
 * Replicas of one service are identical, so nodes that hold the same contents are kept as one
 * group with a count. A group splits only when a service fills part of it. That keeps packing
 * 10,000 replicas as cheap as packing 10, while placing every replica exactly where plain
 * first-fit decreasing would.
 */
import type { NodeCapacity } from '../capacity/node-capacity.ts';
import { FLOAT_TOLERANCE } from '../numeric/float-tolerance.ts';

export interface ReplicaGroup {
  /** Service name (or a system component such as "coredns"). */
  key: string;
  cpuMillis: number;
  memoryMiB: number;
  gpu: number;
  /** Whole replicas to place. */
  count: number;
}

export interface NodeGroupPlacement {
  /** Number of identical nodes. */
  nodes: number;
  /** Replicas per node, by key. */
  perNode: Record<string, number>;
  usedPerNode: { cpuMillis: number; memoryMiB: number; slots: number; gpu: number };
}

export type PackResult =
  | { ok: true; nodes: number; groups: NodeGroupPlacement[] }
  | { ok: false; unplaceable: string }
  | { ok: false; overLimit: true };

/** Contents of a node as a chain of placements, so splitting a group copies nothing. */
interface Placement {
  key: string;
  count: number;
  previous: Placement | null;
}

interface OpenGroup {
  nodes: number;
  perNode: Placement | null;
  cpuMillis: number;
  memoryMiB: number;
  slots: number;
  gpu: number;
}

// Requests such as 0.1 + 0.2 vCPU must not be refused by rounding noise (numeric/float-tolerance.ts).
const EPSILON = FLOAT_TOLERANCE;

/** How many more replicas of `item` fit in the free room of one node. */
function fitCount(
  free: { cpuMillis: number; memoryMiB: number; slots: number; gpu: number },
  item: ReplicaGroup,
): number {
  let fit = Math.floor(free.slots + EPSILON);
  if (item.cpuMillis > 0) fit = Math.min(fit, Math.floor(free.cpuMillis / item.cpuMillis + EPSILON));
  if (item.memoryMiB > 0) fit = Math.min(fit, Math.floor(free.memoryMiB / item.memoryMiB + EPSILON));
  if (item.gpu > 0) fit = Math.min(fit, Math.floor(free.gpu / item.gpu + EPSILON));
  return Math.max(fit, 0);
}

function take(group: OpenGroup, item: ReplicaGroup, perNode: number, nodes: number): OpenGroup {
  return {
    nodes,
    perNode: { key: item.key, count: perNode, previous: group.perNode },
    cpuMillis: group.cpuMillis - perNode * item.cpuMillis,
    memoryMiB: group.memoryMiB - perNode * item.memoryMiB,
    slots: group.slots - perNode,
    gpu: group.gpu - perNode * item.gpu,
  };
}

/** Largest share of any one resource of an empty node: the "size" that orders the decreasing pass. */
function dominantShare(item: ReplicaGroup, capacity: NodeCapacity): number {
  return Math.max(
    item.cpuMillis / Math.max(capacity.cpuMillis, EPSILON),
    item.memoryMiB / Math.max(capacity.memoryMiB, EPSILON),
    1 / Math.max(capacity.slots, EPSILON),
    capacity.gpu > 0 ? item.gpu / capacity.gpu : item.gpu > 0 ? Infinity : 0,
  );
}

function contentsOf(chain: Placement | null): Record<string, number> {
  const out: Record<string, number> = {};
  for (let p = chain; p; p = p.previous) out[p.key] = (out[p.key] ?? 0) + p.count;
  return out;
}

/**
 * Packs the replicas; with `maxNodes`, gives up as soon as more nodes would be needed (the caller
 * already has a cheaper answer), which keeps the instance-type search fast.
 */
export function packReplicas(items: readonly ReplicaGroup[], capacity: NodeCapacity, maxNodes = Infinity): PackResult {
  const ordered = items
    .filter((item) => item.count > 0)
    .map((item) => ({ item, share: dominantShare(item, capacity) }))
    .sort((a, b) => b.share - a.share || (a.item.key < b.item.key ? -1 : a.item.key > b.item.key ? 1 : 0))
    .map(({ item }) => item);

  let groups: OpenGroup[] = [];
  const empty: OpenGroup = { nodes: 0, perNode: null, ...capacity };
  let openNodes = 0;
  for (const item of ordered) {
    let remaining = item.count;
    const next: OpenGroup[] = [];
    for (const group of groups) {
      const fit = remaining > 0 ? fitCount(group, item) : 0;
      if (fit === 0) {
        next.push(group);
        continue;
      }
      const fullNodes = Math.min(group.nodes, Math.floor(remaining / fit));
      if (fullNodes > 0) {
        next.push(take(group, item, fit, fullNodes));
        remaining -= fullNodes * fit;
      }
      let untouched = group.nodes - fullNodes;
      if (untouched > 0 && remaining > 0) {
        // remaining < fit here: one node takes the rest.
        next.push(take(group, item, remaining, 1));
        remaining = 0;
        untouched -= 1;
      }
      if (untouched > 0) next.push({ ...group, nodes: untouched });
    }
    if (remaining > 0) {
      const perEmptyNode = fitCount(capacity, item);
      if (perEmptyNode === 0) return { ok: false, unplaceable: item.key };
      const fullNodes = Math.floor(remaining / perEmptyNode);
      if (fullNodes > 0) next.push(take(empty, item, perEmptyNode, fullNodes));
      const rest = remaining - fullNodes * perEmptyNode;
      if (rest > 0) next.push(take(empty, item, rest, 1));
      openNodes += fullNodes + (rest > 0 ? 1 : 0);
      if (openNodes > maxNodes) return { ok: false, overLimit: true };
    }
    groups = next;
  }

  return {
    ok: true,
    nodes: openNodes,
    groups: groups.map((g) => ({
      nodes: g.nodes,
      perNode: contentsOf(g.perNode),
      usedPerNode: {
        cpuMillis: capacity.cpuMillis - g.cpuMillis,
        memoryMiB: capacity.memoryMiB - g.memoryMiB,
        slots: capacity.slots - g.slots,
        gpu: capacity.gpu - g.gpu,
      },
    })),
  };
}

/** What a set of replicas asks for in total, and its largest single replica. */
export interface Demand {
  cpuMillis: number;
  memoryMiB: number;
  slots: number;
  gpu: number;
  largest: { cpuMillis: number; memoryMiB: number; gpu: number };
}

export function demandOf(items: readonly ReplicaGroup[]): Demand {
  const demand: Demand = {
    cpuMillis: 0,
    memoryMiB: 0,
    slots: 0,
    gpu: 0,
    largest: { cpuMillis: 0, memoryMiB: 0, gpu: 0 },
  };
  for (const item of items) {
    if (item.count <= 0) continue;
    demand.cpuMillis += item.cpuMillis * item.count;
    demand.memoryMiB += item.memoryMiB * item.count;
    demand.slots += item.count;
    demand.gpu += item.gpu * item.count;
    demand.largest.cpuMillis = Math.max(demand.largest.cpuMillis, item.cpuMillis);
    demand.largest.memoryMiB = Math.max(demand.largest.memoryMiB, item.memoryMiB);
    demand.largest.gpu = Math.max(demand.largest.gpu, item.gpu);
  }
  return demand;
}

/** Whether an empty node can hold the largest replica; a node that cannot will never place it. */
export function fitsLargest(demand: Demand, capacity: NodeCapacity): boolean {
  const { largest } = demand;
  return (
    capacity.slots >= 1 &&
    capacity.cpuMillis >= largest.cpuMillis &&
    capacity.memoryMiB >= largest.memoryMiB &&
    capacity.gpu >= largest.gpu
  );
}

/** Fewest nodes any packing could use: total demand over one node's capacity, per resource. */
export function lowerBoundNodes(demand: Demand, capacity: NodeCapacity): number {
  return Math.max(
    nodesFor(demand.cpuMillis, capacity.cpuMillis),
    nodesFor(demand.memoryMiB, capacity.memoryMiB),
    nodesFor(demand.slots, capacity.slots),
    nodesFor(demand.gpu, capacity.gpu),
  );
}

function nodesFor(asked: number, perNode: number): number {
  if (asked <= 0) return 0;
  return perNode <= 0 ? Infinity : Math.ceil(asked / perNode - EPSILON);
}
