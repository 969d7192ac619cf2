/**
 * ECS Terraform written by hand (not by this tool's export): scheduled tasks, scheduled actions and
 * targets in the shapes people write them, through HashiCorp's HCL parser.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '@cdktf/hcl2json';
import { importScenario } from './import-scenario.ts';
import { formatNote, type TerraformJson } from './import-types.ts';

const parseTerraform = async (path: string, text: string) => (await parse(path, text)) as TerraformJson;

const TASK = `
resource "aws_ecs_task_definition" "report" {
  family                   = "nightly-report"
  requires_compatibilities = ["FARGATE"]
  cpu                      = "1024"
  memory                   = "2048"
  container_definitions    = jsonencode(local.report_containers)
}
locals {
  report_containers = [{ name = "report", image = "acme/report:3", essential = true }]
}
`;

async function importTf(text: string) {
  const result = await importScenario([{ path: 'main.tf', text }], { parseTerraform });
  if (!result.ok) throw new Error(result.problems.join('\n'));
  return { scenario: result.scenario, notes: result.notes.map(formatNote) };
}

describe('ECS Terraform task definitions', () => {
  it('reads container definitions written inline as jsonencode([...]) through the HCL parser', async () => {
    const { scenario, notes } = await importTf(`
variable "image_tag" { default = "v3" }
resource "aws_ecs_task_definition" "api" {
  family                   = "api"
  requires_compatibilities = ["FARGATE"]
  cpu                      = 512
  memory                   = 1024
  runtime_platform {
    cpu_architecture        = "ARM64"
    operating_system_family = "LINUX"
  }
  container_definitions = jsonencode([
    {
      name         = "api"
      image        = "acme/api:\${var.image_tag}"
      essential    = true
      portMappings = [{ containerPort = 8080, protocol = "tcp" }]
      environment  = [{ name = "MODE", value = "live" }, { name = "REGION", value = var.region }]
    },
    { name = "log-router", image = "amazon/aws-for-fluent-bit:stable", essential = false }
  ])
}
`);
    expect(scenario.services).toEqual([
      expect.objectContaining({
        name: 'api',
        vcpu: 0.5,
        memoryGiB: 1,
        arch: 'arm64',
        port: 8080,
        environment: { MODE: 'live', REGION: '${var.region}' },
      }),
    ]);
    // An image with an expression in it is Terraform's to compute: kept as written.
    expect(scenario.services[0]!.image).toBe('acme/api:${var.image_tag}');
    expect(notes.join('\n')).toMatch(/has 2 containers/);
    expect(notes).toContain(
      'main.tf: aws_ecs_task_definition.api: container values computed by Terraform are kept as written, unresolved: ${var.region}, acme/api:${var.image_tag}',
    );
  });
});

describe('ECS Terraform schedules', () => {
  it('a scheduled task with a run-minutes tag is a cron job; one without is priced all month, saying what to set', async () => {
    const { scenario, notes } = await importTf(`${TASK}
resource "aws_scheduler_schedule" "report" {
  name                = "nightly-report"
  schedule_expression = "cron(15 3 ? * MON-FRI *)"
  flexible_time_window {
    mode                      = "FLEXIBLE"
    maximum_window_in_minutes = 15
  }
  target {
    arn      = aws_ecs_cluster.main.arn
    role_arn = aws_iam_role.scheduler.arn
    ecs_parameters {
      task_definition_arn = aws_ecs_task_definition.report.arn
      task_count          = 3
      launch_type         = "FARGATE"
      tags = { "priced-run-minutes" = "45", team = "data" }
    }
  }
}
`);
    expect(scenario.services).toEqual([
      expect.objectContaining({
        name: 'nightly-report',
        vcpu: 1,
        memoryGiB: 2,
        replicas: 3,
        schedule: { cron: '15 3 * * 1-5', runMinutes: 45 },
      }),
    ]);
    expect(notes).toContain(
      'main.tf: aws_scheduler_schedule.report: runs 3 tasks on the schedule "15 3 * * 1-5" for 45 minutes (its priced-run-minutes tag): schedule cron',
    );

    const untagged = await importTf(`${TASK}
resource "aws_scheduler_schedule" "report" {
  schedule_expression          = "cron(0 4 * * ? *)"
  schedule_expression_timezone = "Europe/Berlin"
  flexible_time_window { mode = "OFF" }
  target {
    arn      = "arn:aws:ecs:eu-central-1:123456789012:cluster/main"
    role_arn = "arn:aws:iam::123456789012:role/scheduler"
    ecs_parameters { task_definition_arn = aws_ecs_task_definition.report.arn }
  }
}
`);
    expect(untagged.scenario.services[0]).toMatchObject({ replicas: 1 });
    expect(untagged.scenario.services[0]!.schedule).toBeUndefined();
    expect(untagged.notes).toContain(
      "main.tf: aws_scheduler_schedule.report: time zone Europe/Berlin: the scenario's schedules are UTC (the hours a month are the same)",
    );
    expect(untagged.notes.join('\n')).toMatch(
      /aws_scheduler_schedule.report: runs on the schedule "0 4 \* \* \*", but nothing says how long a run lasts .*set services\[\]\.schedule to \{"cron": "0 4 \* \* \*", "runMinutes": N\}/,
    );
  });

  it('notes schedules it cannot read, and what they are', async () => {
    const { scenario, notes } = await importTf(`${TASK}
resource "aws_scheduler_schedule" "every_five" {
  schedule_expression = "rate(5 minutes)"
  flexible_time_window { mode = "OFF" }
  target {
    arn      = "arn"
    role_arn = "arn"
    ecs_parameters { task_definition_arn = aws_ecs_task_definition.report.arn }
  }
}
resource "aws_scheduler_schedule" "lambda" {
  schedule_expression = "cron(0 1 * * ? *)"
  flexible_time_window { mode = "OFF" }
  target {
    arn      = aws_lambda_function.x.arn
    role_arn = "arn"
  }
}
`);
    expect(scenario.services[0]!.schedule).toBeUndefined();
    expect(notes).toContain(
      'main.tf: aws_scheduler_schedule.every_five: schedule rate(5 minutes): rate() expressions are not read: only cron() has a Unix form: not read',
    );
    expect(notes).toContain(
      'main.tf: aws_scheduler_schedule.lambda: does not run a task definition of this configuration: not read',
    );
  });

  const SERVICE = `${TASK}
resource "aws_ecs_service" "web" {
  name            = "web"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.report.arn
  desired_count   = 4
}
resource "aws_appautoscaling_target" "web" {
  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = "service/main/\${aws_ecs_service.web.name}"
  min_capacity       = 4
  max_capacity       = 4
}
`;

  it('office-hours scheduled actions are a weekly window running the opening capacity', async () => {
    const { scenario, notes } = await importTf(`${SERVICE}
resource "aws_appautoscaling_scheduled_action" "up" {
  name               = "web-up"
  service_namespace  = aws_appautoscaling_target.web.service_namespace
  resource_id        = aws_appautoscaling_target.web.resource_id
  scalable_dimension = aws_appautoscaling_target.web.scalable_dimension
  schedule           = "cron(0 7 ? * 2-6 *)"
  scalable_target_action {
    min_capacity = 3
    max_capacity = 3
  }
}
resource "aws_appautoscaling_scheduled_action" "down" {
  name               = "web-down"
  service_namespace  = aws_appautoscaling_target.web.service_namespace
  resource_id        = aws_appautoscaling_target.web.resource_id
  scalable_dimension = aws_appautoscaling_target.web.scalable_dimension
  schedule           = "cron(30 19 ? * MON-FRI *)"
  scalable_target_action {
    min_capacity = 0
    max_capacity = 0
  }
}
`);
    expect(scenario.services[0]).toMatchObject({
      name: 'web',
      replicas: 3,
      schedule: { weekly: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '07:00', end: '19:30' } },
    });
    expect(scenario.services[0]!.autoscaling).toBeUndefined();
    expect(notes).toContain(
      'main.tf: aws_ecs_service.web: runs 3 tasks in its weekly window (the opening scheduled action), not its desired_count 4',
    );
  });

  it('a scalable target without a policy or actions does not make the service autoscale', async () => {
    const { scenario, notes } = await importTf(SERVICE);
    expect(scenario.services[0]).toMatchObject({ replicas: 4 });
    expect(scenario.services[0]!.autoscaling).toBeUndefined();
    expect(notes).toContain(
      'main.tf: aws_appautoscaling_target.web: has no scaling policy and no scheduled actions: the service does not autoscale',
    );
  });

  it('scheduled actions that are not one opening and one closing are noted, not read', async () => {
    const action = (name: string, schedule: string, capacity: number) => `
resource "aws_appautoscaling_scheduled_action" "${name}" {
  name               = "${name}"
  service_namespace  = "ecs"
  resource_id        = aws_appautoscaling_target.web.resource_id
  scalable_dimension = "ecs:service:DesiredCount"
  schedule           = "${schedule}"
  scalable_target_action {
    min_capacity = ${capacity}
    max_capacity = ${capacity}
  }
}`;
    const three = await importTf(
      SERVICE +
        action('morning', 'cron(0 6 * * ? *)', 2) +
        action('noon', 'cron(0 12 * * ? *)', 6) +
        action('night', 'cron(0 22 * * ? *)', 0),
    );
    expect(three.scenario.services[0]!.schedule).toBeUndefined();
    expect(three.notes.join('\n')).toMatch(
      /3 scheduled actions on aws_appautoscaling_target.web: a weekly window is one that opens it and one that scales it to 0: not read/,
    );
    const monthly = await importTf(
      SERVICE + action('open', 'cron(0 6 1 * ? *)', 2) + action('close', 'cron(0 18 1 * ? *)', 0),
    );
    expect(monthly.scenario.services[0]!.schedule).toBeUndefined();
    expect(monthly.notes.join('\n')).toMatch(/its start and end are not each one time of day on days of the week/);
  });
});

describe('ECS Managed Instances capacity providers', () => {
  const CLUSTER = `
resource "aws_ecs_cluster" "main" { name = "apps" }
resource "aws_ecs_capacity_provider" "od" {
  name    = "cp-od"
  cluster = aws_ecs_cluster.main.name
  managed_instances_provider {
    infrastructure_role_arn = aws_iam_role.infra.arn
    instance_launch_template {
      ec2_instance_profile_arn = aws_iam_instance_profile.node.arn
      network_configuration { subnets = var.subnets }
      storage_configuration { storage_size_gib = 40 }
      instance_requirements {
        allowed_instance_types = ["m7g.large"]
        vcpu_count { min = 2 }
        memory_mib { min = 8192 }
      }
    }
  }
}
resource "aws_ecs_capacity_provider" "spot" {
  name    = "cp-spot"
  cluster = aws_ecs_cluster.main.name
  managed_instances_provider {
    infrastructure_role_arn = aws_iam_role.infra.arn
    instance_launch_template {
      ec2_instance_profile_arn = aws_iam_instance_profile.node.arn
      capacity_option_type     = "SPOT"
      network_configuration { subnets = var.subnets }
      instance_requirements {
        vcpu_count { min = 2 }
        memory_mib { min = 8192 }
      }
    }
  }
}
resource "aws_ecs_task_definition" "web" {
  family                   = "web"
  requires_compatibilities = ["MANAGED_INSTANCES"]
  network_mode             = "awsvpc"
  cpu                      = "1024"
  memory                   = "2048"
  container_definitions    = jsonencode([{ name = "web", image = "acme/web:1", essential = true }])
}
`;
  const service = (strategy: string) => `
resource "aws_ecs_service" "web" {
  name            = "web"
  cluster         = aws_ecs_cluster.main.id
  task_definition = aws_ecs_task_definition.web.arn
  desired_count   = 4
${strategy}
}
`;

  it('reads the Spot share from the weights on the Spot and On-Demand providers, and notes what each pins', async () => {
    const { scenario, notes } = await importTf(
      CLUSTER +
        service(`
  capacity_provider_strategy {
    capacity_provider = aws_ecs_capacity_provider.od.name
    weight            = 3
  }
  capacity_provider_strategy {
    capacity_provider = aws_ecs_capacity_provider.spot.name
    weight            = 1
  }`),
    );
    expect(scenario.services).toEqual([expect.objectContaining({ name: 'web', vcpu: 1, memoryGiB: 2, replicas: 4 })]);
    expect(scenario.ec2.spotPercent).toBe(25);
    expect(scenario.fargate.spotPercent).toBe(0);
    expect(notes).toContainEqual(
      expect.stringContaining(
        'aws_ecs_capacity_provider.od: an ECS Managed Instances capacity provider (On-Demand) pinned to m7g.large, 40 GiB per instance',
      ),
    );
    expect(notes).toContainEqual(
      expect.stringContaining('aws_ecs_capacity_provider.spot: an ECS Managed Instances capacity provider (Spot):'),
    );
    expect(notes).toContainEqual(
      expect.stringContaining(
        'ECS Managed Instances capacity provider weights put 25% of tasks on Spot: ec2.spotPercent 25',
      ),
    );
  });

  it('a service on the Spot provider alone runs all its tasks on Spot; one on a provider of another kind reads none', async () => {
    const spotOnly = await importTf(
      CLUSTER +
        service(`
  capacity_provider_strategy {
    capacity_provider = aws_ecs_capacity_provider.spot.name
    weight            = 1
  }`),
    );
    expect(spotOnly.scenario.ec2.spotPercent).toBe(100);
    const elsewhere = await importTf(
      CLUSTER +
        service(`
  capacity_provider_strategy {
    capacity_provider = "some-other-provider"
    weight            = 1
  }`),
    );
    // Not a Managed Instances provider of this configuration: nothing to read the share from.
    expect(elsewhere.scenario.ec2.spotPercent).toBe(0);
    expect(elsewhere.notes.join('\n')).not.toContain('put 0% of tasks on Spot');
  });
});
