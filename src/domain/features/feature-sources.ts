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
    title: 'Amazon ECS Developer Guide, "Task CPU and memory" (up to 16 vCPU / 120 GB; 200 GiB storage)',
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
    title: 'Amazon EKS User Guide, "Deploy Windows nodes" (Windows node groups need a Linux node group for CoreDNS)',
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
    title: 'Istio, Linkerd and other meshes on EKS; on Fargate only sidecar mode (no node-level DaemonSets)',
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
    title: 'Amazon ECS scheduled tasks (EventBridge Scheduler)',
    where: 'https://docs.aws.amazon.com/AmazonECS/latest/developerguide/scheduling_tasks.html',
  },
} as const satisfies Record<string, FeatureSource>;

export type FeatureSourceId = keyof typeof FEATURE_SOURCES;
