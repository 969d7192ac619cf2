/**
 * Five-field Unix cron expressions (minute hour day-of-month month day-of-week, UTC), parsed into
 * the sets of values each field allows, and written back in the two dialects the export needs:
 * Kubernetes CronJob (5 fields, days of the week 0-6) and AWS cron (6 fields, days of the week
 * 1-7 = SUN-SAT, one of the day fields `?`). The rules are in docs/export-rules.md ("Schedules").
 *
 * Refused, each with a message naming the field: anything but 5 fields; values outside a field's
 * range (day of week 0-7, where 0 and 7 are Sunday); reversed ranges; zero steps; the AWS-only
 * marks `?`, `L`, `W` and `#`; and an expression that restricts both day of month and day of
 * week, which Unix cron ORs and AWS cron cannot express.
 */

export type CronFieldName = 'minute' | 'hour' | 'day-of-month' | 'month' | 'day-of-week';

interface FieldSpec {
  name: CronFieldName;
  min: number;
  max: number;
  names?: readonly string[];
}

const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'] as const;
/** Index = Unix day-of-week number (0 = Sunday). */
export const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'] as const;

const FIELDS: readonly FieldSpec[] = [
  { name: 'minute', min: 0, max: 59 },
  { name: 'hour', min: 0, max: 23 },
  { name: 'day-of-month', min: 1, max: 31 },
  { name: 'month', min: 1, max: 12, names: MONTH_NAMES },
  // 7 is accepted as Sunday, as Vixie cron and POSIX-style crons do; it is folded into 0.
  { name: 'day-of-week', min: 0, max: 7, names: DAY_NAMES },
];

