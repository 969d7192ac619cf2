import type { DraftService } from '../../../state/scenario-draft.ts';
import { clearServiceField, updateService, useAppStore } from '../../../state/app-store.ts';
import { NumberField } from '../../components/number-field.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { TextField } from '../../components/text-field.tsx';
import { firstUnder, serviceField, type RowProblems } from './row-problems.ts';
import { SERVICE_FIELD_LABELS } from '../../lib/field-labels.ts';
import {
  isCronSchedule,
  scheduledHoursPerMonth,
  type ServiceSchedule,
  type Weekday,
} from '../../../domain/schedule/service-schedule.ts';

type Kind = 'none' | 'cron' | 'weekly';

const KINDS = [
  { value: 'none', label: 'Runs as set by hours a month' },
  { value: 'cron', label: 'Cron job (starts on a cron, runs N minutes)' },
  { value: 'weekly', label: 'Weekly window (scales to zero outside it)' },
] as const;

/** First values offered when a kind is picked: a nightly one-hour job, a weekday office-hours window. */
const FIRST_CRON: ServiceSchedule = { cron: '0 2 * * *', runMinutes: 60 };
const FIRST_WEEKLY: ServiceSchedule = {
  weekly: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '18:00' },
};

const hoursText = (hours: number): string => String(Math.round(hours * 100) / 100);

/** The schedule of one service (UTC), and the hours a month derived from it. */
export function ScheduleFields({
  index,
  service,
  problems,
}: {
  index: number;
  service: DraftService;
  problems: RowProblems;
}) {
  const monthHours = useAppStore((s) => s.scenario.hoursPerMonth);
  const schedule = service.schedule;
  const kind: Kind = !schedule ? 'none' : isCronSchedule(schedule) ? 'cron' : 'weekly';
  const set = (next: ServiceSchedule) => updateService(index, { schedule: next });
  const derived = schedule ? scheduledHoursPerMonth(schedule, monthHours) : null;
  return (
    <fieldset className="field-group field-group-wide">
      <legend>Schedule (UTC)</legend>
      <SelectField
        {...serviceField(problems, 'schedule')}
        value={kind}
        options={KINDS}
        onChange={(next) =>
          next === 'none' ? clearServiceField(index, 'schedule') : set(next === 'cron' ? FIRST_CRON : FIRST_WEEKLY)
        }
      />
      {schedule && isCronSchedule(schedule) ? (
        <>
          <TextField
            {...serviceField(problems, 'schedule.cron')}
            value={schedule.cron}
            placeholder="0 2 * * *"
            onChange={(cron) => set({ ...schedule, cron })}
          />
          <NumberField
            {...serviceField(problems, 'schedule.runMinutes')}
            value={schedule.runMinutes}
            min={1}
            step={1}
            onChange={(v) => set({ ...schedule, runMinutes: v ?? Number.NaN })}
          />
        </>
      ) : null}
      {schedule && !isCronSchedule(schedule) ? (
        <>
          <TextField
            label={SERVICE_FIELD_LABELS['schedule.weekly.days']}
            value={schedule.weekly.days.join(', ')}
            problem={firstUnder(problems, 'schedule.weekly.days')}
            placeholder="mon, tue, wed, thu, fri"
            onChange={(text) =>
              set({
                weekly: {
                  ...schedule.weekly,
                  days: text
                    .split(/[\s,]+/)
                    .filter(Boolean)
                    .map((d) => d.toLowerCase() as Weekday),
                },
              })
            }
          />
          <TextField
            {...serviceField(problems, 'schedule.weekly.start')}
            value={schedule.weekly.start}
            placeholder="08:00"
            onChange={(start) => set({ weekly: { ...schedule.weekly, start } })}
          />
          <TextField
            {...serviceField(problems, 'schedule.weekly.end')}
            value={schedule.weekly.end}
            placeholder="18:00"
            hint="An end before the start runs past midnight."
            onChange={(end) => set({ weekly: { ...schedule.weekly, end } })}
          />
        </>
      ) : null}
      {derived !== null ? (
        <p className="field-hint" role="status">
          Runs {hoursText(derived)} h of the {monthHours}-hour month (derived from the schedule).
        </p>
      ) : null}
    </fieldset>
  );
}
