/**
 * Terraform for ECS (as parsed by HashiCorp's HCL parser into hcl2json's JSON) to the same ECS
 * documents the JSON importer reads: services with their desired counts, capacity provider
 * weights, autoscaling ranges and host rules, and task definitions where no JSON file has them.
 *
 * hcl2json keeps every string as an HCL template: "$${" is a literal "${", and a string holding
 * "${...}" is an expression (a reference) whose value Terraform computes, so it is not read as data.
 */
import type { ImportContext } from './import-context.ts';
import type { EcsDocument } from './import-ecs.ts';
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

function taskDefinitionFromTerraform(all: Resources, body: Json): Json | undefined {
  const raw = asString(body.container_definitions);
  let containers: unknown;
  const local = /^\$\{jsonencode\(local\.([A-Za-z0-9_-]+)\)\}$/.exec(raw ?? '');
  if (local) containers = literalValues(all.locals.get(local[1]!));
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
      context.note({ file, object }, 'container_definitions is not a literal or a jsonencode(local.…) list: not read');
      continue;
    }
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

  // Autoscaling: target -> service, policy -> target.
  const targets = new Map<string, { min: number; max: number; targetCpuPercent?: number }>();
  const targetOfService = new Map<string, string>();
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
  }
  for (const [name, { file, body }] of resources(all, 'aws_appautoscaling_policy')) {
    const target = targets.get(referencedName(body.resource_id, 'aws_appautoscaling_target') ?? '');
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
  for (const type of ['aws_appautoscaling_scheduled_action', 'aws_scheduler_schedule'])
    for (const [name, { file }] of resources(all, type))
      context.note(
        { file, object: `${type}.${name}` },
        'schedules are not in the scenario format yet: not read; set hoursPerMonth by hand',
      );

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
    const target = targets.get(targetOfService.get(name) ?? '');
    const desired = body.desired_count;
    if (desired !== undefined && asNumber(desired) === undefined)
      context.note({ file, object }, `desired_count ${shown(desired)} is an expression: not read`);
    services.push({
      file,
      object,
      value: {
        serviceName,
        taskDefinition,
        ...(asNumber(desired) === undefined ? {} : { desiredCount: asNumber(desired) }),
        ...(asString(body.launch_type) ? { launchType: body.launch_type } : {}),
        ...(body.scheduling_strategy === 'DAEMON' ? { schedulingStrategy: 'DAEMON' } : {}),
        capacityProviderStrategy: asObjects(body.capacity_provider_strategy).map((item) => ({
          capacityProvider:
            templateLiteral(asString(item.capacity_provider) ?? '') ?? 'a capacity provider of this configuration',
          weight: item.weight,
        })),
        loadBalancers: asObjects(body.load_balancer),
      },
      extra: { ...(target ? { autoscaling: target } : {}), ...(host ? { host } : {}) },
    });
  }
  return { taskDefinitions, services };
}
