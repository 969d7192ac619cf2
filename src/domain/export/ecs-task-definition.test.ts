/**
 * ECS task definitions: typed against the AWS SDK's RegisterTaskDefinitionCommandInput (a compile
 * time check, `npx tsc --noEmit`), and checked at run time against the rules of export-rules A1-A6:
 * valid Fargate pairs, names, health check ranges, string-only values.
 */
import { describe, expect, it } from 'vitest';
import type { RegisterTaskDefinitionCommandInput } from '@aws-sdk/client-ecs';
import { buildTaskDefinition, taskDefinitionJson } from './ecs-task-definition.ts';
import type { ExportContext, ServicePlan } from './export-context.ts';
import { contextFor, exportableCases, fileAt, bundleFor, ARTICLE_SCENARIO } from './testing/export-fixtures.ts';
import { logsPriced } from '../cost/bill-settings.ts';

// Compile-time: the builder's output type is a RegisterTaskDefinitionCommandInput.
function typedJson(context: ExportContext, plan: ServicePlan) {
  return taskDefinitionJson(context, plan) satisfies RegisterTaskDefinitionCommandInput;
}
function typedGeneric(context: ExportContext, plan: ServicePlan) {
  return buildTaskDefinition<never>(context, plan, {
    executionRoleArn: 'e',
    taskRoleArn: 't',
    logGroup: 'g',
    region: 'r',
  }) satisfies RegisterTaskDefinitionCommandInput;
}

/** Fargate task sizes from export-rules A2 (cpu units -> allowed memory MiB), written out independently of the engine's table. */
function fargateMemoryChoices(cpu: number): number[] {
  const range = (from: number, to: number, step: number) =>
    Array.from({ length: (to - from) / step + 1 }, (_, i) => from + i * step);
  switch (cpu) {
    case 256:
      return [512, 1024, 2048];
    case 512:
      return range(1024, 4096, 1024);
    case 1024:
      return range(2048, 8192, 1024);
    case 2048:
      return range(4096, 16384, 1024);
    case 4096:
      return range(8192, 30720, 1024);
    case 8192:
      return range(16384, 61440, 4096);
    case 16384:
      return range(32768, 122880, 8192);
    default:
      return [];
  }
}

const NAME = /^[A-Za-z0-9_-]{1,255}$/;
const ecsCases = exportableCases().filter((c) => c.optionId.startsWith('ecs'));

