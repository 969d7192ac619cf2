/**
 * A node group in words: which services it runs, and what decided how many nodes it has (the
 * resource the packed replicas fill most: CPU, memory, task or pod slots, GPUs, or the minimum
 * node count). Read from the domain's node plan; nothing here is computed anew but the wording.
 */
import type { NodePlan } from '../../../domain/cost/estimate-types.ts';
import { quantity } from '../../lib/format.ts';
import { CLUSTER_AUTOSCALER_KEY } from '../../../domain/capacity/cluster-autoscaler.ts';

/** Replicas of each service on the group, over all its nodes, in the plan's service order. */
export function replicasByService(plan: NodePlan): { name: string; replicas: number }[] {
  const totals = new Map<string, number>();
  for (const entry of plan.layout)
    for (const [name, count] of Object.entries(entry.replicas))
      totals.set(name, (totals.get(name) ?? 0) + count * entry.nodes);
  const order = [...plan.services, ...[...totals.keys()].filter((n) => !plan.services.includes(n))];
  return order.filter((name) => totals.has(name)).map((name) => ({ name, replicas: totals.get(name)! }));
}

const replicaWord = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'replica' : 'replicas'}`;

/** "api-service (2 replicas), CoreDNS (2 replicas)" */
export function servicesSentence(plan: NodePlan): string {
  const list = replicasByService(plan);
  if (list.length === 0) return plan.services.length > 0 ? plan.services.join(', ') : 'no services';
  return list
    .map(
      (s) =>
        `${s.name === 'coredns' ? 'CoreDNS' : s.name === CLUSTER_AUTOSCALER_KEY ? 'Cluster Autoscaler' : s.name} (${replicaWord(s.replicas)})`,
    )
    .join(', ');
}

type Resource = 'CPU' | 'memory' | 'slots' | 'GPUs';

/** The share (0-100) of each resource the packed replicas use, over the nodes that hold replicas. */
function fill(plan: NodePlan): Record<Resource, number> {
  const nodes = plan.layout.reduce((sum, e) => sum + e.nodes, 0);
  const usedGpu = plan.layout.reduce((sum, e) => sum + e.used.gpu * e.nodes, 0);
  const gpuCapacity = plan.allocatablePerNode.gpu * nodes;
  return {
    CPU: plan.utilization.cpuPercent,
    memory: plan.utilization.memoryPercent,
    slots: plan.utilization.slotsPercent,
    GPUs: gpuCapacity > 0 ? (100 * usedGpu) / gpuCapacity : 0,
  };
}

/** Why the group has as many nodes as it has, in one sentence. */
export function sizeReason(plan: NodePlan, slotWord: 'task' | 'pod'): string {
  const shares = fill(plan);
  const order: Resource[] = ['GPUs', 'memory', 'CPU', 'slots'];
  const top = Math.max(...order.map((r) => shares[r]));
  const binding = order.filter((r) => top > 0 && shares[r] >= top - 0.5);
  const name = (r: Resource) => (r === 'slots' ? `${slotWord} slots` : r);
  const packed = plan.count - plan.minNodesPadding;
  const left = plan.allocatablePerNode;
  const detail = (r: Resource) => {
    switch (r) {
      case 'CPU':
        return `${quantity(left.cpuMillis / 1000, 3)} vCPU per node is left for ${slotWord}s`;
      case 'memory':
        return `${quantity(left.memoryMiB / 1024, 2)} GiB per node is left for ${slotWord}s`;
      case 'slots':
        return `a node takes ${left.slots} ${slotWord}${left.slots === 1 ? '' : 's'} (${plan.breakdown.slotsBasis})`;
      case 'GPUs':
        return `a node has ${left.gpu} GPU${left.gpu === 1 ? '' : 's'}`;
    }
  };
  const sentences: string[] = [];
  if (packed > 0 && binding.length > 0)
    sentences.push(
      `${packed === 1 ? 'One node' : `${packed} nodes`}, set by ${binding.map(name).join(' and ')}: the replicas fill ${binding
        .map((r) => `${quantity(shares[r], 1)}% of ${name(r)}`)
        .join(' and ')} (${binding.map(detail).join('; ')}).`,
    );
  if (plan.minNodesPadding > 0)
    sentences.push(
      `${plan.minNodesPadding} more node${plan.minNodesPadding === 1 ? '' : 's'} to reach the minimum node count.`,
    );
  sentences.push(
    plan.choice === 'listed'
      ? `${plan.instanceType} is the cheapest fit among the listed instance types.`
      : `${plan.instanceType} is the cheapest instance type that fits${plan.gpu ? ' the GPU services' : ''}.`,
  );
  return sentences.join(' ');
}
