import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseCron, toAwsCron, toKubernetesCron, type CronFields } from './cron-expression.ts';

const fieldsOf = (expression: string): CronFields => {
  const parsed = parseCron(expression);
  if (!parsed.ok) throw new Error(parsed.problem);
  return parsed.fields;
};

describe('parseCron', () => {
  it.each([
    ['0 2 * * *', { minutes: [0], hours: [2], daysOfMonth: 31, months: 12, daysOfWeek: 7 }],
    ['*/15 * * * *', { minutes: [0, 15, 30, 45], hours: 24, daysOfMonth: 31, months: 12, daysOfWeek: 7 }],
    ['0 8 * * 1-5', { minutes: [0], hours: [8], daysOfMonth: 31, months: 12, daysOfWeek: [1, 2, 3, 4, 5] }],
    ['0 8 * * MON-fri', { minutes: [0], hours: [8], daysOfMonth: 31, months: 12, daysOfWeek: [1, 2, 3, 4, 5] }],
    ['30 1 1,15 jan,jul *', { minutes: [30], hours: [1], daysOfMonth: [1, 15], months: [1, 7], daysOfWeek: 7 }],
    ['0 0 * * 7', { minutes: [0], hours: [0], daysOfMonth: 31, months: 12, daysOfWeek: [0] }],
    ['0 0 * * 5-7', { minutes: [0], hours: [0], daysOfMonth: 31, months: 12, daysOfWeek: [0, 5, 6] }],
    ['5/20 * * * *', { minutes: [5, 25, 45], hours: 24, daysOfMonth: 31, months: 12, daysOfWeek: 7 }],
    ['@daily', { minutes: [0], hours: [0], daysOfMonth: 31, months: 12, daysOfWeek: 7 }],
  ])('reads %s', (expression, expected) => {
    const fields = fieldsOf(expression);
    const check = (actual: readonly number[], want: number[] | number) =>
      typeof want === 'number' ? expect(actual).toHaveLength(want) : expect(actual).toEqual(want);
    check(fields.minutes, expected.minutes);
    check(fields.hours, expected.hours);
    check(fields.daysOfMonth, expected.daysOfMonth);
    check(fields.months, expected.months);
    check(fields.daysOfWeek, expected.daysOfWeek);
  });

  it.each([
    ['0 2 * *', /must have 5 fields/],
    ['0 2 * * * *', /AWS-style 6-field/],
    ['60 * * * *', /minute value 60 is outside 0-59/],
    ['0 24 * * *', /hour value 24 is outside 0-23/],
    ['0 0 0 * *', /day-of-month value 0 is outside 1-31/],
    ['0 0 * 13 *', /month value 13/],
    ['0 0 * * 8', /day-of-week value 8 is outside 0-7 \(0 and 7 are Sunday\)/],
    ['0 0 1 * 1', /restricts both day-of-month and day-of-week/],
    ['0 0 */2 * 1-5', /restricts both/],
    ['0 0 ? * MON', /AWS or Quartz cron marks/],
    ['0 0 L * *', /AWS or Quartz cron marks/],
    ['0 0 * * 1#2', /AWS or Quartz cron marks/],
    ['0 5-1 * * *', /runs backwards/],
    ['*/0 * * * *', /step of 0/],
    ['0 0 * * funday', /not a number or a name/],
    ['@reboot', /not a known macro/],
    ['', /must have 5 fields/],
  ])('refuses %j', (expression, message) => {
    const parsed = parseCron(expression);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(message);
  });
});

describe('cron dialects', () => {
  it.each([
    ['0 2 * * *', 'cron(0 2 * * ? *)', '0 2 * * *'],
    ['0 8 * * 1-5', 'cron(0 8 ? * MON-FRI *)', '0 8 * * 1-5'],
    ['*/15 * * * *', 'cron(0,15,30,45 * * * ? *)', '0,15,30,45 * * * *'],
    ['0 0 * * 0,6', 'cron(0 0 ? * SUN,SAT *)', '0 0 * * 0,6'],
    ['0 0 * * 5-7', 'cron(0 0 ? * SUN,FRI,SAT *)', '0 0 * * 0,5,6'],
    ['0 3 1 */3 *', 'cron(0 3 1 1,4,7,10 ? *)', '0 3 1 1,4,7,10 *'],
    ['15 10-12 * * *', 'cron(15 10-12 * * ? *)', '15 10-12 * * *'],
  ])('%s is %s on AWS and %s on Kubernetes', (unix, aws, kubernetes) => {
    const fields = fieldsOf(unix);
    expect(toAwsCron(fields)).toBe(aws);
    expect(toKubernetesCron(fields)).toBe(kubernetes);
  });

  const subset = (min: number, max: number) =>
    fc
      .uniqueArray(fc.integer({ min, max }), { minLength: 1, maxLength: max - min + 1 })
      .map((values) => values.sort((a, b) => a - b));
  const fieldsArb: fc.Arbitrary<CronFields> = fc
    .record({
      minutes: subset(0, 59),
      hours: subset(0, 23),
      daysOfMonth: subset(1, 31),
      months: subset(1, 12),
      daysOfWeek: subset(0, 6),
      dayField: fc.constantFrom('month', 'week'),
    })
    .map(({ dayField, ...f }) => ({
      ...f,
      // One day field left open, as valid schedules have.
      ...(dayField === 'month'
        ? { daysOfWeek: [0, 1, 2, 3, 4, 5, 6] }
        : { daysOfMonth: Array.from({ length: 31 }, (_, i) => i + 1) }),
    }));

  it('the Kubernetes form reads back as the same schedule', () => {
    fc.assert(
      fc.property(fieldsArb, (fields) => {
        expect(fieldsOf(toKubernetesCron(fields))).toEqual(fields);
      }),
    );
  });

  it('the AWS form, with ? read as any day and names as days 0-6, reads back as the same schedule', () => {
    fc.assert(
      fc.property(fieldsArb, (fields) => {
        const aws = /^cron\((.*) \*\)$/.exec(toAwsCron(fields))![1]!.replace(/\?/g, '*');
        expect(fieldsOf(aws)).toEqual(fields);
      }),
    );
  });
});
