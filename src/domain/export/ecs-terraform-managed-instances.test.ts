/**
 * The ECS Managed Instances Terraform, parsed back with HashiCorp's HCL parser and checked field by
 * field against the provider's aws_ecs_capacity_provider schema (managed_instances_provider,
 * provider >= 6.15; capacity_option_type >= 6.28) and the engine's node plan: the offline provider
 * mirror (5.100.0) cannot validate these resources (ecs-terraform-validate.test.ts validates the rest).
 */
import { describe, expect, it } from 'vitest';
import {
  ARTICLE_SCENARIO,
  BRIDGE_SCENARIO,
  GPU_SCENARIO,
  MIXED_SCENARIO,
  SCHEDULED_SCENARIO,
  bundleFor,
  contextFor,
  exportableCases,
  fileAt,
} from './testing/export-fixtures.ts';
import { parseTerraformFiles, type TerraformJson } from './testing/parse-terraform.ts';
import type { ScenarioInput } from '../scenario/scenario-schema.ts';
import { managedCapacityOptions, managedSpotWeight } from './ecs-terraform-cluster.ts';
import type { ExportContext } from './export-context.ts';

const OPTION = 'ecs-managed-instances' as const;

async function mainOf(scenario: ScenarioInput): Promise<TerraformJson> {
  return (await parseTerraformFiles(bundleFor(scenario, OPTION))).get('ecs/terraform/main.tf')!;
}

const cases = exportableCases().filter((c) => c.optionId === OPTION);

