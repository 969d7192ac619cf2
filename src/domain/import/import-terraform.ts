/**
 * Terraform for ECS (as parsed by HashiCorp's HCL parser into hcl2json's JSON) to the same ECS
 * documents the JSON importer reads: services with their desired counts, capacity provider
 * weights, autoscaling ranges and host rules, and task definitions where no JSON file has them.
 *
 * hcl2json keeps every string as an HCL template: "$${" is a literal "${", and a string holding
 * "${...}" is an expression (a reference) whose value Terraform computes, so it is not read as data.
 */
import type { ImportContext } from './import-context.ts';
import { familyOfReference, type EcsDocument } from './import-ecs.ts';
import { RUN_MINUTES_TAG } from '../export/ecs-terraform-schedule.ts';
import { unixCronOfAwsCron, weeklyOfUnixCrons } from '../schedule/import-schedule.ts';
import type { WeeklySchedule } from '../schedule/service-schedule.ts';
import type { TerraformJson } from './import-types.ts';
import { asArray, asNumber, asObject, asObjects, asString, shown, type Json } from './read-values.ts';

export interface TerraformFile {
  file: string;
  json: TerraformJson;
}

/** The literal text of a template string, or undefined when it holds an expression. */
export function templateLiteral(template: string): string | undefined {
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const three = template.slice(i, i + 3);
    if (three === '$${' || three === '%%{') {
      out += three.slice(1);
      i += 2;
    } else if (three.startsWith('${') || three.startsWith('%{')) return undefined;
    else out += template[i];
  }
  return out;
}

/** Replaces literal strings by their text; strings with expressions stay as written ("${var.x}"). */
function literalValues(value: unknown): unknown {
  if (typeof value === 'string') return templateLiteral(value) ?? value;
  if (Array.isArray(value)) return value.map(literalValues);
  const object = asObject(value);
  if (object) return Object.fromEntries(Object.entries(object).map(([k, v]) => [k, literalValues(v)]));
  return value;
}

/** `"${aws_lb_target_group.web.arn}"` -> "web" for the given resource type. */
const referencedName = (value: unknown, type: string): string | undefined =>
  new RegExp(`\\$\\{${type}\\.([A-Za-z0-9_-]+)\\.`).exec(asString(value) ?? '')?.[1];

interface Resources {
  byType: Map<string, Map<string, { file: string; body: Json }>>;
  locals: Map<string, unknown>;
  variables: Map<string, { file: string; body: Json }>;
}

function collect(files: readonly TerraformFile[]): Resources {
  const byType = new Map<string, Map<string, { file: string; body: Json }>>();
  const locals = new Map<string, unknown>();
  const variables = new Map<string, { file: string; body: Json }>();
  for (const { file, json } of files) {
    for (const [type, named] of Object.entries(asObject(json.resource) ?? {}))
      for (const [name, bodies] of Object.entries(asObject(named) ?? {})) {
        const body = asObjects(bodies)[0];
        if (!body) continue;
        if (!byType.has(type)) byType.set(type, new Map());
        byType.get(type)!.set(name, { file, body });
      }
    for (const block of asObjects(json.locals))
      for (const [name, value] of Object.entries(block)) locals.set(name, value);
    for (const [name, bodies] of Object.entries(asObject(json.variable) ?? {})) {
      const body = asObjects(bodies)[0];
      if (body) variables.set(name, { file, body });
    }
  }
  return { byType, locals, variables };
}

const resources = (all: Resources, type: string) => [
  ...(all.byType.get(type) ?? new Map<string, { file: string; body: Json }>()),
];

/** Strings in a value that hold a Terraform expression ("${var.x}"), walked without recursion. */
function expressionStrings(value: unknown): string[] {
  const found: string[] = [];
  const stack: unknown[] = [value];
  while (stack.length > 0) {
    const item = stack.pop();
    if (typeof item === 'string' && templateLiteral(item) === undefined) found.push(item);
    else if (Array.isArray(item)) stack.push(...item);
    else if (asObject(item)) stack.push(...Object.values(asObject(item)!));
  }
  return found.reverse();
}

/** Where inlineContainerDefinitions keeps the value of an inline `jsonencode([...])`. */
const INLINE_CONTAINERS = Symbol('inline container definitions');

const INLINE_JSONENCODE = /^\$\{jsonencode\(([\s\S]*)\)\}$/;

