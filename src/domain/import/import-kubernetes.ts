/**
 * Kubernetes objects (any mix of files, `kind: List`, `helm template`, `kubectl get -o yaml`) to
 * service drafts. Pod requests follow the scheduler's rules (Kubernetes docs, "Resource Management
 * for Pods and Containers" and "Sidecar Containers", KEP-753): a container with only a limit
 * requests its limit; the pod requests the larger of its app containers plus sidecars, and its
 * biggest init container plus the sidecars started before it; pod overhead adds on top.
 */
import { CLUSTER_AUTOSCALER_KEY } from '../capacity/cluster-autoscaler.ts';
import { DEFAULT_IMPORT_SIZE, type ImportContext } from './import-context.ts';
import type { DraftSource, ServiceDraft } from './import-types.ts';
import { asArray, asNumber, asObject, asObjects, asString, shown, tidy, type Json } from './read-values.ts';
import { kubernetesCpu, kubernetesMemoryGiB, parseKubernetesQuantity } from './quantities.ts';
import { FARGATE_INCLUDED_STORAGE_GIB } from '../sizing/fargate-sizes.ts';
import { weeklyOfUnixCrons } from '../schedule/import-schedule.ts';

export interface KubernetesObject {
  file: string;
  value: Json;
}

const WORKLOAD_KINDS = new Set([
  'Deployment',
  'StatefulSet',
  'ReplicaSet',
  'ReplicationController',
  'DaemonSet',
  'Job',
  'CronJob',
  'Pod',
]);
/** Kinds read for what they say about workloads (scaling, exposure, secrets, region). */
const READ_KINDS = new Set([
  'HorizontalPodAutoscaler',
  'ScaledObject',
  'Service',
  'Ingress',
  'ExternalSecret',
  'ClusterConfig',
]);
const GPU_RESOURCE = 'nvidia.com/gpu';
const OTHER_ACCELERATORS = /^(amd\.com\/gpu|gpu\.intel\.com\/|aws\.amazon\.com\/neuron)/;

/**
 * The ARN an ECS task would name for an External Secrets remoteRef: a Secrets Manager key with a
 * JSON property or a version becomes `<secret ARN>:<json-key>:<version-stage>:<version-id>`, the
 * form the scenario (and ECS) takes (ECS Developer Guide, "Specifying sensitive data").
 */
function secretArnOf(remoteRef: Json | undefined): unknown {
  const key = remoteRef?.key;
  if (typeof key !== 'string' || !key.startsWith('arn:') || !key.includes(':secretsmanager:')) return key;
  const property = asString(remoteRef!.property) ?? '';
  const version = asString(remoteRef!.version) ?? '';
  if (property === '' && version === '') return key;
  const [stage, id] = version.startsWith('uuid/') ? ['', version.slice(5)] : [version, ''];
  return `${key}:${property}:${stage}:${id}`;
}

/** True when the value looks like a Kubernetes object. */
export const isKubernetesObject = (value: Json): boolean =>
  typeof value.apiVersion === 'string' && typeof value.kind === 'string';

const nameOf = (object: Json): string => asString(asObject(object.metadata)?.name) ?? '';
const namespaceOf = (object: Json): string => asString(asObject(object.metadata)?.namespace) ?? 'default';
const label = (object: Json): string => `${String(object.kind)}/${shown(nameOf(object) || '(no name)')}`;

interface Workload {
  object: KubernetesObject;
  kind: string;
  podSpec: Json;
  podLabels: Record<string, string>;
  draft?: ServiceDraft;
  replicasStated: boolean;
  /** A KEDA ScaledObject sets its replica count. */
  scaledByKeda?: boolean;
}

interface Amounts {
  cpu: number;
  memoryGiB: number;
  storageGiB: number;
  gpu: number;
}
const ZERO: Amounts = { cpu: 0, memoryGiB: 0, storageGiB: 0, gpu: 0 };
const add = (a: Amounts, b: Amounts): Amounts => ({
  cpu: a.cpu + b.cpu,
  memoryGiB: a.memoryGiB + b.memoryGiB,
  storageGiB: a.storageGiB + b.storageGiB,
  gpu: a.gpu + b.gpu,
});
const max = (a: Amounts, b: Amounts): Amounts => ({
  cpu: Math.max(a.cpu, b.cpu),
  memoryGiB: Math.max(a.memoryGiB, b.memoryGiB),
  storageGiB: Math.max(a.storageGiB, b.storageGiB),
  gpu: Math.max(a.gpu, b.gpu),
});

