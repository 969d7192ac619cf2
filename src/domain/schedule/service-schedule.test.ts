import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  HOURS_PER_WEEK,
  WEEKDAYS,
  explainScheduledHours,
  scheduleProblems,
  scheduledHoursPerMonth,
  serviceHoursPerMonth,
  type ServiceSchedule,
} from './service-schedule.ts';
import { GREGORIAN_CYCLE_DAYS } from './cron-calendar.ts';
import { validateScenario } from '../scenario/validate-scenario.ts';
import { exportSchedule } from './export-schedule.ts';

describe('scheduledHoursPerMonth', () => {
  it.each<[string, ServiceSchedule, number, number]>([
    ['a nightly 90-minute job', { cron: '0 2 * * *', runMinutes: 90 }, 730, (730 / 24) * 1.5],
    ['an hourly 15-minute job', { cron: '0 * * * *', runMinutes: 15 }, 730, 730 / 4],
    ['a monthly job', { cron: '0 0 1 * *', runMinutes: 60 }, 730, (4800 * 730) / (GREGORIAN_CYCLE_DAYS * 24)],
    ['a weekday job', { cron: '30 6 * * 1-5', runMinutes: 120 }, 744, (744 / 24) * (5 / 7) * 2],
    [
      'weekday office hours',
      { weekly: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '18:00' } },
      730,
      (5 * 10 * 730) / 168,
    ],
    ['a window past midnight', { weekly: { days: ['sat'], start: '22:00', end: '06:00' } }, 730, (8 * 730) / 168],
    ['a window to midnight', { weekly: { days: ['sun'], start: '12:30', end: '24:00' } }, 730, (11.5 * 730) / 168],
  ])('%s', (_, schedule, monthHours, hours) => {
    expect(scheduledHoursPerMonth(schedule, monthHours)).toBeCloseTo(hours, 9);
  });

  it.each<[string, ServiceSchedule, string, RegExp]>([
    ['a bad cron', { cron: '0 25 * * *', runMinutes: 10 }, 'cron', /hour value 25/],
    ['both day fields', { cron: '0 0 1 * 1', runMinutes: 10 }, 'cron', /both day-of-month and day-of-week/],
    ['day of week 8', { cron: '0 0 * * 8', runMinutes: 10 }, 'cron', /outside 0-7/],
    ['a date that never comes', { cron: '0 0 30 2 *', runMinutes: 10 }, 'cron', /never fires/],
    ['overlapping runs', { cron: '*/15 * * * *', runMinutes: 16 }, 'runMinutes', /longer than the 15 minutes/],
    ['overlap across midnight', { cron: '0 0,23 * * *', runMinutes: 61 }, 'runMinutes', /60 minutes/],
    ['no days', { weekly: { days: [], start: '08:00', end: '18:00' } }, 'weekly.days', /empty window/],
    ['start equals end', { weekly: { days: ['mon'], start: '08:00', end: '08:00' } }, 'weekly.end', /empty window/],
    ['a day twice', { weekly: { days: ['mon', 'mon'], start: '08:00', end: '09:00' } }, 'weekly.days[1]', /twice/],
  ])('refuses %s', (_, schedule, path, message) => {
    const problems = scheduleProblems(schedule);
    expect(problems.map((p) => p.path)).toContain(path);
    expect(problems.find((p) => p.path === path)!.message).toMatch(message);
    expect(scheduledHoursPerMonth(schedule, 730)).toBeNull();
  });

  it('a run as long as the gap is allowed (one ends as the next starts)', () => {
    expect(scheduleProblems({ cron: '*/15 * * * *', runMinutes: 15 })).toEqual([]);
    expect(scheduledHoursPerMonth({ cron: '*/15 * * * *', runMinutes: 15 }, 730)).toBeCloseTo(730, 9);
  });

  it('explains the derivation', () => {
    expect(explainScheduledHours({ cron: '0 2 * * *', runMinutes: 90 }, 730)).toBe(
      'cron "0 2 * * *" (UTC), 90 minutes a run: 30.42 runs in an average 730-hour month (counted over the 400-year calendar) x 90 min = 45.63 h',
    );
    expect(explainScheduledHours({ weekly: { days: ['mon', 'fri'], start: '09:00', end: '17:30' } }, 730)).toBe(
      'weekly mon, fri 09:00-17:30 UTC: 2 days x 8.5 h x 730/168 = 73.87 h',
    );
  });
});

