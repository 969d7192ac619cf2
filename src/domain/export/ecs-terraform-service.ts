/**
 * Per service: log group (only when logs are priced), task definition (container definitions
 * through jsonencode), ECS service and, when the scenario autoscales it, Application Auto Scaling
 * target tracking on CPU.
 */
import {
  attr,
  blank,
  block,
  call,
  expr,
  template,
  type HclExpression,
  type HclBodyItem,
  type HclValue,
} from './hcl-writer.ts';
import type { ExportContext, ServicePlan } from './export-context.ts';
import { buildTaskDefinition, ecsNetworkModeOf, logGroupName } from './ecs-task-definition.ts';
import { LOG_RETENTION_DAYS, logsPriced } from '../cost/bill-settings.ts';
import { capacityStrategy, CLUSTER_REF, strategyBlocks } from './ecs-terraform-cluster.ts';
import { isExposed, listenerDependencies, targetGroupSection } from './ecs-terraform-network.ts';
import { cronJobOf, cronJobResources, weeklyScalingResources, weeklyWindowOf } from './ecs-terraform-schedule.ts';

/** Seconds ECS ignores failing load balancer health checks after a task starts (>= boot time). */
const HEALTH_CHECK_GRACE_SECONDS = 60;
/** Article's cooldowns: scale out fast, scale in slowly. */
const SCALE_IN_COOLDOWN_SECONDS = 300;
const SCALE_OUT_COOLDOWN_SECONDS = 60;

/** Local holding a service's container definitions, so user strings sit in plain HCL values. */
export const containersLocal = (plan: ServicePlan) => `${plan.id}_containers`;

/** The task definition with Terraform references for roles, log group and region. */
function terraformTaskDefinition(context: ExportContext, plan: ServicePlan) {
  return buildTaskDefinition<HclExpression>(context, plan, {
    executionRoleArn: expr('aws_iam_role.execution.arn'),
    taskRoleArn: expr(`aws_iam_role.${plan.id}_task.arn`),
    logGroup: expr(`aws_cloudwatch_log_group.${plan.id}.name`),
    region: expr('var.aws_region'),
  });
}

function containerDefinitions(context: ExportContext, plan: ServicePlan): HclValue {
  // Inside jsonencode the keys stay in the API's camelCase (export-rules A9); the value types
  // (strings, numbers, booleans, lists, objects, expressions) are all HCL values.
  return terraformTaskDefinition(context, plan).containerDefinitions as unknown as HclValue;
}

/** `locals { <service>_containers = [...] }` for every service, in one block at the top of the services. */
export function containerLocals(context: ExportContext): HclBodyItem[] {
  return [
    block(
      'locals',
      [],
      context.services.map((plan) => attr(containersLocal(plan), containerDefinitions(context, plan))),
    ),
    blank(),
  ];
}

function taskDefinitionResource(context: ExportContext, plan: ServicePlan): HclBodyItem {
  const definition = terraformTaskDefinition(context, plan);
  const body: HclBodyItem[] = [
    attr('family', definition.family),
    attr('network_mode', definition.networkMode),
    attr('requires_compatibilities', definition.requiresCompatibilities),
    // Strings, as in the API (export-rules A9).
    attr('cpu', definition.cpu),
    attr('memory', definition.memory),
    attr('execution_role_arn', definition.executionRoleArn),
    attr('task_role_arn', definition.taskRoleArn),
    attr('container_definitions', call('jsonencode', expr(`local.${containersLocal(plan)}`))),
  ];
  if (definition.ephemeralStorage) {
    body.push(blank(), block('ephemeral_storage', [], [attr('size_in_gib', definition.ephemeralStorage.sizeInGiB)]));
  }
  if (definition.runtimePlatform) {
    body.push(
      blank(),
      block(
        'runtime_platform',
        [],
        [
          attr('operating_system_family', definition.runtimePlatform.operatingSystemFamily),
          attr('cpu_architecture', definition.runtimePlatform.cpuArchitecture),
        ],
      ),
    );
  }
  return block('resource', ['aws_ecs_task_definition', plan.id], body);
}

