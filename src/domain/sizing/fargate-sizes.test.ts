import { describe, expect, it } from 'vitest';
import {
  FARGATE_SIZES,
  fargateSizeText,
  largestFargateSizeText,
  roundUpToFargateSize,
  sizeEcsFargateTask,
  sizeEksFargatePod,
  toTaskDefinitionUnits,
} from './fargate-sizes.ts';

describe('Fargate size table', () => {
  it('holds the 74 CPU/memory pairs of the ECS guide and the botocore model', () => {
    // 3 + 4 + 7 + 13 + 23 + 12 + 12
    expect(FARGATE_SIZES).toHaveLength(74);
    expect(FARGATE_SIZES.filter((s) => s.vcpu === 4).map((s) => s.memoryGiB)).toEqual(
      Array.from({ length: 23 }, (_, i) => 8 + i),
    );
    expect(FARGATE_SIZES.filter((s) => s.vcpu === 8).map((s) => s.memoryGiB)).toEqual([
      16, 20, 24, 28, 32, 36, 40, 44, 48, 52, 56, 60,
    ]);
    expect(FARGATE_SIZES.filter((s) => s.vcpu === 16).map((s) => s.memoryGiB)).toEqual([
      32, 40, 48, 56, 64, 72, 80, 88, 96, 104, 112, 120,
    ]);
  });
});

describe('ECS on Fargate rounds a task up to the smallest valid size', () => {
  it.each([
    [0.25, 0.5, 0.25, 0.5],
    [0.1, 0.1, 0.25, 0.5],
    [0.25, 0.75, 0.25, 1],
    [0.25, 3, 0.5, 3],
    [0.5, 1, 0.5, 1],
    [0.5, 4.5, 1, 5],
    [0.3, 1, 0.5, 1],
    [1, 1, 1, 2],
    [1, 8.5, 2, 9],
    [2, 17, 4, 17],
    [4, 30.5, 8, 32],
    [3, 8, 4, 8],
    [8, 61, 16, 64],
    [16, 120, 16, 120],
    [0.1 + 0.2, 1, 0.5, 1],
  ])('%s vCPU / %s GiB is billed as %s vCPU / %s GiB', (vcpu, memoryGiB, billedVcpu, billedGiB) => {
    expect(sizeEcsFargateTask(vcpu, memoryGiB, 'linux')).toEqual({ vcpu: billedVcpu, memoryGiB: billedGiB });
  });

  it('gives Windows tasks at least 1 vCPU', () => {
    expect(sizeEcsFargateTask(0.25, 0.5, 'windows')).toEqual({ vcpu: 1, memoryGiB: 2 });
    expect(sizeEcsFargateTask(2, 4, 'windows')).toEqual({ vcpu: 2, memoryGiB: 4 });
  });

  it('stops Windows tasks at 4 vCPU / 30 GiB', () => {
    expect(sizeEcsFargateTask(4, 30, 'windows')).toEqual({ vcpu: 4, memoryGiB: 30 });
    expect(sizeEcsFargateTask(6, 40, 'windows')).toBeNull();
    expect(sizeEcsFargateTask(1, 31, 'windows')).toBeNull();
    expect(sizeEcsFargateTask(6, 40, 'linux')).toEqual({ vcpu: 8, memoryGiB: 40 });
  });

  it('returns null above 16 vCPU / 120 GiB', () => {
    expect(roundUpToFargateSize(16.5, 1)).toBeNull();
    expect(roundUpToFargateSize(1, 121)).toBeNull();
  });
});

describe('EKS on Fargate adds 256 MiB to the pod, then rounds up', () => {
  it.each([
    // EKS User Guide worked example: 1 vCPU / 8 GiB becomes 2 vCPU / 9 GiB (the guide writes GB).
    [1, 8, 2, 9],
    [0.25, 0.25, 0.25, 0.5],
    [0.25, 0.5, 0.25, 1],
    [0.25, 0.75, 0.25, 1],
    [0.25, 1, 0.25, 2],
    [0.5, 1, 0.5, 2],
    [0.5, 4, 1, 5],
    [4, 30, 8, 32],
    [0.1, 70 / 1024, 0.25, 0.5],
  ])('%s vCPU / %s GiB requested is billed as %s vCPU / %s GiB', (vcpu, memoryGiB, billedVcpu, billedGiB) => {
    expect(sizeEksFargatePod(vcpu, memoryGiB)).toEqual({ vcpu: billedVcpu, memoryGiB: billedGiB });
  });

  it('cannot place a 120 GiB pod once the overhead is added', () => {
    expect(sizeEksFargatePod(16, 120)).toBeNull();
  });
});

describe('task definition units', () => {
  it('writes CPU units and MiB as strings', () => {
    expect(toTaskDefinitionUnits({ vcpu: 0.5, memoryGiB: 1 })).toEqual({ cpu: '512', memory: '1024' });
    expect(toTaskDefinitionUnits({ vcpu: 16, memoryGiB: 120 })).toEqual({ cpu: '16384', memory: '122880' });
  });
});

describe('sizes in words', () => {
  it('writes memory in GiB, the unit Fargate gives a task (docs/pricing-rules.md, Units)', () => {
    expect(fargateSizeText({ vcpu: 0.5, memoryGiB: 2 })).toBe('0.5 vCPU / 2 GiB');
    expect(fargateSizeText({ vcpu: 0.25, memoryGiB: 0.5 })).toBe('0.25 vCPU / 0.5 GiB');
    expect(largestFargateSizeText('linux')).toBe('16 vCPU / 120 GiB');
    expect(largestFargateSizeText('windows')).toBe('4 vCPU / 30 GiB');
  });
});
