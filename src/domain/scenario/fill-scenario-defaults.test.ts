import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { fillScenarioDefaults } from './fill-scenario-defaults.ts';
import { scenarioSchema, type ScenarioInput } from './scenario-schema.ts';
import { PRESETS } from '../presets/presets.ts';
import { scenarioArb } from '../testing/arbitraries.ts';

/** Leaves out each optional field with a coin flip, so both the defaults and the given values are tried. */
const thinned = (input: ScenarioInput) =>
  fc.array(fc.boolean(), { minLength: 64, maxLength: 64 }).map((coins) => {
    let i = 0;
    const drop = (record: Record<string, unknown>, keep: readonly string[]) =>
      Object.fromEntries(Object.entries(record).filter(([k]) => keep.includes(k) || coins[i++ % coins.length]!));
    const out = drop(input as Record<string, unknown>, ['version', 'region', 'services']);
    out.services = input.services.map((s) => drop(s, ['name', 'vcpu', 'memoryGiB', 'replicas']));
    for (const section of ['fargate', 'ec2', 'eks', 'extras', 'operations'])
      if (out[section]) out[section] = drop(out[section] as Record<string, unknown>, []);
    return out as ScenarioInput;
  });

describe('fillScenarioDefaults', () => {
  it('fills a valid input exactly as the schema does', () => {
    fc.assert(
      fc.property(scenarioArb.chain(thinned), (input) => {
        const parsed = scenarioSchema.safeParse(input);
        fc.pre(parsed.success);
        expect(fillScenarioDefaults(input)).toEqual(parsed.data);
      }),
      { numRuns: 300 },
    );
  });

  it('fills every preset, autoscaling, schedules and fields given as undefined as the schema does', () => {
    const inputs: ScenarioInput[] = [
      ...PRESETS.map((p) => p.scenario),
      {
        version: 2,
        region: 'eu-west-1',
        services: [
          { name: 'web', vcpu: 1, memoryGiB: 2, replicas: 3, autoscaling: { min: 2, max: 6 }, arch: undefined },
          {
            name: 'job',
            vcpu: 0.5,
            memoryGiB: 1,
            replicas: 1,
            schedule: { cron: '0 2 * * *', runMinutes: 30 },
            environment: { A: 'b' },
          },
        ],
        ec2: { instanceTypes: ['m6i.large'], minNodes: undefined },
        extras: {},
      },
    ];
    for (const input of inputs) expect(fillScenarioDefaults(input)).toEqual(scenarioSchema.parse(input));
  });

  it('shares nothing with its input or the defaults', () => {
    const input: ScenarioInput = {
      version: 2,
      region: 'us-east-1',
      services: [{ name: 'a', vcpu: 1, memoryGiB: 2, replicas: 1 }],
    };
    const first = fillScenarioDefaults(input);
    first.ec2.instanceTypes.push('m6i.large');
    first.services[0]!.replicas = 9;
    expect(fillScenarioDefaults(input).ec2.instanceTypes).toEqual([]);
    expect(input.services[0]!.replicas).toBe(1);
  });
});
