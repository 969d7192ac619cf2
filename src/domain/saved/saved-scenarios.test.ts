import { describe, expect, it } from 'vitest';
import {
  EMPTY_SAVED_LIST,
  MAX_SAVED_NAME_CHARS,
  MAX_SAVED_SCENARIOS,
  deleteSaved,
  readSavedList,
  saveScenario,
  withoutUnreadable,
  writeSavedList,
  type SavedList,
} from './saved-scenarios.ts';
import { nameFromFileName, readScenarioFile, scenarioFileText } from './scenario-file.ts';
import { scenarioOf, service } from '../testing/scenario-builders.ts';

const scenario = scenarioOf({ services: [service('api')] });
const at = '2026-12-01T12:00:00.000Z';

function saved(list: SavedList, name: string, id = name): SavedList {
  const result = saveScenario(list, { name, scenario, id, savedAt: at });
  if (!result.ok) throw new Error(result.message);
  return result.list;
}

describe('saved scenarios', () => {
  it('round-trips through the stored text, newest first, and a saved name is replaced in place', () => {
    let list = saved(saved(EMPTY_SAVED_LIST, 'first'), 'second');
    expect(list.scenarios.map((s) => s.name)).toEqual(['second', 'first']);
    const bigger = scenarioOf({ services: [service('api', { replicas: 9 })] });
    const replaced = saveScenario(list, { name: ' first ', scenario: bigger, id: 'other', savedAt: at });
    expect(replaced.ok).toBe(true);
    if (!replaced.ok) return;
    list = replaced.list;
    expect(list.scenarios.map((s) => [s.id, s.name, s.scenario.services[0]!.replicas])).toEqual([
      ['second', 'second', 2],
      ['first', 'first', 9],
    ]);
    expect(readSavedList(writeSavedList(list))).toEqual(list);
    expect(readSavedList(writeSavedList(deleteSaved(list, 'second'))).scenarios.map((s) => s.name)).toEqual(['first']);
  });

  it('is bounded: names, count and size', () => {
    expect(saveScenario(EMPTY_SAVED_LIST, { name: '  ', scenario, id: 'x', savedAt: at })).toEqual({
      ok: false,
      message: 'Name: enter a name for the scenario.',
    });
    expect(
      saveScenario(EMPTY_SAVED_LIST, { name: 'x'.repeat(MAX_SAVED_NAME_CHARS + 1), scenario, id: 'x', savedAt: at }).ok,
    ).toBe(false);
    let list = EMPTY_SAVED_LIST;
    for (let i = 0; i < MAX_SAVED_SCENARIOS; i++) list = saved(list, `s${i}`);
    const full = saveScenario(list, { name: 'one more', scenario, id: 'x', savedAt: at });
    expect(full).toEqual({
      ok: false,
      message: `At most ${MAX_SAVED_SCENARIOS} scenarios can be saved: delete one first.`,
    });
    // Replacing a saved name is still possible when the list is full.
    expect(saveScenario(list, { name: 's3', scenario, id: 'x', savedAt: at }).ok).toBe(true);
  });

  it('keeps an entry it cannot read, says why, and writes it back unchanged', () => {
    const broken = {
      id: 'b',
      name: 'Broken',
      savedAt: at,
      scenario: { version: 2, region: 'us-east-1', services: [{ name: 'api', vcpu: -1, memoryGiB: 1, replicas: 1 }] },
    };
    const text = JSON.stringify({
      version: 1,
      scenarios: [JSON.parse(writeSavedList(saved(EMPTY_SAVED_LIST, 'good'))).scenarios[0], broken, 'junk'],
    });
    const list = readSavedList(text);
    expect(list.scenarios.map((s) => s.name)).toEqual(['good']);
    expect(list.problems).toEqual([
      'Saved entry 2 (Broken): services[0].vcpu: must be greater than 0',
      'Saved entry 3: not an object',
    ]);
    expect(list.blocked).toBe(false);
    const after = saved(list, 'new');
    expect(JSON.parse(writeSavedList(after)).scenarios.slice(-2)).toEqual([broken, 'junk']);
    expect(readSavedList(writeSavedList(withoutUnreadable(after))).problems).toEqual([]);
  });

  it('never writes over a text it cannot read at all, until cleared', () => {
    for (const text of ['{"version": 1, "scenar', '[1,2]', JSON.stringify({ version: 9, scenarios: [] })]) {
      const list = readSavedList(text);
      expect(list.blocked).toBe(true);
      expect(list.problems).toHaveLength(1);
      expect(saveScenario(list, { name: 'x', scenario, id: 'x', savedAt: at }).ok).toBe(false);
      expect(saved(withoutUnreadable(list), 'x').scenarios).toHaveLength(1);
    }
    expect(readSavedList(null)).toEqual(EMPTY_SAVED_LIST);
  });

  it('shows names with control characters escaped', () => {
    expect(saved(EMPTY_SAVED_LIST, 'a\u001b[2Jb\nc').scenarios[0]!.name).toBe('a\\u001b[2Jb\\nc');
  });
});

describe('scenario.json', () => {
  it('reads back what it writes, and names the field of a problem', () => {
    const read = readScenarioFile(scenarioFileText(scenario));
    expect(read).toEqual({ ok: true, scenario, upgradedFrom: null });
    expect(
      readScenarioFile(
        '{"version": 2, "region": "us-east-1", "services": [{"name": "api", "vcpu": 0, "memoryGiB": 1, "replicas": 1}]}',
      ),
    ).toEqual({
      ok: false,
      problems: ['services[0].vcpu: must be greater than 0'],
    });
    expect(readScenarioFile('nope')).toMatchObject({ ok: false, problems: [expect.stringMatching(/^not valid JSON/)] });
    expect(nameFromFileName('checkout.JSON')).toBe('checkout');
  });
});
