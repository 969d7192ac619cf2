/**
 * How often a cron schedule fires, counted exactly over the Gregorian calendar. The calendar
 * repeats every 400 years (146,097 days, a whole number of weeks), so counting the matching days
 * of one cycle gives the exact long-run average; nothing is sampled or approximated.
 */
import type { CronFields } from './cron-expression.ts';

/** Days in the 400-year Gregorian cycle: 400 x 365 + 97 leap days. */
export const GREGORIAN_CYCLE_DAYS = 146_097;
const MINUTES_PER_DAY = 1440;

const isLeap = (year: number): boolean => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export interface CronCalendar {
  /** Days in the 400-year cycle on which the schedule fires. */
  matchingDays: number;
  /** Firings on each matching day (hours x minutes). */
  firingsPerDay: number;
  /** Long-run average firings per hour of calendar time. */
  firingsPerHour: number;
  /** Shortest time between two consecutive firings, in minutes (Infinity when it fires once per cycle). */
  shortestGapMinutes: number;
}

/** Counts the matching days of the cycle starting 2000-01-01 (a Saturday) and the shortest gap. */
export function cronCalendar(fields: CronFields): CronCalendar {
  const months = new Set(fields.months);
  const daysOfMonth = new Set(fields.daysOfMonth);
  const daysOfWeek = new Set(fields.daysOfWeek);
  let matchingDays = 0;
  let firstMatch = -1;
  let previousMatch = -1;
  let shortestDayGap = Infinity;
  let dayIndex = 0;
  let weekday = 6;
  for (let year = 2000; year < 2400; year++) {
    for (let month = 1; month <= 12; month++) {
      const length = month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
      const monthMatches = months.has(month);
      for (let day = 1; day <= length; day++) {
        if (monthMatches && daysOfMonth.has(day) && daysOfWeek.has(weekday)) {
          matchingDays++;
          if (firstMatch < 0) firstMatch = dayIndex;
          else shortestDayGap = Math.min(shortestDayGap, dayIndex - previousMatch);
          previousMatch = dayIndex;
        }
        dayIndex++;
        weekday = (weekday + 1) % 7;
      }
    }
  }
  // The cycle repeats: the last matching day is followed by the first one of the next cycle.
  if (matchingDays > 0) shortestDayGap = Math.min(shortestDayGap, GREGORIAN_CYCLE_DAYS - previousMatch + firstMatch);

  const times = fields.hours.flatMap((h) => fields.minutes.map((m) => h * 60 + m)).sort((a, b) => a - b);
  let shortestGapMinutes = Infinity;
  for (let i = 1; i < times.length; i++) shortestGapMinutes = Math.min(shortestGapMinutes, times[i]! - times[i - 1]!);
  if (matchingDays > 0 && times.length > 0 && Number.isFinite(shortestDayGap)) {
    // From the last firing of one matching day to the first of the next.
    shortestGapMinutes = Math.min(shortestGapMinutes, shortestDayGap * MINUTES_PER_DAY - times.at(-1)! + times[0]!);
  }
  const firingsPerDay = times.length;
  return {
    matchingDays,
    firingsPerDay,
    firingsPerHour: (matchingDays * firingsPerDay) / (GREGORIAN_CYCLE_DAYS * 24),
    shortestGapMinutes,
  };
}
