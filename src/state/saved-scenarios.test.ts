import { beforeEach, describe, expect, it } from 'vitest';
import { defaultState, useAppStore } from './app-store.ts';
import {
  SAVED_STORAGE_KEY,
  deleteSavedScenario,
  loadSavedScenarios,
  removeUnreadableSaved,
  saveNamedScenario,
  setCompared,
} from './saved-scenarios.ts';
import { scenarioOf, service } from '../domain/testing/scenario-builders.ts';

function memoryStorage(initial: Record<string, string> = {}, { full = false } = {}) {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => {
      if (full) throw new DOMException('quota', 'QuotaExceededError');
      items.set(key, value);
    },
    removeItem: (key: string) => void items.delete(key),
  };
}

const scenario = scenarioOf({ services: [service('api')] });

describe('saved scenarios in the store', () => {
  beforeEach(() => useAppStore.setState(defaultState()));

  it('saves, compares and deletes through the storage', () => {
    const storage = memoryStorage();
    loadSavedScenarios(storage);
    expect(useAppStore.getState().saved?.scenarios).toEqual([]);
    expect(saveNamedScenario('one', scenario, storage)).toEqual({ ok: true, name: 'one', replaced: false });
    expect(saveNamedScenario('two', scenario, storage)).toMatchObject({ ok: true });
    expect(saveNamedScenario('one', scenario, storage)).toMatchObject({ ok: true, replaced: true });
    const [two, one] = useAppStore.getState().saved!.scenarios;
    setCompared(one!.id, true);
    setCompared(two!.id, true);
    expect(useAppStore.getState().compared).toEqual([one!.id, two!.id]);
    expect(deleteSavedScenario(one!.id, storage)).toBeNull();
    expect(useAppStore.getState().compared).toEqual([two!.id]);
    // What was written reads back the same in a new page.
    useAppStore.setState(defaultState());
    loadSavedScenarios(storage);
    expect(useAppStore.getState().saved?.scenarios.map((s) => s.name)).toEqual(['two']);
  });

  it('says so when the storage is full, and keeps the list as it was', () => {
    const storage = memoryStorage({}, { full: true });
    loadSavedScenarios(storage);
    expect(saveNamedScenario('one', scenario, storage)).toEqual({
      ok: false,
      message: 'This browser’s storage is full or blocked: the scenario was not saved.',
    });
    expect(useAppStore.getState().saved?.scenarios).toEqual([]);
  });

  it('reports unreadable text and writes over it only when asked', () => {
    const storage = memoryStorage({ [SAVED_STORAGE_KEY]: '{"version": 1, "scen' });
    loadSavedScenarios(storage);
    expect(useAppStore.getState().saved?.blocked).toBe(true);
    expect(saveNamedScenario('one', scenario, storage)).toMatchObject({ ok: false });
    expect(storage.items.get(SAVED_STORAGE_KEY)).toBe('{"version": 1, "scen');
    expect(removeUnreadableSaved(storage)).toBeNull();
    expect(saveNamedScenario('one', scenario, storage)).toMatchObject({ ok: true });
  });
});
