/**
 * Round trip: for every export option, a generated scenario exported to a bundle and imported back
 * (scenario.json removed, Terraform through HashiCorp's HCL parser) gives the same services. The
 * only differences allowed are the ones the bundle cannot carry, each listed in docs/import.md:
 * Fargate sizes as billed (ECS) or as requested in whole millicores and MiB (EKS), replicas as
 * the export runs them (rounded up, within the autoscaling range; the HPA's minimum on EKS),
 * storage and hours that the option's files do not state, and the port a public service is given.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from '@cdktf/hcl2json';
import type { OptionId } from '../cost/estimate-types.ts';
import { EXPORTABLE_OPTION_IDS as OPTION_IDS } from '../export/exportable-options.ts';
import { estimateScenario } from '../cost/estimate.ts';
import type { Scenario, ScenarioInput, Service } from '../scenario/scenario-schema.ts';
import { validateScenario } from '../scenario/validate-scenario.ts';
import { parseCron, toKubernetesCron } from '../schedule/cron-expression.ts';
import { isCronSchedule, WEEKDAYS, type ServiceSchedule } from '../schedule/service-schedule.ts';
import { scenarioArb } from '../testing/arbitraries.ts';
import { EU_WEST_1, US_EAST_1, AP_SOUTH_2 } from '../testing/load-snapshot.ts';
import { buildExportBundle, findExportProblems } from '../export/build-export-bundle.ts';
import { DEFAULT_PUBLIC_PORT } from '../export/export-context.ts';
import { zipExportFiles } from '../export/zip-export-files.ts';
import { importScenario } from './import-scenario.ts';
import type { TerraformJson } from './import-types.ts';

const RUNS = Number(process.env.IMPORT_ROUND_TRIP_RUNS ?? 25);
/**
 * About 7 in 10 generated exports carry a schedule (69-86% over 80 runs of each option,
 * 2026-12-01), so a quarter of the runs is a floor random draws miss with odds near one in a million.
 */
const SCHEDULED_FLOOR = Math.ceil(RUNS / 4);
const SNAPSHOTS = { 'us-east-1': US_EAST_1, 'eu-west-1': EU_WEST_1, 'ap-south-2': AP_SOUTH_2 } as const;

const parseTerraform = async (path: string, text: string) => (await parse(path, text)) as TerraformJson;

const SECRETS = [
  'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-url-AbCdEf',
  'arn:aws:ssm:eu-west-1:123456789012:parameter/prod/token',
  'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf:password::',
  'arn:aws:secretsmanager:us-east-1:123456789012:secret:api-key-XyZ123::AWSPREVIOUS:',
] as const;
const envValue = fc.oneof(
  fc.constantFrom('', 'on', '0123', '$(HOME)', '$$', '$$(X)', '${var.x}', '%{if x}', 'a: b', 'é', '$(a)$(b)$$c', '$'),
  fc.string({ unit: 'grapheme-ascii', maxLength: 20 }),
);
const appFieldsArb = fc.record(
  {
    image: fc.constantFrom(
      'nginx:1.27',
      'public.ecr.aws/docker/library/busybox:1.36',
      '123456789012.dkr.ecr.us-east-1.amazonaws.com/api:v2',
    ),
    port: fc.integer({ min: 1, max: 65_535 }),
    healthCheckPath: fc.constantFrom('/', '/health', "/ready?x=[1]&y='2'", '/a;b|c'),
    environment: fc.dictionary(fc.stringMatching(/^[A-Z_][A-Z0-9_]{0,10}$/), envValue, { maxKeys: 3 }),
    secrets: fc.dictionary(fc.stringMatching(/^S_[A-Z0-9_]{1,8}$/), fc.constantFrom(...SECRETS), { maxKeys: 2 }),
    public: fc.boolean(),
    host: fc.constantFrom('api.example.com', 'on.example.org', '*.example.net'),
    autoscaling: fc
      .tuple(fc.integer({ min: 0, max: 8 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 100 }))
      .map(([min, extra, targetCpuPercent]) => ({ min, max: min + extra, targetCpuPercent })),
  },
  { requiredKeys: [] },
);

