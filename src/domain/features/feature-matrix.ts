/**
 * What each of the four options can and cannot do, as data: every row of the article's comparison
 * table, then the rows users ask for most (Windows, ARM, sizes, deployments, mesh, density).
 *
 * Each cell is a short value, an optional note that qualifies it, and the id of the source that
 * backs it (feature-sources.ts). The UI renders this table as is; nothing here is computed.
 */
/** The options the matrix has columns for. */
export const FEATURE_MATRIX_OPTION_IDS = ['ecs-fargate', 'ecs-ec2', 'eks-fargate', 'eks-ec2'] as const;
export type FeatureMatrixOptionId = (typeof FEATURE_MATRIX_OPTION_IDS)[number];
import type { FeatureSourceId } from './feature-sources.ts';

/** How well the option does on the row: shown as words and a symbol, never colour alone. */
export type SupportLevel = 'yes' | 'partial' | 'no' | 'neutral';

export interface FeatureCell {
  value: string;
  level: SupportLevel;
  note?: string;
  source: FeatureSourceId;
}

export interface FeatureRow {
  id: string;
  label: string;
  /** "article": a row of the article's table; "asked": a row users of existing tools ask for. */
  origin: 'article' | 'asked';
  cells: Record<FeatureMatrixOptionId, FeatureCell>;
}

const both = (cell: FeatureCell): [FeatureCell, FeatureCell] => [cell, cell];
const row = (
  id: string,
  label: string,
  origin: FeatureRow['origin'],
  cells: [FeatureCell, FeatureCell, FeatureCell, FeatureCell],
): FeatureRow => ({
  id,
  label,
  origin,
  cells: { 'ecs-fargate': cells[0], 'ecs-ec2': cells[1], 'eks-fargate': cells[2], 'eks-ec2': cells[3] },
});

