/**
 * ECS bundles import the same with logs priced or not: the exports leave `logConfiguration` and the
 * log groups out when the scenario prices no logs (docs/export-rules.md, "Logs"), and the importer
 * needs neither. Only where the region comes from differs, for task definition JSON read alone.
 */
import { describe, expect, it } from 'vitest';
import { parse } from '@cdktf/hcl2json';
import type { OptionId } from '../cost/estimate-types.ts';
import { estimateScenario } from '../cost/estimate.ts';
import { validateScenario } from '../scenario/validate-scenario.ts';
import type { ScenarioInput } from '../scenario/scenario-schema.ts';
import { EU_WEST_1 } from '../testing/load-snapshot.ts';
import { buildExportBundle } from '../export/build-export-bundle.ts';
import type { ExportFile } from '../export/export-file.ts';
import { importScenario } from './import-scenario.ts';
import type { TerraformJson } from './import-types.ts';
import { noteLines } from './testing/read-fixture.ts';

const parseTerraform = async (path: string, text: string) => (await parse(path, text)) as TerraformJson;

/** Outside us-east-1 (the importer's default), so a region read back is a region read from the files. */
const scenarioWith = (logIngestionGB: number): ScenarioInput => ({
  version: 2,
  region: 'eu-west-1',
  services: [
    { name: 'api', vcpu: 0.5, memoryGiB: 1, replicas: 3, port: 8080, healthCheckPath: '/health', public: true },
    { name: 'nightly', vcpu: 1, memoryGiB: 2, replicas: 2, schedule: { cron: '0 2 * * *', runMinutes: 30 } },
  ],
  extras: { logIngestionGB },
});

function bundleOf(input: ScenarioInput, optionId: OptionId): ExportFile[] {
  const validated = validateScenario(input);
  if (!validated.ok) throw new Error(validated.problems.join('\n'));
  const scenario = validated.scenario;
  const files = buildExportBundle({
    scenario,
    estimate: estimateScenario(scenario, EU_WEST_1),
    optionId,
    shareUrl: 'http://127.0.0.1:4173/#s',
  });
  // scenario.json would answer everything by itself: import what AWS and Terraform read.
  return files.filter((f) => f.path !== 'scenario.json');
}

const sources = (files: readonly ExportFile[]) => files.map((f) => ({ path: f.path, text: f.contents }));

describe.each<OptionId>(['ecs-fargate', 'ecs-ec2', 'ecs-managed-instances'])('%s bundle', (optionId) => {
  it.each([0, 100])('with %d GB of logs: imports the service and the cron job in the region', async (gb) => {
    const files = bundleOf(scenarioWith(gb), optionId);
    expect(files.some((f) => f.path.startsWith('ecs/') && f.contents.includes('logConfiguration'))).toBe(gb > 0);
    const result = await importScenario(sources(files), { parseTerraform });
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.scenario.region).toBe('eu-west-1');
    expect(result.scenario.services.map((s) => [s.name, s.replicas, s.schedule])).toEqual([
      ['api', 3, undefined],
      ['nightly', 2, { cron: '0 2 * * *', runMinutes: 30 }],
    ]);
    // The files hold no log volume, so the imported scenario prices none, whatever the bundle
    // shipped; when the bundle logged, a note says so and what to set.
    expect(result.scenario.extras.logIngestionGB).toBe(0);
    const logNotes = noteLines(result.notes).filter((n) => n.includes('extras.logIngestionGB stays 0'));
    expect(logNotes).toHaveLength(gb > 0 ? 1 : 0);
    if (gb > 0) expect(logNotes[0]).toMatch(/sends container output to CloudWatch Logs \(awslogs\)/);
  });

  it('task definition JSON alone: without logConfiguration it names no region, and the import says so', async () => {
    const json = (gb: number) =>
      sources(bundleOf(scenarioWith(gb), optionId).filter((f) => f.path.startsWith('ecs/task-definitions/')));

    const unlogged = await importScenario(json(0));
    if (!unlogged.ok) throw new Error(unlogged.problems.join('\n'));
    expect(unlogged.scenario.services.map((s) => s.name)).toEqual(['api', 'nightly']);
    expect(unlogged.scenario.region).toBe('us-east-1');
    expect(noteLines(unlogged.notes).join('\n')).toMatch(/no region named in the input: us-east-1 assumed/);

    const logged = await importScenario(json(100));
    if (!logged.ok) throw new Error(logged.problems.join('\n'));
    // awslogs-region is the region the JSON states.
    expect(logged.scenario.region).toBe('eu-west-1');
  });
});
