/**
 * Where the feature matrix's facts come from. Each cell of the matrix names one of these ids, so a
 * reader can check a claim; ids are stable (tests and notes refer to them).
 */

export interface FeatureSource {
  title: string;
  /** A public address or repository path where the fact can be read. */
  where: string;
}

export const FEATURE_SOURCES = {
  article: {
    title: 'ECS vs EKS article, feature comparison and decision framework (the seed of this calculator)',
    where: 'shared reference: seed-ecs-vs-eks-article.txt',
  },
  'fargate-pricing': {
    title: 'AWS Fargate pricing page: dimensions, Spot, Savings Plans, Windows and ARM availability',
    where: 'https://aws.amazon.com/fargate/pricing/',
  },
  'ecs-pricing': {
    title: 'Amazon ECS pricing page: "no additional charge for Amazon ECS orchestration"',
    where: 'https://aws.amazon.com/ecs/pricing/',
  },
  'eks-pricing': {
    title: 'AWS Containers blog: EKS standard support $0.10 and extended support $0.60 per cluster-hour',
    where: 'https://aws.amazon.com/blogs/containers/amazon-eks-extended-support-for-kubernetes-versions-pricing/',
  },
  'ecs-fargate-sizes': {
    title: 'Amazon ECS Developer Guide, "Task CPU and memory" (up to 16 vCPU / 120 GiB; 200 GiB storage)',
    where: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-tasks-services.html',
  },
  'eks-fargate-pods': {
    title: 'Amazon EKS User Guide, "Fargate Pod configuration" (+256 MB per pod, 175 GiB storage, one pod per node)',
    where: 'https://docs.aws.amazon.com/eks/latest/userguide/fargate-pod-configuration.html',
  },
  'eks-fargate-limits': {
    title: 'Amazon EKS User Guide, "AWS Fargate considerations" (no DaemonSets, no GPUs, no Spot, Linux x86 only)',
    where: 'https://docs.aws.amazon.com/eks/latest/userguide/fargate.html',
  },
  'ecs-eni': {
    title:
      'Amazon ECS Developer Guide, "Container instance ENIs" and ENI trunking (m5.large: 2 tasks, 10 with trunking)',
    where: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/container-instance-eni.html',
  },
  'vpc-cni-max-pods': {
    title: 'aws/amazon-vpc-cni-k8s misc/eni-max-pods.txt: ENIs x (IPv4 per ENI - 1) + 2 (m5.large: 29)',
    where: 'https://github.com/aws/amazon-vpc-cni-k8s/blob/master/misc/eni-max-pods.txt',
  },
  'eks-max-pods': {
    title: 'Amazon EKS User Guide, "Choosing an instance type": prefix delegation, 110 pods up to 30 vCPU, 250 above',
    where: 'https://docs.aws.amazon.com/eks/latest/userguide/choosing-instance-type.html',
  },
  'ecs-windows': {
    title:
      'Amazon ECS Developer Guide: Windows containers on Fargate (Windows Server 2019/2022, at least 1 vCPU) and on EC2',
    where: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ECS_Windows.html',
  },
  'eks-windows': {
    title:
      'Amazon EKS User Guide, "Deploy Windows nodes": the cluster needs at least one Linux node or Fargate pod to run CoreDNS',
    where: 'https://docs.aws.amazon.com/eks/latest/userguide/windows-support.html',
  },
  'eks-fargate-arm-roadmap': {
    title: 'aws/containers-roadmap #1629: Graviton (arm64) for EKS on Fargate, still open',
    where: 'https://github.com/aws/containers-roadmap/issues/1629',
  },
  'ecs-blue-green': {
    title: 'Amazon ECS Developer Guide: built-in blue/green deployments (2025) and CodeDeploy blue/green',
    where: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/deployment-type-blue-green.html',
  },
  'k8s-progressive-delivery': {
    title: 'Kubernetes Deployments roll out in place; blue/green needs Argo Rollouts, Flagger or two Deployments',
    where: 'https://argoproj.github.io/argo-rollouts/',
  },
  'ecs-service-connect': {
    title: 'Amazon ECS Service Connect (managed Envoy proxy); AWS App Mesh reaches end of support on 2026-09-30',
    where: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/service-connect.html',
  },
  'istio-on-eks': {
    title: 'Amazon EKS Best Practices Guide: Istio, Linkerd and other meshes on EKS nodes',
    where: 'https://aws.github.io/aws-eks-best-practices/',
  },
  'secrets-csi-fargate': {
    title: 'AWS Secrets and Configuration Provider for the Secrets Store CSI driver: not supported on Fargate nodes',
    where: 'https://github.com/aws/secrets-store-csi-driver-provider-aws',
  },
  'ecs-gpu': {
    title: 'Amazon ECS Developer Guide, "Working with GPUs on Amazon ECS" (EC2 GPU instances; not on Fargate)',
    where: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-gpu.html',
  },
  'ecs-scheduled-tasks': {
    title:
      'Amazon ECS Developer Guide, "Scheduled tasks": Amazon EventBridge Scheduler runs tasks on a cron or rate schedule',
    where: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/scheduling_tasks.html',
  },
  'ecs-fargate-isolation': {
    title:
      'Amazon ECS Developer Guide, "Security considerations for Fargate": each task has its own isolation boundary (kernel, CPU, memory, ENI)',
    where: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/fargate-security-considerations.html',
  },
  'ecs-task-cpu': {
    title:
      'Amazon ECS Developer Guide, "Task definition parameters": task-level CPU on EC2 up to 196,608 units (192 vCPU); Fargate Windows up to 4 vCPU / 30 GiB',
    where: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task_definition_parameters.html',
  },
  'eks-pod-identity': {
    title:
      'Amazon EKS User Guide, "EKS Pod Identity": the agent runs as a DaemonSet on EC2 nodes; Fargate pods use IAM roles for service accounts (IRSA)',
    where: 'https://docs.aws.amazon.com/eks/latest/userguide/pod-identities.html',
  },
  'app-mesh-discontinued': {
    title:
      'AWS Containers blog, "Migrating from AWS App Mesh to Amazon ECS Service Connect": App Mesh discontinued on 2026-09-30, no new customers from 2024-09-24; EKS users are pointed to VPC Lattice',
    where: 'https://aws.amazon.com/blogs/containers/migrating-from-aws-app-mesh-to-amazon-ecs-service-connect/',
  },
  'ecs-vpc-lattice': {
    title: 'Amazon ECS Developer Guide, "Use Amazon VPC Lattice with Amazon ECS" (native support since 2024-11)',
    where: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs-vpc-lattice.html',
  },
  'istio-requirements': {
    title:
      'Istio, "Application requirements": injected sidecars need NET_ADMIN and NET_RAW for istio-init, or the Istio CNI node agent (a DaemonSet)',
    where: 'https://istio.io/latest/docs/ops/deployment/application-requirements/',
  },
  'ecs-managed-instances': {
    title:
      'Amazon ECS Developer Guide, "Architect for Amazon ECS Managed Instances": AWS provisions, scales and patches the instances; instance types by attributes, GPUs; Linux only',
    where: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ManagedInstances.html',
  },
  'ecs-mi-security': {
    title:
      'Amazon ECS Developer Guide, "Security considerations for Amazon ECS Managed Instances": no SSH or SSM access, immutable root filesystem, SELinux; tasks share the instance',
    where: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/managed-instances-security.html',
  },
  'ecs-mi-patching': {
    title:
      'Amazon ECS Developer Guide, "Patching in Amazon ECS Managed Instances": instances drained from day 14, replaced by day 21, in your EC2 event windows',
    where: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/managed-instances-patching.html',
  },
  'ecs-mi-networking': {
    title:
      'Amazon ECS API Reference, ManagedInstancesNetworkConfiguration: awsvpc, host and none network modes (no bridge)',
    where: 'https://docs.aws.amazon.com/AmazonECS/latest/APIReference/API_ManagedInstancesNetworkConfiguration.html',
  },
  'ecs-mi-daemons': {
    title:
      'Amazon ECS Developer Guide, "Amazon ECS Managed Daemons": one daemon task on every Managed Instances instance',
    where: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/managed-daemons.html',
  },
  'ecs-mi-spot': {
    title: "AWS What's New, 2025-12: Amazon ECS Managed Instances supports EC2 Spot Instances",
    where: 'https://aws.amazon.com/about-aws/whats-new/2025/12/amazon-ecs-managed-instances-ec2-spot-instances/',
  },
  'eks-auto-mode': {
    title:
      'Amazon EKS User Guide, "Automate cluster infrastructure with EKS Auto Mode": Karpenter-based nodes on Bottlerocket, no SSH or SSM, NVIDIA and Neuron GPUs, Spot, 21-day node lifetime; DNS, networking, load balancing and EBS built in',
    where: 'https://docs.aws.amazon.com/eks/latest/userguide/automode.html',
  },
  'eks-auto-mode-node-pools': {
    title:
      'Amazon EKS User Guide, "Create a Node Pool for EKS Auto Mode" and the built-in pools (C, M, R, generation 5+, On-Demand; they cannot be changed)',
    where: 'https://docs.aws.amazon.com/eks/latest/userguide/create-node-pool.html',
  },
  'managed-node-fee': {
    title:
      "This calculator's pricing rules: the management fee of ECS Managed Instances and EKS Auto Mode, 12% of the On-Demand rate (derived from AWS's price data)",
    where: 'docs/pricing-rules.md, "AWS-managed nodes"',
  },
  'ecs-service-options': {
    title:
      'Amazon ECS Developer Guide, service scheduling strategies: DAEMON runs one task per container instance; Fargate tasks do not support it',
    where: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/ecs_service-options.html',
  },
  'fargate-task-maintenance': {
    title:
      'Amazon ECS Developer Guide, "Task retirement and maintenance for AWS Fargate": AWS patches the platform and replaces tasks',
    where: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/task-maintenance.html',
  },
} as const satisfies Record<string, FeatureSource>;

export type FeatureSourceId = keyof typeof FEATURE_SOURCES;