export const FEATURE_ROWS: readonly FeatureRow[] = [
  row('setup', 'Setup complexity', 'article', [
    { value: 'Low', level: 'yes', note: 'Task definition and service; no servers.', source: 'article' },
    {
      value: 'Low to medium',
      level: 'partial',
      note: 'Adds an Auto Scaling group and capacity provider.',
      source: 'article',
    },
    {
      value: 'Medium to high',
      level: 'partial',
      note: 'Cluster, Fargate profiles, Load Balancer Controller.',
      source: 'article',
    },
    { value: 'High', level: 'no', note: 'Cluster, node groups, add-ons, Kubernetes config.', source: 'article' },
  ]),
  row('operations', 'Operational overhead', 'article', [
    { value: 'Low', level: 'yes', note: 'AWS runs the control plane, scheduling and hosts.', source: 'article' },
    { value: 'Medium', level: 'partial', note: 'You patch AMIs and scale the instances.', source: 'article' },
    { value: 'Medium', level: 'partial', note: 'Kubernetes upgrades and add-ons; no nodes.', source: 'article' },
    { value: 'High', level: 'no', note: 'Upgrades, node groups, add-ons and node patching.', source: 'article' },
  ]),
  row('control-plane', 'Control plane cost', 'article', [
    ...both({ value: 'Free', level: 'yes', note: 'No charge for ECS orchestration.', source: 'ecs-pricing' }),
    ...both({
      value: '$0.10 per cluster-hour (~$73/month)',
      level: 'partial',
      note: '$0.60 per hour on a version in extended support.',
      source: 'eks-pricing',
    }),
  ]),
  row('iam', 'IAM integration', 'article', [
    ...both({ value: 'Native task roles', level: 'yes', note: 'A role per task definition.', source: 'article' }),
    ...both({
      value: 'IRSA or EKS Pod Identity',
      level: 'partial',
      note: 'Extra setup per service account.',
      source: 'article',
    }),
  ]),
  row('scaling', 'Scaling', 'article', [
    {
      value: 'Application Auto Scaling',
      level: 'yes',
      note: 'Target tracking on the service; no nodes to scale.',
      source: 'article',
    },
    {
      value: 'Application Auto Scaling + capacity providers',
      level: 'yes',
      note: 'Cluster auto scaling adds instances.',
      source: 'article',
    },
    { value: 'HPA, KEDA', level: 'yes', note: 'Each pod gets its own Fargate node.', source: 'article' },
    {
      value: 'HPA, KEDA, Karpenter',
      level: 'yes',
      note: 'Karpenter or Cluster Autoscaler add nodes.',
      source: 'article',
    },
  ]),
  row('discovery', 'Service discovery', 'article', [
    ...both({ value: 'Cloud Map, Service Connect, ALB', level: 'yes', source: 'article' }),
    ...both({ value: 'CoreDNS + AWS Load Balancer Controller', level: 'yes', source: 'article' }),
  ]),
  row('secrets', 'Secrets management', 'article', [
    ...both({
      value: 'Native Secrets Manager and SSM',
      level: 'yes',
      note: 'Referenced in the task definition.',
      source: 'article',
    }),
    {
      value: 'External Secrets Operator',
      level: 'partial',
      note: 'The Secrets Store CSI driver needs EC2 nodes.',
      source: 'secrets-csi-fargate',
    },
    {
      value: 'External Secrets Operator or CSI driver',
      level: 'partial',
      note: 'An add-on to install and run.',
      source: 'article',
    },
  ]),
  row('portability', 'Multi-cloud portability', 'article', [
    ...both({ value: 'No (AWS only)', level: 'no', source: 'article' }),
    ...both({ value: 'Yes (same Kubernetes manifests)', level: 'yes', source: 'article' }),
  ]),
  row('ecosystem', 'Ecosystem and extensions', 'article', [
    ...both({ value: 'Limited', level: 'partial', note: 'AWS integrations; no operators or CRDs.', source: 'article' }),
    {
      value: 'Vast, minus node agents',
      level: 'partial',
      note: 'Helm and operators; no DaemonSets on Fargate.',
      source: 'eks-fargate-limits',
    },
    { value: 'Vast (Helm, operators)', level: 'yes', source: 'article' },
  ]),
  row('spot', 'Spot capacity', 'article', [
    {
      value: 'Fargate Spot',
      level: 'yes',
      note: 'Up to 70% off; Linux only; 2-minute interruption notice.',
      source: 'fargate-pricing',
    },
    { value: 'EC2 Spot via capacity providers', level: 'yes', note: 'Up to 90% off On-Demand.', source: 'article' },
    { value: 'None', level: 'no', note: 'Fargate Spot is for ECS only.', source: 'eks-fargate-limits' },
    { value: 'Spot instances + Karpenter', level: 'yes', note: 'Up to 90% off On-Demand.', source: 'article' },
  ]),
  row('jobs', 'Job scheduling', 'article', [
    ...both({
      value: 'ECS scheduled tasks',
      level: 'yes',
      note: 'EventBridge Scheduler runs tasks.',
      source: 'ecs-scheduled-tasks',
    }),
    ...both({ value: 'Kubernetes CronJobs', level: 'yes', source: 'article' }),
  ]),
  row('node-access', 'Node-level access', 'article', [
    { value: 'None', level: 'no', note: 'No host to log in to; ECS Exec reaches containers.', source: 'article' },
    { value: 'Yes (SSM or SSH to instances)', level: 'yes', source: 'article' },
    { value: 'None', level: 'no', note: 'No DaemonSets or privileged pods.', source: 'eks-fargate-limits' },
    { value: 'Yes (SSH or SSM to nodes, DaemonSets)', level: 'yes', source: 'article' },
  ]),
  row('gpu', 'GPU workloads', 'article', [
    { value: 'No', level: 'no', note: 'Fargate has no GPUs.', source: 'ecs-gpu' },
    {
      value: 'Yes (GPU instances)',
      level: 'partial',
      note: 'GPU-optimised AMI; fewer scheduling controls.',
      source: 'ecs-gpu',
    },
    { value: 'No', level: 'no', note: 'Fargate has no GPUs.', source: 'eks-fargate-limits' },
    { value: 'Full support', level: 'yes', note: 'Device plugins, GPU node pools, Karpenter.', source: 'article' },
  ]),
  row('windows', 'Windows containers', 'asked', [
    {
      value: 'Yes',
      level: 'yes',
      note: 'Windows Server 2019/2022, x86, at least 1 vCPU, OS licence fee per vCPU-hour.',
      source: 'ecs-windows',
    },
    { value: 'Yes (Windows AMIs)', level: 'yes', source: 'ecs-windows' },
    { value: 'No', level: 'no', note: 'Linux pods only.', source: 'fargate-pricing' },
    {
      value: 'Yes (Windows node groups)',
      level: 'partial',
      note: 'Needs a Linux node group as well.',
      source: 'eks-windows',
    },
  ]),
  row('arm', 'ARM (Graviton)', 'asked', [
    { value: 'Yes', level: 'yes', note: 'About 20% cheaper than x86; Spot on ARM too.', source: 'fargate-pricing' },
    { value: 'Yes (Graviton instances)', level: 'yes', source: 'article' },
    {
      value: 'No',
      level: 'no',
      note: 'x86 only; Graviton on EKS Fargate is an open request.',
      source: 'eks-fargate-arm-roadmap',
    },
    { value: 'Yes (Graviton node groups)', level: 'yes', source: 'article' },
  ]),
  row('largest-size', 'Largest task or pod', 'asked', [
    {
      value: '16 vCPU / 120 GB',
      level: 'partial',
      note: 'Ephemeral storage up to 200 GiB.',
      source: 'ecs-fargate-sizes',
    },
    { value: 'Up to the instance size', level: 'yes', note: "Less the agent's reserved memory.", source: 'ecs-eni' },
    {
      value: '16 vCPU / 120 GB',
      level: 'partial',
      note: 'Including 256 MB Fargate adds per pod; storage up to 175 GiB.',
      source: 'eks-fargate-pods',
    },
    {
      value: "Up to the node's allocatable",
      level: 'yes',
      note: 'Instance size less kube-reserved and eviction.',
      source: 'eks-max-pods',
    },
  ]),
  row('blue-green', 'Blue/green deployments', 'asked', [
    ...both({
      value: 'Built in',
      level: 'yes',
      note: 'ECS blue/green deployments, or CodeDeploy.',
      source: 'ecs-blue-green',
    }),
    ...both({
      value: 'With add-ons',
      level: 'partial',
      note: 'Argo Rollouts or Flagger; Deployments roll in place.',
      source: 'k8s-progressive-delivery',
    }),
  ]),
  row('service-mesh', 'Service mesh', 'asked', [
    ...both({
      value: 'ECS Service Connect',
      level: 'partial',
      note: 'Managed Envoy; App Mesh ends 2026-09-30.',
      source: 'ecs-service-connect',
    }),
    {
      value: 'Istio, Linkerd (sidecars only)',
      level: 'partial',
      note: 'No node-level mesh agents on Fargate.',
      source: 'istio-on-eks',
    },
    { value: 'Istio, Linkerd, Cilium', level: 'yes', source: 'istio-on-eks' },
  ]),
  row('density', 'Max tasks or pods per node', 'asked', [
    {
      value: '1 task per Fargate host',
      level: 'neutral',
      note: 'Each task runs in its own micro-VM.',
      source: 'fargate-pricing',
    },
    {
      value: 'awsvpc: ENIs on all cards - 1 tasks',
      level: 'partial',
      note: 'm5.large: 2 tasks, 10 with ENI trunking; bridge mode has no ENI limit.',
      source: 'ecs-eni',
    },
    { value: '1 pod per Fargate node', level: 'neutral', source: 'eks-fargate-pods' },
    {
      value: 'ENIs x (IPs per ENI - 1) + 2 pods',
      level: 'yes',
      note: 'm5.large: 29; 110 with prefix delegation (250 above 30 vCPU).',
      source: 'vpc-cni-max-pods',
    },
  ]),
];

/** The article's rows, in its order: the matrix must keep every one of them. */
export const ARTICLE_ROW_LABELS = [
  'Setup complexity',
  'Operational overhead',
  'Control plane cost',
  'IAM integration',
  'Scaling',
  'Service discovery',
  'Secrets management',
  'Multi-cloud portability',
  'Ecosystem and extensions',
  'Spot capacity',
  'Job scheduling',
  'Node-level access',
  'GPU workloads',
] as const;

export const SUPPORT_LEVEL_TEXT: Record<SupportLevel, string> = {
  yes: 'Supported',
  partial: 'Partly, or with extra work',
  no: 'Not supported',
  neutral: 'Fact',
};
