/**
 * Per-service Kubernetes workload objects: ServiceAccount (IRSA), Deployment,
 * HorizontalPodAutoscaler (autoscaling/v2) and PodDisruptionBudget (policy/v1).
 */
import { FARGATE_INCLUDED_STORAGE_GIB } from '../sizing/fargate-sizes.ts';
import {
  ACCOUNT_PLACEHOLDER,
  CLUSTER_NAME,
  NAMESPACE,
  type ExportContext,
  type ServicePlan,
} from './export-context.ts';
import { secretStoreGroups } from './eks-external-secrets.ts';

export type K8sObject = { apiVersion: string; kind: string; metadata: Record<string, unknown> } & Record<
  string,
  unknown
>;

/** Probe timings (export-rules B4): a startup probe instead of a long initial delay. */
export const PROBE_TIMINGS = {
  startup: { periodSeconds: 5, timeoutSeconds: 5, failureThreshold: 30 },
  readiness: { periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3, successThreshold: 1 },
  liveness: { periodSeconds: 10, timeoutSeconds: 5, failureThreshold: 3 },
} as const;
const HPA_SCALE_DOWN_WINDOW_SECONDS = 300;
export const PORT_NAME = 'http';

export const labelsOf = (plan: ServicePlan): Record<string, string> => ({ 'app.kubernetes.io/name': plan.name });

export function metadataOf(plan: ServicePlan, name = plan.name): Record<string, unknown> {
  return { name, namespace: NAMESPACE, labels: labelsOf(plan) };
}

/** IAM role the ServiceAccount assumes (IRSA); eksctl.yaml creates it for services with secrets. */
export const irsaRoleName = (plan: ServicePlan): string => `${CLUSTER_NAME}-${plan.name}`;

/**
 * Kubernetes expands `$(VAR)` in env values, and `$$` always reads as one `$`. Doubling each `$`
 * that precedes `(` or `$` keeps every value literal: `$(X)` -> `$$(X)`, `$$` -> `$$$$`
 * (export-rules C3; kubernetes third_party/forked/golang/expansion).
 */
