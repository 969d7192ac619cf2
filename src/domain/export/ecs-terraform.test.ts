/**
 * The ECS Terraform parses with HashiCorp's HCL parser (@cdktf/hcl2json) and follows the rules of
 * export-rules A7-A12 for every sample scenario on both ECS options.
 */
import { describe, expect, it } from 'vitest';
import {
  bundleFor,
  contextFor,
  exportableCases,
  fileAt,
  BRIDGE_SCENARIO,
  MIXED_SCENARIO,
  WINDOWS_SCENARIO,
} from './testing/export-fixtures.ts';
import { literalValues, parseTerraformFiles, type TerraformJson } from './testing/parse-terraform.ts';
import { loadBalancerOf } from '../cost/load-balancer-plan.ts';
import { LOG_RETENTION_DAYS, logsPriced } from '../cost/bill-settings.ts';

const ecsCases = exportableCases().filter((c) => c.optionId.startsWith('ecs'));

async function mainOf(
  scenario: Parameters<typeof bundleFor>[0],
  optionId: Parameters<typeof bundleFor>[1],
): Promise<TerraformJson> {
  const parsed = await parseTerraformFiles(bundleFor(scenario, optionId));
  return parsed.get('ecs/terraform/main.tf')!;
}

describe.each(ecsCases)('ECS Terraform of $name', ({ scenario, optionId }) => {
  const files = bundleFor(scenario, optionId);
  const context = contextFor(scenario, optionId);

  it('parses, pins the AWS provider (~> 5.0; ~> 6.28 for Managed Instances) and declares what main.tf uses', async () => {
    const parsed = await parseTerraformFiles(files);
    expect([...parsed.keys()].sort()).toEqual([
      'ecs/terraform/main.tf',
      'ecs/terraform/outputs.tf',
      'ecs/terraform/variables.tf',
      'ecs/terraform/versions.tf',
    ]);
    expect(parsed.get('ecs/terraform/versions.tf')!.terraform[0].required_providers[0].aws).toEqual({
      source: 'hashicorp/aws',
      version: optionId === 'ecs-managed-instances' ? '~> 6.28' : '~> 5.0',
    });
    const declared = Object.keys(parsed.get('ecs/terraform/variables.tf')!.variable).sort();
    const used = [
      ...new Set([...fileAt(files, 'ecs/terraform/main.tf').matchAll(/var\.([a-z_]+)/g)].map((m) => m[1]!)),
    ].sort();
    expect(declared).toEqual(used);
  });

  it('associates capacity providers with the cluster, not on aws_ecs_cluster (removed in provider v5)', async () => {
    const main = await mainOf(scenario, optionId);
    expect(main.resource.aws_ecs_cluster.main[0]).not.toHaveProperty('capacity_providers');
    expect(main.resource.aws_ecs_cluster.main[0]).not.toHaveProperty('default_capacity_provider_strategy');
    const association = main.resource.aws_ecs_cluster_capacity_providers.main[0];
    if (optionId === 'ecs-fargate') expect(association.capacity_providers).toEqual(['FARGATE', 'FARGATE_SPOT']);
    else if (optionId === 'ecs-ec2') expect(association.capacity_providers).toHaveLength(context.nodeGroups.length);
    // Managed Instances: one provider per node group and purchase option.
    else
      expect([...association.capacity_providers].sort()).toEqual(
        Object.keys(main.resource.aws_ecs_capacity_provider)
          .map((id) => `\${aws_ecs_capacity_provider.${id}.name}`)
          .sort(),
      );
  });

  // Cron jobs have no ECS service: scheduled-export.test.ts checks their schedules.
  it.each(context.services.filter((p) => p.schedule?.kind !== 'cron').map((p) => [p.name, p]))(
    '%s: service, task definition, load balancer and autoscaling follow the rules',
    async (_name, plan) => {
      const main = await mainOf(scenario, optionId);
      const service = main.resource.aws_ecs_service[plan.id][0];
      expect(service.name).toBe(plan.name);
      expect(service).not.toHaveProperty('launch_type');
      expect(service).not.toHaveProperty('iam_role');
      expect(service.cluster).toBe('${aws_ecs_cluster.main.id}');
      expect(service.capacity_provider_strategy.some((s: { weight: number }) => s.weight > 0)).toBe(true);
      const bridge = optionId === 'ecs-ec2' && context.scenario.ec2.ecsNetworkMode === 'bridge';
      // Bridge tasks use the instance's interface: no network_configuration (export-rules A12).
      if (bridge) expect(service).not.toHaveProperty('network_configuration');
      else expect(service.network_configuration[0].subnets).toBe('${var.private_subnet_ids}');
      expect(service.deployment_circuit_breaker).toEqual([{ enable: true, rollback: true }]);
      expect(service.depends_on).toContain('${aws_ecs_cluster_capacity_providers.main}');
      if (optionId !== 'ecs-fargate' && !bridge)
        expect(service.network_configuration[0]).not.toHaveProperty('assign_public_ip');

      const task = main.resource.aws_ecs_task_definition[plan.id][0];
      const json = JSON.parse(fileAt(files, `ecs/task-definitions/${plan.name}.json`));
      expect(task.family).toBe(json.family);
      expect(task.cpu).toBe(json.cpu);
      expect(task.memory).toBe(json.memory);
      expect(task.requires_compatibilities).toEqual(json.requiresCompatibilities);
      expect(task.container_definitions).toBe(`\${jsonencode(local.${plan.id}_containers)}`);
      // The containers in the locals are the JSON file's, with references for the log group and
      // region when logs are priced, and no logConfiguration otherwise.
      const containers = literalValues(main.locals[0][`${plan.id}_containers`]) as {
        logConfiguration?: { options: Record<string, string> };
      }[];
      if (logsPriced(context.scenario)) {
        expect(containers[0]!.logConfiguration!.options).toEqual({
          'awslogs-group': `ref(\${aws_cloudwatch_log_group.${plan.id}.name})`,
          'awslogs-region': 'ref(${var.aws_region})',
          'awslogs-stream-prefix': 'ecs',
        });
        containers[0]!.logConfiguration!.options = json.containerDefinitions[0].logConfiguration.options;
      } else {
        expect(containers[0]).not.toHaveProperty('logConfiguration');
      }
      expect(containers).toEqual(json.containerDefinitions);
      if (json.runtimePlatform) {
        expect(task.runtime_platform).toEqual([
          {
            operating_system_family: json.runtimePlatform.operatingSystemFamily,
            cpu_architecture: json.runtimePlatform.cpuArchitecture,
          },
        ]);
      }

      if (plan.public && plan.port !== null) {
        const group = main.resource.aws_lb_target_group[plan.id][0];
        expect(group.target_type).toBe(bridge ? 'instance' : 'ip');
        expect(group.health_check[0].path).toBe(plan.healthCheckPath ?? '/');
        expect(service.load_balancer).toEqual([
          {
            target_group_arn: `\${aws_lb_target_group.${plan.id}.arn}`,
            container_name: plan.name,
            container_port: plan.port,
          },
        ]);
        // Its ALB's HTTPS listener (cost/load-balancer-plan.ts places it), and its host rule.
        const placed = loadBalancerOf(context.loadBalancers, plan.name)!;
        expect(service.depends_on).toContain(`\${aws_lb_listener.alb_${placed.lb.number}_https}`);
        expect(placed.rule === null).toBe(plan.host === null);
        if (plan.host !== null)
          expect(main.resource.aws_lb_listener_rule[`${plan.id}_host`][0].condition[0].host_header[0].values).toEqual([
            plan.host,
          ]);
      } else {
        expect(service).not.toHaveProperty('load_balancer');
      }

      if (plan.autoscaling) {
        expect(service.lifecycle).toEqual([{ ignore_changes: ['${desired_count}'] }]);
        const target = main.resource.aws_appautoscaling_target[plan.id][0];
        // The cluster name, never its ARN (export-rules A11).
        expect(target.resource_id).toBe(`service/\${aws_ecs_cluster.main.name}/\${aws_ecs_service.${plan.id}.name}`);
        expect(target).toMatchObject({
          service_namespace: 'ecs',
          scalable_dimension: 'ecs:service:DesiredCount',
          min_capacity: plan.autoscaling.min,
          max_capacity: plan.autoscaling.max,
        });
        const policy = main.resource.aws_appautoscaling_policy[`${plan.id}_cpu`][0];
        expect(policy.policy_type).toBe('TargetTrackingScaling');
        expect(
          policy.target_tracking_scaling_policy_configuration[0].predefined_metric_specification[0]
            .predefined_metric_type,
        ).toBe('ECSServiceAverageCPUUtilization');
        expect(policy.target_tracking_scaling_policy_configuration[0].target_value).toBe(
          plan.autoscaling.targetCpuPercent,
        );
      } else {
        expect(service).not.toHaveProperty('lifecycle');
        expect(main.resource.aws_appautoscaling_target?.[plan.id]).toBeUndefined();
      }
    },
  );

  it('creates a log group per service when logs are priced, none otherwise, and grants secret reads to the execution role only', async () => {
    const main = await mainOf(scenario, optionId);
    if (logsPriced(context.scenario))
      for (const plan of context.services)
        expect(main.resource.aws_cloudwatch_log_group[plan.id]).toEqual([
          { name: `/ecs/${plan.name}`, retention_in_days: LOG_RETENTION_DAYS },
        ]);
    else expect(main.resource).not.toHaveProperty('aws_cloudwatch_log_group');
    const secrets = context.services.flatMap((s) => s.secrets);
    if (secrets.length === 0) expect(main.resource.aws_iam_role_policy?.execution_secrets).toBeUndefined();
    else expect(main.resource.aws_iam_role_policy.execution_secrets[0].role).toBe('${aws_iam_role.execution.id}');
  });
});