function serviceResource(context: ExportContext, plan: ServicePlan): HclBodyItem {
  const exposed = isExposed(plan);
  const network: HclBodyItem[] = [
    attr('subnets', expr('var.private_subnet_ids')),
    attr('security_groups', [expr('aws_security_group.tasks.id')]),
  ];
  // assign_public_ip exists for Fargate only; tasks run in private subnets.
  if (context.compute === 'fargate') network.push(attr('assign_public_ip', false));

  const body: HclBodyItem[] = [
    attr('name', plan.name),
    // The cluster ARN (aws_ecs_cluster.id is the ARN) (export-rules A10).
    attr('cluster', expr(`${CLUSTER_REF}.id`)),
    attr('task_definition', expr(`aws_ecs_task_definition.${plan.id}.arn`)),
    attr('desired_count', plan.desiredCount),
    attr('deployment_minimum_healthy_percent', 100),
    attr('deployment_maximum_percent', 200),
  ];
  if (exposed) body.push(attr('health_check_grace_period_seconds', HEALTH_CHECK_GRACE_SECONDS));
  // A capacity provider strategy (never launch_type with it); changing it in place needs
  // force_new_deployment (export-rules A10).
  body.push(attr('force_new_deployment', true), blank());
  body.push(...strategyBlocks('capacity_provider_strategy', capacityStrategy(context, plan)));
  // Bridge tasks use the instance's network interface: no network_configuration (export-rules A12).
  if (ecsNetworkModeOf(context) === 'awsvpc') body.push(blank(), block('network_configuration', [], network));
  if (exposed) {
    body.push(
      blank(),
      block(
        'load_balancer',
        [],
        [
          attr('target_group_arn', expr(`aws_lb_target_group.${plan.id}.arn`)),
          attr('container_name', plan.name),
          attr('container_port', plan.port),
        ],
      ),
    );
  }
  body.push(blank(), block('deployment_circuit_breaker', [], [attr('enable', true), attr('rollback', true)]));
  if (plan.autoscaling || weeklyWindowOf(plan)) {
    // Application Auto Scaling owns the count once the service exists (export-rules A10).
    body.push(blank(), block('lifecycle', [], [attr('ignore_changes', [expr('desired_count')])]));
  }
  // Providers must be associated with the cluster, and the listener must exist, before the
  // service is created (export-rules A8, A10).
  const dependsOn = ['aws_ecs_cluster_capacity_providers.main', ...listenerDependencies(context, plan)];
  body.push(
    blank(),
    attr(
      'depends_on',
      dependsOn.map((d) => expr(d)),
    ),
  );
  return block('resource', ['aws_ecs_service', plan.id], body);
}

function autoscalingResources(plan: ServicePlan): HclBodyItem[] {
  const a = plan.autoscaling;
  const weekly = weeklyWindowOf(plan);
  if (!a && !weekly) return [];
  // A weekly service without autoscaling still gets a scalable target: the window's scheduled
  // actions set its min and max.
  const range = a ?? { min: plan.desiredCount, max: plan.desiredCount };
  const target = `aws_appautoscaling_target.${plan.id}`;
  const items: HclBodyItem[] = [
    block(
      'resource',
      ['aws_appautoscaling_target', plan.id],
      [
        attr('service_namespace', 'ecs'),
        attr('scalable_dimension', 'ecs:service:DesiredCount'),
        // The cluster *name*: an ARN here creates a target that never attaches (export-rules A11).
        attr(
          'resource_id',
          template('service/', expr(`${CLUSTER_REF}.name`), '/', expr(`aws_ecs_service.${plan.id}.name`)),
        ),
        attr('min_capacity', range.min),
        attr('max_capacity', range.max),
        ...(weekly
          ? [
              blank(),
              // The scheduled actions move min and max; Terraform must not set them back.
              block('lifecycle', [], [attr('ignore_changes', [expr('min_capacity'), expr('max_capacity')])]),
            ]
          : []),
      ],
    ),
    blank(),
    ...(weekly ? weeklyScalingResources(plan, weekly) : []),
  ];
  if (!a) return items;
  items.push(
    block(
      'resource',
      ['aws_appautoscaling_policy', `${plan.id}_cpu`],
      [
        attr('name', `${plan.name}-cpu`),
        // The provider's default is StepScaling (export-rules A11).
        attr('policy_type', 'TargetTrackingScaling'),
        attr('resource_id', expr(`${target}.resource_id`)),
        attr('scalable_dimension', expr(`${target}.scalable_dimension`)),
        attr('service_namespace', expr(`${target}.service_namespace`)),
        blank(),
        block(
          'target_tracking_scaling_policy_configuration',
          [],
          [
            attr('target_value', a.targetCpuPercent),
            attr('scale_in_cooldown', SCALE_IN_COOLDOWN_SECONDS),
            attr('scale_out_cooldown', SCALE_OUT_COOLDOWN_SECONDS),
            blank(),
            block(
              'predefined_metric_specification',
              [],
              [attr('predefined_metric_type', 'ECSServiceAverageCPUUtilization')],
            ),
          ],
        ),
      ],
    ),
    blank(),
  );
  return items;
}

/**
 * The service's log group, kept the priced retention, when logs are priced: the task definition
 * logs to it then and only then (ecs-task-definition.ts), so the two always come together.
 */
function logGroupSection(context: ExportContext, plan: ServicePlan): HclBodyItem[] {
  if (!logsPriced(context.scenario)) return [];
  return [
    block(
      'resource',
      ['aws_cloudwatch_log_group', plan.id],
      [attr('name', logGroupName(plan.name)), attr('retention_in_days', LOG_RETENTION_DAYS)],
    ),
    blank(),
  ];
}

export function serviceSection(context: ExportContext, plan: ServicePlan): HclBodyItem[] {
  const head = [...logGroupSection(context, plan), taskDefinitionResource(context, plan), blank()];
  // A cron job has no ECS service: EventBridge Scheduler starts its tasks on the cron.
  const job = cronJobOf(plan);
  if (job) return [...head, ...cronJobResources(context, plan, job)];
  return [
    ...head,
    ...targetGroupSection(context, plan),
    serviceResource(context, plan),
    blank(),
    ...autoscalingResources(plan),
  ];
}
