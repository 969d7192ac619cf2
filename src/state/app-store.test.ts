import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  addService,
  clearServiceField,
  defaultState,
  duplicateService,
  EDIT_MERGE_MS,
  loadPreset,
  redo,
  removeService,
  replaceScenario,
  undo,
  UNDO_LIMIT,
  setAnswers,
  setRegion,
  updateSection,
  updateService,
  useAppStore,
} from './app-store.ts';
import { uniqueServiceName } from './scenario-draft.ts';
import { validateScenario } from '../domain/scenario/validate-scenario.ts';
import { presetScenario } from '../domain/presets/presets.ts';

afterEach(() => useAppStore.setState(defaultState(), true));
const state = () => useAppStore.getState();

describe('app store', () => {
  it('starts with the article example and default answers, every section filled in', () => {
    expect(state().scenario.services[0]).toMatchObject({ name: 'api-service', vcpu: 0.5, memoryGiB: 1, replicas: 2 });
    expect(state().scenario.ec2.minNodes).toBe(2);
    expect(state().answers.kubernetesSkills).toBe('unknown');
    expect(state().linkNotice).toBeNull();
  });

  it('adds, duplicates and removes services with unique, valid names', () => {
    addService();
    duplicateService(0);
    duplicateService(0);
    const names = state().scenario.services.map((s) => s.name);
    expect(names).toEqual(['api-service', 'api-service-copy-2', 'api-service-copy', 'service-2']);
    expect(validateScenario(state().scenario).ok).toBe(true);
    removeService(1);
    expect(state().scenario.services.map((s) => s.name)).toEqual(['api-service', 'api-service-copy', 'service-2']);
  });

  it('keeps the last service: a scenario needs one', () => {
    removeService(0);
    expect(state().scenario.services).toHaveLength(1);
  });

  it('replaces objects on edit, so derived results can be memoized on identity', () => {
    const before = state().scenario;
    updateService(0, { vcpu: 1 });
    expect(state().scenario).not.toBe(before);
    expect(state().scenario.services[0]!.vcpu).toBe(1);
    expect(state().scenario.ec2).toBe(before.ec2);
    updateSection('ec2', { spotPercent: 50 });
    expect(state().scenario.ec2.spotPercent).toBe(50);
    expect(state().scenario.ec2.minNodes).toBe(2);
  });

  it('holds invalid values while the user types, without throwing', () => {
    updateService(0, { vcpu: Number.NaN, memoryGiB: -1 });
    const result = validateScenario(state().scenario);
    expect(result.ok).toBe(false);
  });

  it('clears optional per-service fields back to their defaults', () => {
    updateService(0, { hoursPerMonth: 100 });
    clearServiceField(0, 'hoursPerMonth');
    expect('hoursPerMonth' in state().scenario.services[0]!).toBe(false);
  });

  it('loads presets and sets answers and region', () => {
    loadPreset('microservices-50');
    expect(state().scenario.services).toHaveLength(50);
    setRegion('eu-west-1');
    setAnswers({ multiCloud: 'yes' });
    expect(state().scenario.region).toBe('eu-west-1');
    expect(state().answers.multiCloud).toBe('yes');
    expect(state().answers.kubernetesSkills).toBe('unknown');
  });

  it('makes unique names that stay within 40 characters', () => {
    const long = 'a'.repeat(40);
    const name = uniqueServiceName([{ name: long }], long);
    expect(name).toHaveLength(40);
    expect(name.endsWith('-2')).toBe(true);
  });
});

describe('undo and redo', () => {
  it('undoes and redoes a preset load, a removal and an import as single steps', () => {
    loadPreset('microservices-50');
    expect(state().past.at(-1)?.reason).toBe('Load preset 50-microservice platform');
    removeService(0);
    replaceScenario(presetScenario('gpu-inference'), 'Import compose.yaml');
    expect(state().scenario.services[0]!.name).toBe('inference');
    undo();
    expect(state().scenario.services).toHaveLength(49);
    expect(state().future[0]?.reason).toBe('Import compose.yaml');
    undo();
    expect(state().scenario.services).toHaveLength(50);
    undo();
    expect(state().scenario.services[0]!.name).toBe('api-service');
    undo(); // nothing left: no change
    expect(state().scenario.services[0]!.name).toBe('api-service');
    redo();
    redo();
    redo();
    expect(state().scenario.services[0]!.name).toBe('inference');
    expect(state().future).toHaveLength(0);
  });

  it('merges keystrokes in one field into one step, and starts a new step in another field', () => {
    vi.useFakeTimers();
    try {
      updateService(0, { replicas: 1 });
      vi.advanceTimersByTime(200);
      updateService(0, { replicas: 12 });
      vi.advanceTimersByTime(200);
      updateService(0, { vcpu: 2 });
      expect(state().past).toHaveLength(2);
      undo();
      expect(state().scenario.services[0]).toMatchObject({ replicas: 12, vcpu: 0.5 });
      undo();
      expect(state().scenario.services[0]).toMatchObject({ replicas: 2 });
      updateService(0, { replicas: 3 });
      vi.advanceTimersByTime(EDIT_MERGE_MS + 1);
      updateService(0, { replicas: 4 });
      expect(state().past).toHaveLength(2);
    } finally {
      vi.useRealTimers();
    }
  });

  it('drops the redo steps on a new change and keeps at most UNDO_LIMIT steps', () => {
    addService();
    undo();
    expect(state().future).toHaveLength(1);
    addService();
    expect(state().future).toHaveLength(0);
    for (let i = 0; i < UNDO_LIMIT + 10; i++) duplicateService(0);
    expect(state().past).toHaveLength(UNDO_LIMIT);
  });

  it('keeps an invalid draft as it is when replaced, so undo returns to exactly it', () => {
    updateService(0, { vcpu: Number.NaN });
    const invalid = state().scenario;
    replaceScenario(presetScenario('nightly-batch'), 'Load preset');
    undo();
    expect(state().scenario).toBe(invalid);
    replaceScenario(invalid, 'Restore');
    expect(Number.isNaN(state().scenario.services[0]!.vcpu)).toBe(true);
  });
});

describe('the renamed service', () => {
  it('remembers the service whose name was edited last, through edits of other fields, until a structural change', () => {
    expect(state().lastRenamedService).toBeNull();
    addService();
    updateService(0, { name: 'worker' });
    expect(state().lastRenamedService).toBe(0);
    updateService(1, { replicas: 3 });
    expect(state().lastRenamedService).toBe(0);
    updateService(1, { name: 'other' });
    expect(state().lastRenamedService).toBe(1);
    addService();
    expect(state().lastRenamedService).toBeNull();
    updateService(2, { name: 'x' });
    undo();
    expect(state().lastRenamedService).toBeNull();
  });
});