describe('capacity', () => {
  it('ECS on Fargate: FARGATE/FARGATE_SPOT weighted by the Spot share, ARM64 tasks too', async () => {
    const main = await mainOf(MIXED_SCENARIO, 'ecs-fargate');
    const weights = (id: string) =>
      main.resource.aws_ecs_service[id][0].capacity_provider_strategy.map(
        (s: { capacity_provider: string; weight: number }) => [s.capacity_provider, s.weight],
      );
    expect(weights('web')).toEqual([
      ['FARGATE', 70],
      ['FARGATE_SPOT', 30],
    ]);
    // Fargate Spot has run ARM64 tasks since 2024-09-06 (docs/capacity-rules.md section 5).
    expect(weights('arm_api')).toEqual([
      ['FARGATE', 70],
      ['FARGATE_SPOT', 30],
    ]);
    expect(
      main.resource.aws_ecs_cluster_capacity_providers.main[0].default_capacity_provider_strategy.map(
        (s: { weight: number }) => s.weight,
      ),
    ).toEqual([70, 30]);
  });

  it('Windows tasks stay off Fargate Spot', async () => {
    const main = await mainOf(WINDOWS_SCENARIO, 'ecs-fargate');
    expect(main.resource.aws_ecs_service.legacy[0].capacity_provider_strategy).toEqual([
      { capacity_provider: 'FARGATE', weight: 1, base: 0 },
    ]);
  });

  it('ECS on EC2: launch template with the ECS-optimized AMI from SSM (arm64 for Graviton), ASG sized from the node plan, managed scaling', async () => {
    const context = contextFor(MIXED_SCENARIO, 'ecs-ec2');
    const main = await mainOf(MIXED_SCENARIO, 'ecs-ec2');
    expect(context.nodeGroups.map((g) => g.key).sort()).toEqual(['arm64', 'x86-64']);
    for (const group of context.nodeGroups) {
      const id = group.key.replace(/-/g, '_');
      const parameter = main.data.aws_ssm_parameter[`ecs_ami_${id}`][0].name;
      expect(parameter).toBe(
        group.plan.arch === 'arm64'
          ? '/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id'
          : '/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id',
      );
      const template = main.resource.aws_launch_template[id][0];
      expect(template.instance_type).toBe(group.plan.instanceType);
      expect(template.image_id).toBe(`\${data.aws_ssm_parameter.ecs_ami_${id}.value}`);
      const asg = main.resource.aws_autoscaling_group[id][0];
      expect(asg.desired_capacity).toBe(group.plan.count);
      expect(asg.max_size).toBeGreaterThan(0);
      expect(asg.protect_from_scale_in).toBe(true);
      expect(asg.tag).toContainEqual({ key: 'AmazonECSManaged', value: 'true', propagate_at_launch: true });
      // 50 % EC2 Spot in the scenario.
      expect(asg.mixed_instances_policy[0].instances_distribution[0].on_demand_percentage_above_base_capacity).toBe(50);
      const provider = main.resource.aws_ecs_capacity_provider[id][0];
      expect(provider.name).toMatch(/^cp-/);
      expect(provider.auto_scaling_group_provider[0].managed_termination_protection).toBe('ENABLED');
      expect(provider.auto_scaling_group_provider[0].managed_scaling[0].status).toBe('ENABLED');
    }
    expect(main.resource.aws_ecs_service.arm_api[0].capacity_provider_strategy[0].capacity_provider).toBe(
      '${aws_ecs_capacity_provider.arm64.name}',
    );
    expect(main.resource.aws_ecs_account_setting_default.awsvpc_trunking[0]).toEqual({
      name: 'awsvpcTrunking',
      value: 'enabled',
    });
  });

  it('ECS on EC2: the instances set ECS_RESERVED_MEMORY to the 256 MiB the estimate subtracts', async () => {
    const main = await mainOf(MIXED_SCENARIO, 'ecs-ec2');
    for (const template of Object.values(main.resource.aws_launch_template) as { user_data: string }[][]) {
      expect(template[0]!.user_data).toContain('echo ECS_RESERVED_MEMORY=256 >> /etc/ecs/ecs.config');
      expect(template[0]!.user_data).toContain('echo ECS_CLUSTER=${aws_ecs_cluster.main.name} >> /etc/ecs/ecs.config');
    }
  });

  it('ECS on EC2 in bridge mode: instance target groups, and the load balancer reaches the instances on the ephemeral ports', async () => {
    const main = await mainOf(BRIDGE_SCENARIO, 'ecs-ec2');
    expect(main.resource.aws_lb_target_group.shop[0].target_type).toBe('instance');
    expect(main.resource.aws_security_group).not.toHaveProperty('tasks');
    expect(main.resource.aws_ecs_account_setting_default).toBeUndefined();
    const ingress = main.resource.aws_security_group.instances[0].ingress as Record<string, unknown>[];
    expect(ingress).toContainEqual(
      expect.objectContaining({
        from_port: 32768,
        to_port: 65535,
        protocol: 'tcp',
        security_groups: ['${aws_security_group.load_balancers.id}'],
      }),
    );
    for (const service of Object.values(main.resource.aws_ecs_service) as Record<string, unknown>[][])
      expect(service[0]).not.toHaveProperty('network_configuration');
    expect(main.resource.aws_ecs_task_definition.shop[0].network_mode).toBe('bridge');
  });
});
