/**
 * Schedules read back from what runs them: AWS cron expressions (EventBridge Scheduler,
 * Application Auto Scaling scheduled actions) to the scenario's 5-field Unix cron, and a window's
 * opening and closing crons (scheduled actions, KEDA's cron trigger) to a weekly window. The
 * inverse of export-schedule.ts; the rules are in docs/export-rules.md ("Schedules") and
 * docs/import.md.
 */
import { parseCron, toKubernetesCron, type CronFields } from './cron-expression.ts';
import { WEEKDAYS, type WeeklySchedule } from './service-schedule.ts';

export type ReadCron = { ok: true; cron: string; fields: CronFields } | { ok: false; problem: string };
export type ReadWeekly = { ok: true; weekly: WeeklySchedule['weekly'] } | { ok: false; problem: string };

/** `L`, `W`, `#` (last day, nearest weekday, nth weekday): AWS marks a Unix cron has no form for. */
const AWS_ONLY_ITEM = /#|^(?:\d*L|\d+W|LW|L-\d+)$/i;
const usesAwsOnlyMarks = (field: string) => field.split(',').some((item) => AWS_ONLY_ITEM.test(item));

/** AWS numbers days of the week 1-7 from Sunday; Unix numbers them 0-6 (7 is Sunday too). */
function unixDaysOfWeek(field: string): string | undefined {
  const items: string[] = [];
  for (const item of field.split(',')) {
    const [range, step] = item.split('/');
    const bounds = range!.split('-').map((bound) => {
      if (!/^\d+$/.test(bound)) return bound;
      const day = Number(bound);
      return day >= 1 && day <= 7 ? String(day - 1) : undefined;
    });
    if (bounds.some((b) => b === undefined)) return undefined;
    items.push(`${bounds.join('-')}${step === undefined ? '' : `/${step}`}`);
  }
  return items.join(',');
}

/**
 * `cron(0 2 * * ? *)` to `0 2 * * *`, in the form the export writes for Kubernetes (so a schedule
 * read back is compared in one spelling). `rate()` and `at()` expressions, a year other than `*`
 * and the marks `L`, `W` and `#` have no 5-field Unix form: refused with the reason.
 */
export function unixCronOfAwsCron(expression: string): ReadCron {
  const trimmed = expression.trim();
  if (/^(rate|at)\(/i.test(trimmed))
    return { ok: false, problem: `${trimmed.split('(')[0]}() expressions are not read: only cron() has a Unix form` };
  const match = /^cron\((.*)\)$/i.exec(trimmed);
  if (!match) return { ok: false, problem: 'is not an AWS schedule expression cron(...)' };
  const parts = match[1]!.trim().split(/\s+/);
  if (parts.length !== 6) return { ok: false, problem: `AWS cron has 6 fields, not ${parts.length}` };
  const [minute, hour, dayOfMonth, month, dayOfWeek, year] = parts as [string, string, string, string, string, string];
  if (year !== '*') return { ok: false, problem: `runs only in the year(s) ${year}: not a recurring schedule` };
  if (usesAwsOnlyMarks(dayOfMonth) || usesAwsOnlyMarks(dayOfWeek))
    return { ok: false, problem: 'uses L, W or #, which 5-field Unix cron cannot say' };
  const unixDayOfWeek = dayOfWeek === '?' ? '*' : unixDaysOfWeek(dayOfWeek);
  if (unixDayOfWeek === undefined) return { ok: false, problem: `day-of-week "${dayOfWeek}" is outside 1-7` };
  const parsed = parseCron([minute, hour, dayOfMonth === '?' ? '*' : dayOfMonth, month, unixDayOfWeek].join(' '));
  if (!parsed.ok) return parsed;
  return { ok: true, cron: toKubernetesCron(parsed.fields), fields: parsed.fields };
}

/** "HH:MM" of a cron that fires once a day at one time, on every day of the month and in every month. */
function dailyTime(fields: CronFields): string | undefined {
  if (fields.minutes.length !== 1 || fields.hours.length !== 1) return undefined;
  if (fields.daysOfMonth.length !== 31 || fields.months.length !== 12) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(fields.hours[0]!)}:${pad(fields.minutes[0]!)}`;
}

const sameDays = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((day, i) => day === b[i]);

/**
 * The weekly window a pair of crons opens and closes: both fire once a day at one time, on days
 * of the week only; the closing days are the opening days, or the next days when the window runs
 * past midnight (closing at or before the opening time). A window closing at midnight is read as
 * ending at 24:00.
 */
export function weeklyOfBoundaries(start: CronFields, end: CronFields): ReadWeekly {
  const open = dailyTime(start);
  const close = dailyTime(end);
  if (!open || !close)
    return {
      ok: false,
      problem: 'its start and end are not each one time of day on days of the week: not a weekly window',
    };
  const nextDays = [...new Set(start.daysOfWeek.map((d) => (d + 1) % 7))].sort((a, b) => a - b);
  const pastMidnight = close <= open;
  if (!sameDays(end.daysOfWeek, pastMidnight ? nextDays : start.daysOfWeek))
    return {
      ok: false,
      problem: `it closes on other days than it opens${pastMidnight ? ' (the day after, for a window past midnight)' : ''}: not a weekly window`,
    };
  if (close === open && open !== '00:00')
    return { ok: false, problem: `it runs 24 hours from ${open}: a weekly window needs a start before its end` };
  return {
    ok: true,
    weekly: {
      days: start.daysOfWeek.map((d) => WEEKDAYS[d]!),
      start: open,
      end: close === '00:00' ? '24:00' : close,
    },
  };
}

/** As weeklyOfBoundaries, from two 5-field Unix crons (KEDA's cron trigger). */
export function weeklyOfUnixCrons(start: string, end: string): ReadWeekly {
  const opening = parseCron(start);
  if (!opening.ok) return { ok: false, problem: `start "${start}": ${opening.problem}` };
  const closing = parseCron(end);
  if (!closing.ok) return { ok: false, problem: `end "${end}": ${closing.problem}` };
  return weeklyOfBoundaries(opening.fields, closing.fields);
}
