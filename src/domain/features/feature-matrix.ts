/**
 * What each of the six options can and cannot do, as data: every row of the article's comparison
 * table, then the rows users ask for most (Windows, ARM, sizes, deployments, mesh, density).
 *
 * Each cell is a short value, an optional note that qualifies it, and the id of the source that
 * backs it (feature-sources.ts). The UI renders this table as is; nothing here is computed.
 */
import { OPTION_IDS, type OptionId } from '../cost/estimate-types.ts';

/** The options the matrix has columns for: all six. */
export const FEATURE_MATRIX_OPTION_IDS = OPTION_IDS;
export type FeatureMatrixOptionId = OptionId;
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
  /** ECS on Fargate, ECS on EC2, EKS on Fargate, EKS on EC2, ECS Managed Instances, EKS Auto Mode. */
  cells: [FeatureCell, FeatureCell, FeatureCell, FeatureCell, FeatureCell, FeatureCell],
): FeatureRow => ({
  id,
  label,
  origin,
  cells: {
    'ecs-fargate': cells[0],
    'ecs-ec2': cells[1],
    'eks-fargate': cells[2],
    'eks-ec2': cells[3],
    'ecs-managed-instances': cells[4],
    'eks-auto-mode': cells[5],
  },
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
    {
      value: 'Low',
      level: 'yes',
      note: 'A Managed Instances capacity provider; no AMI or Auto Scaling group.',
      source: 'ecs-managed-instances',
    },
    {
      value: 'Medium',
      level: 'partial',
      note: 'A cluster with Auto Mode on; no node groups or core add-ons to install.',
      source: 'eks-auto-mode',
    },
  ]),
  row('operations', 'Operational overhead', 'article', [
    { value: 'Low', level: 'yes', note: 'AWS runs the control plane, scheduling and hosts.', source: 'article' },
    { value: 'Medium', level: 'partial', note: 'You patch AMIs and scale the instances.', source: 'article' },
    { value: 'Medium', level: 'partial', note: 'Kubernetes upgrades and add-ons; no nodes.', source: 'article' },
    { value: 'High', level: 'no', note: 'Upgrades, node groups, add-ons and node patching.', source: 'article' },
    {
      value: 'Low',
      level: 'yes',
      note: 'AWS provisions, patches and replaces the instances, for a fee.',
      source: 'ecs-managed-instances',
    },
    {
      value: 'Medium',
      level: 'partial',
      note: 'Kubernetes upgrades are yours; AWS runs nodes and core components.',
      source: 'eks-auto-mode',
    },
  ]),
  row('control-plane', 'Control plane cost', 'article', [
    ...both({ value: 'Free', level: 'yes', note: 'No charge for ECS orchestration.', source: 'ecs-pricing' }),
    ...both({
      value: '$0.10 per cluster-hour (~$73/month)',
      level: 'partial',
      note: '$0.60 per hour on a version in extended support.',
      source: 'eks-pricing',
    }),
    {
      value: 'Free, plus a fee per instance',
      level: 'partial',
      note: 'Management fee, priced at 12% of the On-Demand rate (derived).',
      source: 'managed-node-fee',
    },
    {
      value: '$0.10 per cluster-hour, plus a fee per instance',
      level: 'partial',
      note: 'Management fee, priced at 12% of the On-Demand rate (derived).',
      source: 'managed-node-fee',
    },
  ]),
  row('iam', 'IAM integration', 'article', [
    ...both({ value: 'Native task roles', level: 'yes', note: 'A role per task definition.', source: 'article' }),
    {
      value: 'IRSA only',
      level: 'partial',
      note: "EKS Pod Identity's agent is a DaemonSet, which Fargate cannot run.",
      source: 'eks-pod-identity',
    },
    {
      value: 'IRSA or EKS Pod Identity',
      level: 'partial',
      note: 'Extra setup per service account.',
      source: 'article',
    },
    { value: 'Native task roles', level: 'yes', note: 'A role per task definition.', source: 'article' },
    {
      value: 'IRSA or EKS Pod Identity',
      level: 'partial',
      note: 'The Pod Identity agent is built into Auto Mode nodes.',
      source: 'eks-auto-mode',
    },
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
    {
      value: 'Application Auto Scaling',
      level: 'yes',
      note: 'AWS adds and removes the instances.',
      source: 'ecs-managed-instances',
    },
    {
      value: 'HPA, KEDA, built-in Karpenter',
      level: 'yes',
      note: 'Auto Mode adds nodes for pending pods.',
      source: 'eks-auto-mode',
    },
  ]),
  row('discovery', 'Service discovery', 'article', [
    ...both({ value: 'Service Connect, Cloud Map, VPC Lattice, ALB', level: 'yes', source: 'ecs-vpc-lattice' }),
    ...both({
      value: 'CoreDNS + AWS Load Balancer Controller',
      level: 'yes',
      note: 'VPC Lattice through its Gateway API controller.',
      source: 'app-mesh-discontinued',
    }),
    {
      value: 'Service Connect, Cloud Map, VPC Lattice, ALB',
      level: 'yes',
      source: 'ecs-vpc-lattice',
    },
    {
      value: 'Built-in cluster DNS and load balancing',
      level: 'yes',
      note: 'ALB through the eks.amazonaws.com/alb IngressClass; VPC Lattice.',
      source: 'eks-auto-mode',
    },
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
    {
      value: 'Native Secrets Manager and SSM',
      level: 'yes',
      note: 'Referenced in the task definition.',
      source: 'article',
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
    { value: 'No (AWS only)', level: 'no', source: 'article' },
    { value: 'Yes (same Kubernetes manifests)', level: 'yes', source: 'article' },
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
    { value: 'Limited', level: 'partial', note: 'AWS integrations; no operators or CRDs.', source: 'article' },
    {
      value: 'Vast (Helm, operators)',
      level: 'yes',
      note: 'No custom AMIs; AWS owns the node software.',
      source: 'eks-auto-mode',
    },
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
    {
      value: 'EC2 Spot (since 2025-12)',
      level: 'yes',
      note: 'A Spot capacity provider; the fee is still charged on Spot.',
      source: 'ecs-mi-spot',
    },
    {
      value: 'Spot through a custom NodePool',
      level: 'yes',
      note: 'The built-in pools are On-Demand; the fee is still charged.',
      source: 'eks-auto-mode-node-pools',
    },
  ]),
  row('jobs', 'Job scheduling', 'article', [
    ...both({
      value: 'ECS scheduled tasks',
      level: 'yes',
      note: 'EventBridge Scheduler runs tasks.',
      source: 'ecs-scheduled-tasks',
    }),
    ...both({ value: 'Kubernetes CronJobs', level: 'yes', source: 'article' }),
    {
      value: 'ECS scheduled tasks',
      level: 'yes',
      note: 'EventBridge Scheduler runs tasks.',
      source: 'ecs-scheduled-tasks',
    },
    { value: 'Kubernetes CronJobs', level: 'yes', source: 'article' },
  ]),
  row('node-access', 'Node-level access', 'article', [
    { value: 'None', level: 'no', note: 'No host to log in to; ECS Exec reaches containers.', source: 'article' },
    { value: 'Yes (SSM or SSH to instances)', level: 'yes', source: 'article' },
    { value: 'None', level: 'no', note: 'No DaemonSets or privileged pods.', source: 'eks-fargate-limits' },
    { value: 'Yes (SSH or SSM to nodes, DaemonSets)', level: 'yes', source: 'article' },
    {
      value: 'None',
      level: 'no',
      note: 'No SSH or SSM Session Manager; immutable root filesystem.',
      source: 'ecs-mi-security',
    },
    { value: 'None', level: 'no', note: 'No SSH or SSM; read-only root filesystem.', source: 'eks-auto-mode' },
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
    {
      value: 'Yes (GPU instances)',
      level: 'yes',
      note: 'Chosen by instance attributes (accelerators); AWS patches drivers.',
      source: 'ecs-managed-instances',
    },
    {
      value: 'Yes (NVIDIA and Neuron)',
      level: 'yes',
      note: 'Drivers and device plugins built into the nodes.',
      source: 'eks-auto-mode',
    },
  ]),
  row('windows', 'Windows containers', 'asked', [
    {
      value: 'Yes',
      level: 'yes',
      note: 'Windows Server 2019/2022, x86, 1 to 4 vCPU, OS licence fee per vCPU-hour.',
      source: 'ecs-windows',
    },
    { value: 'Yes (Windows AMIs)', level: 'yes', source: 'ecs-windows' },
    { value: 'No', level: 'no', note: 'Linux pods only.', source: 'fargate-pricing' },
    {
      value: 'Yes (Windows node groups)',
      level: 'partial',
      note: 'CoreDNS needs Linux nodes or Fargate capacity in the cluster.',
      source: 'eks-windows',
    },
    { value: 'No', level: 'no', note: 'Linux containers only.', source: 'ecs-managed-instances' },
    { value: 'No', level: 'no', note: 'Bottlerocket (Linux) nodes only.', source: 'eks-auto-mode' },
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
    { value: 'Yes (Graviton instances)', level: 'yes', source: 'ecs-managed-instances' },
    {
      value: 'Yes (custom NodePool)',
      level: 'yes',
      note: 'The built-in general-purpose pool is amd64 only.',
      source: 'eks-auto-mode-node-pools',
    },
  ]),
  row('largest-size', 'Largest task or pod', 'asked', [
    {
      value: '16 vCPU / 120 GiB (Linux)',
      level: 'partial',
      note: 'Windows: 4 vCPU / 30 GiB. Ephemeral storage up to 200 GiB.',
      source: 'ecs-fargate-sizes',
    },
    {
      value: 'Up to the instance size',
      level: 'yes',
      note: "Task-level CPU at most 192 vCPU; less the agent's reserved memory.",
      source: 'ecs-task-cpu',
    },
    {
      value: '16 vCPU / 120 GiB',
      level: 'partial',
      note: 'Including 256 MiB Fargate adds per pod; storage up to 175 GiB.',
      source: 'eks-fargate-pods',
    },
    {
      value: "Up to the node's allocatable",
      level: 'yes',
      note: 'Instance size less kube-reserved and eviction.',
      source: 'eks-max-pods',
    },
    {
      value: 'Up to the instance size',
      level: 'yes',
      note: 'Task-level CPU at most 192 vCPU, as on EC2.',
      source: 'ecs-task-cpu',
    },
    {
      value: "Up to the node's allocatable",
      level: 'yes',
      note: 'Less kube-reserved (11 MiB x max pods + 255 MiB) and eviction.',
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
    {
      value: 'Built in',
      level: 'yes',
      note: 'ECS blue/green deployments, or CodeDeploy.',
      source: 'ecs-blue-green',
    },
    {
      value: 'With add-ons',
      level: 'partial',
      note: 'Argo Rollouts or Flagger; Deployments roll in place.',
      source: 'k8s-progressive-delivery',
    },
  ]),
  row('service-mesh', 'Service mesh', 'asked', [
    ...both({
      value: 'ECS Service Connect or VPC Lattice',
      level: 'partial',
      note: 'App Mesh discontinued 2026-09-30 (no new customers since 2024-09-24).',
      source: 'app-mesh-discontinued',
    }),
    {
      value: 'VPC Lattice; no sidecar injection',
      level: 'partial',
      note: 'Injection needs NET_ADMIN or a CNI DaemonSet; Fargate allows neither.',
      source: 'istio-requirements',
    },
    {
      value: 'Istio, Linkerd, Cilium; VPC Lattice',
      level: 'yes',
      note: 'App Mesh users are pointed to VPC Lattice.',
      source: 'istio-on-eks',
    },
    {
      value: 'ECS Service Connect or VPC Lattice',
      level: 'partial',
      note: 'App Mesh discontinued 2026-09-30.',
      source: 'app-mesh-discontinued',
    },
    {
      value: 'VPC Lattice; Istio-style meshes',
      level: 'partial',
      note: 'Not checked here against Auto Mode nodes; AWS points EKS to VPC Lattice.',
      source: 'app-mesh-discontinued',
    },
  ]),
  row('density', 'Max tasks or pods per node', 'asked', [
    {
      value: '1 task per Fargate host',
      level: 'neutral',
      note: 'Each task has its own kernel, CPU, memory and ENI.',
      source: 'ecs-fargate-isolation',
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
    {
      value: 'awsvpc tasks, ENI trunking for density',
      level: 'partial',
      note: 'Tasks share the instance; no bridge mode.',
      source: 'ecs-mi-networking',
    },
    {
      value: 'Up to 110 pods per node',
      level: 'yes',
      note: 'Prefix delegation, capped at 110 whatever the size.',
      source: 'eks-max-pods',
    },
  ]),
  row('aws-manages', 'What AWS manages', 'asked', [
    {
      value: 'Control plane, hosts, OS, patching',
      level: 'yes',
      note: 'Each task on its own isolated host.',
      source: 'ecs-fargate-isolation',
    },
    { value: 'Control plane only', level: 'partial', note: 'You run the instances and AMIs.', source: 'article' },
    { value: 'Control plane and pod hosts', level: 'yes', note: 'Add-ons are yours.', source: 'eks-fargate-limits' },
    {
      value: 'Control plane only',
      level: 'partial',
      note: 'Managed node groups help, but you start upgrades.',
      source: 'article',
    },
    {
      value: 'Control plane and instances',
      level: 'yes',
      note: 'Provisioning, scaling, patching, replacement.',
      source: 'ecs-managed-instances',
    },
    {
      value: 'Control plane, nodes, core add-ons',
      level: 'yes',
      note: 'Karpenter, VPC CNI, kube-proxy, CoreDNS, EBS CSI, load balancing.',
      source: 'eks-auto-mode',
    },
  ]),
  row('tunable', 'What you can still tune', 'asked', [
    { value: 'Task size, platform version', level: 'partial', source: 'ecs-fargate-sizes' },
    { value: 'Everything on the instance', level: 'yes', note: 'AMI, user data, types, agents.', source: 'article' },
    { value: 'Pod size, Fargate profiles', level: 'partial', source: 'eks-fargate-pods' },
    { value: 'Everything on the node', level: 'yes', note: 'AMI, kubelet, types, DaemonSets.', source: 'article' },
    {
      value: 'Instance types or attributes, Spot, storage size',
      level: 'partial',
      note: 'Subnets, security groups, event windows; no AMI or user data.',
      source: 'ecs-managed-instances',
    },
    {
      value: 'Custom NodePools and NodeClasses',
      level: 'partial',
      note: 'Types, capacity type, limits, disruption, storage; the built-in pools are fixed.',
      source: 'eks-auto-mode-node-pools',
    },
  ]),
  row('daemonsets', 'Per-node agents (DaemonSets)', 'asked', [
    {
      value: 'No',
      level: 'no',
      note: 'No DAEMON scheduling on Fargate; run agents as sidecars.',
      source: 'ecs-service-options',
    },
    { value: 'Yes (daemon services)', level: 'yes', source: 'ecs-service-options' },
    { value: 'No', level: 'no', note: 'No DaemonSets; run agents as sidecars.', source: 'eks-fargate-limits' },
    { value: 'Yes (DaemonSets)', level: 'yes', source: 'article' },
    {
      value: 'Yes (ECS Managed Daemons)',
      level: 'yes',
      note: 'One daemon task on every instance.',
      source: 'ecs-mi-daemons',
    },
    {
      value: 'Yes (your DaemonSets)',
      level: 'yes',
      note: "AWS's own components run in the node, not as DaemonSets.",
      source: 'eks-auto-mode',
    },
  ]),
  row('upgrades', 'Upgrade model', 'asked', [
    {
      value: 'AWS patches the platform',
      level: 'yes',
      note: 'Tasks are retired and replaced for patches.',
      source: 'fargate-task-maintenance',
    },
    {
      value: 'You roll new AMIs',
      level: 'no',
      note: 'Replace instances with each ECS-optimized AMI.',
      source: 'article',
    },
    {
      value: 'You upgrade the control plane',
      level: 'partial',
      note: 'Pods pick up new versions when restarted.',
      source: 'eks-fargate-limits',
    },
    {
      value: 'You upgrade control plane, nodes, add-ons',
      level: 'no',
      note: 'Managed node groups roll nodes when you ask.',
      source: 'article',
    },
    {
      value: 'AWS replaces instances by day 21',
      level: 'yes',
      note: 'Drained from day 14, in your EC2 event windows.',
      source: 'ecs-mi-patching',
    },
    {
      value: 'You upgrade the control plane; AWS the nodes',
      level: 'partial',
      note: 'Nodes live at most 21 days; disruption budgets pace replacement.',
      source: 'eks-auto-mode',
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