describe.each(cases)('ECS Managed Instances Terraform of $name', ({ scenario }) => {
  const context = contextFor(scenario, OPTION);

  it('pins provider ~> 6.28 (managed_instances_provider 6.15, capacity_option_type 6.28)', async () => {
    const versions = (await parseTerraformFiles(bundleFor(scenario, OPTION))).get('ecs/terraform/versions.tf')!;
    expect(versions.terraform[0].required_providers[0].aws).toEqual({ source: 'hashicorp/aws', version: '~> 6.28' });
  });

  it('has a managed-instances capacity provider per node group and priced purchase option, pinned to the plan', async () => {
    const main = await mainOf(scenario);
    const providers = main.resource.aws_ecs_capacity_provider as Record<string, Record<string, unknown>[]>;
    const expected = context.nodeGroups.flatMap((g) =>
      managedCapacityOptions(context, g).map((option) => ({ group: g, option })),
    );
    expect(Object.keys(providers)).toHaveLength(expected.length);
    for (const { group, option } of expected) {
      const id = group.key.replace(/-/g, '_') + (option === 'SPOT' ? '_spot' : '');
      const provider = providers[id]![0]! as TerraformJson;
      expect(provider.name).toBe(`cp-\${var.cluster_name}-${group.key}${option === 'SPOT' ? '-spot' : ''}`);
      expect(provider.cluster).toBe('${aws_ecs_cluster.main.name}');
      // Exactly one of the two provider kinds (provider docs).
      expect(provider).not.toHaveProperty('auto_scaling_group_provider');
      const managed = provider.managed_instances_provider[0];
      expect(managed.infrastructure_role_arn).toBe('${aws_iam_role.ecs_infrastructure.arn}');
      const template = managed.instance_launch_template[0];
      expect(template.ec2_instance_profile_arn).toBe('${aws_iam_instance_profile.ecs_instance.arn}');
      expect(template.capacity_option_type).toBe(option);
      expect(template.monitoring).toBe('BASIC');
      expect(template.network_configuration).toEqual([
        { subnets: '${var.private_subnet_ids}', security_groups: ['${aws_security_group.instances.id}'] },
      ]);
      expect(template.storage_configuration).toEqual([{ storage_size_gib: group.plan.rootVolumeGiB }]);
      const requirements = template.instance_requirements[0];
      expect(requirements.allowed_instance_types).toEqual([group.plan.instanceType]);
      expect(requirements.vcpu_count).toEqual([{ min: group.plan.vcpu, max: group.plan.vcpu }]);
      expect(requirements.memory_mib).toEqual([{ min: group.plan.memoryMiB, max: group.plan.memoryMiB }]);
    }
  });

  it('runs no Auto Scaling group, launch template or AMI of its own, and sets no ECS_RESERVED_MEMORY', async () => {
    const main = await mainOf(scenario);
    expect(main.resource.aws_autoscaling_group).toBeUndefined();
    expect(main.resource.aws_launch_template).toBeUndefined();
    expect(main.data?.aws_ssm_parameter).toBeUndefined();
    expect(fileAt(bundleFor(scenario, OPTION), 'ecs/terraform/main.tf')).not.toContain('ECS_RESERVED_MEMORY');
  });

  it('creates the infrastructure role and an ecsInstanceRole* instance profile with the managed policies', async () => {
    const main = await mainOf(scenario);
    const role = main.resource.aws_iam_role;
    expect(role.ecs_infrastructure[0].assume_role_policy).toContain('ecs.amazonaws.com');
    expect(role.ecs_instance[0].assume_role_policy).toContain('ec2.amazonaws.com');
    // The infrastructure policy passes only roles named ecsInstanceRole* (ECS Developer Guide).
    expect(role.ecs_instance[0].name).toBe('ecsInstanceRole-${var.cluster_name}');
    expect(main.resource.aws_iam_instance_profile.ecs_instance[0].role).toBe('${aws_iam_role.ecs_instance.name}');
    const attachments = main.resource.aws_iam_role_policy_attachment;
    expect(attachments.ecs_infrastructure[0].policy_arn).toBe(
      'arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForManagedInstances',
    );
    expect(attachments.ecs_instance[0].policy_arn).toBe(
      'arn:aws:iam::aws:policy/AmazonECSInstanceRolePolicyForManagedInstances',
    );
  });

  it('associates every provider with the cluster and re-creates the association when one is replaced', async () => {
    const main = await mainOf(scenario);
    const association = main.resource.aws_ecs_cluster_capacity_providers.main[0];
    const ids = Object.keys(main.resource.aws_ecs_capacity_provider).sort();
    expect([...association.capacity_providers].sort()).toEqual(
      ids.map((id) => `\${aws_ecs_capacity_provider.${id}.name}`),
    );
    expect([...association.lifecycle[0].replace_triggered_by].sort()).toEqual(
      ids.map((id) => `\${aws_ecs_capacity_provider.${id}}`).sort(),
    );
  });

  it('task definitions validate against MANAGED_INSTANCES in awsvpc mode, and services use the providers of their group', async () => {
    const main = await mainOf(scenario);
    for (const plan of context.services) {
      const task = main.resource.aws_ecs_task_definition[plan.id][0];
      expect(task.requires_compatibilities).toEqual(['MANAGED_INSTANCES']);
      expect(task.network_mode).toBe('awsvpc');
      if (plan.schedule?.kind === 'cron') continue;
      const service = main.resource.aws_ecs_service[plan.id][0];
      expect(service).not.toHaveProperty('launch_type');
      expect(service.network_configuration[0]).not.toHaveProperty('assign_public_ip');
      const group = plan.nodeGroup!;
      const spot = managedSpotWeight(context, group);
      const base = `\${aws_ecs_capacity_provider.${group.key.replace(/-/g, '_')}`;
      const strategy = service.capacity_provider_strategy.map((s: { capacity_provider: string; weight: number }) => [
        s.capacity_provider,
        s.weight,
      ]);
      if (spot === 0) expect(strategy).toEqual([[`${base}.name}`, 1]]);
      else if (spot === 100) expect(strategy).toEqual([[`${base}_spot.name}`, 1]]);
      else
        expect(strategy).toEqual([
          [`${base}.name}`, 100 - spot],
          [`${base}_spot.name}`, spot],
        ]);
    }
  });
});

