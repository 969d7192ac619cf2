import type { CostLine } from './cost-line.ts';
import type { CpuArch } from '../pricing/price-snapshot.ts';
import type { FargateSize } from '../sizing/fargate-sizes.ts';
import type { NodeBreakdown } from '../capacity/node-capacity.ts';

/**
 * The six ways to run the workload. The two AWS-managed node options come last so that the first
 * four keep their places in lists, links and reports made before they existed.
 */
export const OPTION_IDS = [
  'ecs-fargate',
  'ecs-ec2',
  'eks-fargate',
  'eks-ec2',
  'ecs-managed-instances',
  'eks-auto-mode',
] as const;
export type OptionId = (typeof OPTION_IDS)[number];

export const OPTION_LABELS: Record<OptionId, string> = {
  'ecs-fargate': 'ECS on Fargate',
  'ecs-ec2': 'ECS on EC2',
  'eks-fargate': 'EKS on Fargate',
  'eks-ec2': 'EKS on EC2',
  'ecs-managed-instances': 'ECS Managed Instances',
  'eks-auto-mode': 'EKS Auto Mode',
};

/** The options that run on EC2 nodes the estimate plans (node plans in `nodes`). */
export const EC2_OPTION_IDS = ['ecs-ec2', 'eks-ec2', 'ecs-managed-instances', 'eks-auto-mode'] as const;
export type Ec2OptionId = (typeof EC2_OPTION_IDS)[number];

/** Which orchestrator each option runs: the control-plane line, team time and the export follow it. */
export const OPTION_PLATFORM: Record<OptionId, 'ecs' | 'eks'> = {
  'ecs-fargate': 'ecs',
  'ecs-ec2': 'ecs',
  'eks-fargate': 'eks',
  'eks-ec2': 'eks',
  'ecs-managed-instances': 'ecs',
  'eks-auto-mode': 'eks',
};

/** EC2 options whose instances AWS runs for a per-instance management fee. */
export const MANAGED_NODE_OPTION_IDS = ['ecs-managed-instances', 'eks-auto-mode'] as const;
export type ManagedNodeOptionId = (typeof MANAGED_NODE_OPTION_IDS)[number];

export const isEc2OptionId = (id: OptionId): id is Ec2OptionId => (EC2_OPTION_IDS as readonly string[]).includes(id);
export const isManagedNodeOptionId = (id: OptionId): id is ManagedNodeOptionId =>
  (MANAGED_NODE_OPTION_IDS as readonly string[]).includes(id);

/** One node group of an EC2 option: which instance type, how many, and how full. */
export interface NodePlan {
  instanceType: string;
  count: number;
  arch: CpuArch;
  /** True when the group serves GPU services. */
  gpu: boolean;
  vcpu: number;
  memoryMiB: number;
  usdHour: number;
  /** Source id (a key of the snapshot's sources) and date of usdHour. */
  priceSource: string;
  priceAsOf: string;
  /** Services placed on this group. */
  services: string[];
  /** "automatic": cheapest fitting type; "listed": cheapest of ec2.instanceTypes. */
  choice: 'automatic' | 'listed';
  /** Per node, what tasks or pods can use after reservations: millicores, MiB, slots. */
  allocatablePerNode: { cpuMillis: number; memoryMiB: number; slots: number; gpu: number };
  /** How one node's allocatable capacity is reached: nominal, MemTotal, and what the system takes. */
  breakdown: NodeBreakdown;
  /** Nodes with the same contents, as packed (nodes added for ec2.minNodes are empty and not listed). */
  layout: {
    nodes: number;
    /** Replicas per node, by service name (or "coredns"). */
    replicas: Record<string, number>;
    /** What those replicas request per node: millicores, MiB, slots, GPUs. */
    used: { cpuMillis: number; memoryMiB: number; slots: number; gpu: number };
  }[];
  /** gp3 root volume per node, GiB: ec2.rootVolumeGiB or the platform default, grown for the tasks' or pods' extra storage. */
  rootVolumeGiB: number;
  /** Spot Instance Advisor savings over On-Demand for this type in the region, percent; null without a figure. */
  spotSavingsPercent: number | null;
  /** Spot Instance Advisor interruption band ("<5%" ... ">20%"); null without a figure. */
  spotInterruption: string | null;
  /** Requested share of the group's allocatable capacity, 0-100. */
  utilization: { cpuPercent: number; memoryPercent: number; slotsPercent: number };
  /** Nodes added only to reach ec2.minNodes (at the peak). */
  minNodesPadding: number;
  /** Hours a month the group's services run: the month, or their shorter hours. */
  hoursPerMonth: number;
  /**
   * Hours a month each node runs after its services stop, before the node autoscaler removes it
   * (EKS: Cluster Autoscaler's scale-down delay after each run or window); 0 for all-month groups.
   */
  scaleDownDelayHours: number;
  /** True when the group runs all month (and keeps at least ec2.minNodes nodes). */
  fullMonth: boolean;
  /** Instance-hours in the month: count x (hoursPerMonth + scaleDownDelayHours). */
  nodeHours: number;
  /** Nodes needed with every autoscaled service at its autoscaling maximum, same type and packing (>= count). */
  maxCount: number;
}

export interface FargatePlacement {
  service: string;
  requested: { vcpu: number; memoryGiB: number };
  billed: FargateSize;
}

export interface OptionEstimate {
  id: OptionId;
  label: string;
  available: boolean;
  /** Sum of the rounded lines; null when unavailable. */
  monthlyUSD: number | null;
  reason?: string;
  lines: CostLine[];
  /** EC2 node options only (ECS and EKS on EC2, ECS Managed Instances, EKS Auto Mode). */
  nodes?: NodePlan[];
  /**
   * Monthly USD with every autoscaled service at its autoscaling maximum for all its hours, beside
   * the average (monthlyUSD); absent when no service can scale above its replicas.
   */
  atAutoscalingMaxUSD?: number | null;
  /** Fargate options only: the billed size of each service's task or pod. */
  fargateSizes?: FargatePlacement[];
}

/** A service whose hours a month come from its schedule (derived, not typed in). */
export interface ScheduledServiceHours {
  service: string;
  /** "cron" or "weekly". */
  kind: 'cron' | 'weekly';
  hoursPerMonth: number;
  /** The derivation in words: "weekly mon, tue 08:00-18:00 UTC: 2 days x 10 h x 730/168 = 86.9 h". */
  derived: string;
}

export interface Estimate {
  region: string;
  regionName: string;
  pricing: {
    source: 'snapshot' | 'live';
    /** The snapshot's compile date (bundled) or the price list's publication date (live). */
    asOf: string;
    /** The earliest and latest `asOf` among the lines the estimate used; null when no line has a date. */
    oldestAsOf: string | null;
    newestAsOf: string | null;
    reason?: string;
    /** Live prices only: components of lines priced from the bundled snapshot, which the proxy does not fetch. */
    fromSnapshot?: string[];
  };
  hoursPerMonth: number;
  options: OptionEstimate[];
  /** Cheapest available option, or null when none is available. */
  cheapest: OptionId | null;
  /** Things the user should know about this estimate: derived prices, capped or ignored settings. */
  warnings: string[];
  /** The modelling rules behind the numbers, always the same for a given scenario shape. */
  assumptions: string[];
  /** Services with a schedule, and the hours derived from it; absent when no service has one. */
  schedules?: ScheduledServiceHours[];
}
