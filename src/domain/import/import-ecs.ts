/**
 * ECS task definitions (the RegisterTaskDefinition input, the `describe-task-definition` answer
 * `{"taskDefinition": {...}}`) and ECS services (`describe-services` `{"services": [...]}`, or one
 * CreateService input) to service drafts.
 *
 * Sizes (ECS Developer Guide, "Task definition parameters"): task-level cpu and memory, when set,
 * are what the task gets and what Fargate bills, so they win over container values. Without them
 * the task reserves the sum of its containers' cpu units and, per container, memoryReservation
 * (the soft limit ECS reserves on the instance) or else memory (the hard limit).
 */
import { FLOAT_TOLERANCE } from '../numeric/float-tolerance.ts';
import { DEFAULT_IMPORT_SIZE, type ImportContext } from './import-context.ts';
import type { DraftSource, ServiceDraft } from './import-types.ts';
import {
  asArray,
  asNumber,
  asObject,
  asObjects,
  asString,
  healthPathOfCommand,
  shown,
  tidy,
  type Json,
} from './read-values.ts';
import { ecsCpuVcpu, ecsMemoryGiB } from './quantities.ts';
import { FARGATE_INCLUDED_STORAGE_GIB } from '../sizing/fargate-sizes.ts';

export interface EcsDocument {
  file: string;
  value: Json;
  /** What Terraform says beside the service (autoscaling, host, schedule); describe-services has none of it. */
  extra?: Pick<ServiceDraft, 'autoscaling' | 'host' | 'schedule'> & {
    /** Tasks EventBridge Scheduler starts on a cron (no ECS service): the count is the tasks of a run. */
    job?: boolean;
  };
  /** Where the document sits, when it is not the file itself ("aws_ecs_service.web"). */
  object?: string;
}

/** The task definition a document holds, in either shape, or undefined. */
export function taskDefinitionOf(value: Json): Json | undefined {
  const wrapped = asObject(value.taskDefinition);
  if (wrapped && Array.isArray(wrapped.containerDefinitions)) return wrapped;
  return Array.isArray(value.containerDefinitions) ? value : undefined;
}

/** The ECS services a document describes (describe-services answer, or one service). */
export function ecsServicesOf(value: Json): Json[] | undefined {
  const isService = (item: Json) => typeof item.serviceName === 'string' && typeof item.taskDefinition === 'string';
  if (Array.isArray(value.services)) {
    const services = asObjects(value.services);
    return services.length > 0 && services.every(isService) ? services : undefined;
  }
  const wrapped = asObject(value.service);
  if (wrapped && isService(wrapped)) return [wrapped];
  return isService(value) ? [value] : undefined;
}

/** "arn:aws:ecs:us-east-1:123:task-definition/web:7" or "web:7" or "web" -> "web". */
export const familyOfReference = (reference: string): string =>
  (reference.split('/').pop() ?? reference).replace(/:\d+$/, '');

const regionOfArn = (arn: unknown): string | undefined => asString(arn)?.split(':')[3] || undefined;

const healthPath = (container: Json): string | undefined =>
  healthPathOfCommand(asObject(container.healthCheck)?.command);

function mainContainer(containers: Json[]): Json {
  const essential = containers.filter((c) => c.essential !== false);
  return essential.find((c) => asObjects(c.portMappings).length > 0) ?? essential[0] ?? containers[0]!;
}