/**
 * The arguments aws_ecs_capacity_provider documents for provider 6.28+ (registry.terraform.io,
 * website/docs/r/ecs_capacity_provider.html.markdown), nested blocks as objects: what the bundle
 * writes must be among them, since provider 5.100.0 cannot check it.
 */
type Schema = { [key: string]: Schema | true };
const RANGE: Schema = { min: true, max: true };
const CAPACITY_PROVIDER_SCHEMA: Schema = {
  name: true,
  cluster: true,
  region: true,
  tags: true,
  managed_instances_provider: {
    infrastructure_role_arn: true,
    propagate_tags: true,
    infrastructure_optimization: { scale_in_after: true },
    instance_launch_template: {
      capacity_option_type: true,
      ec2_instance_profile_arn: true,
      monitoring: true,
      network_configuration: { subnets: true, security_groups: true },
      storage_configuration: { storage_size_gib: true },
      local_storage_configuration: { use_local_storage: true },
      instance_requirements: {
        accelerator_count: RANGE,
        accelerator_manufacturers: true,
        accelerator_names: true,
        accelerator_total_memory_mib: RANGE,
        accelerator_types: true,
        allowed_instance_types: true,
        bare_metal: true,
        baseline_ebs_bandwidth_mbps: RANGE,
        burstable_performance: true,
        cpu_manufacturers: true,
        excluded_instance_types: true,
        instance_generations: true,
        local_storage: true,
        local_storage_types: true,
        max_spot_price_as_percentage_of_optimal_on_demand_price: true,
        memory_gib_per_vcpu: RANGE,
        memory_mib: RANGE,
        network_bandwidth_gbps: RANGE,
        network_interface_count: RANGE,
        on_demand_max_price_percentage_over_lowest_price: true,
        require_hibernate_support: true,
        spot_max_price_percentage_over_lowest_price: true,
        total_local_storage_gb: RANGE,
        vcpu_count: RANGE,
      },
    },
  },
};
/** Required where their parent block is present (same docs). */
const REQUIRED: Record<string, string[]> = {
  '': ['name', 'cluster', 'managed_instances_provider'],
  managed_instances_provider: ['infrastructure_role_arn', 'instance_launch_template'],
  'managed_instances_provider.instance_launch_template': ['ec2_instance_profile_arn', 'network_configuration'],
  'managed_instances_provider.instance_launch_template.network_configuration': ['subnets'],
  'managed_instances_provider.instance_launch_template.storage_configuration': ['storage_size_gib'],
  'managed_instances_provider.instance_launch_template.instance_requirements': ['vcpu_count', 'memory_mib'],
  'managed_instances_provider.instance_launch_template.instance_requirements.vcpu_count': ['min'],
  'managed_instances_provider.instance_launch_template.instance_requirements.memory_mib': ['min'],
};
const ENUMS: Record<string, string[]> = {
  'managed_instances_provider.instance_launch_template.capacity_option_type': ['ON_DEMAND', 'SPOT'],
  'managed_instances_provider.instance_launch_template.monitoring': ['BASIC', 'DETAILED'],
  'managed_instances_provider.instance_launch_template.instance_requirements.burstable_performance': [
    'included',
    'excluded',
    'required',
  ],
  'managed_instances_provider.instance_launch_template.instance_requirements.bare_metal': [
    'included',
    'excluded',
    'required',
  ],
};

/** Every key not in the schema, every required key missing and every enum value outside its set, by path. */
function schemaProblems(value: TerraformJson, schema: Schema, path = ''): string[] {
  const problems: string[] = [];
  for (const key of REQUIRED[path] ?? []) if (!(key in value)) problems.push(`${path}: missing ${key}`);
  for (const [key, child] of Object.entries(value)) {
    const at = path ? `${path}.${key}` : key;
    const rule = schema[key];
    if (rule === undefined) problems.push(`${at}: not an argument of aws_ecs_capacity_provider`);
    else if (rule !== true) {
      // hcl2json gives each nested block as a list of one object.
      if (!Array.isArray(child) || child.length !== 1) problems.push(`${at}: expected one block`);
      else problems.push(...schemaProblems(child[0] as TerraformJson, rule, at));
    } else if (ENUMS[at] && !ENUMS[at]!.includes(child as string)) problems.push(`${at}: ${String(child)}`);
  }
  return problems;
}

