/**
 * Golden files: the whole bundle of the article's example scenario, per option, pinned under
 * __golden__/<option>/ with real extensions (update with `npx vitest run -u src/domain/export`).
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { EXPORTABLE_OPTION_IDS as OPTION_IDS } from './export-context.ts';
import { ARTICLE_SCENARIO, bundleFor, fileAt, LOGGED_SCENARIO } from './testing/export-fixtures.ts';

const GOLDEN = join(import.meta.dirname, '__golden__');

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe.each(OPTION_IDS)('bundle of the article scenario, %s', (optionId) => {
  const files = bundleFor(ARTICLE_SCENARIO, optionId);

  it.each(files.map((f) => [f.path, f.contents]))('%s matches its golden file', async (path, contents) => {
    await expect(contents).toMatchFileSnapshot(join(GOLDEN, optionId, path));
  });

  it('has no golden file the bundle no longer makes', () => {
    const golden = filesUnder(join(GOLDEN, optionId)).map((p) =>
      relative(join(GOLDEN, optionId), p).split('\\').join('/'),
    );
    expect(golden.sort()).toEqual(files.map((f) => f.path).sort());
  });

  it('is deterministic: the same input gives byte-identical files', () => {
    expect(bundleFor(ARTICLE_SCENARIO, optionId)).toEqual(files);
  });

  it('starts with README.md and carries scenario.json and the share link', () => {
    expect(files[0]!.path).toBe('README.md');
    expect(JSON.parse(fileAt(files, 'scenario.json')).services[0].name).toBe('api-service');
    expect(fileAt(files, 'README.md')).toMatch(/<http:\/\/127\.0\.0\.1:4173\/#s=2\.[A-Za-z0-9_-]+>/);
  });
});

// The log router's files and the eksctl config that gives it its role, for a scenario that prices logs.
describe.each(['eks-ec2', 'eks-fargate'] as const)('log router files, %s', (optionId) => {
  const files = bundleFor(LOGGED_SCENARIO, optionId).filter(
    (f) => f.path.startsWith('eks/log-router/') || f.path === 'eks/cluster/eksctl.yaml',
  );
  it.each(files.map((f) => [f.path, f.contents]))('%s matches its golden file', async (path, contents) => {
    await expect(contents).toMatchFileSnapshot(join(GOLDEN, 'logs', optionId, path));
  });
});

describe('article shapes', () => {
  it("ECS on Fargate: the article task definition with the engine's 0.5 vCPU / 1 GiB size", () => {
    const td = JSON.parse(fileAt(bundleFor(ARTICLE_SCENARIO, 'ecs-fargate'), 'ecs/task-definitions/api-service.json'));
    expect(td).toMatchObject({
      family: 'api-service',
      networkMode: 'awsvpc',
      requiresCompatibilities: ['FARGATE'],
      cpu: '512',
      memory: '1024',
      containerDefinitions: [
        {
          image: '123456789.dkr.ecr.us-east-1.amazonaws.com/api:latest',
          portMappings: [{ containerPort: 8080, protocol: 'tcp' }],
          environment: [{ name: 'ENVIRONMENT', value: 'production' }],
          secrets: [
            { name: 'DATABASE_URL', valueFrom: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-url' },
          ],
          healthCheck: { interval: 30, timeout: 5, retries: 3, startPeriod: 60 },
        },
      ],
    });
    // The preset prices no logs, so the article's awslogs configuration is left out.
    expect(td.containerDefinitions[0]).not.toHaveProperty('logConfiguration');
  });

  it("ECS on Fargate with logs priced: the article's awslogs configuration", () => {
    const logged = { ...ARTICLE_SCENARIO, extras: { ...ARTICLE_SCENARIO.extras, logIngestionGB: 20 } };
    const td = JSON.parse(fileAt(bundleFor(logged, 'ecs-fargate'), 'ecs/task-definitions/api-service.json'));
    expect(td.containerDefinitions[0].logConfiguration).toEqual({
      logDriver: 'awslogs',
      options: { 'awslogs-group': '/ecs/api-service', 'awslogs-region': 'us-east-1', 'awslogs-stream-prefix': 'ecs' },
    });
  });

  it('EKS: Deployment, Service and Ingress of the article, with ingressClassName instead of the deprecated annotation', () => {
    const files = bundleFor(ARTICLE_SCENARIO, 'eks-ec2');
    const ingress = fileAt(files, 'eks/manifests/api-service/ingress.yaml');
    expect(ingress).toContain('ingressClassName: "alb"');
    expect(ingress).not.toContain('kubernetes.io/ingress.class');
    expect(ingress).toContain('host: "api.example.com"');
    expect(fileAt(files, 'eks/manifests/api-service/deployment.yaml')).not.toMatch(/^\s*replicas:/m);
  });
});
