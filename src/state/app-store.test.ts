import { afterEach, describe, expect, it } from 'vitest';
import {
  addService,
  clearServiceField,
  defaultState,
  duplicateService,
  loadPreset,
  removeService,
  setAnswers,
  setRegion,
  updateSection,
  updateService,
  useAppStore,
} from './app-store.ts';
import { uniqueServiceName } from './scenario-draft.ts';
import { validateScenario } from '../domain/scenario/validate-scenario.ts';

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
