import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCron, toAwsCron, toKubernetesCron } from './cron-expression.ts';
import { exportSchedule, weeklyBoundaries } from './export-schedule.ts';
import { unixCronOfAwsCron, weeklyOfBoundaries, weeklyOfUnixCrons } from './import-schedule.ts';
import { WEEKDAYS, scheduleProblems, type WeeklySchedule } from './service-schedule.ts';

describe('unixCronOfAwsCron', () => {
  it.each([
    ['cron(0 2 * * ? *)', '0 2 * * *'],
    ['cron(0 8 ? * MON-FRI *)', '0 8 * * 1-5'],
    ['cron(0 22 ? * SAT *)', '0 22 * * 6'],
    // AWS numbers days from 1 = Sunday.
    ['cron(0 8 ? * 2-6 *)', '0 8 * * 1-5'],
    ['cron(0 8 ? * 1,7 *)', '0 8 * * 0,6'],
    ['cron(0 8 ? * WED,SAT *)', '0 8 * * 3,6'],
    ['cron(0/15 * * * ? *)', '0,15,30,45 * * * *'],
    ['cron(30 1 1,15 JAN-MAR ? *)', '30 1 1,15 1-3 *'],
    ['  CRON(5 4 * * ? *) ', '5 4 * * *'],
  ])('reads %s as %s', (aws, unix) => {
    expect(unixCronOfAwsCron(aws)).toMatchObject({ ok: true, cron: unix });
  });

  it.each([
    ['rate(5 minutes)', /rate\(\) expressions are not read/],
    ['at(2026-12-01T10:00:00)', /at\(\) expressions are not read/],
    ['0 2 * * *', /not an AWS schedule expression/],
    ['cron(0 2 * * ?)', /AWS cron has 6 fields, not 5/],
    ['cron(0 2 * * ? 2027)', /runs only in the year\(s\) 2027/],
    ['cron(0 2 L * ? *)', /L, W or #/],
    ['cron(0 2 15W * ? *)', /L, W or #/],
    ['cron(0 2 ? * 6#3 *)', /L, W or #/],
    ['cron(0 2 ? * 6L *)', /L, W or #/],
    ['cron(0 2 ? * 0 *)', /outside 1-7/],
    ['cron(0 25 * * ? *)', /hour value 25/],
  ])('refuses %s, saying why', (aws, problem) => {
    const read = unixCronOfAwsCron(aws);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problem).toMatch(problem);
  });

  it('reads back every cron the export writes, as the export writes it for Kubernetes', () => {
    const field = (min: number, max: number) =>
      fc.oneof(
        fc.constant('*'),
        fc.integer({ min, max }).map(String),
        fc
          .tuple(fc.integer({ min, max }), fc.integer({ min, max }))
          .map(([a, b]) => `${Math.min(a, b)}-${Math.max(a, b)}`),
        fc.integer({ min: 1, max: 7 }).map((step) => `*/${step}`),
      );
    fc.assert(
      fc.property(
        field(0, 59),
        field(0, 23),
        field(1, 28),
        field(1, 12),
        field(0, 6),
        fc.boolean(),
        (minute, hour, dom, month, dow, byWeekday) => {
          const parsed = parseCron([minute, hour, byWeekday ? '*' : dom, month, byWeekday ? dow : '*'].join(' '));
          if (!parsed.ok) return;
          expect(unixCronOfAwsCron(toAwsCron(parsed.fields))).toEqual({
            ok: true,
            cron: toKubernetesCron(parsed.fields),
            fields: parsed.fields,
          });
        },
      ),
    );
  });
});

describe('weeklyOfBoundaries', () => {
  it.each([
    ['0 8 * * 1-5', '0 18 * * 1-5', { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '18:00' }],
    ['0 22 * * 6', '0 2 * * 0', { days: ['sat'], start: '22:00', end: '02:00' }],
    ['30 9 * * *', '45 9 * * *', { days: [...WEEKDAYS], start: '09:30', end: '09:45' }],
    // Closing at midnight is the end of the day.
    ['0 18 * * 5', '0 0 * * 6', { days: ['fri'], start: '18:00', end: '24:00' }],
    ['0 0 * * 1', '0 0 * * 2', { days: ['mon'], start: '00:00', end: '24:00' }],
  ])('%s to %s', (start, end, weekly) => {
    expect(weeklyOfUnixCrons(start, end)).toEqual({ ok: true, weekly });
  });

  it.each([
    ['0 8,12 * * 1-5', '0 18 * * 1-5', /not each one time of day/],
    ['0 8 1 * *', '0 18 1 * *', /not each one time of day/],
    ['0 8 * 1-6 1', '0 18 * 1-6 1', /not each one time of day/],
    ['0 8 * * 1-5', '0 18 * * 1-4', /closes on other days than it opens/],
    ['0 22 * * 6', '0 2 * * 6', /closes on other days than it opens \(the day after/],
    ['0 8 * * 1', '0 8 * * 2', /runs 24 hours from 08:00/],
    ['0 8 * * L', '0 8 * * 1', /start "0 8 \* \* L"/],
  ])('refuses %s to %s', (start, end, problem) => {
    const read = weeklyOfUnixCrons(start, end);
    expect(read.ok).toBe(false);
    if (!read.ok) expect(read.problem).toMatch(problem);
  });

  it("inverts the export's window crons for every valid window", () => {
    const hhmm = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...WEEKDAYS), { minLength: 1 }),
        fc.integer({ min: 0, max: 24 * 60 - 1 }),
        fc.integer({ min: 0, max: 24 * 60 }),
        (days, start, end) => {
          const weekly: WeeklySchedule['weekly'] = { days, start: hhmm(start), end: hhmm(end) };
          if (scheduleProblems({ weekly }).length > 0) return;
          const plan = weeklyBoundaries(weekly);
          const kubernetes = weeklyOfUnixCrons(plan.start.kubernetesCron, plan.end.kubernetesCron);
          const aws = [plan.start.awsCron, plan.end.awsCron].map(unixCronOfAwsCron);
          if (!aws[0]!.ok || !aws[1]!.ok) throw new Error('the export wrote an AWS cron the reader refuses');
          const expected = {
            days: WEEKDAYS.filter((d) => days.includes(d)),
            start: weekly.start,
            end: weekly.end === '00:00' ? '24:00' : weekly.end,
          };
          expect(kubernetes).toEqual({ ok: true, weekly: expected });
          expect(weeklyOfBoundaries(aws[0]!.fields, aws[1]!.fields)).toEqual({ ok: true, weekly: expected });
        },
      ),
    );
  });

  it('a window starting at 24:00 is exported as midnight of the next day', () => {
    const plan = exportSchedule({ weekly: { days: ['mon', 'sun'], start: '24:00', end: '06:00' } });
    expect(plan).toMatchObject({
      start: { awsCron: 'cron(0 0 ? * MON,TUE *)', kubernetesCron: '0 0 * * 1,2' },
      end: { awsCron: 'cron(0 6 ? * MON,TUE *)', kubernetesCron: '0 6 * * 1,2' },
    });
  });
});