describe('properties', () => {
  const time = fc
    .tuple(fc.integer({ min: 0, max: 23 }), fc.constantFrom(0, 15, 30, 45))
    .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`);
  const weeklyArb = fc.record({
    days: fc.uniqueArray(fc.constantFrom(...WEEKDAYS), { minLength: 1, maxLength: 7 }),
    start: time,
    end: time,
  });

  it('a valid weekly window runs days x window hours of each 168, never more than the month', () => {
    fc.assert(
      fc.property(weeklyArb, fc.integer({ min: 1, max: 744 }), (weekly, monthHours) => {
        fc.pre(weekly.start !== weekly.end);
        const hours = scheduledHoursPerMonth({ weekly }, monthHours)!;
        expect(hours).toBeGreaterThan(0);
        expect(hours).toBeLessThanOrEqual(monthHours * (weekly.days.length / 7) + 1e-9);
        expect(hours / monthHours).toBeCloseTo(
          scheduledHoursPerMonth({ weekly }, HOURS_PER_WEEK)! / HOURS_PER_WEEK,
          12,
        );
      }),
    );
  });

  it('a valid cron job never runs longer than the month (runs cannot overlap)', () => {
    const cronArb = fc.constantFrom(
      '0 2 * * *',
      '*/10 * * * *',
      '0 */6 * * *',
      '0 8 * * 1-5',
      '0 0 1 * *',
      '30 23 * * 0,6',
      '0 0,12 1-7 * *',
    );
    fc.assert(
      fc.property(
        cronArb,
        fc.integer({ min: 1, max: 44_640 }),
        fc.integer({ min: 1, max: 744 }),
        (cron, runMinutes, monthHours) => {
          const schedule = { cron, runMinutes };
          const hours = scheduledHoursPerMonth(schedule, monthHours);
          if (scheduleProblems(schedule).length > 0) expect(hours).toBeNull();
          else expect(hours!).toBeLessThanOrEqual(monthHours + 1e-9);
        },
      ),
    );
  });
});

describe('services[].schedule in a scenario', () => {
  const scenario = (service: Record<string, unknown>) => ({
    version: 2,
    region: 'us-east-1',
    services: [{ name: 'job', vcpu: 1, memoryGiB: 2, replicas: 1, ...service }],
  });
  const problems = (service: Record<string, unknown>) => {
    const result = validateScenario(scenario(service));
    return result.ok ? [] : result.problems.map((p) => `${p.path}: ${p.message}`);
  };

  it('derives the hours the estimate uses', () => {
    const result = validateScenario(scenario({ schedule: { cron: '0 2 * * *', runMinutes: 60 } }));
    expect(result.ok).toBe(true);
    if (result.ok) expect(serviceHoursPerMonth(result.scenario.services[0]!, 730)).toBeCloseTo(730 / 24, 9);
  });

  it('accepts an hoursPerMonth that agrees and names both fields when it does not', () => {
    expect(problems({ schedule: { cron: '0 2 * * *', runMinutes: 60 }, hoursPerMonth: 30.42 })).toEqual([]);
    expect(problems({ schedule: { cron: '0 2 * * *', runMinutes: 60 }, hoursPerMonth: 100 })).toEqual([
      "services[0].hoursPerMonth: (100) disagrees with services[0].schedule, which runs 30.42 hours in the scenario's 730-hour month: remove hoursPerMonth or set it to that",
    ]);
  });

  it.each([
    [{ cron: '0 2 * * *' }, 'services[0].schedule.runMinutes: is required with cron (how long each run lasts)'],
    [{ cron: '0 0 1 * 1', runMinutes: 5 }, /^services\[0\]\.schedule\.cron: restricts both/],
    [
      { cron: '*/5 * * * *', runMinutes: 6 },
      /^services\[0\]\.schedule\.runMinutes: \(6\) is longer than the 5 minutes/,
    ],
    [{ cron: '0 2 * * *\u001b[2J', runMinutes: 6 }, /^services\[0\]\.schedule\.cron: may hold only/],
    [
      { weekly: { days: [], start: '08:00', end: '18:00' } },
      'services[0].schedule.weekly.days: empty window: list at least one day',
    ],
    [
      { weekly: { days: ['mon'], start: '8am', end: '18:00' } },
      /^services\[0\]\.schedule\.weekly\.start: must be a UTC time/,
    ],
    [
      { weekly: { days: ['monday'], start: '08:00', end: '18:00' } },
      /^services\[0\]\.schedule\.weekly\.days\[0\]: must be one of/,
    ],
    [{}, /^services\[0\]\.schedule: must be either/],
    [
      { cron: '0 2 * * *', runMinutes: 5, weekly: { days: ['mon'], start: '08:00', end: '18:00' } },
      /^services\[0\]\.schedule: must be either/,
    ],
  ])('refuses %j', (schedule, message) => {
    const found = problems({ schedule });
    expect(found.length).toBeGreaterThan(0);
    if (typeof message === 'string') expect(found).toContain(message);
    else expect(found.some((p) => message.test(p))).toBe(true);
  });
});

describe('export forms', () => {
  it.each<[ServiceSchedule, string, string, string, string]>([
    [
      { weekly: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '18:00' } },
      'cron(0 8 ? * MON-FRI *)',
      'cron(0 18 ? * MON-FRI *)',
      '0 8 * * 1-5',
      '0 18 * * 1-5',
    ],
    [
      { weekly: { days: ['fri', 'sat'], start: '22:30', end: '06:00' } },
      'cron(30 22 ? * FRI,SAT *)',
      'cron(0 6 ? * SUN,SAT *)',
      '30 22 * * 5,6',
      '0 6 * * 0,6',
    ],
    [
      { weekly: { days: ['sun'], start: '12:00', end: '24:00' } },
      'cron(0 12 ? * SUN *)',
      'cron(0 0 ? * MON *)',
      '0 12 * * 0',
      '0 0 * * 1',
    ],
    [
      { weekly: { days: [...WEEKDAYS], start: '07:00', end: '19:00' } },
      'cron(0 7 * * ? *)',
      'cron(0 19 * * ? *)',
      '0 7 * * *',
      '0 19 * * *',
    ],
  ])('%j opens and closes on the right days', (schedule, awsStart, awsEnd, k8sStart, k8sEnd) => {
    const plan = exportSchedule(schedule);
    expect(plan).toEqual({
      kind: 'weekly',
      start: { awsCron: awsStart, kubernetesCron: k8sStart },
      end: { awsCron: awsEnd, kubernetesCron: k8sEnd },
    });
  });

  it('a cron job keeps its schedule in both dialects', () => {
    expect(exportSchedule({ cron: '0 2 * * 7', runMinutes: 30 })).toEqual({
      kind: 'cron',
      awsCron: 'cron(0 2 ? * SUN *)',
      kubernetesCron: '0 2 * * 0',
      runMinutes: 30,
    });
  });
});