/** The pod template of a workload, wherever its kind keeps it. */
function podSpecOf(object: Json): { spec: Json; labels: Record<string, string> } | undefined {
  const spec = asObject(object.spec);
  let template: Json | undefined;
  if (object.kind === 'Pod') template = { metadata: object.metadata, spec };
  else if (object.kind === 'CronJob') template = asObject(asObject(asObject(spec?.jobTemplate)?.spec)?.template);
  else template = asObject(spec?.template);
  const podSpec = asObject(template?.spec);
  if (!podSpec) return undefined;
  const labels = asObject(asObject(template?.metadata)?.labels) ?? {};
  return {
    spec: podSpec,
    labels: Object.fromEntries(Object.entries(labels).filter((e): e is [string, string] => typeof e[1] === 'string')),
  };
}

class PodReader {
  constructor(
    private readonly context: ImportContext,
    private readonly source: DraftSource,
  ) {}

  /** What one container requests: requests, else limits (Kubernetes copies limits to requests). */
  container(container: Json, where: string): { amounts: Amounts; stated: boolean } {
    const resources = asObject(container.resources);
    const requests = asObject(resources?.requests) ?? {};
    const limits = asObject(resources?.limits) ?? {};
    let stated = false;
    const read = (key: string, parse: (raw: unknown) => { ok: boolean; value?: number; problem?: string }): number => {
      const raw = requests[key] ?? limits[key];
      if (raw === undefined) return 0;
      stated = true;
      const parsed = parse(raw);
      if (!parsed.ok) {
        this.context.problem(this.source, `${where} resources ${key}: ${parsed.problem}`);
        return 0;
      }
      return parsed.value!;
    };
    const onlyLimits = ['cpu', 'memory'].filter((key) => requests[key] === undefined && limits[key] !== undefined);
    if (onlyLimits.length > 0)
      this.context.note(
        this.source,
        `${where} sets only limits for ${onlyLimits.join(' and ')}: its request is its limit, as in Kubernetes`,
      );
    for (const key of Object.keys({ ...requests, ...limits }))
      if (OTHER_ACCELERATORS.test(key))
        this.context.note(
          this.source,
          `${where} asks for ${shown(key)}: not priced (the scenario knows NVIDIA GPUs only)`,
        );
    const amounts = {
      cpu: read('cpu', kubernetesCpu),
      memoryGiB: read('memory', kubernetesMemoryGiB),
      storageGiB: read('ephemeral-storage', kubernetesMemoryGiB),
      gpu: read(GPU_RESOURCE, parseKubernetesQuantity),
    };
    return { amounts, stated };
  }

  /** The pod's effective request, by the scheduler's rule. */
  pod(podSpec: Json): { amounts: Amounts; containers: Json[]; unstated: string[] } {
    const containers = asObjects(podSpec.containers);
    const unstated: string[] = [];
    let app = ZERO;
    for (const container of containers) {
      const name = `container ${shown(asString(container.name) ?? '?')}`;
      const read = this.container(container, name);
      if (!read.stated) unstated.push(name);
      app = add(app, read.amounts);
    }
    let sidecars = ZERO;
    let init = ZERO;
    for (const container of asObjects(podSpec.initContainers)) {
      const sidecar = container.restartPolicy === 'Always';
      const name = `${sidecar ? 'sidecar' : 'init'} container ${shown(asString(container.name) ?? '?')}`;
      const read = this.container(container, name);
      if (sidecar) {
        sidecars = add(sidecars, read.amounts);
        init = max(init, sidecars);
        this.context.note(this.source, `${name} runs beside the app (restartPolicy: Always): its requests are added`);
      } else {
        init = max(init, add(read.amounts, sidecars));
      }
    }
    let amounts = max(add(app, sidecars), init);
    const overhead = asObject(podSpec.overhead);
    if (overhead) {
      const read = this.container({ resources: { requests: overhead } }, 'pod overhead');
      amounts = add(amounts, read.amounts);
      this.context.note(this.source, 'pod overhead (from its RuntimeClass) is added to the requests');
    }
    return { amounts, containers, unstated };
  }
}

