/**
 * Scenario format v1: the public description of a workload. The CLI reads it, share links carry
 * it, the UI edits it, and public/scenario.schema.json is generated from this one definition.
 *
 * Unknown fields are rejected (a misspelt "replica" must not be ignored silently).
 */
import { z } from 'zod';
import { REGION_CATALOG } from '../pricing/region-catalog.ts';
import { ECS_NETWORK_MODES } from '../capacity/ecs-node-capacity.ts';
import { AUTOSCALING_DEFAULTS, HOURS_PER_MONTH, SECTION_DEFAULTS, SERVICE_DEFAULTS } from './scenario-defaults.ts';
import { ECS_FARGATE_MAX_STORAGE_GIB, FARGATE_INCLUDED_STORAGE_GIB } from '../sizing/fargate-sizes.ts';
import { MAX_SECRET_ARN_CHARS, parseSecretArn, SECRET_ARN_PATTERN } from './secret-arn.ts';
import {
  SCHEDULE_HOURS_TOLERANCE,
  WEEKDAYS,
  scheduleProblems,
  scheduledHoursPerMonth,
  type ServiceSchedule,
} from '../schedule/service-schedule.ts';

const REGION_CODES = REGION_CATALOG.map((r) => r.code) as [string, ...string[]];

export { HOURS_PER_MONTH };
/** The longest month, 31 x 24 hours: the most a node or task can run in one calendar month. */
export const MAX_HOURS_PER_MONTH = 744;
export const MAX_SERVICES = 200;
/** Region a scenario is priced in when nothing names one (the presets' and the importer's). */
export const DEFAULT_REGION = 'us-east-1';
/** The scenario format version this build writes and reads. */
export const SCENARIO_FORMAT_VERSION = 1;

export const SERVICE_NAME = /^[a-z](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
export const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]{0,254}$/;

const envKey = z.string().regex(ENV_KEY, { error: 'must be a valid environment variable name' });
/**
 * Service fields that map names the user chooses to values. zod skips a "__proto__" key there (a
 * plain object cannot hold it), so validateScenario refuses it before zod would drop it.
 */
export const SERVICE_NAME_MAPS = ['environment', 'secrets'] as const;

/** A Secrets Manager or SSM Parameter Store ARN that names one secret (secret-arn.ts). */
const secretArn = z
  .string()
  .superRefine((arn, ctx) => {
    const parsed = parseSecretArn(arn);
    if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.problem });
  })
  // For editors through the JSON Schema; the refinement above gives the precise message.
  .meta({ pattern: SECRET_ARN_PATTERN.source, maxLength: MAX_SECRET_ARN_CHARS });

const percent = z.number().min(0).max(100);
const { fargate: FARGATE, ec2: EC2, eks: EKS, extras: EXTRAS, operations: OPERATIONS } = SECTION_DEFAULTS;
const count = (max: number) => z.number().int().min(0).max(max);

const autoscalingSchema = z
  .strictObject({
    min: z.number().int().min(0).max(10_000),
    max: z.number().int().min(1).max(10_000),
    targetCpuPercent: z.number().int().min(1).max(100).default(AUTOSCALING_DEFAULTS.targetCpuPercent),
  })
  .superRefine((value, ctx) => {
    if (value.max < value.min)
      ctx.addIssue({ code: 'custom', path: ['max'], message: 'must be at least autoscaling.min' });
  });

/** A per-node daemon the user runs on every EC2 node (an ECS daemon service or a Kubernetes DaemonSet). */
const daemonSchema = z.strictObject({
  name: z.string().regex(SERVICE_NAME, {
    error:
      '1-40 characters: lowercase letters, digits and "-", starting with a letter and ending with a letter or digit',
  }),
  vcpu: z.number().min(0).max(16),
  memoryGiB: z.number().min(0).max(120),
});

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { error: 'must be a UTC time HH:MM (00:00-24:00)' });

/**
 * When a service runs (UTC): a cron job `{cron, runMinutes}` or a weekly window `{weekly}`. Its
 * hours a month are derived from it (src/domain/schedule/service-schedule.ts).
 */
