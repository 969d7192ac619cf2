/**
 * Scenario format v2 (v1 documents are upgraded by migrate-scenario.ts): the public description of a workload. The CLI reads it, share links carry
 * it, the UI edits it, and public/scenario.schema.json is generated from this one definition.
 *
 * Unknown fields are rejected (a misspelt "replica" must not be ignored silently).
 */
import * as z from 'zod/mini';
import { REGION_CATALOG } from '../pricing/region-catalog.ts';
import { READABLE_SCENARIO_VERSIONS, SCENARIO_FORMAT_VERSION } from './migrate-scenario.ts';
import { ECS_NETWORK_MODES } from '../capacity/ecs-node-capacity.ts';
import {
  AUTOSCALING_DEFAULTS,
  HOURS_PER_MONTH,
  MAX_SERVICES,
  SECTION_DEFAULTS,
  SERVICE_DEFAULTS,
} from './scenario-defaults.ts';
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
export { MAX_SERVICES };
/** Region a scenario is priced in when nothing names one (the presets' and the importer's). */
export const DEFAULT_REGION = 'us-east-1';
/** The scenario format version this build writes (it also reads v1, upgraded: migrate-scenario.ts). */
export { SCENARIO_FORMAT_VERSION };

export const SERVICE_NAME = /^[a-z](?:[a-z0-9-]{0,38}[a-z0-9])?$/;
export const ENV_KEY = /^[A-Za-z_][A-Za-z0-9_]{0,254}$/;

// zod/mini (the tree-shakable build of zod 4): the first screen validates scenarios, and the
// classic build alone was about a quarter of its JavaScript. Checks are listed with .check();
// validate-scenario.ts words the messages, so the schema carries only the custom ones.
const num = (min: number, max: number) => z.number().check(z.minimum(min), z.maximum(max));
/** Greater than `min` (exclusive), at most `max`. */
const positive = (min: number, max: number) => z.number().check(z.gt(min), z.maximum(max));
const whole = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));
const percent = num(0, 100);
const { fargate: FARGATE, ec2: EC2, eks: EKS, extras: EXTRAS, operations: OPERATIONS } = SECTION_DEFAULTS;
const count = (max: number) => whole(0, max);
const envKey = z.string().check(z.regex(ENV_KEY, { error: 'must be a valid environment variable name' }));
/**
 * Service fields that map names the user chooses to values. zod skips a "__proto__" key there (a
 * plain object cannot hold it), so validateScenario refuses it before zod would drop it.
 */
export const SERVICE_NAME_MAPS = ['environment', 'secrets'] as const;

/** A Secrets Manager or SSM Parameter Store ARN that names one secret (secret-arn.ts). */
const secretArn = z
  .string()
  .check(
    z.superRefine((arn, ctx) => {
      const parsed = parseSecretArn(arn);
      if (!parsed.ok) ctx.addIssue({ code: 'custom', message: parsed.problem });
    }),
  )
  // For editors through the JSON Schema; the refinement above gives the precise message.
  .register(z.globalRegistry, { pattern: SECRET_ARN_PATTERN.source, maxLength: MAX_SECRET_ARN_CHARS });

const autoscalingSchema = z
  .strictObject({
    min: whole(0, 10_000),
    max: whole(1, 10_000),
    targetCpuPercent: z._default(whole(1, 100), AUTOSCALING_DEFAULTS.targetCpuPercent),
  })
  .check(
    z.superRefine((value, ctx) => {
      if (value.max < value.min)
        ctx.addIssue({ code: 'custom', path: ['max'], message: 'must be at least autoscaling.min' });
    }),
  );

const serviceName = () =>
  z.string().check(
    z.regex(SERVICE_NAME, {
      error:
        '1-40 characters: lowercase letters, digits and "-", starting with a letter and ending with a letter or digit',
    }),
  );

/** A per-node daemon the user runs on every EC2 node (an ECS daemon service or a Kubernetes DaemonSet). */
const daemonSchema = z.strictObject({
  name: serviceName(),
  vcpu: num(0, 16),
  memoryGiB: num(0, 120),
});

const hhmm = z
  .string()
  .check(z.regex(/^([01]\d|2[0-3]):[0-5]\d$|^24:00$/, { error: 'must be a UTC time HH:MM (00:00-24:00)' }));

