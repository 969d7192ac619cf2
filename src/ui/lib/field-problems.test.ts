import { describe, expect, it } from 'vitest';
import { describeFieldProblems, humanMessage } from './field-problems.ts';
import { validateScenario, type FieldProblem } from '../../domain/scenario/validate-scenario.ts';
import { toDraft } from '../../state/scenario-draft.ts';
import { PRESETS } from '../../domain/presets/presets.ts';
import type { Scenario } from '../../domain/scenario/scenario-schema.ts';
import { recordOf } from './name-value-rows.ts';

const base = (): Scenario => toDraft(PRESETS[0]!.scenario);
const problemsOf = (draft: Scenario): FieldProblem[] => {
  const result = validateScenario(draft);
  return result.ok ? [] : result.problems;
};
const worded = (draft: Scenario, renamed: number | null = null) =>
  describeFieldProblems(draft, problemsOf(draft), renamed);
const PATHLIKE = /services\[|\]\.|ec2\.|extras\.|hoursPerMonth|memoryGiB|autoscaling\.min/;

describe('field problems in the editor’s words', () => {
  it('names the field by its label and the service by its name', () => {
    const draft = base();
    draft.services[0]!.replicas = -1;
    const { list, byPath } = worded(draft);
    expect(list).toEqual([{ path: 'services[0].replicas', text: 'Replicas of api-service: must be 0 or more' }]);
    expect(byPath.get('services[0].replicas')).toBe('Replicas of api-service: must be 0 or more');
  });

  it('never shows a schema path, for every problem the form can cause', () => {
    const draft = base();
    const service = draft.services[0]!;
    Object.assign(service, {
      vcpu: Number.NaN,
      memoryGiB: 0,
      hoursPerMonth: 800,
      ephemeralStorageGiB: 10,
      autoscaling: { min: 5, max: 2, targetCpuPercent: 70 },
      port: 70000,
      host: 'Not A Host',
    });
    draft.extras.natDataGB = -3;
    const { list } = worded(draft);
    expect(list).toHaveLength(8);
    for (const { text } of list) expect(text, text).not.toMatch(PATHLIKE);
    const texts = list.map((p) => p.text);
    expect(texts).toContain('vCPU of api-service: enter a number');
    expect(texts).toContain('Memory (GiB) of api-service: must be more than 0');
    expect(texts).toContain('Hours per month of api-service: must be 744 or less');
    expect(texts).toContain('Maximum replicas of api-service: must be at least the minimum replicas');
    expect(texts).toContain('NAT data processed (GB per month): must be 0 or more');

    // The whole-scenario checks (run once every field is valid).
    const other = base();
    other.services[0]!.hoursPerMonth = 740;
    other.services.push({ ...structuredClone(other.services[0]!), hoursPerMonth: 100 });
    other.ec2.daemonsPerNode = [
      { name: 'agent', vcpu: 0.1, memoryGiB: 0.1 },
      { name: 'agent', vcpu: 0.1, memoryGiB: 0.1 },
    ];
    const whole = worded(other).list.map((p) => p.text);
    for (const text of whole) expect(text, text).not.toMatch(PATHLIKE);
    expect(whole).toEqual([
      'Daemon 2 name: daemon 1 is already named agent',
      "Hours per month of service 1: must be at most the scenario's 730 hours a month",
      'Name of service 2: service 1 is already named api-service',
    ]);
  });

  it('flags a duplicate name on the row that was renamed, not the other', () => {
    const draft = base();
    draft.services.push({ ...structuredClone(draft.services[0]!), name: 'worker' });
    draft.services[0]!.name = 'worker'; // the first row was renamed to the second's name
    expect(worded(draft).list.map((p) => p.path)).toEqual(['services[1].name']);
    const { list } = worded(draft, 0);
    expect(list).toEqual([{ path: 'services[0].name', text: 'Name of service 1: service 2 is already named worker' }]);
    // Renaming the later row keeps the flag there.
    expect(worded(draft, 1).list.map((p) => p.path)).toEqual(['services[1].name']);
  });

  it('counts one highlighted field per row of variables, name or value', () => {
    const draft = base();
    draft.services[0]!.environment = recordOf([
      { name: 'A', value: '1' },
      { name: 'A', value: '2' },
      { name: '', value: '3' },
      { name: '9X', value: '4' },
    ]);
    draft.services[0]!.secrets = recordOf([{ name: 'DB', value: 'not an arn' }]);
    const { list } = worded(draft);
    expect(list.map((p) => p.text)).toEqual([
      'Name of environment variable 2 of api-service: A is already the name of row 1',
      'Name of environment variable 3 of api-service: enter a name',
      expect.stringMatching(/^Name of environment variable 4 of api-service: use letters, digits and _ only/),
      expect.stringMatching(/^Secret ARN of DB \(secret of api-service\): /),
    ]);
  });

  it('makes the days of a weekly window one field', () => {
    const draft = base();
    draft.services[0]!.schedule = { weekly: { days: ['mon', 'mon', 'tue', 'tue'], start: '08:00', end: '18:00' } };
    const { list } = worded(draft);
    expect(list).toHaveLength(1);
    expect(list[0]!.path).toBe('services[0].schedule.weekly.days');
    expect(list[0]!.text).toBe('Days (mon, tue, ...) of api-service: "mon" is listed twice; "tue" is listed twice');
  });

  it('rewords bounds and leaves other messages as written', () => {
    expect(humanMessage('must be at least 0')).toBe('must be 0 or more');
    expect(humanMessage('must be at most 16')).toBe('must be 16 or less');
    expect(humanMessage('must be greater than 0')).toBe('must be more than 0');
    expect(humanMessage('must be a whole number')).toBe('must be a whole number');
  });
});