describe('ECS Managed Instances capacity providers against the documented schema', () => {
  it.each(cases.map((c) => [c.name, c.scenario] as const))(
    '%s: only documented arguments, every required one, valid values',
    async (_name, scenario) => {
      const main = await mainOf(scenario);
      for (const [id, [provider]] of Object.entries(
        main.resource.aws_ecs_capacity_provider as Record<string, TerraformJson[]>,
      ))
        expect(schemaProblems(provider!, CAPACITY_PROVIDER_SCHEMA), id).toEqual([]);
    },
  );

  it('the check catches an argument the provider does not document, a missing one and a bad value', () => {
    const bad = {
      name: 'x',
      cluster: 'y',
      managed_instances_provider: [
        {
          infrastructure_role_arn: 'r',
          instance_launch_template: [
            { ec2_instance_profile_arn: 'p', capacity_option_type: 'RESERVED', network_configuration: [{}] },
          ],
          auto_scaling_group_arn: 'z',
        },
      ],
    };
    expect(schemaProblems(bad, CAPACITY_PROVIDER_SCHEMA).sort()).toEqual([
      'managed_instances_provider.auto_scaling_group_arn: not an argument of aws_ecs_capacity_provider',
      'managed_instances_provider.instance_launch_template.capacity_option_type: RESERVED',
      'managed_instances_provider.instance_launch_template.network_configuration: missing subnets',
    ]);
  });
});