function sizes(definition: Json, containers: Json[], draft: ServiceDraft, context: ImportContext): void {
  const source = draft.source;
  let vcpu: number | undefined;
  let memoryGiB: number | undefined;
  if (definition.cpu !== undefined && definition.cpu !== null) {
    const parsed = ecsCpuVcpu(definition.cpu);
    if (parsed.ok) vcpu = parsed.value;
    else context.problem(source, `cpu: ${parsed.problem}`);
  }
  if (definition.memory !== undefined && definition.memory !== null) {
    const parsed = ecsMemoryGiB(definition.memory);
    if (parsed.ok) memoryGiB = parsed.value;
    else context.problem(source, `memory: ${parsed.problem}`);
  }
  const containerCpu = containers.reduce((sum, c) => sum + (asNumber(c.cpu) ?? 0), 0) / 1024;
  let containerMemory = 0;
  let soft = false;
  let containerMemoryMissing = false;
  for (const container of containers) {
    const reservation = asNumber(container.memoryReservation);
    const limit = asNumber(container.memory);
    if (reservation !== undefined) soft = true;
    if (reservation === undefined && limit === undefined) containerMemoryMissing = true;
    containerMemory += (reservation ?? limit ?? 0) / 1024;
  }
  if (vcpu !== undefined && containerCpu > 0 && Math.abs(containerCpu - vcpu) > FLOAT_TOLERANCE)
    context.note(
      source,
      `task-level cpu (${tidy(vcpu)} vCPU) is used: it wins over the containers' ${tidy(containerCpu)} vCPU`,
    );
  if (memoryGiB !== undefined && containerMemory > 0 && Math.abs(containerMemory - memoryGiB) > FLOAT_TOLERANCE)
    context.note(
      source,
      `task-level memory (${tidy(memoryGiB)} GiB) is used: it wins over the containers' ${tidy(containerMemory)} GiB`,
    );
  if (vcpu === undefined) {
    if (containerCpu > 0) vcpu = containerCpu;
    else {
      vcpu = DEFAULT_IMPORT_SIZE.vcpu;
      context.note(source, `no cpu on the task or its containers: ${vcpu} vCPU assumed (the smallest Fargate size)`);
    }
  }
  if (memoryGiB === undefined) {
    if (containerMemory > 0) {
      memoryGiB = containerMemory;
      if (soft)
        context.note(
          source,
          'memory from memoryReservation where a container sets it (what ECS reserves on the instance)',
        );
      if (containerMemoryMissing) context.note(source, 'a container states no memory: it adds nothing');
    } else {
      memoryGiB = DEFAULT_IMPORT_SIZE.memoryGiB;
      context.note(
        source,
        `no memory on the task or its containers: ${memoryGiB} GiB assumed (the smallest Fargate size)`,
      );
    }
  }
  draft.vcpu = tidy(vcpu);
  draft.memoryGiB = tidy(memoryGiB);
}

function taskDefinitionDraft(input: EcsDocument, context: ImportContext): ServiceDraft | undefined {
  const definition = input.value;
  const family = asString(definition.family) ?? familyOfReference(asString(definition.taskDefinitionArn) ?? '');
  const source: DraftSource = {
    file: input.file,
    object: input.object ?? `task definition ${shown(family || '(no family)')}`,
  };
  const containers = asObjects(definition.containerDefinitions);
  if (containers.length === 0) {
    context.problem(source, 'has no containerDefinitions');
    return undefined;
  }
  const draft: ServiceDraft = {
    name: family || asString(containers[0]!.name) || 'task',
    vcpu: 0,
    memoryGiB: 0,
    replicas: 1,
    source,
  };
  sizes(definition, containers, draft, context);

  const platform = asObject(definition.runtimePlatform);
  const architecture = asString(platform?.cpuArchitecture);
  if (architecture === 'ARM64') draft.arch = 'arm64';
  else if (architecture !== undefined && architecture !== 'X86_64')
    context.note(source, `runtimePlatform.cpuArchitecture ${shown(architecture)} is not known: x86_64 assumed`);
  const family_ = asString(platform?.operatingSystemFamily);
  if (family_?.startsWith('WINDOWS')) draft.os = 'windows';

  const storage = asNumber(asObject(definition.ephemeralStorage)?.sizeInGiB);
  if (storage !== undefined && storage > FARGATE_INCLUDED_STORAGE_GIB) draft.ephemeralStorageGiB = Math.ceil(storage);

  const gpu = containers
    .flatMap((c) => asObjects(c.resourceRequirements))
    .filter((r) => r.type === 'GPU')
    .reduce((sum, r) => sum + (asNumber(r.value) ?? 0), 0);
  if (gpu > 0) draft.gpu = gpu;

  const main = mainContainer(containers);
  if (containers.length > 1)
    context.note(
      source,
      `has ${containers.length} containers: image, port, health check, environment and secrets come from ${shown(asString(main.name) ?? '?')}`,
    );
  context.setImage(draft, main.image);
  const mappings = asObjects(main.portMappings);
  const port = asNumber(mappings[0]?.containerPort);
  if (port !== undefined) draft.port = port;
  if (mappings.length > 1) context.note(source, `maps ${mappings.length} ports: the scenario keeps the first, ${port}`);
  const path = healthPath(main);
  if (path !== undefined) draft.healthCheckPath = path;
  for (const entry of asObjects(main.environment))
    context.addEnvironment(draft, asString(entry.name) ?? '', entry.value);
  for (const entry of asObjects(main.secrets)) context.addSecret(draft, asString(entry.name) ?? '', entry.valueFrom);
  if (asArray(main.environmentFiles).length > 0)
    context.note(source, 'environmentFiles (variables in S3 files) are not read: add those variables by hand');

  if (containers.some((c) => asString(asObject(c.logConfiguration)?.logDriver) === 'awslogs'))
    context.cloudWatchLogSources.push(source);

  const region =
    regionOfArn(definition.taskDefinitionArn) ??
    asString(asObject(asObject(main.logConfiguration)?.options)?.['awslogs-region']);
  if (region && !region.includes('${')) context.regions.push({ region, source });
  return draft;
}

