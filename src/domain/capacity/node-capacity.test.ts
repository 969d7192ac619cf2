import { describe, expect, it } from 'vitest';
import {
  ecsAwsvpcTaskSlots,
  ecsNodeCapacity,
  eksKubeReservedCpuMillis,
  eksKubeReservedMemoryMiB,
  eksMaxPods,
  eksNodeCapacity,
} from './node-capacity.ts';
import { US_EAST_1, offerOf } from '../testing/load-snapshot.ts';

const offer = (type: string) => offerOf(US_EAST_1, type);

describe('EKS max pods (VPC CNI table, managed node group caps)', () => {
  it.each([
    ['t3.medium', 17],
    ['m5.large', 29],
    ['m5.xlarge', 58],
    ['c5.large', 29],
    ['g5.xlarge', 58],
    // 234 by the VPC CNI formula, capped at 110 for up to 30 vCPUs.
    ['m5.4xlarge', 110],
  ])('%s holds %i pods without prefix delegation', (type, pods) => {
    expect(eksMaxPods(offer(type), false)).toBe(pods);
  });

  it('caps prefix delegation at 110 up to 30 vCPUs and 250 above', () => {
    expect(eksMaxPods(offer('m5.large'), true)).toBe(110);
    expect(eksMaxPods(offer('t3.medium'), true)).toBe(110);
    expect(eksMaxPods(offer('m5.12xlarge'), true)).toBe(250);
  });
});

describe('kubelet reservations on EKS-optimized AMIs', () => {
  it.each([
    [2, 70],
    [4, 80],
    [8, 90],
    [16, 110],
    [1, 60],
    [48, 190],
  ])('%i vCPUs reserve %i millicores', (vcpu, millis) => {
    expect(eksKubeReservedCpuMillis(vcpu)).toBeCloseTo(millis, 9);
  });

  it('reserves 11 MiB per max pod plus 255 MiB', () => {
    expect(eksKubeReservedMemoryMiB(29)).toBe(574);
    expect(eksKubeReservedMemoryMiB(110)).toBe(1465);
  });

  it('leaves m5.large 7518 MiB before DaemonSets, as the reference table derives', () => {
    const capacity = eksNodeCapacity(offer('m5.large'), false)!;
    expect(capacity.memoryMiB).toBe(8192 - 574 - 100);
    expect(capacity.cpuMillis).toBe(2000 - 70 - 125);
    expect(capacity.slots).toBe(27);
  });
});

describe('ECS on EC2 capacity', () => {
  it('allows ENIs - 1 awsvpc tasks, or the branch interfaces with trunking', () => {
    expect(ecsAwsvpcTaskSlots(offer('m5.large'), false)).toBe(2);
    expect(ecsAwsvpcTaskSlots(offer('m5.xlarge'), false)).toBe(3);
    expect(ecsAwsvpcTaskSlots(offer('m5.large'), true)).toBe(offer('m5.large').branchEnis);
  });

  it('registers 97.5% of memory, as the 8 GiB m4.large example registers 7985 MiB', () => {
    expect(ecsNodeCapacity(offer('m4.large'), false)!.memoryMiB).toBe(7985);
  });
});