/**
 * `container_definitions = jsonencode([{ name = "web", ... }])` written inline: hcl2json keeps
 * the call as an expression string, so its argument is parsed again by the same HCL parser, as
 * the value of an attribute, and kept beside the body for taskDefinitionFromTerraform.
 */
export async function inlineContainerDefinitions(
  files: readonly TerraformFile[],
  parse: (path: string, text: string) => Promise<TerraformJson>,
): Promise<void> {
  for (const { file, json } of files)
    for (const bodies of Object.values(asObject(asObject(json.resource)?.aws_ecs_task_definition) ?? {}))
      for (const body of asObjects(bodies)) {
        const argument = INLINE_JSONENCODE.exec(asString(body.container_definitions) ?? '')?.[1];
        if (argument === undefined || /^\s*local\.[A-Za-z0-9_-]+\s*$/.test(argument)) continue;
        try {
          const parsed = await parse(`${file} (container_definitions)`, `value = ${argument}\n`);
          (body as Record<symbol, unknown>)[INLINE_CONTAINERS] = parsed.value;
        } catch {
          // Not a value HCL can write down alone (a function call, a for expression): noted where it is read.
        }
      }
}

function taskDefinitionFromTerraform(all: Resources, body: Json): Json | undefined {
  const raw = asString(body.container_definitions);
  let containers: unknown;
  const local = /^\$\{jsonencode\(local\.([A-Za-z0-9_-]+)\)\}$/.exec(raw ?? '');
  const inline = (body as Record<symbol, unknown>)[INLINE_CONTAINERS];
  if (local) containers = literalValues(all.locals.get(local[1]!));
  else if (inline !== undefined) containers = literalValues(inline);
  else if (raw !== undefined && templateLiteral(raw) !== undefined) {
    try {
      containers = JSON.parse(templateLiteral(raw)!);
    } catch {
      return undefined;
    }
  }
  if (!Array.isArray(containers)) return undefined;
  const platform = asObjects(body.runtime_platform)[0];
  const storage = asObjects(body.ephemeral_storage)[0];
  return {
    family: templateLiteral(asString(body.family) ?? ''),
    cpu: body.cpu,
    memory: body.memory,
    requiresCompatibilities: body.requires_compatibilities,
    ...(platform
      ? {
          runtimePlatform: {
            cpuArchitecture: platform.cpu_architecture,
            operatingSystemFamily: platform.operating_system_family,
          },
        }
      : {}),
    ...(storage ? { ephemeralStorage: { sizeInGiB: storage.size_in_gib } } : {}),
    containerDefinitions: containers,
  };
}

/** A capacity provider strategy in the ECS API's shape (what spotPercentOf reads). */
const strategyOf = (blocks: unknown): Json[] =>
  asObjects(blocks).map((item) => ({
    capacityProvider:
      templateLiteral(asString(item.capacity_provider) ?? '') ?? 'a capacity provider of this configuration',
    weight: item.weight,
  }));

/** A literal AWS cron as the scenario's Unix cron, or a note saying why not. */
function readAwsCron(
  expression: unknown,
  timeZone: unknown,
  source: { file: string; object: string },
  context: ImportContext,
): string | undefined {
  const text = templateLiteral(asString(expression) ?? '');
  if (text === undefined) {
    context.note(source, `its schedule ${shown(expression)} is not a literal: not read`);
    return undefined;
  }
  const read = unixCronOfAwsCron(text);
  if (!read.ok) {
    context.note(source, `schedule ${shown(text)}: ${read.problem}: not read`);
    return undefined;
  }
  const zone = templateLiteral(asString(timeZone) ?? 'UTC');
  if (zone !== 'UTC' && zone !== 'Etc/UTC')
    context.note(
      source,
      `time zone ${shown(zone ?? timeZone)}: the scenario's schedules are UTC (the hours a month are the same)`,
    );
  return read.cron;
}

interface WeeklyWindow {
  weekly: WeeklySchedule['weekly'];
  /** Capacity while the window is open (the opening action's). */
  min: number;
  max: number;
}

/**
 * Weekly windows from Application Auto Scaling scheduled actions: on one scalable target, an
 * action that opens it (max_capacity above 0) and one that closes it (0 and 0), as the export
 * writes them (docs/export-rules.md, "Schedules").
 */