/** Spot share of a capacity provider strategy, as the weights split tasks (base ignored: noted). */
export function spotPercentOf(strategy: Json[]): number | undefined {
  const weights = strategy.map((item) => ({
    spot: asString(item.capacityProvider ?? item.capacity_provider) === 'FARGATE_SPOT',
    fargate: /^FARGATE(_SPOT)?$/.test(asString(item.capacityProvider ?? item.capacity_provider) ?? ''),
    weight: asNumber(item.weight) ?? 0,
  }));
  if (weights.length === 0 || !weights.every((w) => w.fargate)) return undefined;
  const total = weights.reduce((sum, w) => sum + w.weight, 0);
  if (total <= 0) return undefined;
  return tidy((100 * weights.filter((w) => w.spot).reduce((sum, w) => sum + w.weight, 0)) / total);
}

export function importEcs(
  taskDefinitions: readonly EcsDocument[],
  services: readonly EcsDocument[],
  context: ImportContext,
): ServiceDraft[] {
  const drafts: ServiceDraft[] = [];
  const byFamily = new Map<string, ServiceDraft>();
  for (const input of taskDefinitions) {
    const draft = taskDefinitionDraft(input, context);
    if (!draft) continue;
    const family = draft.name;
    if (byFamily.has(family)) {
      context.note(draft.source, `a second task definition of family ${shown(family)}: read as a service of its own`);
    }
    byFamily.set(family, draft);
    drafts.push(draft);
  }
  const used = new Set<ServiceDraft>();
  const daemons = new Set<ServiceDraft>();
  for (const { file, value, extra, object } of services) {
    const source = { file, object: object ?? `ECS service ${shown(value.serviceName)}` };
    const family = familyOfReference(asString(value.taskDefinition) ?? '');
    const draft = byFamily.get(family);
    if (!draft) {
      context.note(source, `runs task definition ${shown(family)}, which is not in the input: not read`);
      continue;
    }
    if (used.has(draft)) {
      context.note(source, `a second service of task definition ${shown(family)}: only the first one's count is used`);
      continue;
    }
    used.add(draft);
    if (value.schedulingStrategy === 'DAEMON') {
      daemons.add(draft);
      context.daemon(
        source,
        asString(value.serviceName) ?? draft.name,
        draft.vcpu,
        draft.memoryGiB,
        'a DAEMON service runs one task on every instance',
      );
      continue;
    }
    const desired = asNumber(value.desiredCount);
    if (desired !== undefined) draft.replicas = desired;
    if (asString(value.serviceName)) draft.name = asString(value.serviceName)!;
    const launchType = asString(value.launchType);
    const strategy = asObjects(value.capacityProviderStrategy);
    const spot = spotPercentOf(strategy);
    if (spot !== undefined) context.fargateSpotPercents.push({ value: spot, source });
    if (!extra?.job)
      context.note(
        source,
        `desiredCount ${desired ?? '(not set: 1)'}; runs on ${launchType ?? (strategy.length > 0 ? 'capacity providers' : 'the default launch type')}: the scenario prices every option`,
      );
    const region = regionOfArn(value.serviceArn);
    if (region) context.regions.push({ region, source });
    if (asObjects(value.loadBalancers).length > 0) {
      draft.public = true;
      if (!extra)
        context.note(source, 'has a load balancer: marked public (check the load balancer is internet-facing)');
    }
    if (extra?.autoscaling) {
      draft.autoscaling = extra.autoscaling;
      const { min, max } = extra.autoscaling;
      if (draft.replicas < min || draft.replicas > max) {
        const clamped = Math.min(Math.max(draft.replicas, min), max);
        context.note(
          source,
          `desired count ${draft.replicas} is outside the autoscaling range ${min}-${max}: ${clamped}`,
        );
        draft.replicas = clamped;
      }
    }
    if (extra?.host) draft.host = extra.host;
    if (extra?.schedule) draft.schedule = extra.schedule;
  }
  for (const draft of drafts)
    if (!used.has(draft) && draft.replicas === 1)
      context.note(
        draft.source,
        'replicas 1 assumed: no ECS service (describe-services) or Terraform beside it gives a desired count',
      );
  return drafts.filter((draft) => !daemons.has(draft));
}
