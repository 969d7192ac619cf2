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
import { OPTION_IDS, type OptionId } from '../cost/estimate-types.ts';
import { estimateScenario } from '../cost/estimate.ts';
import type { Scenario, ScenarioInput, Service } from '../scenario/scenario-schema.ts';
import { validateScenario } from '../scenario/validate-scenario.ts';
import { scenarioArb } from '../testing/arbitraries.ts';
import { EU_WEST_1, US_EAST_1, AP_SOUTH_2 } from '../testing/load-snapshot.ts';
import { buildExportBundle, findExportProblems } from '../export/build-export-bundle.ts';
import { DEFAULT_PUBLIC_PORT } from '../export/export-context.ts';
import { zipExportFiles } from '../export/zip-export-files.ts';
import { importScenario } from './import-scenario.ts';
import type { TerraformJson } from './import-types.ts';

const RUNS = Number(process.env.IMPORT_ROUND_TRIP_RUNS ?? 25);
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

const roundTripScenarioArb: fc.Arbitrary<ScenarioInput> = scenarioArb.chain((scenario) =>
  fc.tuple(...scenario.services.map(() => appFieldsArb)).map((apps) => ({
    ...scenario,
    services: scenario.services.map((service, i) => ({ ...service, ...apps[i] })),
  })),
);

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
    ...(port !== undefined && service.healthCheckPath ? { healthCheckPath: service.healthCheckPath } : {}),
    ...(environment ? { environment } : {}),
    ...(secrets ? { secrets } : {}),
    public: service.public,
    ...(service.public && service.host ? { host: service.host } : {}),
  };
}

describe('export then import gives back the same services', () => {
  it.each(OPTION_IDS)(
    '%s bundles, over generated scenarios',
    async (optionId) => {
      let exported = 0;
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
              : optionId.endsWith('-ec2')
                ? // The EC2 options price Linux nodes only: a Windows service makes them unavailable.
                  { ...generated, services: generated.services.map((s) => ({ ...s, os: 'linux' as const })) }
                : generated;
          const validated = validateScenario(input);
          if (!validated.ok) return;
          const scenario: Scenario = validated.scenario;
          const estimate = estimateScenario(scenario, SNAPSHOTS[scenario.region as keyof typeof SNAPSHOTS]);
          const exportInput = { scenario, estimate, optionId, shareUrl: 'http://127.0.0.1:4173/#s' };
          if (findExportProblems(exportInput).length > 0) return;
          exported++;
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
          if (optionId === 'ecs-fargate') {
            const spot = scenario.services.every((s) => s.arch === 'x86_64' && s.os === 'linux')
              ? Math.round(scenario.fargate.spotPercent)
              : undefined;
            if (spot !== undefined) expect(result.scenario.fargate.spotPercent).toBe(spot);
          }
        }),
        { numRuns: RUNS },
      );
      // Real exports, not only refusals: about half of the random scenarios export.
      expect(exported).toBeGreaterThan(RUNS / 6);
    },
    300_000,
  );
});
