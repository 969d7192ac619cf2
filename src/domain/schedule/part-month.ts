/**
 * A service with `hoursPerMonth` below the scenario's month and no `schedule` is priced for those
 * hours, but nothing says when they run, so no export can deploy it as priced: an ECS service or
 * a Deployment runs all month. The export refuses it, naming the fields and the two ways out, and
 * the estimate warns about it (docs/export-rules.md, "Part-month services").
 */
import type { Scenario, Service } from '../scenario/scenario-schema.ts';

/** A service priced for part of the month with no schedule to say when. */
export function isUnscheduledPartMonth(service: Service, monthHours: number): boolean {
  return service.schedule === undefined && service.hoursPerMonth !== undefined && service.hoursPerMonth < monthHours;
}

const hoursText = (hours: number) => `${Math.round(hours * 100) / 100} h`;

/** The export's refusal for each such service, naming both fields and what to do. */
export function unscheduledPartMonthProblems(scenario: Scenario): string[] {
  const problems: string[] = [];
  scenario.services.forEach((service, index) => {
    if (!isUnscheduledPartMonth(service, scenario.hoursPerMonth)) return;
    const at = `services[${index}]`;
    problems.push(
      `${at}.hoursPerMonth: "${service.name}" is priced for ${hoursText(service.hoursPerMonth!)} of the ${hoursText(scenario.hoursPerMonth)} month, but ${at}.schedule is not set, so the export could only run it all month; add a weekly or cron schedule to ${at}.schedule (its hours a month then follow from it), or remove ${at}.hoursPerMonth to price it all month`,
    );
  });
  return problems;
}

/** The estimate's warning for each such service. */
export function unscheduledPartMonthWarnings(scenario: Scenario): string[] {
  return scenario.services
    .map((service, index) => ({ service, index }))
    .filter(({ service }) => isUnscheduledPartMonth(service, scenario.hoursPerMonth))
    .map(
      ({ service, index }) =>
        `services[${index}] ("${service.name}"): priced for ${hoursText(service.hoursPerMonth!)} a month with no schedule, so it cannot be exported as priced (the export refuses it); add a weekly or cron schedule, or remove hoursPerMonth.`,
    );
}
