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

  it('price exactly as the same hours typed in, on every option', () => {
    const a = estimateScenario(scheduled, US_EAST_1);
    const b = estimateScenario(typedIn, US_EAST_1);
    expect(a.options.map((o) => o.monthlyUSD)).toEqual(b.options.map((o) => o.monthlyUSD));
    expect(a.options.find((o) => o.id === 'ecs-ec2')!.nodes!.map((n) => n.hoursPerMonth)).toEqual(
      b.options.find((o) => o.id === 'ecs-ec2')!.nodes!.map((n) => n.hoursPerMonth),
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