/**
 * When a service runs (UTC): a cron job `{cron, runMinutes}` or a weekly window `{weekly}`. Its
 * hours a month are derived from it (src/domain/schedule/service-schedule.ts).
 */
const scheduleSchema = z.pipe(
  z
    .strictObject({
      cron: z.optional(
        z
          .string()
          .check(
            z.minLength(1),
            z.maxLength(256),
            z.regex(/^[ A-Za-z0-9*,/@-]*$/, { error: 'may hold only digits, letters, spaces and * , - / @' }),
          ),
      ),
      runMinutes: z.optional(whole(1, MAX_HOURS_PER_MONTH * 60)),
      weekly: z.optional(
        z.strictObject({
          days: z.array(z.enum(WEEKDAYS)).check(z.maxLength(7)),
          start: hhmm,
          end: hhmm,
        }),
      ),
    })
    .check(
      z.superRefine((value, ctx) => {
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
      }),
    ),
  z.transform((value) => value as ServiceSchedule),
);

export const serviceSchema = z.strictObject({
  name: serviceName(),
  vcpu: positive(0, 16),
  memoryGiB: positive(0, 120),
  replicas: num(0, 10_000),
  hoursPerMonth: z.optional(num(0, MAX_HOURS_PER_MONTH)),
  schedule: z.optional(scheduleSchema),
  arch: z._default(z.enum(['x86_64', 'arm64']), SERVICE_DEFAULTS.arch),
  os: z._default(z.enum(['linux', 'windows']), SERVICE_DEFAULTS.os),
  // Whole GiB, as task definitions (sizeInGiB) and pod requests take it.
  ephemeralStorageGiB: z._default(
    whole(FARGATE_INCLUDED_STORAGE_GIB, ECS_FARGATE_MAX_STORAGE_GIB),
    SERVICE_DEFAULTS.ephemeralStorageGiB,
  ),
  /** GPUs per task or pod. Fargate has no GPUs; EC2 options choose GPU instance types. */
  gpu: z._default(whole(0, 16), SERVICE_DEFAULTS.gpu),
  autoscaling: z.optional(autoscalingSchema),
  image: z.optional(
    z.string().check(z.minLength(1), z.maxLength(255), z.regex(/^[^\s]+$/, { error: 'must not contain spaces' })),
  ),
  port: z.optional(whole(1, 65_535)),
  healthCheckPath: z.optional(
    z.string().check(z.maxLength(255), z.regex(/^\/[^\s]*$/, { error: 'must start with "/" and contain no spaces' })),
  ),
  environment: z.optional(z.record(envKey, z.string().check(z.maxLength(32_768)))),
  secrets: z.optional(z.record(envKey, secretArn)),
  public: z._default(z.boolean(), SERVICE_DEFAULTS.public),
  host: z.optional(
    z.string().check(
      z.maxLength(253),
      z.regex(/^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$/, {
        error: 'must be a lowercase DNS host name such as api.example.com',
      }),
    ),
  ),
});

