import { describe, expect, it } from 'vitest';
import { loadBalancerCountText, MAX_SERVICES_PER_LOAD_BALANCER, planLoadBalancers } from './load-balancer-plan.ts';
import { scenarioOf, service } from '../testing/scenario-builders.ts';

const plan = (loadBalancers: number, hosts: (string | null)[], privateServices = 1) =>
  planLoadBalancers(
    scenarioOf({
      services: [
        ...hosts.map((host, i) => service(`s${i}`, { public: true, ...(host ? { host } : {}) })),
        ...Array.from({ length: privateServices }, (_, i) => service(`p${i}`)),
      ],
      extras: { loadBalancers },
    }),
  );

describe('planLoadBalancers', () => {
  it('needs no ALB without public services, and exports the ones asked for as spares', () => {
    expect(plan(0, [])).toMatchObject({ count: 0, needed: 0, loadBalancers: [] });
    expect(plan(2, [])).toMatchObject({
      count: 2,
      needed: 0,
      loadBalancers: [
        { number: 1, defaultService: null, hostRules: [], spare: true },
        { number: 2, defaultService: null, hostRules: [], spare: true },
      ],
    });
  });

  it('shares one ALB: host rules in scenario order, the service without a host on the default action', () => {
    expect(plan(1, ['a.example.com', null, 'b.example.com'])).toEqual({
      count: 1,
      needed: 1,
      requested: 1,
      publicServices: 3,
      forHostlessServices: 0,
      loadBalancers: [
        {
          number: 1,
          defaultService: 's1',
          hostRules: [
            { service: 's0', host: 'a.example.com', priority: 1 },
            { service: 's2', host: 'b.example.com', priority: 2 },
          ],
          spare: false,
        },
      ],
    });
    // With only hosts, the default action answers 404.
    expect(plan(0, ['a.example.com']).loadBalancers).toEqual([
      {
        number: 1,
        defaultService: null,
        hostRules: [{ service: 's0', host: 'a.example.com', priority: 1 }],
        spare: false,
      },
    ]);
  });

  it('gives each further service without a host its own ALB (one default action per listener)', () => {
    const p = plan(0, [null, 'a.example.com', null]);
    expect(p).toMatchObject({ count: 2, needed: 2, forHostlessServices: 1 });
    expect(p.loadBalancers.map((lb) => [lb.defaultService, lb.hostRules.map((r) => r.service)])).toEqual([
      ['s0', ['s1']],
      ['s2', []],
    ]);
    expect(loadBalancerCountText(p)).toBe(
      '2 ALBs for 3 public services (host rules; 1 more for a further public service without a host, as a listener has one default action); extras.loadBalancers 0 raised to 2',
    );
  });

  it(`holds at most ${MAX_SERVICES_PER_LOAD_BALANCER} services an ALB (one target group each)`, () => {
    const hosts = Array.from({ length: 150 }, (_, i) => `h${i}.example.com`);
    const p = plan(0, [null, ...hosts], 0);
    expect(p.count).toBe(2);
    expect(p.loadBalancers.map((lb) => [lb.defaultService, lb.hostRules.length])).toEqual([
      ['s0', 99],
      [null, 51],
    ]);
    expect(p.loadBalancers[1]!.hostRules[0]).toEqual({ service: 's100', host: 'h99.example.com', priority: 1 });
    expect(loadBalancerCountText(p)).toBe(
      `2 ALBs for 151 public services (host rules; 1 more as an ALB holds at most ${MAX_SERVICES_PER_LOAD_BALANCER} services); extras.loadBalancers 0 raised to 2`,
    );
  });

  it('adds spares after the needed ALBs when extras.loadBalancers asks for more', () => {
    const p = plan(3, [null]);
    expect(p.loadBalancers.map((lb) => lb.spare)).toEqual([false, true, true]);
    expect(loadBalancerCountText(p)).toBe(
      '3 ALBs: 1 ALB for the public service + 2 spare ALBs answering 404, as extras.loadBalancers asks for 3',
    );
  });
});
