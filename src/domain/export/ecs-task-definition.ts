/**
 * ECS task definitions in the RegisterTaskDefinition shape of the article: one builder feeds both
 * ecs/task-definitions/<service>.json (values filled in) and the Terraform (where role ARNs, the
 * log group and the region are references). Containers log with awslogs only when the scenario
 * prices CloudWatch Logs (`logsPriced`): CloudWatch bills every GB awslogs sends, so a bundle for a
 * scenario that prices none sends none (docs/export-rules.md, "Logs").
 */
import { FARGATE_INCLUDED_STORAGE_GIB } from '../sizing/fargate-sizes.ts';
import { toTaskDefinitionUnits } from '../sizing/fargate-sizes.ts';
import { ACCOUNT_PLACEHOLDER, CLUSTER_NAME, type ExportContext, type ServicePlan } from './export-context.ts';
import type { EcsNetworkMode } from '../capacity/ecs-node-capacity.ts';
import { ecsNetworkModeFor } from '../cost/ec2-option.ts';
import { isEc2OptionId } from '../cost/estimate-types.ts';
import { ceilWhole } from '../numeric/float-tolerance.ts';
import { logsPriced } from '../cost/bill-settings.ts';

/**
 * The tasks' network mode, as the estimate packed them: ec2.ecsNetworkMode for ECS on EC2 (awsvpc
 * by default), awsvpc on ECS Managed Instances (no bridge mode); Fargate requires awsvpc
 * (export-rules A1).
 */
export function ecsNetworkModeOf(context: ExportContext): EcsNetworkMode {
  const id = context.option.id;
  return context.platform === 'ecs' && isEc2OptionId(id) ? ecsNetworkModeFor(id, context.scenario) : 'awsvpc';
}

/** What ECS validates the task definition against: the launch type, or MANAGED_INSTANCES. */
export type EcsCompatibility = 'FARGATE' | 'EC2' | 'MANAGED_INSTANCES';

/** ECS Managed Instances task definitions name MANAGED_INSTANCES (ECS Developer Guide, task definition parameters for Managed Instances). */
export function ecsCompatibilityOf(context: ExportContext): EcsCompatibility {
  if (context.compute === 'fargate') return 'FARGATE';
  return context.option.id === 'ecs-managed-instances' ? 'MANAGED_INSTANCES' : 'EC2';
}

/** What differs between the JSON file (strings) and Terraform (expressions of type R). */
export interface TaskDefinitionRefs<R> {
  executionRoleArn: string | R;
  taskRoleArn: string | R;
  logGroup: string | R;
  region: string | R;
}

export interface ContainerDefinition<R> {
  name: string;
  image: string;
  essential: boolean;
  /** hostPort 0 in bridge mode: a dynamic host port per task. */
  portMappings: { containerPort: number; hostPort?: number; protocol: 'tcp' }[];
  environment: { name: string; value: string }[];
  secrets?: { name: string; valueFrom: string }[];
  resourceRequirements?: { type: 'GPU'; value: string }[];
  mountPoints: never[];
  volumesFrom: never[];
  /** Only when logs are priced (`logsPriced`). */
  logConfiguration?: { logDriver: 'awslogs'; options: Record<string, string | R> };
  healthCheck?: { command: string[]; interval: number; timeout: number; retries: number; startPeriod: number };
}

export interface TaskDefinition<R> {
  family: string;
  networkMode: EcsNetworkMode;
  requiresCompatibilities: EcsCompatibility[];
  cpu: string;
  memory: string;
  executionRoleArn: string | R;
  taskRoleArn: string | R;
  runtimePlatform?: {
    cpuArchitecture: 'X86_64' | 'ARM64';
    operatingSystemFamily: 'LINUX' | 'WINDOWS_SERVER_2022_CORE';
  };
  /** Fargate only: storage beyond the 20 GiB every task gets, as the estimate bills it (21-200 GiB). */
  ephemeralStorage?: { sizeInGiB: number };
  containerDefinitions: ContainerDefinition<R>[];
}

/**
 * Health check timings: all four written out, since omitted defaults make Terraform show a diff on
 * every plan (export-rules A4, A9). Values sit inside ECS's ranges: interval 5-300, timeout 2-60,
 * retries 1-10, startPeriod 0-300.
 */
export const ECS_HEALTH_CHECK = { interval: 30, timeout: 5, retries: 3, startPeriod: 60 } as const;

export const executionRoleName = (clusterName: string) => `${clusterName}-execution`;
export const taskRoleName = (clusterName: string, service: string) => `${clusterName}-${service}`;
export const logGroupName = (service: string) => `/ecs/${service}`;

/** Smallest whole unit covering an amount, ignoring float noise (0.3 x 1024 must not become 308). */
const ceilUnits = ceilWhole;

/**
 * Task-level cpu (units) and memory (MiB) as strings (export-rules A1: strings in the API model).
 * Fargate: the engine's rounded, valid Fargate pair (A2). EC2: the service's request, which the
 * engine packed onto the nodes; EC2 accepts any cpu from 128 units, so only that floor applies.
 */
