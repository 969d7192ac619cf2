/**
 * Fargate task and pod sizes, and the round-up rules that decide what is billed.
 *
 * Valid CPU/memory pairs: ECS Developer Guide "Task CPU and memory" and the botocore ECS model
 * (RegisterTaskDefinition.memory, 2026-08-07): 0.25 vCPU: 0.5, 1, 2 GB; 0.5 vCPU: 1-4 GB;
 * 1 vCPU: 2-8 GB; 2 vCPU: 4-16 GB; 4 vCPU: 8-30 GB (1 GB steps); 8 vCPU: 16-60 GB (4 GB steps);
 * 16 vCPU: 32-120 GB (8 GB steps). The EKS User Guide (Fargate pod configuration) lists the same table.
 * Windows tasks take only the 1, 2 and 4 vCPU rows (ECS Developer Guide, "Task CPU and memory":
 * the 0.25, 0.5, 8 and 16 vCPU rows are Linux only). 1 GB here is 1024 MiB, as Fargate bills.
 */
import { FLOAT_TOLERANCE } from '../numeric/float-tolerance.ts';

export interface FargateSize {
  vcpu: number;
  memoryGiB: number;
}

function steps(vcpu: number, fromGiB: number, toGiB: number, stepGiB: number): FargateSize[] {
  const sizes: FargateSize[] = [];
  for (let gib = fromGiB; gib <= toGiB; gib += stepGiB) sizes.push({ vcpu, memoryGiB: gib });
  return sizes;
}

/** Every valid pair, ordered by vCPU then memory: the first pair covering a request is the cheapest. */
export const FARGATE_SIZES: readonly FargateSize[] = [
  { vcpu: 0.25, memoryGiB: 0.5 },
  { vcpu: 0.25, memoryGiB: 1 },
  { vcpu: 0.25, memoryGiB: 2 },
  ...steps(0.5, 1, 4, 1),
  ...steps(1, 2, 8, 1),
  ...steps(2, 4, 16, 1),
  ...steps(4, 8, 30, 1),
  ...steps(8, 16, 60, 4),
  ...steps(16, 32, 120, 8),
];

/** Memory Fargate adds to every EKS pod for kubelet, kube-proxy and containerd (EKS User Guide). */
export const EKS_FARGATE_POD_OVERHEAD_GIB = 256 / 1024;
/** Largest ephemeral storage: ECS tasks 200 GiB (ECS Developer Guide), EKS pods 175 GiB (EKS User Guide). */
export const ECS_FARGATE_MAX_STORAGE_GIB = 200;
export const EKS_FARGATE_MAX_STORAGE_GIB = 175;
/** Ephemeral storage included with every Fargate task or pod; only storage above it is billed. */
export const FARGATE_INCLUDED_STORAGE_GIB = 20;

// Requests are compared with a tolerance so that 0.1 + 0.2 style float noise never bumps a size.

/**
 * The smallest valid pair that covers the request, or null when none does.
 * Smallest = fewest vCPU, then least memory; vCPU costs about 9 times a GB, so this is also the cheapest.
 */
export function roundUpToFargateSize(vcpu: number, memoryGiB: number, minVcpu = 0, maxVcpu = 16): FargateSize | null {
  for (const size of FARGATE_SIZES) {
    if (size.vcpu > maxVcpu) break;
    if (size.vcpu + FLOAT_TOLERANCE >= Math.max(vcpu, minVcpu) && size.memoryGiB + FLOAT_TOLERANCE >= memoryGiB)
      return size;
  }
  return null;
}

/** Windows Fargate tasks: 1 to 4 vCPU, so at most 4 vCPU / 30 GiB. */
export const WINDOWS_FARGATE_MIN_VCPU = 1;
export const WINDOWS_FARGATE_MAX_VCPU = 4;

/**
 * A task or pod size in words: "0.5 vCPU / 2 GiB". Memory in GiB, as Fargate gives it (the unit
 * rule in docs/pricing-rules.md); the page, the CLI and the bundle README all write sizes this way.
 */
export function fargateSizeText(size: FargateSize): string {
  return `${size.vcpu} vCPU / ${size.memoryGiB} GiB`;
}

/** The largest size of a kind, in words for messages: "16 vCPU / 120 GiB". */
export function largestFargateSizeText(os: 'linux' | 'windows'): string {
  const sizes = os === 'windows' ? FARGATE_SIZES.filter((s) => s.vcpu <= WINDOWS_FARGATE_MAX_VCPU) : FARGATE_SIZES;
  return fargateSizeText(sizes[sizes.length - 1]!);
}

/** The EKS pod overhead in MiB, for messages. */
export const EKS_FARGATE_POD_OVERHEAD_MIB = EKS_FARGATE_POD_OVERHEAD_GIB * 1024;

/** ECS on Fargate: the task size billed for a request; Windows takes 1-4 vCPU sizes only. */
export function sizeEcsFargateTask(vcpu: number, memoryGiB: number, os: 'linux' | 'windows'): FargateSize | null {
  return os === 'windows'
    ? roundUpToFargateSize(vcpu, memoryGiB, WINDOWS_FARGATE_MIN_VCPU, WINDOWS_FARGATE_MAX_VCPU)
    : roundUpToFargateSize(vcpu, memoryGiB);
}

/** EKS on Fargate: add 256 MiB to the pod's memory, then round up (1 vCPU / 8 GiB is billed as 2 vCPU / 9 GiB). */
export function sizeEksFargatePod(vcpu: number, memoryGiB: number): FargateSize | null {
  return roundUpToFargateSize(vcpu, memoryGiB + EKS_FARGATE_POD_OVERHEAD_GIB);
}

/** CPU units and MiB as ECS task definitions write them ("512", "1024"). */
export function toTaskDefinitionUnits(size: FargateSize): { cpu: string; memory: string } {
  return { cpu: String(Math.round(size.vcpu * 1024)), memory: String(Math.round(size.memoryGiB * 1024)) };
}
