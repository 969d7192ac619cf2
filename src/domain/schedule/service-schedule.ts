/**
 * A service's schedule (scenario field `services[].schedule`, UTC) and the hours a month derived
 * from it:
 *
 * - cron `{cron, runMinutes}`: a job that starts on each firing and runs runMinutes. Hours a month =
 *   the average firings in the scenario's hoursPerMonth (counted exactly over the 400-year calendar
 *   cycle) x runMinutes / 60.
 * - weekly `{weekly: {days, start, end}}`: replicas run in the window on those days and scale to zero
 *   outside it. Hours a month = days x window hours x hoursPerMonth / 168. An end before the start
 *   means the window runs past midnight into the next day.
 *
 * The rules and their sources are in docs/export-rules.md ("Schedules").
 */
import { parseCron, type CronFields } from './cron-expression.ts';
import { cronCalendar, type CronCalendar } from './cron-calendar.ts';

export const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'] as const;
export type Weekday = (typeof WEEKDAYS)[number];
/** Hours in a week: weekly windows are scaled from a week to the scenario's month. */
export const HOURS_PER_WEEK = 168;
/**
 * How far a service's hoursPerMonth may sit from the hours its schedule gives and still agree:
 * a hundredth of an hour (36 seconds), enough for a figure copied with two decimals.
 */
export const SCHEDULE_HOURS_TOLERANCE = 0.01;

export interface CronSchedule {
  cron: string;
  runMinutes: number;
}
export interface WeeklySchedule {
  weekly: { days: Weekday[]; start: string; end: string };
}
export type ServiceSchedule = CronSchedule | WeeklySchedule;

export const isCronSchedule = (s: ServiceSchedule): s is CronSchedule => 'cron' in s;

export interface ScheduleProblem {
  /** Relative to the schedule: "cron", "runMinutes", "weekly.days", "weekly.end". */
  path: string;
  message: string;
}

/** Minutes after midnight of "HH:MM" (00:00-24:00), or null. */
export function minutesOfDay(text: string): number | null {
  const match = /^([01]\d|2[0-4]):([0-5]\d)$/.exec(text);
  if (!match) return null;
  const minutes = Number(match[1]) * 60 + Number(match[2]);
  return minutes > 24 * 60 ? null : minutes;
}

/** Length of a weekly window in minutes (past midnight when end < start); 0 when start equals end. */
export function windowMinutes(weekly: WeeklySchedule['weekly']): number {
  const start = minutesOfDay(weekly.start) ?? 0;
  const end = minutesOfDay(weekly.end) ?? 0;
  return end >= start ? end - start : 24 * 60 - start + end;
}

/** Calendars of cron expressions already seen: the estimate runs many times (sweeps, each keystroke). */
const calendars = new Map<string, { fields: CronFields; calendar: CronCalendar } | string>();
const CALENDAR_CACHE_SIZE = 256;

/** Parses a cron schedule and counts its calendar, or gives the problem. */
export function cronFacts(expression: string): { fields: CronFields; calendar: CronCalendar } | string {
  const cached = calendars.get(expression);
  if (cached !== undefined) return cached;
  const parsed = parseCron(expression);
  let facts: { fields: CronFields; calendar: CronCalendar } | string;
  if (!parsed.ok) facts = parsed.problem;
  else {
    const calendar = cronCalendar(parsed.fields);
    facts =
      calendar.matchingDays === 0
        ? 'never fires: no date in the calendar has that day of month in those months'
        : { fields: parsed.fields, calendar };
  }
  if (calendars.size >= CALENDAR_CACHE_SIZE) calendars.delete(calendars.keys().next().value!);
  calendars.set(expression, facts);
  return facts;
}

/** Every reason the schedule cannot be used, each naming its field. */
export function scheduleProblems(schedule: ServiceSchedule): ScheduleProblem[] {
  if (isCronSchedule(schedule)) {
    const facts = cronFacts(schedule.cron);
    if (typeof facts === 'string') return [{ path: 'cron', message: facts }];
    const gap = facts.calendar.shortestGapMinutes;
    if (schedule.runMinutes > gap) {
      return [
        {
          path: 'runMinutes',
          message: `(${schedule.runMinutes}) is longer than the ${gap} minutes between the closest firings of "${schedule.cron}": runs would overlap`,
        },
      ];
    }
    return [];
  }
  const problems: ScheduleProblem[] = [];
  const { days, start, end } = schedule.weekly;
  if (days.length === 0) problems.push({ path: 'weekly.days', message: 'empty window: list at least one day' });
  const seen = new Set<string>();
  days.forEach((day, i) => {
    if (seen.has(day)) problems.push({ path: `weekly.days[${i}]`, message: `"${day}" is listed twice` });
    seen.add(day);
  });
  if (minutesOfDay(start) === null) problems.push({ path: 'weekly.start', message: 'must be a UTC time HH:MM' });
  if (minutesOfDay(end) === null) problems.push({ path: 'weekly.end', message: 'must be a UTC time HH:MM' });
  else if (minutesOfDay(start) !== null && windowMinutes(schedule.weekly) === 0)
    problems.push({ path: 'weekly.end', message: `empty window: start and end are both ${start}` });
  return problems;
}