function weeklyWindows(
  all: Resources,
  targets: ReadonlyMap<string, unknown>,
  context: ImportContext,
): { windows: Map<string, WeeklyWindow>; scheduled: Set<string> } {
  const byTarget = new Map<string, { name: string; file: string; body: Json }[]>();
  for (const [name, { file, body }] of resources(all, 'aws_appautoscaling_scheduled_action')) {
    const target = referencedName(body.resource_id, 'aws_appautoscaling_target');
    if (!target || !targets.has(target)) {
      context.note(
        { file, object: `aws_appautoscaling_scheduled_action.${name}` },
        'does not act on a scalable target of this configuration: not read',
      );
      continue;
    }
    byTarget.set(target, [...(byTarget.get(target) ?? []), { name, file, body }]);
  }
  const windows = new Map<string, WeeklyWindow>();
  for (const [target, actions] of byTarget) {
    const capacity = (body: Json) => {
      const action = asObjects(body.scalable_target_action)[0];
      return { min: asNumber(action?.min_capacity), max: asNumber(action?.max_capacity) };
    };
    const opening = actions.filter((a) => (capacity(a.body).max ?? 0) > 0);
    const closing = actions.filter((a) => capacity(a.body).max === 0);
    const first = actions[0]!;
    const source = {
      file: first.file,
      object: actions.map((a) => `aws_appautoscaling_scheduled_action.${a.name}`).join(', '),
    };
    if (opening.length === 0 && closing.length === actions.length) {
      context.note(source, 'every scheduled action scales the service to 0: nothing runs, so no window is read');
      continue;
    }
    if (opening.length !== 1 || closing.length !== 1 || actions.length !== 2) {
      context.note(
        source,
        `${actions.length} scheduled actions on aws_appautoscaling_target.${target}: a weekly window is one that opens it and one that scales it to 0: not read`,
      );
      continue;
    }
    const open = opening[0]!;
    const close = closing[0]!;
    const openSource = { file: open.file, object: `aws_appautoscaling_scheduled_action.${open.name}` };
    const start = readAwsCron(open.body.schedule, open.body.timezone, openSource, context);
    const end = readAwsCron(
      close.body.schedule,
      close.body.timezone,
      { file: close.file, object: `aws_appautoscaling_scheduled_action.${close.name}` },
      context,
    );
    if (start === undefined || end === undefined) continue;
    const weekly = weeklyOfUnixCrons(start, end);
    if (!weekly.ok) {
      context.note(source, `${weekly.problem}: not read`);
      continue;
    }
    const { min, max } = capacity(open.body);
    windows.set(target, { weekly: weekly.weekly, min: min ?? 0, max: max! });
    context.note(
      source,
      `open ${weekly.weekly.days.join(', ')} ${weekly.weekly.start}-${weekly.weekly.end} UTC, scaled to 0 outside: schedule weekly`,
    );
  }
  return { windows, scheduled: new Set(byTarget.keys()) };
}

/**
 * Cron jobs from EventBridge Scheduler schedules that run an ECS task definition of this
 * configuration: the tasks of one run are the task counts of its schedules added up (the export
 * splits a run into schedules of at most 10 tasks), and the run time is the priced run minutes
 * the export tags each task with; without that tag nothing is guessed.
 */
