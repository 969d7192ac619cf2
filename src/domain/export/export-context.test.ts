import { describe, expect, it } from 'vitest';
import { buildExportBundle, ExportError, findExportProblems } from './build-export-bundle.ts';
import {
  ARTICLE_SCENARIO,
  contextFor,
  exportInputFor,
  GPU_SCENARIO,
  MIXED_SCENARIO,
} from './testing/export-fixtures.ts';

const articleWith = (patch: Record<string, unknown>) => ({
  ...ARTICLE_SCENARIO,
  services: [{ ...ARTICLE_SCENARIO.services[0]!, ...patch }],
});

describe('prepareExport', () => {
  it('refuses an option the engine cannot run, with its reason', () => {
    const input = exportInputFor(GPU_SCENARIO, 'ecs-fargate');
    expect(findExportProblems(input)).toEqual([
      'ECS on Fargate cannot run this scenario: service "trainer" needs GPUs, and Fargate has none',
    ]);
    expect(() => buildExportBundle(input)).toThrow(ExportError);
  });

  it('refuses an estimate made for another scenario', () => {
    const input = exportInputFor(ARTICLE_SCENARIO, 'ecs-fargate');
    const other = exportInputFor(MIXED_SCENARIO, 'ecs-fargate');
    expect(findExportProblems({ ...input, estimate: other.estimate })).toEqual([
      'services[0]: the estimate has no Fargate size for "api-service"; estimate this scenario again',
    ]);
  });

  it('lists every problem: malformed secret ARNs and variables set twice', () => {
    const input = exportInputFor(
      articleWith({
        environment: { DATABASE_URL: 'x' },
        secrets: { DATABASE_URL: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:a' },
      }),
      'eks-ec2',
    );
    // The schema refuses a wildcard ARN; the export checks again for callers that skip validation.
    const service = input.scenario.services[0]!;
    const scenario = {
      ...input.scenario,
      services: [{ ...service, secrets: { ...service.secrets, BROKEN: 'arn:aws:ssm:us-east-1:*:parameter/*' } }],
    };
    expect(findExportProblems({ ...input, scenario })).toEqual([
      'services[0].secrets.BROKEN: must not contain a wildcard ("*" or "?"): name exactly one secret, or the exported IAM policy would let the task read every secret that matches',
      'services[0].secrets.DATABASE_URL: is also set in environment; a container gets each variable once',
    ]);
  });

  it('derives ports, counts and node groups from the scenario and the estimate', () => {
    const context = contextFor(MIXED_SCENARIO, 'eks-ec2');
    const web = context.services.find((s) => s.name === 'web')!;
    expect(web).toMatchObject({
      port: 8080,
      portAssumed: true,
      desiredCount: 3,
      image: 'REPLACE_WITH_IMAGE_URI',
      imageIsPlaceholder: true,
      healthCheckPath: null,
    });
    expect(web.environment.map((e) => e.name)).toEqual(['A_VAR', 'B_VAR', 'C_VAR', 'D_VAR']);
    const worker = context.services.find((s) => s.name === 'worker')!;
    expect(worker).toMatchObject({
      port: null,
      desiredCount: 3,
      autoscaling: { min: 0, max: 6, targetCpuPercent: 60 },
    });
    for (const plan of context.services) expect(plan.nodeGroup!.plan.services).toContain(plan.name);
  });
});
