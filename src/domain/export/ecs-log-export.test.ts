/**
 * What is priced is what is shipped, for logs on ECS (docs/export-rules.md, "Logs"): the three ECS
 * bundles of an always-on public API and a nightly cron job (an EventBridge Scheduler task), read
 * back from the files, with logs priced (100 GB a month) and not (0 GB).
 */
import { describe, expect, it } from 'vitest';
import type { ScenarioInput } from '../scenario/scenario-schema.ts';
import type { OptionId } from '../cost/estimate-types.ts';
import { LOG_RETENTION_DAYS } from '../cost/bill-settings.ts';
import { bundleFor, exportInputFor, fileAt, LOGGED_SCENARIO } from './testing/export-fixtures.ts';
import { literalValues, parseTerraformFiles, type TerraformJson } from './testing/parse-terraform.ts';
import type { ExportFile } from './export-file.ts';

const ECS_OPTIONS: OptionId[] = ['ecs-fargate', 'ecs-ec2', 'ecs-managed-instances'];
const SERVICES = [
  { name: 'api', id: 'api' },
  { name: 'nightly', id: 'nightly' },
] as const;

const PRICED: ScenarioInput = LOGGED_SCENARIO;
const UNPRICED: ScenarioInput = { ...LOGGED_SCENARIO, extras: { ...LOGGED_SCENARIO.extras, logIngestionGB: 0 } };

async function mainOf(files: readonly ExportFile[]): Promise<TerraformJson> {
  return (await parseTerraformFiles(files)).get('ecs/terraform/main.tf')!;
}

type Container = { name: string; logConfiguration?: { logDriver: string; options: Record<string, string> } };
const containersOf = (main: TerraformJson, id: string) =>
  literalValues(main.locals[0][`${id}_containers`]) as Container[];
const jsonContainersOf = (files: readonly ExportFile[], name: string) =>
  (JSON.parse(fileAt(files, `ecs/task-definitions/${name}.json`)) as { containerDefinitions: Container[] })
    .containerDefinitions;

describe.each(ECS_OPTIONS)('%s', (optionId) => {
  it('the cron job is a scheduled task, with no ECS service, in both bundles', async () => {
    for (const scenario of [PRICED, UNPRICED]) {
      const main = await mainOf(bundleFor(scenario, optionId));
      expect(main.resource.aws_ecs_service.nightly).toBeUndefined();
      expect(main.resource.aws_scheduler_schedule.nightly[0].target[0].ecs_parameters[0].task_definition_arn).toBe(
        '${aws_ecs_task_definition.nightly.arn}',
      );
    }
  });

  it('with 0 GB of logs priced: no log group, no logConfiguration in the Terraform or the JSON task definitions', async () => {
    const files = bundleFor(UNPRICED, optionId);
    const main = await mainOf(files);
    expect(main.resource).not.toHaveProperty('aws_cloudwatch_log_group');
    for (const { name, id } of SERVICES) {
      expect(containersOf(main, id)).toHaveLength(1);
      expect(containersOf(main, id)[0]).not.toHaveProperty('logConfiguration');
      expect(jsonContainersOf(files, name)).toHaveLength(1);
      expect(jsonContainersOf(files, name)[0]).not.toHaveProperty('logConfiguration');
    }
    // Nothing in the ECS files names a log driver or a log group at all (IAM and outputs included).
    for (const file of files.filter((f) => f.path.startsWith('ecs/')))
      expect(file.contents, file.path).not.toMatch(
        /awslogs|logConfiguration|cloudwatch_log_group|"\/ecs\/(api|nightly)"/,
      );
  });

  it('with logs priced: a log group per service (service and scheduled task) with the priced retention, and awslogs to it', async () => {
    const files = bundleFor(PRICED, optionId);
    const main = await mainOf(files);
    expect(Object.keys(main.resource.aws_cloudwatch_log_group).sort()).toEqual(['api', 'nightly']);
    for (const { name, id } of SERVICES) {
      expect(main.resource.aws_cloudwatch_log_group[id]).toEqual([
        { name: `/ecs/${name}`, retention_in_days: LOG_RETENTION_DAYS },
      ]);
      expect(containersOf(main, id)[0]!.logConfiguration).toEqual({
        logDriver: 'awslogs',
        options: {
          'awslogs-group': `ref(\${aws_cloudwatch_log_group.${id}.name})`,
          'awslogs-region': 'ref(${var.aws_region})',
          'awslogs-stream-prefix': 'ecs',
        },
      });
      expect(jsonContainersOf(files, name)[0]!.logConfiguration).toEqual({
        logDriver: 'awslogs',
        options: { 'awslogs-group': `/ecs/${name}`, 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs' },
      });
    }
    expect(LOG_RETENTION_DAYS).toBe(30);
  });

  it('the bill has CloudWatch Logs lines exactly when the bundle creates log groups', async () => {
    for (const scenario of [PRICED, UNPRICED]) {
      const input = exportInputFor(scenario, optionId);
      const option = input.estimate.options.find((o) => o.id === optionId)!;
      const kinds = option.lines.map((l) => l.kind);
      const main = await mainOf(bundleFor(scenario, optionId));
      const logGroups = Object.keys(main.resource.aws_cloudwatch_log_group ?? {}).length;
      expect(kinds.includes('log-ingestion')).toBe(logGroups > 0);
      expect(kinds.includes('log-storage')).toBe(logGroups > 0);
    }
  });

  it('the bundle README says where the output goes, and how to ship it', () => {
    const unpriced = fileAt(bundleFor(UNPRICED, optionId), 'README.md');
    expect(unpriced).toContain(
      "The tasks' output is not sent to CloudWatch Logs, because the scenario prices none (`extras.logIngestionGB` is 0)",
    );
    expect(unpriced).toContain(`a log group \`/ecs/<service>\` with ${LOG_RETENTION_DAYS}-day retention`);
    expect(unpriced).not.toMatch(/log groups, task definitions|create the log groups|CloudWatch Logs, Secrets Manager/);

    const priced = fileAt(bundleFor(PRICED, optionId), 'README.md');
    expect(priced).not.toContain('not sent to CloudWatch Logs');
    expect(priced).toContain('IAM roles, security groups, log groups, task definitions, services');
    expect(priced).toContain('and create the log groups `/ecs/<service>` first.');
  });
});

describe('the estimate states the rule', () => {
  const assumptionOf = (scenario: ScenarioInput) =>
    exportInputFor(scenario, 'ecs-fargate').estimate.assumptions.filter((a) => a.startsWith('CloudWatch Logs:'));

  it('with 0 GB: no logs priced and none exported', () => {
    expect(assumptionOf(UNPRICED)).toEqual([
      `CloudWatch Logs: extras.logIngestionGB is 0, so no logs are priced and the exports ship none (ECS tasks get no log configuration or log groups, EKS no log router); set it to price the services' logs, which the exports then send to log groups with ${LOG_RETENTION_DAYS}-day retention.`,
    ]);
  });

  it('with logs priced: what is billed and the retention the export sets', () => {
    expect(assumptionOf(PRICED)).toHaveLength(1);
    expect(assumptionOf(PRICED)[0]).toMatch(/^CloudWatch Logs: extras\.logIngestionGB is billed on every option/);
  });
});
