/**
 * Test helpers for the exporters: the article's example scenario, a scenario that exercises every
 * branch, and bundles built from them with the committed us-east-1 price snapshot.
 */
import { estimateScenario } from '../../cost/estimate.ts';
import { OPTION_IDS, type OptionId } from '../../cost/estimate-types.ts';
import type { Scenario, ScenarioInput } from '../../scenario/scenario-schema.ts';
import { ARTICLE_API } from '../../presets/presets.ts';
import { buildShareUrl, DEFAULT_APP_URL } from '../../share/share-codec.ts';
import { US_EAST_1 } from '../../testing/load-snapshot.ts';
import { scenarioOf } from '../../testing/scenario-builders.ts';
import { buildExportBundle, findExportProblems } from '../build-export-bundle.ts';
import { prepareExport, type ExportContext, type ExportInput } from '../export-context.ts';
import { validateScenario } from '../../scenario/validate-scenario.ts';
import type { ExportFile } from '../export-file.ts';

/**
 * The article's api-service: 2 replicas of 0.5 vCPU / 1 GiB behind a load balancer, its image,
 * ENVIRONMENT=production, the DATABASE_URL secret, port 8080, /health, api.example.com, and its
 * Terraform autoscaling (2-20 tasks at 70 % CPU).
 */
export const ARTICLE_SCENARIO: ScenarioInput = ARTICLE_API;

/** Several services covering the other branches: arm64, GPU, a worker without port, secrets from two stores, Spot, a public service without host. */
export const MIXED_SCENARIO: ScenarioInput = {
  version: 2,
  region: 'us-east-1',
  services: [
    {
      name: 'web',
      vcpu: 0.3,
      memoryGiB: 0.7,
      replicas: 2.5,
      public: true,
      environment: { B_VAR: 'on', A_VAR: '0123', C_VAR: '$(HOME) ${x} %{y}', D_VAR: '' },
      secrets: {
        SSM_TOKEN: 'arn:aws:ssm:us-east-1:123456789012:parameter/prod/token',
        DB_PASSWORD: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf:password::',
        API_KEY: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:api-key-XyZ123::AWSPREVIOUS:',
      },
    },
    {
      name: 'worker',
      vcpu: 1,
      memoryGiB: 2,
      replicas: 3,
      autoscaling: { min: 0, max: 6, targetCpuPercent: 60 },
      image: 'public.ecr.aws/docker/library/busybox:1.36',
    },
    {
      name: 'arm-api',
      vcpu: 2,
      memoryGiB: 4,
      replicas: 2,
      arch: 'arm64',
      port: 9000,
      healthCheckPath: "/ready?x=[1]&y='2'",
      public: true,
      host: '*.example.org',
    },
  ],
  fargate: { spotPercent: 30 },
  ec2: { spotPercent: 50, eniTrunking: true },
};

/** GPU work runs on EC2 only. */
export const GPU_SCENARIO: ScenarioInput = {
  version: 2,
  region: 'us-east-1',
  services: [
    { name: 'trainer', vcpu: 4, memoryGiB: 16, replicas: 1, gpu: 1, image: 'nvcr.io/nvidia/pytorch:24.01-py3' },
    { name: 'api', vcpu: 0.5, memoryGiB: 1, replicas: 2, port: 8080, healthCheckPath: '/health', public: true },
  ],
};

/** Windows runs on ECS on Fargate only (the price data has Linux EC2 prices only). */
export const WINDOWS_SCENARIO: ScenarioInput = {
  version: 2,
  region: 'us-east-1',
  services: [
    {
      name: 'legacy',
      vcpu: 0.5,
      memoryGiB: 2,
      replicas: 2,
      os: 'windows',
      port: 80,
      healthCheckPath: '/',
      public: true,
    },
  ],
  fargate: { spotPercent: 50 },
};

/**
 * An always-on service beside a nightly batch (2 hours from 01:00 UTC): the batch gets a
 * part-month node group of its own.
 */
export const BATCH_SCENARIO: ScenarioInput = {
  version: 2,
  region: 'us-east-1',
  hoursPerMonth: 730,
  services: [
    { name: 'nightly-etl', vcpu: 4, memoryGiB: 16, replicas: 10, schedule: { cron: '0 1 * * *', runMinutes: 120 } },
    { name: 'scheduler', vcpu: 0.25, memoryGiB: 0.5, replicas: 1, port: 8080, healthCheckPath: '/health' },
  ],
};

/** ECS on EC2 in bridge mode (dynamic host ports, instance target groups) with a per-node daemon. */
export const BRIDGE_SCENARIO: ScenarioInput = {
  version: 2,
  region: 'us-east-1',
  services: [
    { name: 'shop', vcpu: 0.25, memoryGiB: 0.5, replicas: 6, port: 8080, healthCheckPath: '/health', public: true },
    { name: 'queue-worker', vcpu: 0.5, memoryGiB: 1, replicas: 4 },
  ],
  ec2: {
    ecsNetworkMode: 'bridge',
    eniTrunking: true,
    daemonsPerNode: [{ name: 'log-agent', vcpu: 0.125, memoryGiB: 0.25 }],
  },
};

/**
 * A nightly cron job larger than one RunTask (12 tasks), a weekday service in a window past
 * midnight with autoscaling, an always-on autoscaled public API, and Spot on both Fargate and EC2.
 */
