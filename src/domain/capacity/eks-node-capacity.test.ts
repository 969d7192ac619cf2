import { describe, expect, it } from 'vitest';
import {
  eksKubeReservedCpuMillis,
  eksKubeReservedMemoryMiB,
  eksMaxPods,
  eksNodeCapacity,
} from './eks-node-capacity.ts';
import { US_EAST_1, offerOf } from '../testing/load-snapshot.ts';

const offer = (type: string) => offerOf(US_EAST_1, type);
const plain = { prefixDelegation: false, daemons: [] };

// Expected values worked out by hand from ../shared/reference/capacity-rules.md (sections 1.2,
// 1.5, 2.2, 3 and the worked examples of section 8): allocatable = MemTotal - kube-reserved
// (11 x ENI-limited pods of the default card + 255) - 100 MiB eviction; CPU = vCPU x 1000 -
// kube-reserved bands - 150m (aws-node 50m + kube-proxy 100m); pods = managed-node-group max pods
// - 2 DaemonSet pods.
describe('EKS allocatable per node (hand-worked from docs/capacity-rules.md)', () => {
  it.each([
    // type, prefix delegation, CPU for workload pods, memory for pods, pod slots for workload pods
    // m5.large: 2000 - 70 - 150; MemTotal 7633 - 574 - 100; 29 - 2.
    ['m5.large', false, 1780, 6959, 27],
    // c7a.medium (never measured): MemTotal 2048 - 256 - 92.16 = 1699; 1699 - (11 x 8 + 255 = 343) - 100; 8 - 2.
    ['c7a.medium', false, 790, 1256, 6],
    // With prefix delegation max pods is 2 x (3 x 16) + 2 = 98 (under the 110 cap), but kube-reserved
    // still follows the ENI-limited 8 pods: memory unchanged.
    ['c7a.medium', true, 790, 1256, 96],
    // m7g.4xlarge: 16000 - 110 - 150; 63142 - (11 x 234 + 255 = 2829) - 100; min(234, 110) - 2.
    ['m7g.4xlarge', false, 15740, 60213, 108],
    // c5.18xlarge: 72000 - 250 - 150; 140728 - (11 x 737 + 255 = 8362) - 100; min(737, 250) - 2.
    ['c5.18xlarge', false, 71600, 132266, 248],
  ])('%s (prefix delegation %s): %im CPU, %i MiB, %i pod slots', (type, prefixDelegation, cpu, memory, slots) => {
    const model = eksNodeCapacity(offer(type), { prefixDelegation, daemons: [] })!;
    expect(model.capacity.cpuMillis).toBeCloseTo(cpu, 6);
    expect(model.capacity.memoryMiB).toBe(memory);
    expect(model.capacity.slots).toBe(slots);
  });

  it("kubelet allocatable before DaemonSets matches Karpenter's published AL2023 CPU and pods", () => {
    // docs/capacity-rules.md 1.6: m5.large 1930m / 29 pods, c7a.medium 940m / 8, c5.18xlarge 71750m / 737 (uncapped).
    expect(2000 - eksKubeReservedCpuMillis(2)).toBeCloseTo(1930, 6);
    expect(1000 - eksKubeReservedCpuMillis(1)).toBeCloseTo(940, 6);
    expect(72000 - eksKubeReservedCpuMillis(72)).toBeCloseTo(71750, 6);
    expect(16000 - eksKubeReservedCpuMillis(16)).toBeCloseTo(15890, 6);
  });

  it('sizes kube-reserved memory by the ENI-limited pods, not by prefix delegation', () => {
    const withPd = eksNodeCapacity(offer('m5.large'), { prefixDelegation: true, daemons: [] })!;
    const reserved = withPd.breakdown.system.find((s) => s.name.startsWith('kube-reserved'))!;
    expect(reserved.memoryMiB).toBe(574);
    expect(withPd.breakdown.slots).toBe(110);
    expect(eksKubeReservedMemoryMiB(29)).toBe(574);
  });

  it('caps max pods as managed node groups do: 110 up to 30 vCPUs, 250 above', () => {
    expect(eksMaxPods(offer('m5.large'), false)).toBe(29);
    expect(eksMaxPods(offer('m5.4xlarge'), false)).toBe(110);
    expect(eksMaxPods(offer('m5.large'), true)).toBe(110);
    expect(eksMaxPods(offer('m5.12xlarge'), true)).toBe(250);
  });

  it('subtracts the daemons per node and takes a pod slot for each', () => {
    const model = eksNodeCapacity(offer('m5.large'), {
      prefixDelegation: false,
      daemons: [{ name: 'log-agent', vcpu: 0.5, memoryGiB: 1 }],
    })!;
    expect(model.capacity).toEqual({ cpuMillis: 1780 - 500, memoryMiB: 6959 - 1024, slots: 26, gpu: 0 });
    expect(model.breakdown.system.map((s) => s.name)).toContain('daemon "log-agent"');
  });

  it('shows every share the system takes, adding up to nominal minus allocatable', () => {
    const { capacity, breakdown } = eksNodeCapacity(offer('m5.large'), plain)!;
    const taken = breakdown.system.reduce((sum, s) => sum + s.memoryMiB, 0);
    expect(breakdown.nominal.memoryMiB - taken).toBe(capacity.memoryMiB);
    expect(breakdown.memTotalMiB).toBe(7633);
    expect(breakdown.memTotalRule).toBeUndefined();
    expect(eksNodeCapacity(offer('c7a.medium'), plain)!.breakdown.memTotalRule).toMatch(/not measured/);
  });
});
