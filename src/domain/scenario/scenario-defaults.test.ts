import { describe, expect, it } from 'vitest';
import { scenarioSchema } from './scenario-schema.ts';
import { AUTOSCALING_DEFAULTS, HOURS_PER_MONTH, SECTION_DEFAULTS, SERVICE_DEFAULTS } from './scenario-defaults.ts';
import { minimizeScenario } from '../share/share-codec.ts';

const minimal = { version: 2, region: 'us-east-1', services: [{ name: 'api', vcpu: 0.5, memoryGiB: 1, replicas: 2 }] };
const sectionsOf = (scenario: Record<string, unknown>) =>
  Object.fromEntries(Object.keys(SECTION_DEFAULTS).map((name) => [name, scenario[name]]));

describe('scenario defaults (one definition)', () => {
  it('are exactly what the schema fills in, for a missing section and an empty one alike', () => {
    const missing = scenarioSchema.parse(minimal);
    const empty = scenarioSchema.parse({
      ...minimal,
      ...Object.fromEntries(Object.keys(SECTION_DEFAULTS).map((n) => [n, {}])),
    });
    expect(sectionsOf(missing)).toEqual(SECTION_DEFAULTS);
    expect(sectionsOf(empty)).toEqual(SECTION_DEFAULTS);
    expect(missing.hoursPerMonth).toBe(HOURS_PER_MONTH);
    expect(missing.services[0]).toEqual({ ...minimal.services[0], ...SERVICE_DEFAULTS });
    const scaled = scenarioSchema.parse({
      ...minimal,
      services: [{ ...minimal.services[0], autoscaling: { min: 1, max: 2 } }],
    });
    expect(scaled.services[0]!.autoscaling).toEqual({ min: 1, max: 2, ...AUTOSCALING_DEFAULTS });
  });

  it('hand every parse its own copy', () => {
    const first = scenarioSchema.parse(minimal);
    first.ec2.instanceTypes.push('m5.large');
    first.extras.loadBalancers = 9;
    const second = scenarioSchema.parse(minimal);
    expect(second.ec2.instanceTypes).toEqual([]);
    expect(second.extras.loadBalancers).toBe(SECTION_DEFAULTS.extras.loadBalancers);
  });

  it('are what a share link leaves out', () => {
    expect(minimizeScenario(scenarioSchema.parse(minimal))).toEqual(minimal);
  });
});