const ARCH: Record<string, 'x86_64' | 'arm64'> = { amd64: 'x86_64', arm64: 'arm64' };

function placement(podSpec: Json, draft: ServiceDraft, context: ImportContext): void {
  const selector = asObject(podSpec.nodeSelector) ?? {};
  const arch = asString(selector['kubernetes.io/arch'] ?? selector['beta.kubernetes.io/arch']);
  const os = asString(selector['kubernetes.io/os'] ?? selector['beta.kubernetes.io/os']);
  const required = asObject(
    asObject(asObject(podSpec.affinity)?.nodeAffinity)?.requiredDuringSchedulingIgnoredDuringExecution,
  );
  let affinityArch: string | undefined;
  for (const term of asObjects(required?.nodeSelectorTerms))
    for (const expression of asObjects(term.matchExpressions)) {
      const values = asArray(expression.values);
      if (expression.key === 'kubernetes.io/arch' && expression.operator === 'In' && values.length === 1)
        affinityArch = asString(values[0]);
    }
  const chosen = arch ?? affinityArch;
  if (chosen !== undefined) {
    if (ARCH[chosen]) draft.arch = ARCH[chosen];
    else
      context.note(draft.source, `node architecture ${shown(chosen)} is not one the scenario prices: x86_64 assumed`);
  }
  if (os === 'windows') draft.os = 'windows';
  if (asObject(podSpec.affinity) && affinityArch === undefined)
    context.note(draft.source, 'affinity rules are not read (they change where pods run, not what they request)');
}

/** Kubernetes expands $(VAR) and turns $$ into $; the value a container sees is what the scenario keeps. */
export function unescapeKubernetesEnvValue(value: string): string {
  return value.replace(/\$\$/g, '$');
}

function environment(
  container: Json,
  draft: ServiceDraft,
  context: ImportContext,
  externalSecrets: Map<string, Map<string, unknown>>,
  namespace: string,
): void {
  for (const entry of asObjects(container.env)) {
    const name = asString(entry.name) ?? '';
    const valueFrom = asObject(entry.valueFrom);
    if (!valueFrom) {
      const raw = asString(entry.value) ?? '';
      if (/\$\((\w+)\)/.test(raw.replace(/\$\$/g, '')))
        context.note(
          draft.source,
          `environment variable ${shown(name)} refers to another variable with $(...): kept as written`,
        );
      context.addEnvironment(draft, name, unescapeKubernetesEnvValue(raw));
      continue;
    }
    const secretRef = asObject(valueFrom.secretKeyRef);
    const remote = secretRef
      ? externalSecrets.get(`${namespace}/${asString(secretRef.name)}`)?.get(asString(secretRef.key) ?? '')
      : undefined;
    if (remote !== undefined) {
      context.addSecret(draft, name, remote);
      continue;
    }
    const from = secretRef
      ? `Secret ${shown(secretRef.name)}`
      : Object.keys(valueFrom)
          .map((key) => shown(key))
          .join(', ');
    context.note(
      draft.source,
      `environment variable ${shown(name)} comes from ${from} (valueFrom): left out, as its value is not in the file; add it as a secret ARN if it is one`,
    );
  }
  if (asArray(container.envFrom).length > 0)
    context.note(draft.source, 'envFrom (whole ConfigMaps or Secrets) is not read: add those variables by hand');
}

function healthPath(container: Json): string | undefined {
  for (const probe of ['readinessProbe', 'livenessProbe', 'startupProbe']) {
    const path = asString(asObject(asObject(container[probe])?.httpGet)?.path);
    if (path !== undefined && /^\/\S*$/.test(path)) return path;
  }
  return undefined;
}

