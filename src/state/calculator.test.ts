import { describe, expect, it } from 'vitest';
import { createCalculator } from './calculator.ts';
import { estimateScenario } from '../domain/cost/estimate.ts';
import * as validation from './scenario-validation.ts';
import { toDraft } from './scenario-draft.ts';
import { presetScenario } from '../domain/presets/presets.ts';
import type { RegionSnapshot } from '../domain/pricing/price-snapshot.ts';
import usEast1 from '../../public/pricing/us-east-1.json' with { type: 'json' };

const snapshot = usEast1 as unknown as RegionSnapshot;
const engine = { estimateScenario, validation };

describe('calculator', () => {
  it('prices a valid draft and names no problems', () => {
    const calc = createCalculator(engine);
    const result = calc(toDraft(presetScenario('article-api')), snapshot);
    expect(result.staleBecause).toBeNull();
    expect(result.problems.size).toBe(0);
    expect(result.estimate!.options.map((o) => o.monthlyUSD)).toContain(65.61);
  });

  it('keeps the last valid estimate while a field is invalid, and names the field', () => {
    const calc = createCalculator(engine);
    const draft = toDraft(presetScenario('article-api'));
    const first = calc(draft, snapshot);
    const broken = { ...draft, services: [{ ...draft.services[0]!, memoryGiB: 0 }] };
    const result = calc(broken, snapshot);
    expect(result.staleBecause).toBe('invalid-input');
    expect(result.problems.get('services[0].memoryGiB')).toBe('must be greater than 0');
    expect(result.estimate).toBe(first.estimate);
  });

  it("keeps the last estimate while the new region's prices load", () => {
    const calc = createCalculator(engine);
    const draft = toDraft(presetScenario('article-api'));
    const first = calc(draft, snapshot);
    const result = calc({ ...draft, region: 'eu-west-1' }, snapshot);
    expect(result.staleBecause).toBe('loading-prices');
    expect(result.estimate).toBe(first.estimate);
  });

  it('waits, as for prices, until the page has loaded the engine and validation', () => {
    const result = createCalculator()(toDraft(presetScenario('article-api')), snapshot);
    expect(result.staleBecause).toBe('loading-prices');
    expect(result.estimate).toBeNull();
    expect(result.problems.size).toBe(0);
  });

  it('reports instance types the region does not sell', () => {
    const calc = createCalculator(engine);
    const draft = toDraft(presetScenario('article-api'));
    const result = calc({ ...draft, ec2: { ...draft.ec2, instanceTypes: ['zz9.huge'] } }, snapshot);
    expect(result.problems.get('ec2.instanceTypes[0]')).toMatch(/unknown instance type/);
    expect(result.staleBecause).toBe('invalid-input');
  });

  it('does not recompute when nothing changed (memoized on identity)', () => {
    const calc = createCalculator(engine);
    const draft = toDraft(presetScenario('microservices-50'));
    const a = calc(draft, snapshot);
    const b = calc(draft, snapshot);
    expect(b.estimate).toBe(a.estimate);
  });
});