const hhmm = (minutes: number) =>
  `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
/** Cron jobs: runMinutes within the shortest gap between firings, so every one is a valid schedule. */
const cronScheduleArb = fc.oneof(
  fc
    .record({
      minute: fc.integer({ min: 0, max: 59 }),
      hour: fc.integer({ min: 0, max: 23 }),
      days: fc.subarray([0, 1, 2, 3, 4, 5, 6], { minLength: 1 }),
      runMinutes: fc.integer({ min: 1, max: 1440 }),
    })
    .map(({ minute, hour, days, runMinutes }) => ({
      cron: `${minute} ${hour} * * ${days.length === 7 ? '*' : days.join(',')}`,
      runMinutes,
    })),
  fc
    .constantFrom(
      ['*/15 * * * *', 15],
      ['0 2 * * *', 1440],
      ['30 1 1,15 * *', 20_000],
      ['5 */6 * * *', 360],
      ['0 9 * jan-mar MON', 10_080],
      ['@hourly', 60],
    )
    .chain(([cron, gap]) =>
      fc.integer({ min: 1, max: gap as number }).map((runMinutes) => ({ cron: cron as string, runMinutes })),
    ),
);
/** Weekly windows: any days, any start minute, any end (24:00 and past midnight included) but the start. */
const weeklyScheduleArb = fc
  .record({
    days: fc
      .subarray([...WEEKDAYS], { minLength: 1 })
      .chain((days) => fc.shuffledSubarray(days, { minLength: days.length })),
    start: fc.integer({ min: 0, max: 24 * 60 - 1 }),
    end: fc.integer({ min: 0, max: 24 * 60 }),
  })
  .filter(({ start, end }) => start !== end && !(start === 0 && end === 0))
  .map(({ days, start, end }) => ({ weekly: { days, start: hhmm(start), end: hhmm(end) } }));
const scheduleArb = fc.option(fc.oneof(cronScheduleArb, weeklyScheduleArb), { nil: undefined, freq: 2 });

const roundTripScenarioArb: fc.Arbitrary<ScenarioInput> = scenarioArb.chain((scenario) =>
  fc
    .tuple(
      fc.tuple(...scenario.services.map(() => appFieldsArb)),
      fc.tuple(...scenario.services.map(() => scheduleArb)),
    )
    .map(([apps, schedules]) => ({
      ...scenario,
      services: scenario.services.map((service, i) => {
        const schedule = schedules[i];
        const app = apps[i]!;
        // Public services sharing an ALB need hosts of their own (the export refuses two with the
        // same host, export-context.ts): the service's index makes each generated host unique.
        const host = app.host?.replace(
          /^(\*\.)?([^.]+)/,
          (_m, star: string | undefined, label: string) => `${star ?? ''}${label}${i}`,
        );
        const withApp = { ...service, ...app, ...(host === undefined ? {} : { host }) };
        // The export refuses a service priced for part of the month without a schedule (it would run
        // all month): without a schedule the service runs all month here.
        if (!schedule) {
          const { hoursPerMonth: _partMonth, ...allMonth } = withApp;
          return allMonth;
        }
        // The hours come from the schedule; a cron job runs and exits (no load balancer, no
        // autoscaling: the export refuses both) and starts at least one task.
        const { hoursPerMonth: _hours, ...rest } = withApp;
        if (!('cron' in schedule)) return { ...rest, schedule };
        const { autoscaling: _autoscaling, ...job } = rest;
        return { ...job, schedule, public: false, replicas: Math.max(1, job.replicas) };
      }),
    })),
);

/** A schedule as the bundle spells it: the export's cron form, days in week order, midnight as 24:00. */
function expectedSchedule(schedule: ServiceSchedule | undefined): ServiceSchedule | undefined {
  if (!schedule) return undefined;
  if (isCronSchedule(schedule)) {
    const parsed = parseCron(schedule.cron);
    if (!parsed.ok) throw new Error(parsed.problem);
    return { cron: toKubernetesCron(parsed.fields), runMinutes: schedule.runMinutes };
  }
  const { days, start, end } = schedule.weekly;
  return {
    weekly: {
      days: WEEKDAYS.filter((d) => days.includes(d)),
      start,
      end: end === '00:00' ? '24:00' : end,
    },
  };
}

const ceilTo = (value: number, units: number) => Math.ceil(value * units - 1e-9) / units;

/** What the bundle of `optionId` says about a service, in the scenario's terms. */
function expectedService(
  service: Service,
  optionId: OptionId,
  billed: { vcpu: number; memoryGiB: number } | undefined,
) {
  const ecs = optionId.startsWith('ecs');
  const fargate = optionId.endsWith('fargate');
  const replicas = Math.max(0, Math.ceil(service.replicas - 1e-9));
  const a = service.autoscaling;
  let autoscaling = a && { min: a.min, max: a.max, targetCpuPercent: a.targetCpuPercent };
  let desired = a ? Math.min(Math.max(replicas, a.min), a.max) : replicas;
  if (!ecs && a) {
    // The HPA's floor is 1 and the Deployment leaves replicas to it.
    autoscaling = { min: Math.max(1, a.min), max: Math.max(1, a.min, a.max), targetCpuPercent: a.targetCpuPercent };
    desired = autoscaling.min;
  }
  const size = ecs
    ? fargate
      ? billed!
      : {
          vcpu: Math.max(128, Math.ceil(service.vcpu * 1024 - 1e-9)) / 1024,
          memoryGiB: Math.max(6, Math.ceil(service.memoryGiB * 1024 - 1e-9)) / 1024,
        }
    : { vcpu: ceilTo(service.vcpu, 1000), memoryGiB: ceilTo(service.memoryGiB, 1024) };
  const port = service.port ?? (service.public ? DEFAULT_PUBLIC_PORT : undefined);
  const environment =
    service.environment && Object.keys(service.environment).length > 0 ? service.environment : undefined;
  const secrets = service.secrets && Object.keys(service.secrets).length > 0 ? service.secrets : undefined;
  // An ECS window for no tasks has two scheduled actions that both scale to 0: neither opens it.
  const schedule = ecs && desired === 0 && !a ? undefined : expectedSchedule(service.schedule);
  // A CronJob's pods run to completion: the export gives them no probes, so no health path.
  const probed = !(!ecs && schedule && isCronSchedule(schedule));
  return {
    name: service.name,
    vcpu: size.vcpu,
    memoryGiB: size.memoryGiB,
    replicas: desired,
    // EKS on Fargate pods carry no node selector: Fargate runs x86 Linux pods only.
    arch: !ecs && fargate ? 'x86_64' : service.arch,
    os: service.os,
    // Storage above the included 20 GiB is in Fargate task definitions and pod requests only.
    ephemeralStorageGiB: fargate ? service.ephemeralStorageGiB : 20,
    gpu: fargate ? 0 : service.gpu,
    ...(autoscaling ? { autoscaling } : {}),
    ...(service.image ? { image: service.image } : {}),
    ...(port === undefined ? {} : { port }),
    ...(port !== undefined && service.healthCheckPath && probed ? { healthCheckPath: service.healthCheckPath } : {}),
    ...(environment ? { environment } : {}),
    ...(secrets ? { secrets } : {}),
    public: service.public,
    ...(service.public && service.host ? { host: service.host } : {}),
    ...(schedule ? { schedule } : {}),
  };
}

describe('export then import gives back the same services', () => {
  it.each(OPTION_IDS)(
    '%s bundles, over generated scenarios',
    async (optionId) => {
      let exported = 0;
      let scheduled = 0;
      await fc.assert(
        fc.asyncProperty(roundTripScenarioArb, fc.boolean(), fc.boolean(), async (generated, asZip, terraformOnly) => {
          // EKS on Fargate runs x86 Linux pods without GPUs only: generate what it can run.
          const input =
            optionId === 'eks-fargate'
              ? {
                  ...generated,
                  services: generated.services.map((s) => ({
                    ...s,
                    arch: 'x86_64' as const,
                    os: 'linux' as const,
                    gpu: 0,
                  })),
                }
              : optionId === 'eks-auto-mode'
                ? // Linux nodes only, and the export refuses nodes that need more than the default
                  // NodeClass's 80 GiB (eks-auto-mode.test.ts checks that refusal): pods keep the
                  // included 20 GiB of storage here.
                  {
                    ...generated,
                    services: generated.services.map((s) => ({ ...s, os: 'linux' as const, ephemeralStorageGiB: 20 })),
                  }
                : optionId.endsWith('-ec2') || optionId === 'ecs-managed-instances'
                  ? // The EC2 options price Linux nodes only: a Windows service makes them unavailable.
                    { ...generated, services: generated.services.map((s) => ({ ...s, os: 'linux' as const })) }
                  : generated;
          const validated = validateScenario(input);
          // Only exports are checked: a generated scenario the option refuses is set aside and
          // another drawn in its place (fc.pre), so every one of the RUNS is a real round trip.
          fc.pre(validated.ok);
          const scenario: Scenario = validated.scenario;
          const estimate = estimateScenario(scenario, SNAPSHOTS[scenario.region as keyof typeof SNAPSHOTS]);
          const exportInput = { scenario, estimate, optionId, shareUrl: 'http://127.0.0.1:4173/#s' };
          fc.pre(findExportProblems(exportInput).length === 0);
          exported++;
          if (scenario.services.some((s) => s.schedule)) scheduled++;
          // ECS bundles hold each task definition twice (JSON file and Terraform): either one is enough.
          const files = buildExportBundle(exportInput).filter(
            (f) => f.path !== 'scenario.json' && !(terraformOnly && f.path.startsWith('ecs/task-definitions/')),
          );
          const sources = asZip
            ? [{ path: 'bundle.zip', bytes: zipExportFiles(files) }]
            : files.map((f) => ({ path: f.path, text: f.contents }));
          const result = await importScenario(sources, { parseTerraform });
          if (!result.ok) throw new Error(result.problems.join('\n'));
          const option = estimate.options.find((o) => o.id === optionId)!;
          expect(result.scenario.region).toBe(scenario.region);
          expect(result.scenario.services).toEqual(
            scenario.services.map((service) =>
              expectedService(service, optionId, option.fargateSizes?.find((f) => f.service === service.name)?.billed),
            ),
          );
          if (optionId === 'ecs-ec2')
            expect(result.scenario.ec2.spotPercent).toBe(Math.round(scenario.ec2.spotPercent));
          // Managed Instances: the services' weights on the Spot capacity providers, which get the
          // scenario's share wherever the bill prices Spot (every type here has a Spot price, or
          // the scenario sets the discount).
          const longRunning = scenario.services.some((s) => !(s.schedule && isCronSchedule(s.schedule)));
          const spotPriced =
            scenario.ec2.spotDiscountPercent !== undefined || option.nodes!.every((n) => n.spotSavingsPercent !== null);
          if (optionId === 'ecs-managed-instances' && longRunning && spotPriced)
            expect(result.scenario.ec2.spotPercent).toBe(Math.round(scenario.ec2.spotPercent));
          if (optionId === 'ecs-fargate') {
            const spot = scenario.services.every((s) => s.arch === 'x86_64' && s.os === 'linux')
              ? Math.round(scenario.fargate.spotPercent)
              : undefined;
            if (spot !== undefined) expect(result.scenario.fargate.spotPercent).toBe(spot);
          }
        }),
        { numRuns: RUNS },
      );
      expect(exported).toBe(RUNS);
      // Schedules are in the round trip, not only always-on services.
      expect(scheduled).toBeGreaterThanOrEqual(SCHEDULED_FLOOR);
    },
    300_000,
  );
});