/**
 * A CronJob's schedule as the scenario's `{cron, runMinutes}`. A CronJob does not say how long a
 * run lasts; `activeDeadlineSeconds` is the longest Kubernetes lets one run (Kubernetes docs, Jobs:
 * "Job termination and cleanup"), so it is taken as the run time, noted; without it nothing is
 * guessed: the job is priced for the whole month and the note says what to set.
 */
function cronSchedule(object: Json, draft: ServiceDraft, context: ImportContext): void {
  const spec = asObject(object.spec) ?? {};
  const cron = asString(spec.schedule);
  if (cron === undefined) {
    context.note(draft.source, 'has no spec.schedule: priced as running all month');
    return;
  }
  const job = asObject(asObject(spec.jobTemplate)?.spec) ?? {};
  const deadline = asNumber(job.activeDeadlineSeconds);
  const timeZone = asString(spec.timeZone);
  if (timeZone !== undefined && timeZone !== 'UTC' && timeZone !== 'Etc/UTC')
    context.note(
      draft.source,
      `timeZone ${shown(timeZone)}: the scenario's schedules are UTC (the hours a month are the same)`,
    );
  if (deadline === undefined || deadline <= 0) {
    context.note(
      draft.source,
      `runs on the schedule "${shown(cron)}", but a CronJob does not say how long a run lasts (no activeDeadlineSeconds): priced as running all month; set services[].schedule to {"cron": "${shown(cron)}", "runMinutes": N}`,
    );
    return;
  }
  const runMinutes = Math.ceil(deadline / 60);
  draft.schedule = { cron, runMinutes };
  context.note(
    draft.source,
    `runs on the schedule "${shown(cron)}"; each run is taken to last its activeDeadlineSeconds (${deadline} s), the longest Kubernetes lets it run: schedule runMinutes ${runMinutes}`,
  );
}

function replicasOf(object: Json, context: ImportContext, source: DraftSource): { replicas: number; stated: boolean } {
  const spec = asObject(object.spec) ?? {};
  switch (object.kind) {
    case 'Pod':
      return { replicas: 1, stated: true };
    case 'Job':
    case 'CronJob': {
      const job = object.kind === 'CronJob' ? (asObject(asObject(spec.jobTemplate)?.spec) ?? {}) : spec;
      const parallelism = asNumber(job.parallelism);
      if (object.kind !== 'CronJob')
        context.note(
          source,
          'a Job runs until it completes: priced as running all month; set hoursPerMonth to its run time',
        );
      if (parallelism === undefined) return { replicas: 1, stated: false };
      return { replicas: parallelism, stated: true };
    }
    default: {
      const replicas = asNumber(spec.replicas);
      return replicas === undefined ? { replicas: 1, stated: false } : { replicas, stated: true };
    }
  }
}

/** Controllers read in place of the objects they own (a Deployment instead of its ReplicaSets and Pods). */
function ownerIn(object: Json, present: Set<string>): string | undefined {
  for (const owner of asObjects(asObject(object.metadata)?.ownerReferences)) {
    const key = `${namespaceOf(object)}/${asString(owner.kind)}/${asString(owner.name)}`;
    if (present.has(key)) return `${asString(owner.kind)}/${shown(asString(owner.name))}`;
  }
  return undefined;
}

const selects = (selector: Json | undefined, labels: Record<string, string>): boolean => {
  const entries = Object.entries(selector ?? {});
  return entries.length > 0 && entries.every(([key, value]) => labels[key] === value);
};

/** kube-system add-ons the EKS on EC2 estimate places itself, as the export installs them. */
const ESTIMATED_ADD_ONS: ReadonlySet<string> = new Set([CLUSTER_AUTOSCALER_KEY]);