export const scenarioSchema = z
  .strictObject({
    /** Editors may point at public/scenario.schema.json; the engine ignores it. */
    $schema: z.optional(z.string().check(z.maxLength(2048))),
    version: z.literal(SCENARIO_FORMAT_VERSION, {
      error: (issue) =>
        issue.input === undefined
          ? 'is required'
          : typeof issue.input === 'number' && issue.input > SCENARIO_FORMAT_VERSION
            ? `is ${issue.input}: the file was written by a newer version of the calculator (this build reads versions ${READABLE_SCENARIO_VERSIONS.join(' and ')})`
            : `must be ${SCENARIO_FORMAT_VERSION} (version 1 files are upgraded when read)`,
    }),
    region: z.enum(REGION_CODES),
    hoursPerMonth: z._default(positive(0, MAX_HOURS_PER_MONTH), HOURS_PER_MONTH),
    services: z.array(serviceSchema).check(z.minLength(1), z.maxLength(MAX_SERVICES)),
    fargate: z._default(
      z.strictObject({
        spotPercent: z._default(percent, FARGATE.spotPercent),
        savingsPlanDiscountPercent: z._default(percent, FARGATE.savingsPlanDiscountPercent),
      }),
      () => ({ ...FARGATE }),
    ),
    ec2: z._default(
      z.strictObject({
        instanceTypes: z._default(
          z
            .array(
              z
                .string()
                .check(
                  z.regex(/^[a-z0-9-]+\.[a-z0-9-]+$/, { error: 'must look like an EC2 instance type, e.g. m6i.large' }),
                ),
            )
            .check(z.maxLength(50)),
          () => [...EC2.instanceTypes],
        ),
        spotPercent: z._default(percent, EC2.spotPercent),
        /** Absent: each type's Spot Instance Advisor savings in the region. */
        spotDiscountPercent: z.optional(percent),
        /**
         * Volume per node (gp3). Absent: 30 GiB for ECS on EC2 and ECS Managed Instances, 20 GiB for
         * EKS on EC2, 80 GiB for EKS Auto Mode; a minimum when tasks' storage needs more.
         */
        rootVolumeGiB: z.optional(whole(20, 16_384)),
        savingsPlanDiscountPercent: z._default(percent, EC2.savingsPlanDiscountPercent),
        minNodes: z._default(count(1000), EC2.minNodes),
        eniTrunking: z._default(z.boolean(), EC2.eniTrunking),
        /** EKS on EC2 only: EKS Auto Mode always uses prefix delegation. */
        prefixDelegation: z._default(z.boolean(), EC2.prefixDelegation),
        /** ECS on EC2 only: awsvpc (an ENI per task, the default) or bridge (dynamic host ports); ECS Managed Instances runs awsvpc. */
        ecsNetworkMode: z.optional(z.enum(ECS_NETWORK_MODES)),
        /** Subtracted from every EC2 node's capacity, on all four EC2 node options. */
        daemonsPerNode: z.optional(z.array(daemonSchema).check(z.maxLength(20))),
      }),
      () => ({ ...EC2, instanceTypes: [...EC2.instanceTypes] }),
    ),
    eks: z._default(
      // At least one cluster: EKS options are priced with their control plane.
      z.strictObject({
        clusters: z._default(whole(1, 100), EKS.clusters),
        support: z._default(z.enum(['standard', 'extended']), EKS.support),
      }),
      () => ({ ...EKS }),
    ),
    extras: z._default(
      z.strictObject({
        loadBalancers: z._default(count(1000), EXTRAS.loadBalancers),
        lcuPerLoadBalancer: z._default(num(0, 10_000), EXTRAS.lcuPerLoadBalancer),
        natGateways: z._default(count(1000), EXTRAS.natGateways),
        natDataGB: z._default(num(0, 100_000_000), EXTRAS.natDataGB),
        /** Public IPv4 addresses beyond the ALBs' and NAT gateways', which the bill counts itself (cost/public-ipv4-count.ts). */
        publicIPv4Addresses: z._default(count(100_000), EXTRAS.publicIPv4Addresses),
        /** GB a month sent to CloudWatch Logs (Standard class); stored for the exported retention. */
        logIngestionGB: z._default(num(0, 100_000_000), EXTRAS.logIngestionGB),
        /** GB a month sent to the internet, priced on the region's tiers (no free allowance applied). */
        internetEgressGB: z._default(num(0, 100_000_000), EXTRAS.internetEgressGB),
        /** GB a month between availability zones, charged on both sides. */
        crossAzGB: z._default(num(0, 100_000_000), EXTRAS.crossAzGB),
      }),
      () => ({ ...EXTRAS }),
    ),
    operations: z._default(
      z.strictObject({
        hourlyRateUSD: z._default(num(0, 10_000), OPERATIONS.hourlyRateUSD),
        ecsHoursPerMonth: z._default(num(0, MAX_HOURS_PER_MONTH * 100), OPERATIONS.ecsHoursPerMonth),
        eksHoursPerMonth: z._default(num(0, MAX_HOURS_PER_MONTH * 100), OPERATIONS.eksHoursPerMonth),
      }),
      () => ({ ...OPERATIONS }),
    ),
  })
  .check(
    z.superRefine((scenario, ctx) => {
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
    }),
  );

/** A validated scenario with every default filled in. */
export type Scenario = z.output<typeof scenarioSchema>;
/** What a user may write: defaults may be left out. */
export type ScenarioInput = z.input<typeof scenarioSchema>;
export type Service = Scenario['services'][number];
export type ServiceInput = ScenarioInput['services'][number];
