import { describe, expect, it } from 'vitest';
import {
  composeCpus,
  composeMemoryGiB,
  ecsCpuVcpu,
  ecsMemoryGiB,
  kubernetesCpu,
  kubernetesMemoryGiB,
} from './quantities.ts';

const value = (result: { ok: boolean; value?: number }) => (result.ok ? result.value : 'refused');

describe('Kubernetes CPU quantities', () => {
  it.each([
    ['500m', 0.5],
    ['250m', 0.25],
    ['1', 1],
    ['1.5', 1.5],
    ['0.1', 0.1],
    ['.5', 0.5],
    ['2.', 2],
    [2, 2],
    [0.25, 0.25],
    ['100000u', 0.1],
    ['1e0', 1],
    ['2E0', 2],
    ['1e-1', 0.1],
    ['+1', 1],
    ['1k', 1000],
  ])('%j is %d cores', (raw, cores) => {
    expect(value(kubernetesCpu(raw))).toBeCloseTo(cores, 12);
  });
  // A quantity has one suffix: an exponent and a unit together ("1e3m") is not one.
  it.each(['', 'abc', '1 cpu', '1e3m', '5e8n', '1m1', '1.5.5', '--1', '1mm', 'm', '-1', null, true, Number.NaN, -2])(
    '%j is refused',
    (raw) => {
      expect(value(kubernetesCpu(raw))).toBe('refused');
    },
  );
});

const GIB = 1024 ** 3;
describe('Kubernetes memory quantities', () => {
  it.each([
    ['1Gi', 1],
    ['512Mi', 0.5],
    ['1024Mi', 1],
    ['1048576Ki', 1],
    ['1Ti', 1024],
    ['1Pi', 1024 ** 2],
    ['1Ei', 1024 ** 3],
    ['1G', 1e9 / GIB],
    ['128M', 128e6 / GIB],
    ['1000k', 1e6 / GIB],
    ['1T', 1e12 / GIB],
    ['1P', 1e15 / GIB],
    ['1E', 1e18 / GIB],
    ['129e6', 129e6 / GIB],
    ['1e9', 1e9 / GIB],
    ['1073741824', 1],
    [1073741824, 1],
    ['0.5Gi', 0.5],
    ['1500m', 1.5 / GIB],
  ])('%j is %d GiB', (raw, gib) => {
    expect(value(kubernetesMemoryGiB(raw))).toBeCloseTo(gib, 12);
  });
  it.each(['1GB', '1gi', '1 Gi', 'Gi', '1Gib', '1e', '1e400'])('%j is refused', (raw) => {
    expect(value(kubernetesMemoryGiB(raw))).toBe('refused');
  });
});

describe('Compose byte values and cpus', () => {
  it.each([
    ['512m', 0.5],
    ['512M', 0.5],
    ['1g', 1],
    ['1gb', 1],
    ['2048k', 2 / 1024],
    ['1073741824b', 1],
    ['1.5g', 1.5],
    [1073741824, 1],
    ['1073741824', 1],
  ])('memory %j is %d GiB', (raw, gib) => {
    expect(value(composeMemoryGiB(raw))).toBeCloseTo(gib, 12);
  });
  it.each(['1Gi', 'lots', '-1g', null])('memory %j is refused', (raw) => {
    expect(value(composeMemoryGiB(raw))).toBe('refused');
  });
  it.each([
    ['0.5', 0.5],
    [0.5, 0.5],
    ['2', 2],
  ])('cpus %j is %d', (raw, cpus) => {
    expect(value(composeCpus(raw))).toBe(cpus);
  });
  it.each(['half', '-1', '50%'])('cpus %j is refused', (raw) => {
    expect(value(composeCpus(raw))).toBe('refused');
  });
});

describe('ECS cpu units and MiB', () => {
  it.each([
    ['512', 0.5],
    [256, 0.25],
    ['1 vCPU', 1],
    ['0.25 vcpu', 0.25],
  ])('cpu %j is %d vCPU', (raw, vcpu) => {
    expect(value(ecsCpuVcpu(raw))).toBe(vcpu);
  });
  it.each([
    ['1024', 1],
    [512, 0.5],
    ['2 GB', 2],
    ['0.5GB', 0.5],
  ])('memory %j is %d GiB', (raw, gib) => {
    expect(value(ecsMemoryGiB(raw))).toBe(gib);
  });
  it.each(['half', '1 TB', '-5'])('%j is refused', (raw) => {
    expect(value(ecsCpuVcpu(raw))).toBe('refused');
    expect(value(ecsMemoryGiB(raw))).toBe('refused');
  });
});