describe.each(ecsCases)('task definitions of $name', ({ scenario, optionId }) => {
  const files = bundleFor(scenario, optionId);
  const context = contextFor(scenario, optionId);

  it.each(context.services.map((p) => [p.name, p]))('%s follows the ECS API rules', (_name, plan) => {
    const td = JSON.parse(
      fileAt(files, `ecs/task-definitions/${plan.name}.json`),
    ) as RegisterTaskDefinitionCommandInput;
    expect(td).toEqual(JSON.parse(JSON.stringify(typedJson(context, plan))));
    expect(typedGeneric(context, plan).family).toBe(plan.name);
    expect(td.family).toMatch(NAME);
    const bridge = optionId === 'ecs-ec2' && context.scenario.ec2.ecsNetworkMode === 'bridge';
    expect(td.networkMode).toBe(bridge ? 'bridge' : 'awsvpc');
    expect(typeof td.cpu).toBe('string');
    expect(typeof td.memory).toBe('string');
    const cpu = Number(td.cpu);
    const memory = Number(td.memory);
    if (optionId === 'ecs-fargate') {
      expect(td.requiresCompatibilities).toEqual(['FARGATE']);
      expect(fargateMemoryChoices(cpu), `cpu ${cpu} / memory ${memory}`).toContain(memory);
      // The billed size covers the request.
      expect(cpu).toBeGreaterThanOrEqual(plan.service.vcpu * 1024 - 1e-6);
      expect(memory).toBeGreaterThanOrEqual(plan.service.memoryGiB * 1024 - 1e-6);
      if (plan.service.os === 'windows') expect(cpu).toBeGreaterThanOrEqual(1024);
    } else {
      // ECS Managed Instances validates against MANAGED_INSTANCES, ECS on EC2 against EC2.
      expect(td.requiresCompatibilities).toEqual([optionId === 'ecs-managed-instances' ? 'MANAGED_INSTANCES' : 'EC2']);
      expect(cpu).toBeGreaterThanOrEqual(128);
      expect(cpu).toBeLessThanOrEqual(196608);
      expect(Number.isInteger(memory) && memory >= 6).toBe(true);
    }
    if (plan.service.arch === 'arm64')
      expect(td.runtimePlatform).toEqual({ cpuArchitecture: 'ARM64', operatingSystemFamily: 'LINUX' });
    else if (plan.service.os === 'windows')
      expect(td.runtimePlatform).toEqual({
        cpuArchitecture: 'X86_64',
        operatingSystemFamily: 'WINDOWS_SERVER_2022_CORE',
      });
    else expect(td.runtimePlatform).toBeUndefined();

    expect(td.containerDefinitions).toHaveLength(1);
    const container = td.containerDefinitions![0]!;
    expect(container.name).toMatch(NAME);
    expect(container.essential).toBe(true);
    for (const mapping of container.portMappings ?? []) {
      // awsvpc: no hostPort; bridge: 0, a dynamic host port.
      expect(mapping.hostPort).toBe(bridge ? 0 : undefined);
      expect(mapping.protocol).toBe('tcp');
    }
    for (const variable of container.environment ?? []) expect(typeof variable.value).toBe('string');
    const names = (container.environment ?? []).map((v) => v.name!);
    expect(names).toEqual([...names].sort());
    for (const secret of container.secrets ?? []) expect(secret.valueFrom).toMatch(/^arn:aws/);
    // awslogs to the service's log group only when the bill prices logs (export-rules "Logs", A6).
    if (logsPriced(context.scenario)) {
      expect(container.logConfiguration!.logDriver).toBe('awslogs');
      const options = container.logConfiguration!.options!;
      expect(Object.values(options).every((v) => typeof v === 'string')).toBe(true);
      expect(options).toEqual({
        'awslogs-group': `/ecs/${plan.name}`,
        'awslogs-region': context.scenario.region,
        'awslogs-stream-prefix': 'ecs',
      });
    } else {
      expect(container).not.toHaveProperty('logConfiguration');
    }
    const check = container.healthCheck;
    if (check) {
      expect(check.command![0]).toBe('CMD');
      expect(check.interval).toBeGreaterThanOrEqual(5);
      expect(check.interval).toBeLessThanOrEqual(300);
      expect(check.timeout).toBeGreaterThanOrEqual(2);
      expect(check.timeout).toBeLessThanOrEqual(60);
      expect(check.retries).toBeGreaterThanOrEqual(1);
      expect(check.retries).toBeLessThanOrEqual(10);
      expect(check.startPeriod).toBeGreaterThanOrEqual(0);
      expect(check.startPeriod).toBeLessThanOrEqual(300);
    }
    if (optionId !== 'ecs-fargate' && plan.service.gpu > 0)
      expect(container.resourceRequirements).toEqual([{ type: 'GPU', value: String(plan.service.gpu) }]);
  });
});

describe('health check command', () => {
  it('passes the health path as one argument in exec form, never through a shell', () => {
    const hostile = {
      ...ARTICLE_SCENARIO,
      services: [{ ...ARTICLE_SCENARIO.services[0]!, healthCheckPath: "/x';rm${IFS}-rf`id`$(id)|&&" }],
    };
    const td = JSON.parse(fileAt(bundleFor(hostile, 'ecs-fargate'), 'ecs/task-definitions/api-service.json'));
    expect(td.containerDefinitions[0].healthCheck.command).toEqual([
      'CMD',
      'curl',
      '--fail',
      '--silent',
      '--globoff',
      "http://localhost:8080/x';rm${IFS}-rf`id`$(id)|&&",
    ]);
  });
});
