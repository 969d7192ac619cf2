/**
 * Schedules on ECS (docs/export-rules.md, "Schedules"):
 * - a cron job is an EventBridge Scheduler schedule that runs the task (ECS RunTask), with no ECS
 *   service; one RunTask starts at most 10 tasks, so a larger run gets several schedules;
 * - a weekly window is two Application Auto Scaling scheduled actions on the service's scalable
 *   target: at the start min/max go to the replicas (or the autoscaling range), at the end to 0.
 */
import { attr, blank, block, call, comment, expr, template, type HclBodyItem } from './hcl-writer.ts';
import type { ExportContext, ServicePlan } from './export-context.ts';
import { ecsNetworkModeOf } from './ecs-task-definition.ts';
import { capacityStrategy, CLUSTER_REF, strategyBlocks } from './ecs-terraform-cluster.ts';
import { AWS_SCHEDULE_TIME_ZONE, type CronJobPlan, type WeeklyWindowPlan } from '../schedule/export-schedule.ts';

/**
 * Tag on every task a schedule starts: the minutes a run is priced at. ECS has no run deadline, so
 * the tag is where the bundle records it (the importer reads it back; a watchdog can stop tasks
 * that outlive it).
 */
export const RUN_MINUTES_TAG = 'priced-run-minutes';

/** ECS RunTask starts 1-10 tasks per call (ECS API RunTask.count; Scheduler EcsParameters.TaskCount). */
export const MAX_TASKS_PER_RUN_TASK = 10;

export const cronJobOf = (plan: ServicePlan): CronJobPlan | null =>
  plan.schedule?.kind === 'cron' ? plan.schedule : null;
export const weeklyWindowOf = (plan: ServicePlan): WeeklyWindowPlan | null =>
  plan.schedule?.kind === 'weekly' ? plan.schedule : null;

/** Tasks each schedule of a job starts: the run's tasks in chunks of at most 10. */
export function tasksPerSchedule(plan: ServicePlan): number[] {
  const chunks: number[] = [];
  for (let left = plan.desiredCount; left > 0; left -= MAX_TASKS_PER_RUN_TASK)
    chunks.push(Math.min(left, MAX_TASKS_PER_RUN_TASK));
  return chunks;
}

const ASSUME_BY_SCHEDULER = call('jsonencode', {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'scheduler.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

/** The role EventBridge Scheduler uses to run the jobs' tasks and hand them their roles. */
export function schedulerRoleSection(context: ExportContext): HclBodyItem[] {
  const jobs = context.services.filter((plan) => cronJobOf(plan));
  if (jobs.length === 0) return [];
  const policy = call('jsonencode', {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Action: ['ecs:RunTask'],
        // Any revision of the jobs' task definitions.
        Resource: jobs.map((plan) => template(expr(`aws_ecs_task_definition.${plan.id}.arn_without_revision`), ':*')),
      },
      {
        Effect: 'Allow',
        Action: ['iam:PassRole'],
        Resource: [expr('aws_iam_role.execution.arn'), ...jobs.map((plan) => expr(`aws_iam_role.${plan.id}_task.arn`))],
      },
    ],
  });
  return [
    block(
      'resource',
      ['aws_iam_role', 'scheduler'],
      [attr('name', template(expr('var.cluster_name'), '-scheduler')), attr('assume_role_policy', ASSUME_BY_SCHEDULER)],
    ),
    blank(),
    block(
      'resource',
      ['aws_iam_role_policy', 'scheduler_run_task'],
      [attr('name', 'run-scheduled-tasks'), attr('role', expr('aws_iam_role.scheduler.id')), attr('policy', policy)],
    ),
    blank(),
  ];
}

/** The job's schedules: each runs up to 10 tasks of its task definition on the cron. */
export function cronJobResources(context: ExportContext, plan: ServicePlan, job: CronJobPlan): HclBodyItem[] {
  const chunks = tasksPerSchedule(plan);
  const items: HclBodyItem[] = [];
  if (chunks.length > 1) {
    items.push(
      comment(
        `${plan.desiredCount} tasks a run: ${chunks.length} schedules, as one RunTask starts at most ${MAX_TASKS_PER_RUN_TASK}.`,
      ),
    );
  }
  chunks.forEach((count, i) => {
    const suffix = chunks.length > 1 ? `_${i + 1}` : '';
    const ecsParameters: HclBodyItem[] = [
      attr('task_definition_arn', expr(`aws_ecs_task_definition.${plan.id}.arn`)),
      attr('task_count', count),
      attr('tags', { [RUN_MINUTES_TAG]: String(job.runMinutes) }),
      blank(),
      ...strategyBlocks('capacity_provider_strategy', capacityStrategy(context, plan)),
    ];
    if (ecsNetworkModeOf(context) === 'awsvpc') {
      const network = [
        attr('subnets', expr('var.private_subnet_ids')),
        attr('security_groups', [expr('aws_security_group.tasks.id')]),
      ];
      if (context.compute === 'fargate') network.push(attr('assign_public_ip', false));
      ecsParameters.push(blank(), block('network_configuration', [], network));
    }
    items.push(
      block(
        'resource',
        ['aws_scheduler_schedule', `${plan.id}${suffix}`],
        [
          attr('name', template(expr('var.cluster_name'), `-${plan.name}${suffix.replace('_', '-')}`)),
          attr('schedule_expression', job.awsCron),
          attr('schedule_expression_timezone', AWS_SCHEDULE_TIME_ZONE),
          blank(),
          block('flexible_time_window', [], [attr('mode', 'OFF')]),
          blank(),
          block(
            'target',
            [],
            [
              attr('arn', expr(`${CLUSTER_REF}.arn`)),
              attr('role_arn', expr('aws_iam_role.scheduler.arn')),
              blank(),
              block('ecs_parameters', [], ecsParameters),
              blank(),
              // A missed run is not retried: a retry would run past the priced minutes.
              block('retry_policy', [], [attr('maximum_retry_attempts', 0)]),
            ],
          ),
          blank(),
          attr('depends_on', [expr('aws_ecs_cluster_capacity_providers.main')]),
        ],
      ),
      blank(),
    );
  });
  return items;
}

/** Scheduled actions opening and closing the weekly window on the service's scalable target. */
export function weeklyScalingResources(plan: ServicePlan, weekly: WeeklyWindowPlan): HclBodyItem[] {
  const target = `aws_appautoscaling_target.${plan.id}`;
  const open = plan.autoscaling
    ? { min: plan.autoscaling.min, max: plan.autoscaling.max }
    : { min: plan.desiredCount, max: plan.desiredCount };
  const action = (name: string, schedule: string, min: number, max: number) =>
    block(
      'resource',
      ['aws_appautoscaling_scheduled_action', `${plan.id}_${name.replace('-', '_')}`],
      [
        attr('name', `${plan.name}-${name}`),
        attr('service_namespace', expr(`${target}.service_namespace`)),
        attr('resource_id', expr(`${target}.resource_id`)),
        attr('scalable_dimension', expr(`${target}.scalable_dimension`)),
        attr('schedule', schedule),
        attr('timezone', AWS_SCHEDULE_TIME_ZONE),
        blank(),
        block('scalable_target_action', [], [attr('min_capacity', min), attr('max_capacity', max)]),
      ],
    );
  return [
    action('window-start', weekly.start.awsCron, open.min, open.max),
    blank(),
    action('window-end', weekly.end.awsCron, 0, 0),
    blank(),
  ];
}
