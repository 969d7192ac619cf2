/**
 * eks/cluster-autoscaler/cluster-autoscaler.yaml (EKS on EC2): Cluster Autoscaler, so the managed
 * node groups really scale between their priced minimum and maximum, and part-time groups to 0
 * between runs. Its IRSA role and service account come from eksctl.yaml (wellKnownPolicies
 * autoScaler); its pod requests and scale-down delay are the ones the estimate counts
 * (capacity/cluster-autoscaler.ts; docs/export-rules.md "Node autoscaler").
 */
import {
  CLUSTER_AUTOSCALER_CPU_MILLIS,
  CLUSTER_AUTOSCALER_IMAGE,
  CLUSTER_AUTOSCALER_KEY,
  CLUSTER_AUTOSCALER_MEMORY_MIB,
  CLUSTER_AUTOSCALER_REPLICAS,
  CLUSTER_AUTOSCALER_SCALE_DOWN_UNNEEDED_MINUTES,
} from '../capacity/cluster-autoscaler.ts';
import { CLUSTER_NAME, type ExportContext, type NodeGroup } from './export-context.ts';
import { NODE_GROUP_LABEL, type K8sObject } from './eks-workload.ts';

export const CLUSTER_AUTOSCALER_NAME = CLUSTER_AUTOSCALER_KEY;
export const SYSTEM_NAMESPACE = 'kube-system';
export const CLUSTER_AUTOSCALER_PATH = 'eks/cluster-autoscaler/cluster-autoscaler.yaml';

/**
 * Tags Cluster Autoscaler discovers node groups by (--node-group-auto-discovery asg:tag=...); EKS
 * tags managed node groups' Auto Scaling groups with both, and eksctl.yaml writes them too.
 */
export const AUTO_DISCOVERY_TAGS = {
  'k8s.io/cluster-autoscaler/enabled': 'true',
  [`k8s.io/cluster-autoscaler/${CLUSTER_NAME}`]: 'owned',
} as const;

/** The node group the estimate placed the autoscaler's pod on (beside CoreDNS). */
export function clusterAutoscalerGroup(context: ExportContext): NodeGroup | null {
  return (
    context.nodeGroups.find((g) => g.plan.layout.some((entry) => (entry.replicas[CLUSTER_AUTOSCALER_KEY] ?? 0) > 0)) ??
    null
  );
}

const labels = { 'app.kubernetes.io/name': CLUSTER_AUTOSCALER_NAME };
const meta = (namespaced: boolean) => ({
  name: CLUSTER_AUTOSCALER_NAME,
  ...(namespaced ? { namespace: SYSTEM_NAMESPACE } : {}),
  labels,
});

/**
 * What it reads and writes in the cluster: nodes and the pods on them (to simulate scheduling and
 * drain nodes), the workloads and budgets that decide whether a pod may move, its status
 * ConfigMap and leader-election lease (Cluster Autoscaler's RBAC in kubernetes/autoscaler).
 */
function clusterRole(): K8sObject {
  const read = ['get', 'list', 'watch'];
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'ClusterRole',
    metadata: meta(false),
    rules: [
      { apiGroups: [''], resources: ['events', 'endpoints'], verbs: ['create', 'patch'] },
      { apiGroups: [''], resources: ['pods/eviction'], verbs: ['create'] },
      { apiGroups: [''], resources: ['pods/status'], verbs: ['update'] },
      { apiGroups: [''], resources: ['nodes'], verbs: [...read, 'update'] },
      {
        apiGroups: [''],
        resources: [
          'namespaces',
          'pods',
          'services',
          'replicationcontrollers',
          'persistentvolumeclaims',
          'persistentvolumes',
        ],
        verbs: read,
      },
      { apiGroups: ['apps'], resources: ['statefulsets', 'replicasets', 'daemonsets'], verbs: read },
      { apiGroups: ['batch'], resources: ['jobs', 'cronjobs'], verbs: read },
      { apiGroups: ['policy'], resources: ['poddisruptionbudgets'], verbs: read },
      {
        apiGroups: ['storage.k8s.io'],
        resources: ['storageclasses', 'csinodes', 'csidrivers', 'csistoragecapacities', 'volumeattachments'],
        verbs: read,
      },
      { apiGroups: ['coordination.k8s.io'], resources: ['leases'], verbs: ['create'] },
      {
        apiGroups: ['coordination.k8s.io'],
        resources: ['leases'],
        resourceNames: [CLUSTER_AUTOSCALER_NAME],
        verbs: ['get', 'update'],
      },
    ],
  };
}