export const SCHEDULED_SCENARIO: ScenarioInput = {
  version: 2,
  region: 'us-east-1',
  services: [
    {
      name: 'api',
      vcpu: 0.5,
      memoryGiB: 1,
      replicas: 4,
      port: 8080,
      healthCheckPath: '/health',
      public: true,
      autoscaling: { min: 2, max: 20, targetCpuPercent: 70 },
    },
    { name: 'nightly-report', vcpu: 1, memoryGiB: 2, replicas: 12, schedule: { cron: '30 2 * * *', runMinutes: 45 } },
    {
      name: 'night-shift',
      vcpu: 0.5,
      memoryGiB: 1,
      replicas: 3,
      port: 8080,
      autoscaling: { min: 2, max: 6, targetCpuPercent: 60 },
      schedule: { weekly: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '22:00', end: '06:00' } },
    },
  ],
  fargate: { spotPercent: 40 },
  ec2: { spotPercent: 50 },
};

/** An always-on public API and a nightly job (a part-time, tainted node group), logging 100 GB a month: the EKS log router. */
export const LOGGED_SCENARIO: ScenarioInput = {
  version: 2,
  region: 'us-east-1',
  services: [
    { name: 'api', vcpu: 0.5, memoryGiB: 1, replicas: 3, port: 8080, healthCheckPath: '/health', public: true },
    { name: 'nightly', vcpu: 1, memoryGiB: 2, replicas: 2, schedule: { cron: '0 2 * * *', runMinutes: 30 } },
  ],
  extras: { logIngestionGB: 100 },
};

/**
 * Public services sharing load balancers: two with hosts (one a wildcard, ruled after the exact
 * host), two without (the second needs an ALB of its own), a private worker, one spare ALB
 * (extras.loadBalancers 3) and 2 NAT gateways (eksctl HighlyAvailable: us-east-1 has 2 zones).
 */
export const SHARED_ALB_SCENARIO: ScenarioInput = {
  version: 2,
  region: 'us-east-1',
  services: [
    { name: 'docs', vcpu: 0.25, memoryGiB: 0.5, replicas: 1, public: true, host: '*.example.com', port: 9000 },
    { name: 'shop', vcpu: 0.5, memoryGiB: 1, replicas: 2, public: true, host: 'shop.example.com' },
    { name: 'api', vcpu: 0.5, memoryGiB: 1, replicas: 2, public: true, healthCheckPath: '/health' },
    { name: 'admin', vcpu: 0.25, memoryGiB: 0.5, replicas: 1, public: true },
    { name: 'worker', vcpu: 1, memoryGiB: 2, replicas: 1 },
  ],
  extras: { loadBalancers: 3, natGateways: 2 },
};

export const SAMPLE_SCENARIOS = {
  article: ARTICLE_SCENARIO,
  mixed: MIXED_SCENARIO,
  gpu: GPU_SCENARIO,
  windows: WINDOWS_SCENARIO,
  batch: BATCH_SCENARIO,
  bridge: BRIDGE_SCENARIO,
  scheduled: SCHEDULED_SCENARIO,
  sharedAlb: SHARED_ALB_SCENARIO,
  // The only sample that prices logs: every shape test sees a bundle with logs shipped beside the
  // ones without.
  logged: LOGGED_SCENARIO,
} as const;

export function exportInputFor(input: ScenarioInput | Scenario, optionId: OptionId): ExportInput {
  const { version: _version, region, ...rest } = input;
  const scenario = scenarioOf({ ...rest, region } as Parameters<typeof scenarioOf>[0]);
  return {
    scenario,
    estimate: estimateScenario(scenario, US_EAST_1),
    optionId,
    shareUrl: buildShareUrl(DEFAULT_APP_URL, { scenario }),
  };
}

/**
 * A generated scenario's export input when it is valid and the option exports it (priced on the
 * us-east-1 snapshot), else null: the property tests draw another in its place.
 */
export function exportableInput(input: ScenarioInput, optionId: OptionId): ExportInput | null {
  const validated = validateScenario(input);
  if (!validated.ok) return null;
  const scenario = validated.scenario;
  const exportInput = { scenario, estimate: estimateScenario(scenario, US_EAST_1), optionId, shareUrl: 'https://x/' };
  return findExportProblems(exportInput).length === 0 ? exportInput : null;
}

export function bundleFor(input: ScenarioInput | Scenario, optionId: OptionId): ExportFile[] {
  return buildExportBundle(exportInputFor(input, optionId));
}

export function contextFor(input: ScenarioInput | Scenario, optionId: OptionId): ExportContext {
  const prepared = prepareExport(exportInputFor(input, optionId));
  if (!prepared.ok) throw new Error(prepared.problems.join('\n'));
  return prepared.context;
}

/** Every (scenario, option) pair the engine can run, for tests that check all bundles. */
export function exportableCases(): { name: string; scenario: ScenarioInput; optionId: OptionId }[] {
  const cases: { name: string; scenario: ScenarioInput; optionId: OptionId }[] = [];
  for (const [name, scenario] of Object.entries(SAMPLE_SCENARIOS)) {
    for (const optionId of OPTION_IDS) {
      if (prepareExport(exportInputFor(scenario, optionId)).ok)
        cases.push({ name: `${name} ${optionId}`, scenario, optionId });
    }
  }
  return cases;
}

export const fileAt = (files: readonly ExportFile[], path: string): string => {
  const file = files.find((f) => f.path === path);
  if (!file) throw new Error(`no ${path} in the bundle: ${files.map((f) => f.path).join(', ')}`);
  return file.contents;
};