export function importKubernetes(objects: readonly KubernetesObject[], context: ImportContext): ServiceDraft[] {
  const present = new Set(objects.map((o) => `${namespaceOf(o.value)}/${String(o.value.kind)}/${nameOf(o.value)}`));
  const ignored = new Map<string, string[]>();
  const workloads: Workload[] = [];
  const externalSecrets = new Map<string, Map<string, unknown>>();

  for (const object of objects) {
    const { value } = object;
    const kind = String(value.kind);
    if (kind === 'ExternalSecret') {
      const spec = asObject(value.spec) ?? {};
      const target = asString(asObject(spec.target)?.name) ?? nameOf(value);
      const keys = new Map<string, unknown>();
      for (const item of asObjects(spec.data))
        keys.set(asString(item.secretKey) ?? '', secretArnOf(asObject(item.remoteRef)));
      externalSecrets.set(`${namespaceOf(value)}/${target}`, keys);
    }
    if (kind === 'ClusterConfig') {
      const region = asString(asObject(value.metadata)?.region);
      if (region) context.regions.push({ region, source: { file: object.file, object: label(value) } });
    }
    if (!WORKLOAD_KINDS.has(kind)) {
      if (!READ_KINDS.has(kind)) ignored.set(object.file, [...(ignored.get(object.file) ?? []), label(value)]);
      continue;
    }
    const source = { file: object.file, object: label(value) };
    const owner = ownerIn(value, present);
    if (owner) {
      context.note(source, `left out: it belongs to ${owner}, which is read instead`);
      continue;
    }
    if (namespaceOf(value) === 'kube-system' && ESTIMATED_ADD_ONS.has(nameOf(value))) {
      context.note(source, 'left out: the estimate counts this add-on itself on EKS on EC2 (docs/capacity-rules.md)');
      continue;
    }
    const pod = podSpecOf(value);
    if (!pod) {
      context.problem(source, 'has no pod template (spec.template.spec)');
      continue;
    }
    workloads.push({ object, kind, podSpec: pod.spec, podLabels: pod.labels, replicasStated: false });
  }
  for (const [file, labels] of ignored)
    context.note(
      { file, object: '' },
      `not priced, so not read: ${labels.slice(0, 12).join(', ')}${labels.length > 12 ? ` and ${labels.length - 12} more` : ''}`,
    );

  for (const workload of workloads) {
    const { value, file } = workload.object;
    const source = { file, object: label(value) };
    if (workload.kind === 'DaemonSet') {
      const pod = new PodReader(context, source).pod(workload.podSpec).amounts;
      context.daemon(
        source,
        nameOf(value) || 'daemon',
        tidy(pod.cpu),
        tidy(pod.memoryGiB),
        'runs one pod on every node',
      );
      continue;
    }
    const { amounts, containers, unstated } = new PodReader(context, source).pod(workload.podSpec);
    const { replicas, stated } = replicasOf(value, context, source);
    if (containers.length === 0) {
      context.problem(source, 'has no containers');
      continue;
    }
    const draft: ServiceDraft = {
      name: nameOf(value) || `${workload.kind.toLowerCase()}`,
      vcpu: tidy(amounts.cpu),
      memoryGiB: tidy(amounts.memoryGiB),
      replicas,
      source,
    };
    if (unstated.length > 0)
      context.note(
        source,
        `${unstated.join(', ')} state${unstated.length === 1 ? 's' : ''} no requests or limits (it may use any spare capacity, which nothing prices)`,
      );
    if (amounts.cpu <= 0) {
      draft.vcpu = DEFAULT_IMPORT_SIZE.vcpu;
      context.note(source, `no CPU request: ${DEFAULT_IMPORT_SIZE.vcpu} vCPU assumed (the smallest Fargate size)`);
    }
    if (amounts.memoryGiB <= 0) {
      draft.memoryGiB = DEFAULT_IMPORT_SIZE.memoryGiB;
      context.note(
        source,
        `no memory request: ${DEFAULT_IMPORT_SIZE.memoryGiB} GiB assumed (the smallest Fargate size)`,
      );
    }
    if (amounts.gpu > 0) draft.gpu = Math.ceil(amounts.gpu);
    if (amounts.storageGiB > FARGATE_INCLUDED_STORAGE_GIB)
      draft.ephemeralStorageGiB = Math.ceil(tidy(amounts.storageGiB));
    const main = containers[0]!;
    if (containers.length > 1)
      context.note(
        source,
        `has ${containers.length} containers: their requests are summed; image, port, probe and environment come from the first, ${shown(asString(main.name) ?? '?')}`,
      );
    context.setImage(draft, main.image);
    const port = asNumber(asObjects(main.ports)[0]?.containerPort);
    if (port !== undefined) draft.port = port;
    const path = healthPath(main);
    if (path !== undefined) draft.healthCheckPath = path;
    placement(workload.podSpec, draft, context);
    environment(main, draft, context, externalSecrets, namespaceOf(value));
    if (workload.kind === 'CronJob') cronSchedule(value, draft, context);
    workload.draft = draft;
    workload.replicasStated = stated;
  }

  applyAutoscalers(objects, workloads, context);
  applyScaledObjects(objects, workloads, context);
  for (const workload of workloads)
    if (
      workload.draft &&
      !workload.replicasStated &&
      !workload.draft.autoscaling &&
      !workload.scaledByKeda &&
      workload.kind !== 'Job' &&
      workload.kind !== 'CronJob'
    )
      context.note(workload.draft.source, 'spec.replicas not set: 1, as Kubernetes defaults');
  applyExposure(objects, workloads, context);
  return workloads.flatMap((w) => (w.draft ? [w.draft] : []));
}

