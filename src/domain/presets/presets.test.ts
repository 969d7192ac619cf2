import { describe, expect, it } from 'vitest';
import { DEFAULT_PRESET, PRESETS, presetScenario } from './presets.ts';
import { validateAgainstSnapshot, validateScenario } from '../scenario/validate-scenario.ts';
import { estimateScenario } from '../cost/estimate.ts';
import type { RegionSnapshot } from '../pricing/price-snapshot.ts';
import usEast1 from '../../../public/pricing/us-east-1.json' with { type: 'json' };

const snapshot = usEast1 as unknown as RegionSnapshot;

describe('presets', () => {
  it.each(PRESETS.map((p) => [p.id, p] as const))('%s validates and prices in its region', (_id, preset) => {
    const result = validateScenario(preset.scenario);
    expect(result.ok ? [] : result.problems).toEqual([]);
    if (!result.ok) return;
    expect(validateAgainstSnapshot(result.scenario, snapshot)).toEqual([]);
    const estimate = estimateScenario(result.scenario, snapshot);
    expect(estimate.cheapest).not.toBeNull();
  });

  it('starts from the article example: api-service, 2 replicas of 0.5 vCPU / 1 GB behind a load balancer', () => {
    const scenario = DEFAULT_PRESET.scenario;
    expect(scenario.services).toHaveLength(1);
    expect(scenario.services[0]).toMatchObject({
      name: 'api-service',
      vcpu: 0.5,
      memoryGiB: 1,
      replicas: 2,
      port: 8080,
      healthCheckPath: '/health',
      host: 'api.example.com',
    });
    expect(scenario.extras?.loadBalancers).toBe(1);
    const result = validateScenario(scenario);
    if (!result.ok) throw new Error('invalid');
    // 730 vCPU-h x 0.04048 + 1460 GB-h x 0.004445 + ALB 730 h x 0.0225 + 730 LCU-h x 0.008
    // + the ALB's 2 public IPv4 addresses (one per availability zone) x 730 h x 0.005
    expect(estimateScenario(result.scenario, snapshot).options[0]!.monthlyUSD).toBe(65.61);
  });

  it('has a 50-service platform, a scheduled batch job (so it exports as priced) and a GPU service', () => {
    const byId = Object.fromEntries(PRESETS.map((p) => [p.id, p.scenario]));
    expect(byId['microservices-50']!.services).toHaveLength(50);
    expect(byId['nightly-batch']!.services.some((s) => s.schedule !== undefined && s.hoursPerMonth === undefined)).toBe(
      true,
    );
    expect(byId['gpu-inference']!.services.some((s) => (s.gpu ?? 0) > 0)).toBe(true);
  });

  it('hands out copies, so editing one does not change the preset', () => {
    const copy = presetScenario('article-api');
    copy.services[0]!.replicas = 99;
    expect(DEFAULT_PRESET.scenario.services[0]!.replicas).toBe(2);
  });
});