describe('ECS Managed Instances: purchase options and networking', () => {
  it('article (no Spot): one On-Demand provider', async () => {
    const main = await mainOf(ARTICLE_SCENARIO);
    expect(Object.keys(main.resource.aws_ecs_capacity_provider)).toEqual(['x86_64']);
    expect(
      main.resource.aws_ecs_capacity_provider.x86_64[0].managed_instances_provider[0].instance_launch_template[0]
        .capacity_option_type,
    ).toBe('ON_DEMAND');
  });

  it('50% EC2 Spot: an On-Demand and a Spot provider per group, weighted 50/50', async () => {
    const main = await mainOf(MIXED_SCENARIO);
    expect(Object.keys(main.resource.aws_ecs_capacity_provider).sort()).toEqual([
      'arm64',
      'arm64_spot',
      'x86_64',
      'x86_64_spot',
    ]);
    expect(main.resource.aws_ecs_service.web[0].capacity_provider_strategy).toEqual([
      { capacity_provider: '${aws_ecs_capacity_provider.x86_64.name}', weight: 50, base: 0 },
      { capacity_provider: '${aws_ecs_capacity_provider.x86_64_spot.name}', weight: 50, base: 0 },
    ]);
    // The engine packed with ENI trunking, so the export turns it on as for ECS on EC2.
    expect(main.resource.aws_ecs_account_setting_default.awsvpc_trunking[0].value).toBe('enabled');
  });

  it('100% Spot: a Spot provider only', async () => {
    const main = await mainOf({ ...ARTICLE_SCENARIO, ec2: { spotPercent: 100 } });
    expect(Object.keys(main.resource.aws_ecs_capacity_provider)).toEqual(['x86_64_spot']);
    expect(main.resource.aws_ecs_service.api_service[0].capacity_provider_strategy).toEqual([
      { capacity_provider: '${aws_ecs_capacity_provider.x86_64_spot.name}', weight: 1, base: 0 },
    ]);
  });

  it('a type without a Spot price is priced, and exported, On-Demand only', () => {
    const context = contextFor(MIXED_SCENARIO, OPTION);
    const group = context.nodeGroups[0]!;
    const unpriced = { ...group, plan: { ...group.plan, spotSavingsPercent: null } };
    const noDiscount: ExportContext = { ...context, scenario: { ...context.scenario } };
    expect(managedSpotWeight(noDiscount, group)).toBe(50);
    expect(managedSpotWeight(noDiscount, unpriced)).toBe(0);
    expect(managedCapacityOptions(noDiscount, unpriced)).toEqual(['ON_DEMAND']);
    // A discount set in the scenario prices Spot for every type.
    const set: ExportContext = {
      ...context,
      scenario: { ...context.scenario, ec2: { ...context.scenario.ec2, spotDiscountPercent: 60 } },
    };
    expect(managedSpotWeight(set, unpriced)).toBe(50);
  });

  it('bridge in the scenario: Managed Instances has no bridge mode, so tasks stay awsvpc behind ip target groups', async () => {
    const main = await mainOf(BRIDGE_SCENARIO);
    expect(main.resource.aws_ecs_task_definition.shop[0].network_mode).toBe('awsvpc');
    expect(main.resource.aws_lb_target_group.shop[0].target_type).toBe('ip');
    expect(main.resource.aws_security_group.tasks).toBeDefined();
    expect(main.resource.aws_security_group.instances[0]).not.toHaveProperty('ingress');
    const td = JSON.parse(fileAt(bundleFor(BRIDGE_SCENARIO, OPTION), 'ecs/task-definitions/shop.json'));
    expect(td.containerDefinitions[0].portMappings).toEqual([{ containerPort: 8080, protocol: 'tcp' }]);
  });

  it('GPU: the GPU group pins its NVIDIA type and the task asks for the GPU', async () => {
    const context = contextFor(GPU_SCENARIO, OPTION);
    const gpu = context.nodeGroups.find((g) => g.plan.gpu)!;
    const main = await mainOf(GPU_SCENARIO);
    const requirements =
      main.resource.aws_ecs_capacity_provider.x86_64_gpu[0].managed_instances_provider[0].instance_launch_template[0]
        .instance_requirements[0];
    expect(requirements.allowed_instance_types).toEqual([gpu.plan.instanceType]);
    const td = JSON.parse(fileAt(bundleFor(GPU_SCENARIO, OPTION), 'ecs/task-definitions/trainer.json'));
    expect(td.requiresCompatibilities).toEqual(['MANAGED_INSTANCES']);
    expect(td.containerDefinitions[0].resourceRequirements).toEqual([{ type: 'GPU', value: '1' }]);
  });

  it('a listed burstable type is included (attribute-based selection leaves burstable types out by default)', async () => {
    const scenario = { ...ARTICLE_SCENARIO, ec2: { instanceTypes: ['t3.large'] } };
    const main = await mainOf(scenario);
    const requirements =
      main.resource.aws_ecs_capacity_provider.x86_64[0].managed_instances_provider[0].instance_launch_template[0]
        .instance_requirements[0];
    expect(requirements.allowed_instance_types).toEqual(['t3.large']);
    expect(requirements.burstable_performance).toBe('included');
    expect(requirements).not.toHaveProperty('bare_metal');
    expect(requirements.memory_mib).toEqual([{ min: 8192, max: 8192 }]);
    expect(requirements.vcpu_count).toEqual([{ min: 2, max: 2 }]);
  });

  it('schedules: the cron job runs 10 + 2 tasks weighted 50/50 on the providers of its group, the weekly window opens and closes the service', async () => {
    const context = contextFor(SCHEDULED_SCENARIO, OPTION);
    const main = await mainOf(SCHEDULED_SCENARIO);
    const job = context.services.find((p) => p.name === 'nightly-report')!;
    const base = job.nodeGroup!.key.replace(/-/g, '_');
    expect(main.resource.aws_ecs_service.nightly_report).toBeUndefined();
    const counts = ['nightly_report_1', 'nightly_report_2'].map((id) => {
      const ecs = main.resource.aws_scheduler_schedule[id][0].target[0].ecs_parameters[0];
      expect(ecs.capacity_provider_strategy).toEqual([
        { capacity_provider: `\${aws_ecs_capacity_provider.${base}.name}`, weight: 50, base: 0 },
        { capacity_provider: `\${aws_ecs_capacity_provider.${base}_spot.name}`, weight: 50, base: 0 },
      ]);
      expect(ecs.network_configuration[0].subnets).toBe('${var.private_subnet_ids}');
      return ecs.task_count;
    });
    expect(counts).toEqual([10, 2]);
    const actions = main.resource.aws_appautoscaling_scheduled_action;
    expect(actions.night_shift_window_start[0].scalable_target_action).toEqual([{ min_capacity: 2, max_capacity: 6 }]);
    expect(actions.night_shift_window_end[0].scalable_target_action).toEqual([{ min_capacity: 0, max_capacity: 0 }]);
    // The part-time groups get providers of their own, pinned to their own types.
    for (const group of context.nodeGroups.filter((g) => !g.plan.fullMonth)) {
      const provider = main.resource.aws_ecs_capacity_provider[group.key.replace(/-/g, '_')][0];
      expect(
        provider.managed_instances_provider[0].instance_launch_template[0].instance_requirements[0]
          .allowed_instance_types,
      ).toEqual([group.plan.instanceType]);
    }
  });

  it('cron jobs run on the Managed Instances providers too', async () => {
    const main = await mainOf(SCHEDULED_SCENARIO);
    const schedules = Object.values(main.resource.aws_scheduler_schedule) as TerraformJson[][];
    expect(schedules.length).toBeGreaterThan(0);
    for (const [schedule] of schedules) {
      const strategy = schedule!.target[0].ecs_parameters[0].capacity_provider_strategy;
      for (const item of strategy)
        expect(item.capacity_provider).toMatch(/^\$\{aws_ecs_capacity_provider\.[a-z0-9_]+\.name\}$/);
    }
  });
});