const scheduleSchema = z
  .strictObject({
    cron: z
      .string()
      .min(1)
      .max(256)
      .regex(/^[ A-Za-z0-9*,/@-]*$/, { error: 'may hold only digits, letters, spaces and * , - / @' })
      .optional(),
    runMinutes: z
      .number()
      .int()
      .min(1)
      .max(MAX_HOURS_PER_MONTH * 60)
      .optional(),
    weekly: z
      .strictObject({
        days: z.array(z.enum(WEEKDAYS)).max(7),
        start: hhmm,
        end: hhmm,
      })
      .optional(),
  })
  .superRefine((value, ctx) => {
    const kinds = Number(value.cron !== undefined) + Number(value.weekly !== undefined);
    if (kinds !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: [],
        message: 'must be either {"cron": "...", "runMinutes": N} or {"weekly": {"days": [...], "start", "end"}}',
      });
      return;
    }
    if (value.cron !== undefined && value.runMinutes === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['runMinutes'],
        message: 'is required with cron (how long each run lasts)',
      });
    if (value.weekly !== undefined && value.runMinutes !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['runMinutes'],
        message: 'belongs to cron schedules; a weekly window has start and end',
      });
    if (value.cron !== undefined && value.runMinutes === undefined) return;
    if (value.weekly !== undefined && value.runMinutes !== undefined) return;
    for (const problem of scheduleProblems(value as ServiceSchedule))
      ctx.addIssue({
        code: 'custom',
        path: problem.path
          .split(/[.[\]]+/)
          .filter(Boolean)
          .map((k) => (/^\d+$/.test(k) ? Number(k) : k)),
        message: problem.message,
      });
  })
  .transform((value) => value as ServiceSchedule);

export const serviceSchema = z.strictObject({
  name: z.string().regex(SERVICE_NAME, {
    error:
      '1-40 characters: lowercase letters, digits and "-", starting with a letter and ending with a letter or digit',
  }),
  vcpu: z.number().gt(0).max(16),
  memoryGiB: z.number().gt(0).max(120),
  replicas: z.number().min(0).max(10_000),
  hoursPerMonth: z.number().min(0).max(MAX_HOURS_PER_MONTH).optional(),
  schedule: scheduleSchema.optional(),
  arch: z.enum(['x86_64', 'arm64']).default(SERVICE_DEFAULTS.arch),
  os: z.enum(['linux', 'windows']).default(SERVICE_DEFAULTS.os),
  // Whole GiB, as task definitions (sizeInGiB) and pod requests take it.
  ephemeralStorageGiB: z
    .number()
    .int()
    .min(FARGATE_INCLUDED_STORAGE_GIB)
    .max(ECS_FARGATE_MAX_STORAGE_GIB)
    .default(SERVICE_DEFAULTS.ephemeralStorageGiB),
  /** GPUs per task or pod. Fargate has no GPUs; EC2 options choose GPU instance types. */
  gpu: z.number().int().min(0).max(16).default(SERVICE_DEFAULTS.gpu),
  autoscaling: autoscalingSchema.optional(),
  image: z
    .string()
    .min(1)
    .max(255)
    .regex(/^[^\s]+$/, { error: 'must not contain spaces' })
    .optional(),
  port: z.number().int().min(1).max(65_535).optional(),
  healthCheckPath: z
    .string()
    .max(255)
    .regex(/^\/[^\s]*$/, { error: 'must start with "/" and contain no spaces' })
    .optional(),
  environment: z.record(envKey, z.string().max(32_768)).optional(),
  secrets: z.record(envKey, secretArn).optional(),
  public: z.boolean().default(SERVICE_DEFAULTS.public),
  host: z
    .string()
    .max(253)
    .regex(/^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/, {
      error: 'must be a lowercase DNS host name such as api.example.com',
    })
    .optional(),
});

