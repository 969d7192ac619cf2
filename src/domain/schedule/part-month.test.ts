/**
 * A service priced for part of the month without a schedule cannot be deployed as priced: the
 * export refuses it (every option), naming both fields, and the estimate warns.
 */
import { describe, expect, it } from 'vitest';
import { estimateScenario } from '../cost/estimate.ts';
import { EXPORTABLE_OPTION_IDS } from '../export/export-context.ts';
import { findExportProblems } from '../export/build-export-bundle.ts';
import { exportInputFor } from '../export/testing/export-fixtures.ts';
import { scenarioOf, service } from '../testing/scenario-builders.ts';
import { US_EAST_1 } from '../testing/load-snapshot.ts';

const withHours = (hoursPerMonth: number) =>
  scenarioOf({
    services: [
      service('api', { replicas: 2 }),
      service('report', { vcpu: 1, memoryGiB: 2, replicas: 3, hoursPerMonth }),
    ],
  });

describe('a part-month service without a schedule', () => {
  it.each(EXPORTABLE_OPTION_IDS)('is refused by the %s export, naming both fields and what to do', (optionId) => {
    expect(findExportProblems(exportInputFor(withHours(120.5), optionId))).toEqual([
      'services[1].hoursPerMonth: "report" is priced for 120.5 h of the 730 h month, but services[1].schedule is not set, so the export could only run it all month; add a weekly or cron schedule to services[1].schedule (its hours a month then follow from it), or remove services[1].hoursPerMonth to price it all month',
    ]);
  });

  it('is priced part-time, with a warning that it cannot be exported as priced', () => {
    const estimate = estimateScenario(withHours(0), US_EAST_1);
    expect(estimate.warnings).toContain(
      'services[1] ("report"): priced for 0 h a month with no schedule, so it cannot be exported as priced (the export refuses it); add a weekly or cron schedule, or remove hoursPerMonth.',
    );
    expect(estimate.assumptions.some((a) => a.includes('the export refuses it until it has a schedule'))).toBe(true);
  });

  it('is fine with hoursPerMonth the whole month, or with a schedule', () => {
    expect(findExportProblems(exportInputFor(withHours(730), 'ecs-fargate'))).toEqual([]);
    expect(estimateScenario(withHours(730), US_EAST_1).warnings.some((w) => w.includes('no schedule'))).toBe(false);
    const scheduled = scenarioOf({
      services: [service('report', { replicas: 3, schedule: { cron: '0 2 * * *', runMinutes: 60 } })],
    });
    expect(findExportProblems(exportInputFor(scheduled, 'eks-ec2'))).toEqual([]);
  });
});