describe('ECS Managed Instances bundle README', () => {
  it('says what AWS manages, the derived 12% fee as billed, the provider version and what was not validated offline', () => {
    const context = contextFor(MIXED_SCENARIO, OPTION);
    const readme = fileAt(bundleFor(MIXED_SCENARIO, OPTION), 'README.md');
    const fee = context.option.lines.filter((l) => l.kind === 'management-fee').reduce((s, l) => s + l.monthlyUSD, 0);
    expect(fee).toBeGreaterThan(0);
    expect(readme).toContain('## ECS Managed Instances');
    expect(readme).toContain('**What AWS manages**');
    expect(readme).toContain('**What you still tune**');
    expect(readme).toContain(
      `12% of each instance type's On-Demand rate per instance-hour, On-Demand and Spot alike, $${fee.toFixed(2)} a month`,
    );
    expect(readme).toContain('hashicorp/aws `~> 6.28`');
    expect(readme).toContain('could not be validated offline');
    expect(readme).toContain('## Fill in');
    // Not written to the instances (it cannot be set there); the README says what the estimate keeps.
    expect(readme).not.toContain('ECS_RESERVED_MEMORY=');
    expect(readme).toContain('`ECS_RESERVED_MEMORY` cannot be set on these instances: the estimate keeps 256 MiB');
    expect(readme).toContain(
      '| `ecs/terraform/versions.tf` | Terraform and AWS provider versions (hashicorp/aws ~> 6.28). |',
    );
  });

  it('prices no empty instances for ec2.minNodes (Managed Instances keeps none), so the README names none', () => {
    const context = contextFor(GPU_SCENARIO, OPTION);
    expect(context.scenario.ec2.minNodes).toBeGreaterThan(0);
    expect(context.nodeGroups.every((g) => g.plan.minNodesPadding === 0)).toBe(true);
    expect(fileAt(bundleFor(GPU_SCENARIO, OPTION), 'README.md')).not.toContain('empty instance');
  });
});
