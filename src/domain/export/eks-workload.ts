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
import { SCHEDULE_TIME_ZONE } from '../schedule/export-schedule.ts';
import { ceilWhole } from '../numeric/float-tolerance.ts';

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
  const millis = Math.max(1, ceilWhole(plan.service.vcpu * 1000));
  const mebibytes = Math.max(1, ceilWhole(plan.service.memoryGiB * 1024));
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

function container(context: ExportContext, plan: ServicePlan, withProbes = true): Record<string, unknown> {
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
    ...(withProbes ? probes(plan) : {}),
  };
}

/** Label every EC2 node group carries, naming its group: pods select their own group with it. */
export const NODE_GROUP_LABEL = 'cost-calculator/node-group';
/** Taint on part-month node groups, so only the pods priced on them land there. */
export const PART_TIME_TAINT_KEY = 'cost-calculator/part-time';

function podSpecOf(context: ExportContext, plan: ServicePlan, job: boolean): Record<string, unknown> {
  const podSpec: Record<string, unknown> = { serviceAccountName: plan.name };
  if (context.compute === 'ec2') {
    // EC2 nodes only: EKS Fargate runs x86 Linux pods alone and ignores placement rules; its
    // spread comes from the profile's subnets (export-rules B4). Pods go to the node group the
    // estimate placed them on (docs/export-rules.md, "Node groups").
    const group = plan.nodeGroup;
    podSpec.nodeSelector = {
      // Auto Mode runs Linux only and does not support the os label (EKS User Guide, "Create a
      // Node Pool for EKS Auto Mode", not supported labels).
      ...(context.autoMode ? {} : { 'kubernetes.io/os': 'linux' }),
      'kubernetes.io/arch': plan.service.arch === 'arm64' ? 'arm64' : 'amd64',
      ...(group ? { [NODE_GROUP_LABEL]: group.key } : {}),
    };
    if (group && !group.plan.fullMonth) {
      podSpec.tolerations = [{ key: PART_TIME_TAINT_KEY, operator: 'Equal', value: group.key, effect: 'NoSchedule' }];
    }
    podSpec.topologySpreadConstraints = [
      {
        maxSkew: 1,
        topologyKey: 'topology.kubernetes.io/zone',
        whenUnsatisfiable: 'ScheduleAnyway',
        labelSelector: { matchLabels: labelsOf(plan) },
      },
    ];
  }
  // A job's pods run to completion: no probes, and a failed pod is not restarted in place.
  if (job) podSpec.restartPolicy = 'Never';
  podSpec.containers = [container(context, plan, !job)];
  return podSpec;
}

/** A long-running service (all month or in a weekly window); a cron job is a CronJob instead. */
export function deployment(context: ExportContext, plan: ServicePlan): K8sObject | null {
  if (plan.schedule?.kind === 'cron') return null;
  // With an HPA, or KEDA for a weekly window, the replica count is left out, or every apply would
  // reset it (export-rules B4, B12).
  const managed = plan.autoscaling !== null || plan.schedule?.kind === 'weekly';
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: metadataOf(plan),
    spec: {
      ...(managed ? {} : { replicas: plan.desiredCount }),
      selector: { matchLabels: labelsOf(plan) },
      template: { metadata: { labels: labelsOf(plan) }, spec: podSpecOf(context, plan, false) },
    },
  };
}

/** Finished jobs kept for `kubectl logs`: a few successes, one failure. */
const JOB_HISTORY = { successful: 3, failed: 1 };
/** A run that could not start within this many seconds of its time is skipped, not started late. */
const JOB_STARTING_DEADLINE_SECONDS = 300;

/**
 * batch/v1 CronJob for a cron schedule: the same schedule in UTC, never two runs at once
 * (concurrencyPolicy Forbid), replicas pods in parallel, and each run stopped after runMinutes
 * (activeDeadlineSeconds), as priced (docs/export-rules.md, "Schedules").
 */
export function cronJob(context: ExportContext, plan: ServicePlan): K8sObject | null {
  const job = plan.schedule?.kind === 'cron' ? plan.schedule : null;
  if (!job) return null;
  return {
    apiVersion: 'batch/v1',
    kind: 'CronJob',
    metadata: metadataOf(plan),
    spec: {
      schedule: job.kubernetesCron,
      timeZone: SCHEDULE_TIME_ZONE,
      concurrencyPolicy: 'Forbid',
      startingDeadlineSeconds: JOB_STARTING_DEADLINE_SECONDS,
      successfulJobsHistoryLimit: JOB_HISTORY.successful,
      failedJobsHistoryLimit: JOB_HISTORY.failed,
      jobTemplate: {
        metadata: { labels: labelsOf(plan) },
        spec: {
          parallelism: plan.desiredCount,
          completions: plan.desiredCount,
          activeDeadlineSeconds: job.runMinutes * 60,
          // A retry would run past the priced minutes; the deadline stops the run anyway.
          backoffLimit: 0,
          template: { metadata: { labels: labelsOf(plan) }, spec: podSpecOf(context, plan, true) },
        },
      },
    },
  };
}

/** Seconds KEDA waits after the last active trigger before scaling to zero (KEDA's default is 300). */
const KEDA_COOLDOWN_SECONDS = 300;

/**
 * KEDA ScaledObject for a weekly window: a cron trigger holding the replicas (or the autoscaling
 * minimum) during the window, plus the CPU target when the service autoscales. KEDA creates and
 * owns the HPA, so there is no HPA of our own and no spec.replicas (export-rules B12); outside the
 * window it scales the Deployment to zero.
 */
export function scaledObject(plan: ServicePlan): K8sObject | null {
  const weekly = plan.schedule?.kind === 'weekly' ? plan.schedule : null;
  if (!weekly) return null;
  const a = plan.autoscaling;
  const inWindow = a ? Math.max(1, a.min) : plan.desiredCount;
  const triggers: Record<string, unknown>[] = [
    {
      type: 'cron',
      metadata: {
        timezone: SCHEDULE_TIME_ZONE,
        start: weekly.start.kubernetesCron,
        end: weekly.end.kubernetesCron,
        desiredReplicas: String(inWindow),
      },
    },
  ];
  if (a) triggers.push({ type: 'cpu', metricType: 'Utilization', metadata: { value: String(a.targetCpuPercent) } });
  return {
    apiVersion: 'keda.sh/v1alpha1',
    kind: 'ScaledObject',
    metadata: metadataOf(plan),
    spec: {
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: plan.name },
      minReplicaCount: 0,
      maxReplicaCount: Math.max(1, inWindow, a?.max ?? 0),
      cooldownPeriod: KEDA_COOLDOWN_SECONDS,
      triggers,
    },
  };
}

/** autoscaling/v2: metrics[].resource.target, not v1's targetCPUUtilizationPercentage (export-rules B7). */
export function horizontalPodAutoscaler(plan: ServicePlan): K8sObject | null {
  const a = plan.autoscaling;
  // A weekly service scales through KEDA, which owns its HPA.
  if (!a || plan.schedule) return null;
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
export function podDisruptionBudget(plan: ServicePlan): K8sObject | null {
  // A job's pods run to completion; a budget would only hold up drains.
  if (plan.schedule?.kind === 'cron') return null;
  return {
    apiVersion: 'policy/v1',
    kind: 'PodDisruptionBudget',
    metadata: metadataOf(plan),
    spec: { maxUnavailable: 1, selector: { matchLabels: labelsOf(plan) } },
  };
}