export function escapeKubernetesEnvValue(value: string): string {
  return value.replace(/\$(?=[($])/g, () => '$$');
}

/** CPU in millicores and memory in MiB, whole units rounded up: "500m", "1024Mi" (export-rules B4). */
export function resourceQuantities(plan: ServicePlan): { cpu: string; memory: string } {
  const millis = Math.max(1, Math.ceil(plan.service.vcpu * 1000 - 1e-9));
  const mebibytes = Math.max(1, Math.ceil(plan.service.memoryGiB * 1024 - 1e-9));
  return { cpu: `${millis}m`, memory: `${mebibytes}Mi` };
}

export function serviceAccount(plan: ServicePlan): K8sObject {
  return {
    apiVersion: 'v1',
    kind: 'ServiceAccount',
    metadata: {
      ...metadataOf(plan),
      // IRSA, which works on Fargate too (Pod Identity does not) (export-rules B3).
      annotations: { 'eks.amazonaws.com/role-arn': `arn:aws:iam::${ACCOUNT_PLACEHOLDER}:role/${irsaRoleName(plan)}` },
    },
  };
}

function probes(plan: ServicePlan): Record<string, unknown> {
  if (plan.port === null) return {};
  const action =
    plan.healthCheckPath === null
      ? { tcpSocket: { port: PORT_NAME } }
      : { httpGet: { path: plan.healthCheckPath, port: PORT_NAME } };
  return {
    startupProbe: { ...action, ...PROBE_TIMINGS.startup },
    readinessProbe: { ...action, ...PROBE_TIMINGS.readiness },
    livenessProbe: { ...action, ...PROBE_TIMINGS.liveness },
  };
}

function environment(plan: ServicePlan): Record<string, unknown>[] {
  const plain = plan.environment.map(({ name, value }) => ({ name, value: escapeKubernetesEnvValue(value) }));
  const fromSecrets = secretStoreGroups(plan).flatMap((group) =>
    group.secrets.map((secret) => ({
      name: secret.name,
      valueFrom: { secretKeyRef: { name: group.name, key: secret.name } },
    })),
  );
  return [...plain, ...fromSecrets];
}

function container(context: ExportContext, plan: ServicePlan): Record<string, unknown> {
  const quantities: Record<string, string> = { ...resourceQuantities(plan) };
  // Limits equal requests: the pod runs Guaranteed, with exactly what the estimate priced; on
  // Fargate the requests pick the pod size (export-rules B4).
  if (context.compute === 'fargate' && plan.service.ephemeralStorageGiB > FARGATE_INCLUDED_STORAGE_GIB) {
    // Fargate provisions the pod's storage from this request, as the estimate bills it (EKS User Guide).
    quantities['ephemeral-storage'] = `${Math.ceil(plan.service.ephemeralStorageGiB)}Gi`;
  }
  const limits: Record<string, string> = { ...quantities };
  if (context.compute === 'ec2' && plan.service.gpu > 0) limits['nvidia.com/gpu'] = String(plan.service.gpu);
  const env = environment(plan);
  return {
    name: plan.name,
    image: plan.image,
    ...(plan.port === null ? {} : { ports: [{ name: PORT_NAME, containerPort: plan.port, protocol: 'TCP' }] }),
    ...(env.length > 0 ? { env } : {}),
    resources: { requests: quantities, limits },
    ...probes(plan),
  };
}

export function deployment(context: ExportContext, plan: ServicePlan): K8sObject {
  const podSpec: Record<string, unknown> = { serviceAccountName: plan.name };
  if (context.compute === 'ec2') {
    // EC2 nodes only: EKS Fargate runs x86 Linux pods alone and ignores placement rules; its
    // spread comes from the profile's subnets (export-rules B4).
    podSpec.nodeSelector = {
      'kubernetes.io/os': 'linux',
      'kubernetes.io/arch': plan.service.arch === 'arm64' ? 'arm64' : 'amd64',
    };
    podSpec.topologySpreadConstraints = [
      {
        maxSkew: 1,
        topologyKey: 'topology.kubernetes.io/zone',
        whenUnsatisfiable: 'ScheduleAnyway',
        labelSelector: { matchLabels: labelsOf(plan) },
      },
    ];
  }
  podSpec.containers = [container(context, plan)];
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: metadataOf(plan),
    spec: {
      // With an HPA the replica count is left out, or every apply would reset it (export-rules B4).
      ...(plan.autoscaling ? {} : { replicas: plan.desiredCount }),
      selector: { matchLabels: labelsOf(plan) },
      template: { metadata: { labels: labelsOf(plan) }, spec: podSpec },
    },
  };
}

/** autoscaling/v2: metrics[].resource.target, not v1's targetCPUUtilizationPercentage (export-rules B7). */
export function horizontalPodAutoscaler(plan: ServicePlan): K8sObject | null {
  const a = plan.autoscaling;
  if (!a) return null;
  return {
    apiVersion: 'autoscaling/v2',
    kind: 'HorizontalPodAutoscaler',
    metadata: metadataOf(plan),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: plan.name },
      // minReplicas 0 needs an alpha feature gate: 1 is the floor.
      minReplicas: Math.max(1, a.min),
      maxReplicas: Math.max(1, a.min, a.max),
      metrics: [
        {
          type: 'Resource',
          resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: a.targetCpuPercent } },
        },
      ],
      behavior: { scaleDown: { stabilizationWindowSeconds: HPA_SCALE_DOWN_WINDOW_SECONDS } },
    },
  };
}

/** At most one pod down during drains and node upgrades; never blocks a drain (export-rules B8). */
export function podDisruptionBudget(plan: ServicePlan): K8sObject {
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: metadataOf(plan),
    spec: { maxUnavailable: 1, selector: { matchLabels: labelsOf(plan) } },
  };
}
