import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCron, type CronFields } from './cron-expression.ts';
import { cronCalendar, GREGORIAN_CYCLE_DAYS } from './cron-calendar.ts';

const fieldsOf = (expression: string): CronFields => {
  const parsed = parseCron(expression);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.fields;
};

describe('cronCalendar', () => {
  it.each([
    // expression, matching days in 400 years, firings a day, shortest gap (minutes)
    ['0 2 * * *', GREGORIAN_CYCLE_DAYS, 1, 1440],
    ['*/15 * * * *', GREGORIAN_CYCLE_DAYS, 96, 15],
    ['0 9 * * 1-5', (GREGORIAN_CYCLE_DAYS / 7) * 5, 1, 1440],
    ['0 0 * * 0', GREGORIAN_CYCLE_DAYS / 7, 1, 7 * 1440],
    ['0 0 1 * *', 4800, 1, 28 * 1440],
    // Jul 31 to Aug 31.
    ['0 0 31 * *', 7 * 400, 1, 31 * 1440],
    // Four years with one leap day between.
    ['0 0 29 2 *', 97, 1, (4 * 365 + 1) * 1440],
    ['0 22,23 * * *', GREGORIAN_CYCLE_DAYS, 2, 60],
    ['0 0,23 * * *', GREGORIAN_CYCLE_DAYS, 2, 60],
    ['0 0 31 2 *', 0, 1, Infinity],
  ])('%s: %d days, %d a day, %d minutes apart at the closest', (expression, days, perDay, gap) => {
    const calendar = cronCalendar(fieldsOf(expression));
    expect(calendar.matchingDays).toBe(days);
    expect(calendar.firingsPerDay).toBe(perDay);
    expect(calendar.shortestGapMinutes).toBe(gap);
  });

  it('a daily job fires 730/24 times in a 730-hour month', () => {
    expect(cronCalendar(fieldsOf('0 2 * * *')).firingsPerHour * 730).toBeCloseTo(730 / 24, 10);
  });

  it('counts the same days as the JavaScript calendar over the whole 400-year cycle', () => {
    // Brute force with Date, day by day: slow, so few runs.
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 31 }), { minLength: 1, maxLength: 4 }),
        fc.uniqueArray(fc.integer({ min: 1, max: 12 }), { minLength: 1, maxLength: 4 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 6 }),
        fc.boolean(),
        (doms, months, dows, byMonthDay) => {
          const expression = `0 0 ${byMonthDay ? doms.join(',') : '*'} ${months.join(',')} ${byMonthDay ? '*' : dows.join(',')}`;
          const fields = fieldsOf(expression);
          let count = 0;
          const start = Date.UTC(2000, 0, 1);
          for (let d = 0; d < GREGORIAN_CYCLE_DAYS; d++) {
            const date = new Date(start + d * 86_400_000);
            if (
              fields.months.includes(date.getUTCMonth() + 1) &&
              fields.daysOfMonth.includes(date.getUTCDate()) &&
              fields.daysOfWeek.includes(date.getUTCDay())
            )
              count++;
          }
          expect(cronCalendar(fields).matchingDays).toBe(count);
        },
      ),
      { numRuns: 5 },
    );
  });
});