function role(): K8sObject {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind: 'Role',
    metadata: meta(true),
    rules: [
      { apiGroups: [''], resources: ['configmaps'], verbs: ['create', 'list', 'watch'] },
      {
        apiGroups: [''],
        resources: ['configmaps'],
        resourceNames: ['cluster-autoscaler-status'],
        verbs: ['delete', 'get', 'update', 'watch'],
      },
    ],
  };
}

function binding(kind: 'ClusterRoleBinding' | 'RoleBinding'): K8sObject {
  return {
    apiVersion: 'rbac.authorization.k8s.io/v1',
    kind,
    metadata: meta(kind === 'RoleBinding'),
    roleRef: {
      apiGroup: 'rbac.authorization.k8s.io',
      kind: kind === 'RoleBinding' ? 'Role' : 'ClusterRole',
      name: CLUSTER_AUTOSCALER_NAME,
    },
    subjects: [{ kind: 'ServiceAccount', name: CLUSTER_AUTOSCALER_NAME, namespace: SYSTEM_NAMESPACE }],
  };
}

/** The arguments, each a priced or deployed fact: the AWS provider, auto-discovery, the scale-down delay. */
export function clusterAutoscalerArgs(): string[] {
  const tags = Object.keys(AUTO_DISCOVERY_TAGS).join(',');
  return [
    '--cloud-provider=aws',
    `--node-group-auto-discovery=asg:tag=${tags}`,
    // The delay the estimate adds to part-time groups' node-hours, written out (not left to the default).
    `--scale-down-unneeded-time=${CLUSTER_AUTOSCALER_SCALE_DOWN_UNNEEDED_MINUTES}m`,
    // Node groups are created by eksctl with the plan's sizes; the autoscaler only moves within them.
    '--skip-nodes-with-local-storage=false',
    '--v=2',
  ];
}

function deployment(context: ExportContext): K8sObject {
  const group = clusterAutoscalerGroup(context);
  const quantities = { cpu: `${CLUSTER_AUTOSCALER_CPU_MILLIS}m`, memory: `${CLUSTER_AUTOSCALER_MEMORY_MIB}Mi` };
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: meta(true),
    spec: {
      replicas: CLUSTER_AUTOSCALER_REPLICAS,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          serviceAccountName: CLUSTER_AUTOSCALER_NAME,
          priorityClassName: 'system-cluster-critical',
          securityContext: { runAsNonRoot: true, runAsUser: 65534 },
          // On the all-month group the estimate counts it on, never on a part-time one it must remove.
          nodeSelector: {
            'kubernetes.io/os': 'linux',
            ...(group ? { [NODE_GROUP_LABEL]: group.key } : {}),
          },
          containers: [
            {
              name: CLUSTER_AUTOSCALER_NAME,
              image: CLUSTER_AUTOSCALER_IMAGE,
              command: ['./cluster-autoscaler'],
              args: clusterAutoscalerArgs(),
              env: [{ name: 'AWS_REGION', value: context.scenario.region }],
              resources: { requests: quantities, limits: quantities },
            },
          ],
        },
      },
    },
  };
}

/** The objects of the file, in apply order; the ServiceAccount is eksctl's (IRSA). */
export function clusterAutoscalerObjects(context: ExportContext): K8sObject[] {
  return [clusterRole(), role(), binding('ClusterRoleBinding'), binding('RoleBinding'), deployment(context)];
}