function scheduledJobs(all: Resources, families: ReadonlyMap<string, string>, context: ImportContext): EcsDocument[] {
  const jobs = new Map<
    string,
    { cron: string; runMinutes?: number; tasks: number; strategy: Json[]; file: string; names: string[] }
  >();
  for (const [name, { file, body }] of resources(all, 'aws_scheduler_schedule')) {
    const source = { file, object: `aws_scheduler_schedule.${name}` };
    const ecs = asObjects(asObjects(body.target)[0]?.ecs_parameters)[0];
    const reference = ecs?.task_definition_arn;
    const definition = referencedName(reference, 'aws_ecs_task_definition');
    const literal = templateLiteral(asString(reference) ?? '');
    const family = definition !== undefined ? families.get(definition) : literal && familyOfReference(literal);
    if (!ecs || !family) {
      context.note(source, 'does not run a task definition of this configuration: not read');
      continue;
    }
    if (templateLiteral(asString(body.state) ?? '') === 'DISABLED') {
      context.note(source, 'is disabled: not read');
      continue;
    }
    const cron = readAwsCron(body.schedule_expression, body.schedule_expression_timezone, source, context);
    if (cron === undefined) continue;
    const tasks = ecs.task_count === undefined ? 1 : asNumber(ecs.task_count);
    if (tasks === undefined) {
      context.note(source, `task_count ${shown(ecs.task_count)} is not a number: not read`);
      continue;
    }
    const tag = asObjects(ecs.tags)[0]?.[RUN_MINUTES_TAG] ?? asObject(ecs.tags)?.[RUN_MINUTES_TAG];
    const runMinutes = asNumber(templateLiteral(asString(tag) ?? '') ?? tag);
    const job = jobs.get(family);
    if (!job) {
      jobs.set(family, {
        cron,
        ...(runMinutes === undefined ? {} : { runMinutes }),
        tasks,
        strategy: strategyOf(ecs.capacity_provider_strategy),
        file,
        names: [name],
      });
      continue;
    }
    if (job.cron !== cron || job.runMinutes !== runMinutes) {
      context.note(
        source,
        `runs task definition ${shown(family)} on another schedule than aws_scheduler_schedule.${job.names[0]}: only the first is read`,
      );
      continue;
    }
    job.tasks += tasks;
    job.names.push(name);
  }
  return [...jobs].map(([family, job]) => {
    const object = job.names.map((n) => `aws_scheduler_schedule.${n}`).join(', ');
    if (job.runMinutes === undefined)
      context.note(
        { file: job.file, object },
        `runs on the schedule "${job.cron}", but nothing says how long a run lasts (ECS has no run deadline; this tool's export tags the tasks ${RUN_MINUTES_TAG}): priced as running all month; set services[].schedule to {"cron": "${job.cron}", "runMinutes": N}`,
      );
    else
      context.note(
        { file: job.file, object },
        `runs ${job.tasks} task${job.tasks === 1 ? '' : 's'} on the schedule "${job.cron}" for ${job.runMinutes} minutes (its ${RUN_MINUTES_TAG} tag): schedule cron`,
      );
    return {
      file: job.file,
      object,
      value: {
        serviceName: family,
        taskDefinition: family,
        desiredCount: job.tasks,
        capacityProviderStrategy: job.strategy,
      },
      extra: {
        job: true,
        ...(job.runMinutes === undefined ? {} : { schedule: { cron: job.cron, runMinutes: job.runMinutes } }),
      },
    };
  });
}

export interface TerraformEcs {
  taskDefinitions: EcsDocument[];
  services: EcsDocument[];
}

