/**
 * A service's schedule as the export writes it: AWS cron (EventBridge Scheduler, Application Auto
 * Scaling scheduled actions) and Kubernetes cron (CronJob, KEDA cron trigger), all in UTC.
 * Rules: docs/export-rules.md ("Schedules").
 */
import { toAwsCron, toKubernetesCron, type CronFields } from './cron-expression.ts';
import {
  WEEKDAYS,
  cronFacts,
  isCronSchedule,
  minutesOfDay,
  type ServiceSchedule,
  type WeeklySchedule,
} from './service-schedule.ts';

/** The time zone the export names: schedules are UTC. IANA name, as CronJob and KEDA take it. */
export const SCHEDULE_TIME_ZONE = 'Etc/UTC';
/** The time zone EventBridge Scheduler and Application Auto Scaling take. */
export const AWS_SCHEDULE_TIME_ZONE = 'UTC';

export interface CronJobPlan {
  kind: 'cron';
  awsCron: string;
  kubernetesCron: string;
  runMinutes: number;
}

export interface WeeklyWindowPlan {
  kind: 'weekly';
  /** When the window opens and closes, as AWS cron and as Kubernetes cron. */
  start: { awsCron: string; kubernetesCron: string };
  end: { awsCron: string; kubernetesCron: string };
}

export type ExportSchedule = CronJobPlan | WeeklyWindowPlan;

const EVERY_DAY_OF_MONTH = Array.from({ length: 31 }, (_, i) => i + 1);
const EVERY_MONTH = Array.from({ length: 12 }, (_, i) => i + 1);

function atTime(minutesOfDay: number, daysOfWeek: number[]): CronFields {
  return {
    minutes: [minutesOfDay % 60],
    hours: [Math.floor(minutesOfDay / 60)],
    daysOfMonth: EVERY_DAY_OF_MONTH,
    months: EVERY_MONTH,
    daysOfWeek: [...new Set(daysOfWeek)].sort((a, b) => a - b),
  };
}

const both = (fields: CronFields) => ({ awsCron: toAwsCron(fields), kubernetesCron: toKubernetesCron(fields) });

/**
 * The window's opening and closing times as crons. A window past midnight (end before start) or to
 * 24:00 closes on the next day, so the closing days are the opening days shifted by one.
 */
export function weeklyBoundaries(weekly: WeeklySchedule['weekly']): WeeklyWindowPlan {
  const end = minutesOfDay(weekly.end)!;
  // A window opening at 24:00 opens at 00:00 of the next day (a cron has no hour 24), and so
  // closes on that day too.
  const startsAtMidnight = minutesOfDay(weekly.start)! === 24 * 60;
  const start = startsAtMidnight ? 0 : minutesOfDay(weekly.start)!;
  const days = weekly.days.map((d) => (WEEKDAYS.indexOf(d) + (startsAtMidnight ? 1 : 0)) % 7);
  const nextDay = end <= start || end === 24 * 60;
  return {
    kind: 'weekly',
    start: both(atTime(start, days)),
    end: both(atTime(end % (24 * 60), nextDay ? days.map((d) => (d + 1) % 7) : days)),
  };
}

/** The export's form of a valid schedule. */
export function exportSchedule(schedule: ServiceSchedule): ExportSchedule {
  if (isCronSchedule(schedule)) {
    const facts = cronFacts(schedule.cron);
    if (typeof facts === 'string') throw new Error(`invalid schedule reached the export: ${facts}`);
    return {
      kind: 'cron',
      awsCron: toAwsCron(facts.fields),
      kubernetesCron: toKubernetesCron(facts.fields),
      runMinutes: schedule.runMinutes,
    };
  }
  return weeklyBoundaries(schedule.weekly);
}
