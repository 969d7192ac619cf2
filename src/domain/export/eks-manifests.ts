/**
 * The EKS files: eks/manifests/ (namespace, per-service objects, kustomization.yaml) and
 * eks/cluster/eksctl.yaml. One object per file, except SecretStores and ExternalSecrets, which
 * share a file per service when a service reads from several stores.
 */
import { NAMESPACE, type ExportContext, type ServicePlan } from './export-context.ts';
import type { ExportFile } from './export-file.ts';
import { toYamlDocument, toYamlDocuments } from './yaml-writer.ts';
import {
  cronJob,
  deployment,
  scaledObject,
  horizontalPodAutoscaler,
  podDisruptionBudget,
  serviceAccount,
  type K8sObject,
} from './eks-workload.ts';
import {
  ingress,
  namespace,
  service,
  SPARE_LOAD_BALANCERS_FILE,
  spareLoadBalancerIngresses,
} from './eks-networking.ts';
import { externalSecret, secretStore, secretStoreGroups } from './eks-external-secrets.ts';
import { eksctlConfig } from './eksctl-config.ts';
import { CLUSTER_AUTOSCALER_PATH, clusterAutoscalerObjects } from './eks-cluster-autoscaler.ts';
import { logRouterFiles } from './eks-log-router.ts';
import {
  AUTO_MODE_INGRESS_CLASS_PATH,
  AUTO_MODE_NODEPOOLS_PATH,
  autoModeIngress,
  autoModeIngressClasses,
  autoModeNodePools,
} from './eks-auto-mode.ts';

export const EKS_MANIFESTS_DIR = 'eks/manifests';
export const EKSCTL_PATH = 'eks/cluster/eksctl.yaml';

/** Files of one service, relative to eks/manifests/, in apply order. */
function serviceFiles(context: ExportContext, plan: ServicePlan): { path: string; objects: K8sObject[] }[] {
  const groups = secretStoreGroups(plan);
  const files: { path: string; objects: (K8sObject | null)[] }[] = [
    { path: 'serviceaccount.yaml', objects: [serviceAccount(plan)] },
    { path: 'secretstore.yaml', objects: groups.map((g) => secretStore(plan, g)) },
    { path: 'externalsecret.yaml', objects: groups.map((g) => externalSecret(plan, g)) },
    { path: 'deployment.yaml', objects: [deployment(context, plan)] },
    { path: 'cronjob.yaml', objects: [cronJob(context, plan)] },
    { path: 'service.yaml', objects: [plan.schedule?.kind === 'cron' ? null : service(plan)] },
    {
      path: 'ingress.yaml',
      objects: [
        plan.schedule?.kind === 'cron'
          ? null
          : context.autoMode
            ? autoModeIngress(context, ingress(context, plan))
            : ingress(context, plan),
      ],
    },
    { path: 'hpa.yaml', objects: [horizontalPodAutoscaler(plan)] },
    { path: 'scaledobject.yaml', objects: [scaledObject(plan)] },
    { path: 'pdb.yaml', objects: [podDisruptionBudget(plan)] },
  ];
  return files
    .map((f) => ({ path: `${plan.name}/${f.path}`, objects: f.objects.filter((o): o is K8sObject => o !== null) }))
    .filter((f) => f.objects.length > 0);
}

function autoModeFiles(context: ExportContext): ExportFile[] {
  return [
    { path: AUTO_MODE_NODEPOOLS_PATH, contents: toYamlDocuments(autoModeNodePools(context)) },
    ...(context.loadBalancers.count > 0
      ? [{ path: AUTO_MODE_INGRESS_CLASS_PATH, contents: toYamlDocuments(autoModeIngressClasses(context)) }]
      : []),
  ];
}

export function eksFiles(context: ExportContext): ExportFile[] {
  const manifests = [
    { path: 'namespace.yaml', objects: [namespace(context)] },
    ...context.services.flatMap((plan) => serviceFiles(context, plan)),
    // A file, not a directory, so no service name (no dots) can take its path.
    ...(context.loadBalancers.count > context.loadBalancers.needed
      ? [
          {
            path: SPARE_LOAD_BALANCERS_FILE,
            objects: spareLoadBalancerIngresses(context).map((o) =>
              context.autoMode ? autoModeIngress(context, o)! : o,
            ),
          },
        ]
      : []),
  ];
  const kustomization = {
    apiVersion: 'kustomize.config.k8s.io/v1beta1',
    kind: 'Kustomization',
    // Every object already names the namespace; kustomize's field lets you rename it in one place.
    namespace: NAMESPACE,
    resources: manifests.map((m) => m.path),
  };
  return [
    ...manifests.map((m) => ({ path: `${EKS_MANIFESTS_DIR}/${m.path}`, contents: toYamlDocuments(m.objects) })),
    { path: `${EKS_MANIFESTS_DIR}/kustomization.yaml`, contents: toYamlDocument(kustomization) },
    { path: EKSCTL_PATH, contents: toYamlDocument(eksctlConfig(context)) },
    // Cluster-wide objects and kube-system ones, outside eks/manifests (whose kustomization sets
    // the apps namespace on everything it lists). Auto Mode scales its nodes itself.
    ...(context.autoMode ? autoModeFiles(context) : []),
    ...(context.compute === 'ec2' && !context.autoMode
      ? [{ path: CLUSTER_AUTOSCALER_PATH, contents: toYamlDocuments(clusterAutoscalerObjects(context)) }]
      : []),
    // The log router, when the bill prices CloudWatch Logs (eks-log-router.ts).
    ...logRouterFiles(context, context.compute === 'ec2' ? 'nodes' : 'fargate'),
  ];
}