/** Reads the ECS parts of the Terraform; `knownFamilies` are task definitions already read from JSON files. */
export function importTerraform(
  files: readonly TerraformFile[],
  knownFamilies: Set<string>,
  context: ImportContext,
): TerraformEcs {
  const all = collect(files);
  const taskDefinitions: EcsDocument[] = [];
  const families = new Map<string, string>();
  for (const [name, { file, body }] of resources(all, 'aws_ecs_task_definition')) {
    const family = templateLiteral(asString(body.family) ?? '') ?? name;
    families.set(name, family);
    if (knownFamilies.has(family)) continue;
    const definition = taskDefinitionFromTerraform(all, body);
    const object = `aws_ecs_task_definition.${name}`;
    if (!definition) {
      context.note(
        { file, object },
        'container_definitions is not a literal, jsonencode(local.…) or jsonencode([...]) list: not read',
      );
      continue;
    }
    const expressions = expressionStrings(definition.containerDefinitions);
    if (expressions.length > 0)
      context.note(
        { file, object },
        `container values computed by Terraform are kept as written, unresolved: ${expressions
          .slice(0, 3)
          .map((e) => shown(e, 60))
          .join(', ')}${expressions.length > 3 ? ` and ${expressions.length - 3} more` : ''}`,
      );
    taskDefinitions.push({ file, value: definition, object });
  }

  const region = all.variables.get('aws_region');
  const regionDefault = asString(region?.body.default);
  if (region && regionDefault && templateLiteral(regionDefault))
    context.regions.push({
      region: templateLiteral(regionDefault)!,
      source: { file: region.file, object: 'variable aws_region' },
    });

  for (const [, { body }] of resources(all, 'aws_lb')) if (body.internal !== true) context.loadBalancers++;

  // EC2 Spot share: an Auto Scaling group's mixed instances policy runs this share above its base on Spot.
  for (const [name, { file, body }] of resources(all, 'aws_autoscaling_group')) {
    const distribution = asObjects(asObjects(body.mixed_instances_policy)[0]?.instances_distribution)[0];
    const onDemand = asNumber(distribution?.on_demand_percentage_above_base_capacity);
    const source = { file, object: `aws_autoscaling_group.${name}` };
    if (distribution && onDemand !== undefined) {
      context.ec2SpotPercents.push({ value: 100 - onDemand, source });
      if ((asNumber(distribution.on_demand_base_capacity) ?? 0) > 0)
        context.note(source, 'on_demand_base_capacity is not read: the Spot share applies to every node');
    } else if (!body.mixed_instances_policy) context.ec2SpotPercents.push({ value: 0, source });
  }

  // ECS Managed Instances: a capacity provider of the managed-instances kind runs On-Demand or Spot
  // instances (capacity_option_type, On-Demand when unset); a service's EC2 Spot share is the
  // weight its strategy gives the Spot ones (read with the services below).
  const managedOptions = new Map<string, 'ON_DEMAND' | 'SPOT'>();
  for (const [name, { file, body }] of resources(all, 'aws_ecs_capacity_provider')) {
    const managed = asObjects(body.managed_instances_provider)[0];
    if (!managed) continue;
    const template = asObjects(managed.instance_launch_template)[0];
    const option = templateLiteral(asString(template?.capacity_option_type) ?? '') === 'SPOT' ? 'SPOT' : 'ON_DEMAND';
    managedOptions.set(name, option);
    const types = asArray(asObjects(template?.instance_requirements)[0]?.allowed_instance_types)
      .map((t) => templateLiteral(asString(t) ?? ''))
      .filter((t): t is string => t !== undefined);
    const storage = asNumber(asObjects(template?.storage_configuration)[0]?.storage_size_gib);
    context.note(
      { file, object: `aws_ecs_capacity_provider.${name}` },
      `an ECS Managed Instances capacity provider (${option === 'SPOT' ? 'Spot' : 'On-Demand'})${types.length > 0 ? ` pinned to ${types.map((t) => shown(t)).join(', ')}` : ''}${storage === undefined ? '' : `, ${storage} GiB per instance`}: its tasks are read as services; the scenario chooses instance types and volumes itself (set ec2.instanceTypes and ec2.rootVolumeGiB to keep these)`,
    );
  }
  const managedSpotPercentOf = (strategy: unknown): number | undefined => {
    const items = asObjects(strategy).map((item) => ({
      option: managedOptions.get(referencedName(item.capacity_provider, 'aws_ecs_capacity_provider') ?? ''),
      weight: asNumber(item.weight) ?? 0,
    }));
    if (items.length === 0 || items.some((i) => i.option === undefined)) return undefined;
    const total = items.reduce((sum, i) => sum + i.weight, 0);
    if (total <= 0) return undefined;
    const spot = items.filter((i) => i.option === 'SPOT').reduce((sum, i) => sum + i.weight, 0);
    return Math.round((10_000 * spot) / total) / 100;
  };

  // Autoscaling: target -> service, policy -> target. A target without a policy does not scale on
  // load: only scheduled actions (a weekly window) move it.
  const targets = new Map<string, { min: number; max: number; targetCpuPercent?: number }>();
  const targetOfService = new Map<string, string>();
  const targetSources = new Map<string, { file: string; object: string }>();
  for (const [name, { file, body }] of resources(all, 'aws_appautoscaling_target')) {
    const service = referencedName(body.resource_id, 'aws_ecs_service');
    const min = asNumber(body.min_capacity);
    const max = asNumber(body.max_capacity);
    if (!service || min === undefined || max === undefined) {
      context.note(
        { file, object: `aws_appautoscaling_target.${name}` },
        'does not scale a service of this configuration with literal bounds: not read',
      );
      continue;
    }
    targets.set(name, { min, max });
    targetOfService.set(service, name);
    targetSources.set(name, { file, object: `aws_appautoscaling_target.${name}` });
  }
  const scaledTargets = new Set<string>();
  for (const [name, { file, body }] of resources(all, 'aws_appautoscaling_policy')) {
    const targetName = referencedName(body.resource_id, 'aws_appautoscaling_target') ?? '';
    const target = targets.get(targetName);
    if (target) scaledTargets.add(targetName);
    const config = asObjects(body.target_tracking_scaling_policy_configuration)[0];
    const metric = asString(asObjects(config?.predefined_metric_specification)[0]?.predefined_metric_type);
    const value = asNumber(config?.target_value);
    if (target && metric === 'ECSServiceAverageCPUUtilization' && value !== undefined)
      target.targetCpuPercent = Math.round(value);
    else
      context.note(
        { file, object: `aws_appautoscaling_policy.${name}` },
        'is not CPU target tracking: not read (the scenario scales on CPU)',
      );
  }
  const { windows, scheduled } = weeklyWindows(all, targets, context);
  for (const [name, source] of targetSources)
    if (!scaledTargets.has(name) && !scheduled.has(name))
      context.note(source, 'has no scaling policy and no scheduled actions: the service does not autoscale');

  const jobs = scheduledJobs(all, families, context);
  // Hosts: listener rule -> target group -> service.
  const hostOfTargetGroup = new Map<string, string>();
  for (const [, { body }] of resources(all, 'aws_lb_listener_rule')) {
    const group = asObjects(body.action)
      .map((a) => referencedName(a.target_group_arn, 'aws_lb_target_group'))
      .find(Boolean);
    const hosts = asObjects(body.condition)
      .flatMap((c) => asObjects(c.host_header))
      .flatMap((h) => asArray(h.values));
    const host = asString(hosts[0]);
    if (group && host && templateLiteral(host)) hostOfTargetGroup.set(group, templateLiteral(host)!);
  }

  const services: EcsDocument[] = [];
  for (const [name, { file, body }] of resources(all, 'aws_ecs_service')) {
    const object = `aws_ecs_service.${name}`;
    const definitionName = referencedName(body.task_definition, 'aws_ecs_task_definition');
    const taskDefinition =
      (definitionName && families.get(definitionName)) ?? templateLiteral(asString(body.task_definition) ?? '');
    const serviceName = templateLiteral(asString(body.name) ?? '') ?? name;
    if (!taskDefinition) {
      context.note({ file, object }, 'its task_definition is not one of this configuration: not read');
      continue;
    }
    const groups = asObjects(body.load_balancer).map((lb) =>
      referencedName(lb.target_group_arn, 'aws_lb_target_group'),
    );
    const host = groups.map((g) => (g ? hostOfTargetGroup.get(g) : undefined)).find(Boolean);
    const targetName = targetOfService.get(name) ?? '';
    const opening = windows.get(targetName);
    const scaled = scaledTargets.has(targetName);
    const target = targets.get(targetName);
    const autoscaling =
      scaled && target ? (opening ? { ...target, min: opening.min, max: opening.max } : target) : undefined;
    let desired = body.desired_count;
    if (desired !== undefined && asNumber(desired) === undefined)
      context.note({ file, object }, `desired_count ${shown(desired)} is an expression: not read`);
    if (opening && !scaled) {
      // No autoscaling: the opening scheduled action sets the count that runs in the window.
      if (asNumber(desired) !== opening.min)
        context.note(
          { file, object },
          `runs ${opening.min} task${opening.min === 1 ? '' : 's'} in its weekly window (the opening scheduled action), not its desired_count ${shown(desired ?? '(not set)')}`,
        );
      desired = opening.min;
    }
    const managedSpot = managedSpotPercentOf(body.capacity_provider_strategy);
    if (managedSpot !== undefined)
      context.ec2SpotPercents.push({
        value: managedSpot,
        source: { file, object },
        via: 'ECS Managed Instances capacity provider weights',
      });
    services.push({
      file,
      object,
      value: {
        serviceName,
        taskDefinition,
        ...(asNumber(desired) === undefined ? {} : { desiredCount: asNumber(desired) }),
        ...(asString(body.launch_type) ? { launchType: body.launch_type } : {}),
        ...(body.scheduling_strategy === 'DAEMON' ? { schedulingStrategy: 'DAEMON' } : {}),
        capacityProviderStrategy: strategyOf(body.capacity_provider_strategy),
        loadBalancers: asObjects(body.load_balancer),
      },
      extra: {
        ...(autoscaling ? { autoscaling } : {}),
        ...(host ? { host } : {}),
        ...(opening ? { schedule: { weekly: opening.weekly } } : {}),
      },
    });
  }
  services.push(...jobs);
  return { taskDefinitions, services };
}
