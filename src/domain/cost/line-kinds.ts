/**
 * What each bill line is, as data: a stable `kind` per billed thing and the `category` of the bill
 * it belongs to. Reports and charts group by these, never by a line's display wording.
 *
 * Adding a line to the bill is one entry in LINE_KIND_CATEGORIES (kind: category), then the line
 * builders in cost-line.ts take the new kind. The README's JSON contract lists both tables.
 */

/** Parts of the bill, in the order charts and reports show them. */
export const LINE_CATEGORIES = [
  'compute',
  'management',
  'storage',
  'control-plane',
  'network',
  'logs',
  'discount',
  'team',
] as const;
export type LineCategory = (typeof LINE_CATEGORIES)[number];

/** Words for each category where a person reads them (chart legends, table headers). */
export const LINE_CATEGORY_LABELS: Record<LineCategory, string> = {
  compute: 'Compute',
  management: 'Management fee',
  storage: 'Storage',
  'control-plane': 'Control plane',
  network: 'Network',
  logs: 'Logs',
  discount: 'Discounts',
  team: 'Team time',
};

/** Every kind of bill line and its category. A kind names what is billed, not where it is shown. */
export const LINE_KIND_CATEGORIES = {
  /** Fargate On-Demand vCPU-hours of the services' tasks or pods (any OS and architecture). */
  'fargate-vcpu': 'compute',
  /** Fargate On-Demand GB-hours of the services' tasks or pods. */
  'fargate-memory': 'compute',
  'fargate-spot-vcpu': 'compute',
  'fargate-spot-memory': 'compute',
  /** The Windows OS licence Fargate bills per vCPU-hour on top of the vCPU rate. */
  'fargate-windows-license': 'compute',
  /** Ephemeral storage configured above the 20 GB every task includes. */
  'fargate-storage': 'storage',
  /** CoreDNS pods a Fargate-only EKS cluster runs on Fargate. */
  'fargate-coredns-vcpu': 'compute',
  'fargate-coredns-memory': 'compute',
  /** Pods of the add-ons an EKS on Fargate bundle installs (load balancer controller, External Secrets, metrics-server, KEDA). */
  'fargate-add-on-vcpu': 'compute',
  'fargate-add-on-memory': 'compute',
  'ec2-instance': 'compute',
  'ec2-spot-instance': 'compute',
  /**
   * The per-instance-hour fee of ECS Managed Instances and EKS Auto Mode, on On-Demand and Spot
   * instances alike; one line per instance type.
   */
  'management-fee': 'management',
  /** Compute Savings Plan on On-Demand Fargate vCPU and memory. */
  'fargate-savings-plan': 'discount',
  /** Savings Plan on On-Demand EC2 instance-hours. */
  'ec2-savings-plan': 'discount',
  'ecs-control-plane': 'control-plane',
  'eks-control-plane': 'control-plane',
  'alb-hours': 'network',
  'alb-lcu': 'network',
  'nat-hours': 'network',
  'nat-data': 'network',
  'public-ipv4': 'network',
  /** gp3 root volumes of EC2 nodes, GiB-months prorated by the node-hours. */
  'ebs-root-volume': 'storage',
  /** CloudWatch Logs ingestion (Standard class). */
  'log-ingestion': 'logs',
  /** CloudWatch Logs storage for the exported log groups' retention. */
  'log-storage': 'logs',
  /** Data transfer out to the internet, one line per price tier used. */
  'internet-egress': 'network',
  /** Data transfer between availability zones, both sides. */
  'cross-az-transfer': 'network',
  'team-time': 'team',
} as const satisfies Record<string, LineCategory>;

export type LineKind = keyof typeof LINE_KIND_CATEGORIES;
export const LINE_KINDS = Object.keys(LINE_KIND_CATEGORIES) as LineKind[];

export function categoryOfKind(kind: LineKind): LineCategory {
  return LINE_KIND_CATEGORIES[kind];
}
