import { describe, expect, it } from 'vitest';
import { estimateScenario } from './estimate.ts';
import { US_EAST_1 } from '../testing/load-snapshot.ts';
import { scenarioOf, service } from '../testing/scenario-builders.ts';
import { scheduledHoursPerMonth } from '../schedule/service-schedule.ts';

describe('services with a schedule', () => {
  const scheduled = scenarioOf({
    services: [
      service('api', { replicas: 2 }),
      service('nightly', { vcpu: 2, memoryGiB: 4, replicas: 3, schedule: { cron: '0 2 * * *', runMinutes: 90 } }),
      service('office', {
        replicas: 2,
        schedule: { weekly: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '18:00' } },
      }),
    ],
  });
  const nightlyHours = scheduledHoursPerMonth({ cron: '0 2 * * *', runMinutes: 90 }, 730)!;
  const officeHours = (5 * 10 * 730) / 168;
  const typedIn = scenarioOf({
    services: [
      service('api', { replicas: 2 }),
      service('nightly', { vcpu: 2, memoryGiB: 4, replicas: 3, hoursPerMonth: nightlyHours }),
      service('office', { replicas: 2, hoursPerMonth: officeHours }),
    ],
  });

  it('price exactly as the same hours typed in on ECS; on EKS on Fargate but for the KEDA pods the weekly window needs', () => {
    const a = estimateScenario(scheduled, US_EAST_1);
    const b = estimateScenario(typedIn, US_EAST_1);
    const ecs = (e: typeof a) => e.options.filter((o) => o.id.startsWith('ecs')).map((o) => o.monthlyUSD);
    expect(ecs(a)).toEqual(ecs(b));
    // KEDA (3 pods of 100m / 100 MiB, each 0.25 vCPU / 0.5 GB on Fargate), all month:
    // 3 x 0.25 x 730 = 547.5 vCPU-hours x $0.04048 = $22.16; 3 x 0.5 x 730 = 1095 GB-hours x $0.004445 = $4.87.
    const fargate = (e: typeof a) => e.options.find((o) => o.id === 'eks-fargate')!;
    const keda = fargate(a).lines.filter((l) => l.component.startsWith('KEDA pods on Fargate'));
    expect(keda.map((l) => [l.kind, l.quantity, l.monthlyUSD])).toEqual([
      ['fargate-add-on-vcpu', 547.5, 22.16],
      ['fargate-add-on-memory', 1095, 4.87],
    ]);
    expect(fargate(b).lines.some((l) => l.component.startsWith('KEDA'))).toBe(false);
    expect(fargate(a).monthlyUSD).toBeCloseTo(fargate(b).monthlyUSD! + 22.16 + 4.87, 9);
    expect(a.options.find((o) => o.id === 'ecs-ec2')!.nodes!.map((n) => n.hoursPerMonth)).toEqual(
      b.options.find((o) => o.id === 'ecs-ec2')!.nodes!.map((n) => n.hoursPerMonth),
    );
  });

  it("on EKS on EC2 add Cluster Autoscaler's 10-minute scale-down delay after each run or window", () => {
    const a = estimateScenario(scheduled, US_EAST_1).options.find((o) => o.id === 'eks-ec2')!;
    const b = estimateScenario(typedIn, US_EAST_1).options.find((o) => o.id === 'eks-ec2')!;
    const partTime = (o: typeof a) => o.nodes!.filter((n) => !n.fullMonth);
    // nightly: 30.42 runs a month (0 2 * * *); office: 5 windows a week x 730/168.
    const runs = { nightly: nightlyHours / 1.5, office: (5 * 730) / 168 };
    for (const node of partTime(a)) {
      const service = node.services[0] as keyof typeof runs;
      expect(node.scaleDownDelayHours).toBeCloseTo((runs[service] * 10) / 60, 9);
      expect(node.nodeHours).toBeCloseTo(node.count * (node.hoursPerMonth + node.scaleDownDelayHours), 9);
    }
    // Typed-in hours have no schedule: the runs are unknown, so no delay is added (and the assumptions say so).
    for (const node of partTime(b)) expect(node.scaleDownDelayHours).toBe(0);
    expect(a.monthlyUSD!).toBeGreaterThan(b.monthlyUSD!);
    expect(estimateScenario(typedIn, US_EAST_1).assumptions.join(' ')).toMatch(
      /nightly, office: hoursPerMonth without a schedule, so the number of runs is unknown/,
    );
  });

  it('list the derived hours and say how they were derived', () => {
    const estimate = estimateScenario(scheduled, US_EAST_1);
    expect(estimate.schedules).toEqual([
      { service: 'nightly', kind: 'cron', hoursPerMonth: nightlyHours, derived: expect.stringContaining('x 90 min') },
      {
        service: 'office',
        kind: 'weekly',
        hoursPerMonth: officeHours,
        derived: expect.stringContaining('5 days x 10 h'),
      },
    ]);
    expect(estimate.assumptions).toContain(
      'Service "office" runs 217.26 hours a month, derived from its schedule: weekly mon, tue, wed, thu, fri 08:00-18:00 UTC: 5 days x 10 h x 730/168 = 217.26 h.',
    );
    expect(estimateScenario(typedIn, US_EAST_1).schedules).toBeUndefined();
  });
});