export const scenarioSchema = z
  .strictObject({
    /** Editors may point at public/scenario.schema.json; the engine ignores it. */
    $schema: z.string().max(2048).optional(),
    version: z.literal(SCENARIO_FORMAT_VERSION, {
      error: (issue) =>
        issue.input === undefined
          ? 'is required'
          : `must be ${SCENARIO_FORMAT_VERSION} (the only scenario format version this build reads)`,
    }),
    region: z.enum(REGION_CODES),
    hoursPerMonth: z.number().gt(0).max(MAX_HOURS_PER_MONTH).default(HOURS_PER_MONTH),
    services: z.array(serviceSchema).min(1).max(MAX_SERVICES),
    fargate: z
      .strictObject({
        spotPercent: percent.default(FARGATE.spotPercent),
        savingsPlanDiscountPercent: percent.default(FARGATE.savingsPlanDiscountPercent),
      })
      .default(() => ({ ...FARGATE })),
    ec2: z
      .strictObject({
        instanceTypes: z
          .array(
            z
              .string()
              .regex(/^[a-z0-9-]+\.[a-z0-9-]+$/, { error: 'must look like an EC2 instance type, e.g. m6i.large' }),
          )
          .max(50)
          .default(() => [...EC2.instanceTypes]),
        spotPercent: percent.default(EC2.spotPercent),
        spotDiscountPercent: percent.default(EC2.spotDiscountPercent),
        savingsPlanDiscountPercent: percent.default(EC2.savingsPlanDiscountPercent),
        minNodes: count(1000).default(EC2.minNodes),
        eniTrunking: z.boolean().default(EC2.eniTrunking),
        prefixDelegation: z.boolean().default(EC2.prefixDelegation),
        /** ECS on EC2 only: awsvpc (an ENI per task, the default) or bridge (dynamic host ports). */
        ecsNetworkMode: z.enum(ECS_NETWORK_MODES).optional(),
        /** Subtracted from every EC2 node's capacity, ECS and EKS alike. */
        daemonsPerNode: z.array(daemonSchema).max(20).optional(),
      })
      .default(() => ({ ...EC2, instanceTypes: [...EC2.instanceTypes] })),
    eks: z
      // At least one cluster: EKS options are priced with their control plane.
      .strictObject({
        clusters: z.number().int().min(1).max(100).default(EKS.clusters),
        support: z.enum(['standard', 'extended']).default(EKS.support),
      })
      .default(() => ({ ...EKS })),
    extras: z
      .strictObject({
        loadBalancers: count(1000).default(EXTRAS.loadBalancers),
        lcuPerLoadBalancer: z.number().min(0).max(10_000).default(EXTRAS.lcuPerLoadBalancer),
        natGateways: count(1000).default(EXTRAS.natGateways),
        natDataGB: z.number().min(0).max(100_000_000).default(EXTRAS.natDataGB),
        publicIPv4Addresses: count(100_000).default(EXTRAS.publicIPv4Addresses),
      })
      .default(() => ({ ...EXTRAS })),
    operations: z
      .strictObject({
        hourlyRateUSD: z.number().min(0).max(10_000).default(OPERATIONS.hourlyRateUSD),
        ecsHoursPerMonth: z
          .number()
          .min(0)
          .max(MAX_HOURS_PER_MONTH * 100)
          .default(OPERATIONS.ecsHoursPerMonth),
        eksHoursPerMonth: z
          .number()
          .min(0)
          .max(MAX_HOURS_PER_MONTH * 100)
          .default(OPERATIONS.eksHoursPerMonth),
      })
      .default(() => ({ ...OPERATIONS })),
  })
  .superRefine((scenario, ctx) => {
    const daemonNames = new Map<string, number>();
    scenario.ec2.daemonsPerNode?.forEach((daemon, index) => {
      const first = daemonNames.get(daemon.name);
      if (first !== undefined)
        ctx.addIssue({
          code: 'custom',
          path: ['ec2', 'daemonsPerNode', index, 'name'],
          message: `duplicates ec2.daemonsPerNode[${first}].name "${daemon.name}"`,
        });
      else daemonNames.set(daemon.name, index);
    });
    const seen = new Map<string, number>();
    scenario.services.forEach((service, index) => {
      if (service.hoursPerMonth !== undefined && service.hoursPerMonth > scenario.hoursPerMonth) {
        // Every option must price the same month: a service cannot run longer than its cluster.
        ctx.addIssue({
          code: 'custom',
          path: ['services', index, 'hoursPerMonth'],
          message: `must be at most the scenario's hoursPerMonth (${scenario.hoursPerMonth})`,
        });
      }
      // Refinements run even when a field failed: compare hours only for a schedule that parsed.
      if (service.schedule && scheduleSchema.safeParse(service.schedule).success) {
        const derived = scheduledHoursPerMonth(service.schedule, scenario.hoursPerMonth);
        if (
          derived !== null &&
          service.hoursPerMonth !== undefined &&
          Math.abs(service.hoursPerMonth - derived) > SCHEDULE_HOURS_TOLERANCE
        ) {
          ctx.addIssue({
            code: 'custom',
            path: ['services', index, 'hoursPerMonth'],
            message: `(${service.hoursPerMonth}) disagrees with services[${index}].schedule, which runs ${Math.round(derived * 100) / 100} hours in the scenario's ${scenario.hoursPerMonth}-hour month: remove hoursPerMonth or set it to that`,
          });
        }
      }
      const first = seen.get(service.name);
      if (first !== undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['services', index, 'name'],
          message: `duplicates services[${first}].name "${service.name}"`,
        });
      } else seen.set(service.name, index);
    });
  });

/** A validated scenario with every default filled in. */
export type Scenario = z.output<typeof scenarioSchema>;
/** What a user may write: defaults may be left out. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Service = Scenario['services'][number];
export type ServiceInput = ScenarioInput['services'][number];