export function taskSize(context: ExportContext, plan: ServicePlan): { cpu: string; memory: string } {
  if (context.compute === 'fargate') {
    if (!plan.fargateSize) throw new Error(`no Fargate size for ${plan.name}`);
    return toTaskDefinitionUnits(plan.fargateSize);
  }
  const cpu = Math.max(128, ceilUnits(plan.service.vcpu * 1024));
  const memory = Math.max(6, ceilUnits(plan.service.memoryGiB * 1024));
  return { cpu: String(cpu), memory: String(memory) };
}

/**
 * Exec form, no shell: the user's path is one argv element and can never be run as shell code
 * (export-rules A4, C4). --globoff stops curl from reading [] and {} in the path as URL globs.
 */
export function healthCheckCommand(port: number, path: string): string[] {
  return ['CMD', 'curl', '--fail', '--silent', '--globoff', `http://localhost:${port}${path}`];
}

function containerDefinition<R>(
  context: ExportContext,
  plan: ServicePlan,
  refs: TaskDefinitionRefs<R>,
): ContainerDefinition<R> {
  // Keys in the article's order; optional ones only when they apply.
  return {
    name: plan.name,
    image: plan.image,
    essential: true,
    // awsvpc: hostPort is omitted (it must equal containerPort anyway) (export-rules A3); bridge:
    // hostPort 0 asks for a dynamic host port, so many tasks share one instance (A12).
    portMappings:
      plan.port === null
        ? []
        : ecsNetworkModeOf(context) === 'bridge'
          ? [{ containerPort: plan.port, hostPort: 0, protocol: 'tcp' }]
          : [{ containerPort: plan.port, protocol: 'tcp' }],
    environment: plan.environment.map(({ name, value }) => ({ name, value })),
    ...(plan.secrets.length > 0 ? { secrets: plan.secrets.map((s) => ({ name: s.name, valueFrom: s.arn })) } : {}),
    ...(context.compute === 'ec2' && plan.service.gpu > 0
      ? { resourceRequirements: [{ type: 'GPU' as const, value: String(plan.service.gpu) }] }
      : {}),
    // Written out empty: ECS returns them, and leaving them out shows a diff on every plan (A9).
    mountPoints: [],
    volumesFrom: [],
    // Without logConfiguration ECS sends the container's output nowhere: nothing reaches CloudWatch
    // that the bill does not price.
    ...(logsPriced(context.scenario)
      ? {
          logConfiguration: {
            logDriver: 'awslogs' as const,
            // awslogs-stream-prefix is required on Fargate; awslogs-create-group is left out because
            // the log group is created explicitly (export-rules A6).
            options: { 'awslogs-group': refs.logGroup, 'awslogs-region': refs.region, 'awslogs-stream-prefix': 'ecs' },
          },
        }
      : {}),
    ...(plan.port !== null && plan.healthCheckPath !== null
      ? { healthCheck: { command: healthCheckCommand(plan.port, plan.healthCheckPath), ...ECS_HEALTH_CHECK } }
      : {}),
  };
}

export function buildTaskDefinition<R>(
  context: ExportContext,
  plan: ServicePlan,
  refs: TaskDefinitionRefs<R>,
): TaskDefinition<R> {
  const size = taskSize(context, plan);
  const definition: TaskDefinition<R> = {
    family: plan.name,
    // awsvpc on Fargate (required) and by default on EC2, where the engine's packing counts one
    // ENI (or trunk branch) per task; bridge on EC2 when the scenario asks for it (export-rules A1, A12).
    networkMode: ecsNetworkModeOf(context),
    requiresCompatibilities: [ecsCompatibilityOf(context)],
    cpu: size.cpu,
    memory: size.memory,
    executionRoleArn: refs.executionRoleArn,
    taskRoleArn: refs.taskRoleArn,
    containerDefinitions: [containerDefinition(context, plan, refs)],
  };
  if (context.compute === 'fargate' && plan.service.ephemeralStorageGiB > FARGATE_INCLUDED_STORAGE_GIB) {
    definition.ephemeralStorage = { sizeInGiB: Math.ceil(plan.service.ephemeralStorageGiB) };
  }
  if (plan.service.arch === 'arm64' || plan.service.os === 'windows') {
    definition.runtimePlatform = {
      cpuArchitecture: plan.service.arch === 'arm64' ? 'ARM64' : 'X86_64',
      operatingSystemFamily: plan.service.os === 'windows' ? 'WINDOWS_SERVER_2022_CORE' : 'LINUX',
    };
  }
  return definition;
}

/** The standalone JSON file: role ARNs name the roles the Terraform creates, in a placeholder account. */
export function taskDefinitionJson(context: ExportContext, plan: ServicePlan): TaskDefinition<never> {
  const roleArn = (name: string) => `arn:aws:iam::${ACCOUNT_PLACEHOLDER}:role/${name}`;
  return buildTaskDefinition<never>(context, plan, {
    executionRoleArn: roleArn(executionRoleName(CLUSTER_NAME)),
    taskRoleArn: roleArn(taskRoleName(CLUSTER_NAME, plan.name)),
    logGroup: logGroupName(plan.name),
    region: context.scenario.region,
  });
}