function cpuTarget(spec: Json): number | undefined {
  const v1 = asNumber(spec.targetCPUUtilizationPercentage);
  if (v1 !== undefined) return v1;
  for (const metric of asObjects(spec.metrics)) {
    const resource = asObject(metric.resource);
    if (metric.type !== 'Resource' || resource?.name !== 'cpu') continue;
    const target =
      asNumber(asObject(resource.target)?.averageUtilization) ?? asNumber(resource.targetAverageUtilization);
    if (target !== undefined) return target;
  }
  return undefined;
}

function applyAutoscalers(objects: readonly KubernetesObject[], workloads: Workload[], context: ImportContext): void {
  for (const { file, value } of objects) {
    if (value.kind !== 'HorizontalPodAutoscaler') continue;
    const source = { file, object: label(value) };
    const spec = asObject(value.spec) ?? {};
    const target = asObject(spec.scaleTargetRef) ?? {};
    const workload = workloads.find(
      (w) =>
        w.kind === target.kind &&
        nameOf(w.object.value) === target.name &&
        namespaceOf(w.object.value) === namespaceOf(value),
    );
    if (!workload?.draft) {
      context.note(
        source,
        `scales ${shown(target.kind)}/${shown(target.name)}, which is not among the imported workloads: not read`,
      );
      continue;
    }
    const draft = workload.draft;
    const min = asNumber(spec.minReplicas) ?? 1;
    const maxReplicas = asNumber(spec.maxReplicas);
    if (maxReplicas === undefined) {
      context.problem(source, 'has no maxReplicas');
      continue;
    }
    const cpu = cpuTarget(spec);
    draft.autoscaling = { min, max: maxReplicas, ...(cpu === undefined ? {} : { targetCpuPercent: Math.round(cpu) }) };
    if (cpu === undefined)
      context.note(source, 'scales on metrics other than CPU utilization: the scenario scales on CPU, 70% assumed');
    else if (asObjects(spec.metrics).length > 1)
      context.note(source, 'has several metrics: only the CPU utilization target is kept');
    if (asObject(spec.behavior))
      context.note(source, 'behavior (scaling speed and stabilization) is not read: it does not change the price');
    if (!workload.replicasStated) {
      draft.replicas = min;
      context.note(draft.source, `replicas: ${min}, the autoscaler's minimum`);
    } else if (draft.replicas < min || draft.replicas > maxReplicas) {
      const clamped = Math.min(Math.max(draft.replicas, min), maxReplicas);
      context.note(
        draft.source,
        `replicas ${draft.replicas} is outside the autoscaler's ${min}-${maxReplicas}: ${clamped}, where it would scale to`,
      );
      draft.replicas = clamped;
    }
  }
}

/** KEDA's maxReplicaCount when a ScaledObject leaves it out (KEDA docs, "Scaling Deployments"). */
const KEDA_DEFAULT_MAX_REPLICAS = 100;