/** Hours a month the schedule runs, scaled to the scenario's hoursPerMonth; null when the schedule is invalid. */
export function scheduledHoursPerMonth(schedule: ServiceSchedule, monthHours: number): number | null {
  if (scheduleProblems(schedule).length > 0) return null;
  if (isCronSchedule(schedule)) {
    const facts = cronFacts(schedule.cron) as { calendar: CronCalendar };
    return facts.calendar.firingsPerHour * monthHours * (schedule.runMinutes / 60);
  }
  return (schedule.weekly.days.length * windowMinutes(schedule.weekly) * monthHours) / (60 * HOURS_PER_WEEK);
}

/** Average cron firings in the scenario's month (for messages and the estimate's assumptions). */
export function firingsPerMonth(schedule: CronSchedule, monthHours: number): number | null {
  const facts = cronFacts(schedule.cron);
  return typeof facts === 'string' ? null : facts.calendar.firingsPerHour * monthHours;
}

/**
 * How many times a month the schedule starts (cron firings, or weekly windows), on average over the
 * scenario's month; a node autoscaler pays its scale-down delay after each. Whole-day windows on
 * consecutive days join into one; null when the schedule is invalid.
 */
export function runsPerMonth(schedule: ServiceSchedule, monthHours: number): number | null {
  if (scheduleProblems(schedule).length > 0) return null;
  if (isCronSchedule(schedule)) return firingsPerMonth(schedule, monthHours);
  const days = new Set(schedule.weekly.days);
  const wholeDay = windowMinutes(schedule.weekly) === 24 * 60;
  let windowsPerWeek = 0;
  WEEKDAYS.forEach((day, i) => {
    if (!days.has(day)) return;
    const previous = WEEKDAYS[(i + 6) % 7]!;
    if (!wholeDay || !days.has(previous)) windowsPerWeek++;
  });
  return (windowsPerWeek * monthHours) / HOURS_PER_WEEK;
}

/** "cron 0 2 * * * (UTC), 90 minutes a run" / "weekly mon, tue 08:00-18:00 UTC". */
export function describeSchedule(schedule: ServiceSchedule): string {
  if (isCronSchedule(schedule))
    return `cron "${schedule.cron}" (UTC), ${schedule.runMinutes} minute${schedule.runMinutes === 1 ? '' : 's'} a run`;
  const { days, start, end } = schedule.weekly;
  return `weekly ${days.join(', ')} ${start}-${end} UTC`;
}

/** The hours a service runs in the scenario's month: from its schedule, its hoursPerMonth, or all month. */
export function serviceHoursPerMonth(
  service: { schedule?: ServiceSchedule; hoursPerMonth?: number },
  monthHours: number,
): number {
  if (service.schedule) {
    const derived = scheduledHoursPerMonth(service.schedule, monthHours);
    if (derived !== null) return Math.min(derived, monthHours);
  }
  return Math.min(service.hoursPerMonth ?? monthHours, monthHours);
}

const twoDecimals = (n: number): string => String(Math.round(n * 100) / 100);

/** How the hours were derived, in words, for the estimate's assumptions; null when the schedule is invalid. */
export function explainScheduledHours(schedule: ServiceSchedule, monthHours: number): string | null {
  const hours = scheduledHoursPerMonth(schedule, monthHours);
  if (hours === null) return null;
  if (isCronSchedule(schedule)) {
    const firings = firingsPerMonth(schedule, monthHours)!;
    return `${describeSchedule(schedule)}: ${twoDecimals(firings)} runs in an average ${monthHours}-hour month (counted over the 400-year calendar) x ${schedule.runMinutes} min = ${twoDecimals(hours)} h`;
  }
  const { days } = schedule.weekly;
  return `${describeSchedule(schedule)}: ${days.length} day${days.length === 1 ? '' : 's'} x ${twoDecimals(windowMinutes(schedule.weekly) / 60)} h x ${monthHours}/${HOURS_PER_WEEK} = ${twoDecimals(hours)} h`;
}