/** `?`, `#`, and `L`/`W` after a number or alone: marks of AWS and Quartz cron that Unix cron lacks. */
const AWS_MARK = /[?#]|^(?:\d*L|\d+W|LW|L-\d+)$/i;

const MACROS: Record<string, string> = {
  '@yearly': '0 0 1 1 *',
  '@annually': '0 0 1 1 *',
  '@monthly': '0 0 1 * *',
  '@weekly': '0 0 * * 0',
  '@daily': '0 0 * * *',
  '@midnight': '0 0 * * *',
  '@hourly': '0 * * * *',
};

/** The values each field allows, sorted ascending. Day of week uses 0-6 (0 = Sunday). */
export interface CronFields {
  minutes: readonly number[];
  hours: readonly number[];
  daysOfMonth: readonly number[];
  months: readonly number[];
  daysOfWeek: readonly number[];
}

export type CronParse = { ok: true; fields: CronFields } | { ok: false; problem: string };

function valueOf(text: string, spec: FieldSpec): number | string {
  if (/^\d+$/.test(text)) {
    const value = Number(text);
    if (value < spec.min || value > spec.max) {
      return spec.name === 'day-of-week'
        ? `day-of-week value ${value} is outside 0-7 (0 and 7 are Sunday)`
        : `${spec.name} value ${value} is outside ${spec.min}-${spec.max}`;
    }
    return value;
  }
  const index = spec.names?.indexOf(text.toUpperCase() as never) ?? -1;
  if (index >= 0) return index + (spec.name === 'month' ? 1 : 0);
  return `${spec.name} has "${text}", which is not a number${spec.names ? ` or a name (${spec.names[0]}-${spec.names.at(-1)})` : ''}`;
}

function parseField(text: string, spec: FieldSpec): Set<number> | string {
  const values = new Set<number>();
  for (const item of text.split(',')) {
    const match = /^(\*|[A-Za-z0-9]+(?:-[A-Za-z0-9]+)?)(?:\/(\d+))?$/.exec(item);
    if (!match || AWS_MARK.test(item)) {
      return AWS_MARK.test(item)
        ? `${spec.name} "${text}" uses "?", "L", "W" or "#", which are AWS or Quartz cron marks, not 5-field Unix cron (write "*" for any value)`
        : `${spec.name} "${text}" is not a cron field (use *, a value, a range a-b, a list a,b or a step */n)`;
    }
    const [, range, stepText] = match;
    const step = stepText === undefined ? 1 : Number(stepText);
    if (step < 1) return `${spec.name} "${item}" has a step of 0`;
    let low: number, high: number;
    if (range === '*') {
      low = spec.min;
      high = spec.name === 'day-of-week' ? 6 : spec.max;
    } else {
      const [first, second] = range!.split('-');
      const a = valueOf(first!, spec);
      if (typeof a === 'string') return a;
      low = a;
      if (second === undefined) high = stepText === undefined ? a : spec.name === 'day-of-week' ? 6 : spec.max;
      else {
        const b = valueOf(second, spec);
        if (typeof b === 'string') return b;
        high = b;
      }
      if (high < low) return `${spec.name} range "${range}" runs backwards`;
    }
    for (let v = low; v <= high; v += step) values.add(spec.name === 'day-of-week' && v === 7 ? 0 : v);
  }
  return values;
}

const sorted = (set: Set<number>): number[] => [...set].sort((a, b) => a - b);

/** Parses a 5-field Unix cron expression (or @daily-style macro); never throws. */
export function parseCron(expression: string): CronParse {
  const trimmed = expression.trim();
  const macro = MACROS[trimmed.toLowerCase()];
  if (trimmed.startsWith('@') && !macro)
    return {
      ok: false,
      problem: `"${trimmed}" is not a known macro (use @yearly, @monthly, @weekly, @daily or @hourly)`,
    };
  const parts = (macro ?? trimmed).split(/\s+/).filter(Boolean);
  if (parts.length !== 5) {
    return {
      ok: false,
      problem: `must have 5 fields (minute hour day-of-month month day-of-week), not ${parts.length}${parts.length === 6 ? '; AWS-style 6-field cron is written by the export, write the Unix form here' : ''}`,
    };
  }
  const sets: Set<number>[] = [];
  for (const [i, spec] of FIELDS.entries()) {
    const parsed = parseField(parts[i]!, spec);
    if (typeof parsed === 'string') return { ok: false, problem: parsed };
    sets.push(parsed);
  }
  const fields: CronFields = {
    minutes: sorted(sets[0]!),
    hours: sorted(sets[1]!),
    daysOfMonth: sorted(sets[2]!),
    months: sorted(sets[3]!),
    daysOfWeek: sorted(sets[4]!),
  };
  if (restrictsDayOfMonth(fields) && restrictsDayOfWeek(fields)) {
    return {
      ok: false,
      problem:
        'restricts both day-of-month and day-of-week; Unix cron runs on either (OR) and AWS cron cannot express that: set one of them to "*" (or use two schedules)',
    };
  }
  return { ok: true, fields };
}

export const restrictsDayOfMonth = (fields: CronFields): boolean => fields.daysOfMonth.length < 31;
export const restrictsDayOfWeek = (fields: CronFields): boolean => fields.daysOfWeek.length < 7;

/** `*` for every value, else runs of 3 or more as ranges, the rest as a list: "0,15,30", "1-5". */
function formatValues(values: readonly number[], all: number, label: (v: number) => string = String): string {
  if (values.length === all) return '*';
  const out: string[] = [];
  let i = 0;
  while (i < values.length) {
    let j = i;
    while (j + 1 < values.length && values[j + 1] === values[j]! + 1) j++;
    if (j - i >= 2) out.push(`${label(values[i]!)}-${label(values[j]!)}`);
    else for (let k = i; k <= j; k++) out.push(label(values[k]!));
    i = j + 1;
  }
  return out.join(',');
}

/** The same schedule as a Kubernetes CronJob schedule: 5 fields, day of week 0-6. */
export function toKubernetesCron(fields: CronFields): string {
  return [
    formatValues(fields.minutes, 60),
    formatValues(fields.hours, 24),
    formatValues(fields.daysOfMonth, 31),
    formatValues(fields.months, 12),
    formatValues(fields.daysOfWeek, 7),
  ].join(' ');
}

/**
 * The same schedule as an AWS cron expression, `cron(0 2 * * ? *)`: six fields with a year, one
 * of day-of-month and day-of-week `?`, and days of the week as names (AWS numbers them 1-7 from
 * Sunday, so names avoid an off-by-one). Used by EventBridge Scheduler and Application Auto
 * Scaling scheduled actions.
 */
export function toAwsCron(fields: CronFields): string {
  const weekly = restrictsDayOfWeek(fields);
  return `cron(${[
    formatValues(fields.minutes, 60),
    formatValues(fields.hours, 24),
    weekly ? '?' : formatValues(fields.daysOfMonth, 31),
    formatValues(fields.months, 12),
    weekly ? formatValues(fields.daysOfWeek, 7, (d) => DAY_NAMES[d]!) : '?',
    '*',
  ].join(' ')})`;
}