/**
 * KEDA ScaledObjects (keda.sh/v1alpha1). A cron trigger that opens once a day at one time on some
 * days of the week and closes the same way, with minReplicaCount 0, is a weekly window running its
 * desiredReplicas (zero outside); a CPU utilization trigger is the autoscaling target, from the
 * window's replicas up to maxReplicaCount (KEDA's HPA follows the highest trigger). This is the
 * shape the EKS export writes for a weekly window (docs/export-rules.md, "Schedules").
 */
function applyScaledObjects(objects: readonly KubernetesObject[], workloads: Workload[], context: ImportContext): void {
  for (const { file, value } of objects) {
    if (value.kind !== 'ScaledObject') continue;
    const source = { file, object: label(value) };
    const spec = asObject(value.spec) ?? {};
    const target = asObject(spec.scaleTargetRef) ?? {};
    const kind = asString(target.kind) ?? 'Deployment';
    const workload = workloads.find(
      (w) =>
        w.kind === kind && nameOf(w.object.value) === target.name && namespaceOf(w.object.value) === namespaceOf(value),
    );
    if (!workload?.draft) {
      context.note(
        source,
        `scales ${shown(kind)}/${shown(target.name)}, which is not among the imported workloads: not read`,
      );
      continue;
    }
    const draft = workload.draft;
    const triggers = asObjects(spec.triggers);
    const crons = triggers.filter((t) => t.type === 'cron');
    const cpu = triggers.find((t) => t.type === 'cpu');
    const others = triggers.filter((t) => t.type !== 'cron' && t.type !== 'cpu');
    if (others.length > 0)
      context.note(
        source,
        `triggers ${others.map((t) => shown(t.type)).join(', ')} are not read: the scenario scales on CPU and on a weekly window`,
      );
    const minReplicas = asNumber(spec.minReplicaCount) ?? 0;
    const maxReplicas = asNumber(spec.maxReplicaCount) ?? KEDA_DEFAULT_MAX_REPLICAS;
    let inWindow: number | undefined;
    if (crons.length > 1) context.note(source, `${crons.length} cron triggers: a weekly window is one; not read`);
    else if (crons.length === 1) {
      const metadata = asObject(crons[0]!.metadata) ?? {};
      const weekly = weeklyOfUnixCrons(asString(metadata.start) ?? '', asString(metadata.end) ?? '');
      const replicas = asNumber(metadata.desiredReplicas);
      const zone = asString(metadata.timezone);
      if (zone !== undefined && zone !== 'UTC' && zone !== 'Etc/UTC')
        context.note(
          source,
          `timezone ${shown(zone)}: the scenario's schedules are UTC (the hours a month are the same)`,
        );
      if (!weekly.ok) context.note(source, `its cron trigger: ${weekly.problem}; not read`);
      else if (replicas === undefined) context.note(source, 'its cron trigger has no desiredReplicas: not read');
      else if (minReplicas > 0)
        context.note(
          source,
          `keeps minReplicaCount ${minReplicas} outside its cron window: not a window with nothing running outside it; not read as a schedule`,
        );
      else {
        draft.schedule = { weekly: weekly.weekly };
        inWindow = replicas;
        context.note(
          source,
          `${replicas} replica${replicas === 1 ? '' : 's'} ${weekly.weekly.days.join(', ')} ${weekly.weekly.start}-${weekly.weekly.end} UTC, none outside: schedule weekly`,
        );
      }
    }
    if (cpu || inWindow !== undefined) workload.scaledByKeda = true;
    if (cpu) {
      const metadata = asObject(cpu.metadata) ?? {};
      const type = asString(cpu.metricType) ?? asString(metadata.type) ?? 'Utilization';
      const value = asNumber(metadata.value);
      const min = inWindow ?? minReplicas;
      if (draft.autoscaling) context.note(source, 'the workload also has an HPA: the ScaledObject is read instead');
      draft.autoscaling = {
        min,
        max: Math.max(min, maxReplicas),
        ...(type === 'Utilization' && value !== undefined ? { targetCpuPercent: Math.round(value) } : {}),
      };
      if (type !== 'Utilization' || value === undefined)
        context.note(source, 'its cpu trigger is not a utilization target: 70% assumed');
      draft.replicas = min;
      context.note(source, `replicas ${min}, autoscaling ${min}-${Math.max(min, maxReplicas)} on CPU`);
    } else if (inWindow !== undefined) {
      draft.replicas = inWindow;
      if (draft.autoscaling) {
        context.note(source, 'the workload also has an HPA: the ScaledObject is read instead');
        delete draft.autoscaling;
      }
    }
  }
}

const INTERNAL_ANNOTATIONS: [string, string][] = [
  ['service.beta.kubernetes.io/aws-load-balancer-scheme', 'internal'],
  ['service.beta.kubernetes.io/aws-load-balancer-internal', 'true'],
  ['alb.ingress.kubernetes.io/scheme', 'internal'],
];
const isInternal = (object: Json): boolean => {
  const annotations = asObject(asObject(object.metadata)?.annotations) ?? {};
  return INTERNAL_ANNOTATIONS.some(([key, value]) => String(annotations[key]).toLowerCase() === value);
};

function applyExposure(objects: readonly KubernetesObject[], workloads: Workload[], context: ImportContext): void {
  const services = objects.filter((o) => o.value.kind === 'Service');
  const selected = (service: Json): Workload[] =>
    workloads.filter(
      (w) =>
        w.draft &&
        namespaceOf(w.object.value) === namespaceOf(service) &&
        selects(asObject(asObject(service.spec)?.selector), w.podLabels),
    );
  for (const { file, value } of services) {
    if (asObject(value.spec)?.type !== 'LoadBalancer') continue;
    const source = { file, object: label(value) };
    if (isInternal(value)) {
      context.note(source, 'an internal load balancer: the services behind it are not marked public');
      continue;
    }
    context.loadBalancers++;
    for (const workload of selected(value)) workload.draft!.public = true;
  }
  const ingressGroups = new Set<string>();
  for (const { file, value } of objects) {
    if (value.kind !== 'Ingress') continue;
    const source = { file, object: label(value) };
    if (isInternal(value)) {
      context.note(source, 'an internal load balancer: the services behind it are not marked public');
      continue;
    }
    const group = asString(asObject(asObject(value.metadata)?.annotations)?.['alb.ingress.kubernetes.io/group.name']);
    if (group === undefined || !ingressGroups.has(group)) context.loadBalancers++;
    if (group !== undefined) ingressGroups.add(group);
    const spec = asObject(value.spec) ?? {};
    const backends: { service: string; host?: string }[] = [];
    // A backend on port `use-annotation` names an action (a fixed response, a redirect) in the
    // Ingress's annotations, not a Service (AWS Load Balancer Controller annotations, "actions").
    const isAction = (backend: Json | undefined) =>
      asString(asObject(asObject(backend?.service)?.port)?.name) === 'use-annotation';
    const defaultBackend = isAction(asObject(spec.defaultBackend))
      ? undefined
      : asString(asObject(asObject(spec.defaultBackend)?.service)?.name);
    if (defaultBackend) backends.push({ service: defaultBackend });
    for (const rule of asObjects(spec.rules))
      for (const path of asObjects(asObject(rule.http)?.paths)) {
        const service = isAction(asObject(path.backend))
          ? undefined
          : asString(asObject(asObject(path.backend)?.service)?.name);
        if (service) backends.push({ service, host: asString(rule.host) });
      }
    for (const backend of backends) {
      const service = services.find(
        (s) => nameOf(s.value) === backend.service && namespaceOf(s.value) === namespaceOf(value),
      );
      if (!service) {
        context.note(source, `routes to Service ${shown(backend.service)}, which is not in the input`);
        continue;
      }
      for (const workload of selected(service.value)) {
        const draft = workload.draft!;
        draft.public = true;
        if (backend.host === undefined) continue;
        if (draft.host === undefined) draft.host = backend.host;
        else if (draft.host !== backend.host)
          context.note(
            draft.source,
            `also served as ${shown(backend.host)}: the scenario keeps one host, ${draft.host}`,
          );
      }
    }
  }
}
