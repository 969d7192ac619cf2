import { describe, expect, it } from 'vitest';
import { autoscalingRangeWarnings, replicasOutsideAutoscalingProblems } from './autoscaling-range.ts';
import { findExportProblems } from '../export/build-export-bundle.ts';
import { exportInputFor } from '../export/testing/export-fixtures.ts';
import { OPTION_IDS } from './estimate-types.ts';
import { scenarioOf, service } from '../testing/scenario-builders.ts';

const withReplicas = (replicas: number) =>
  scenarioOf({
    services: [
      service('steady', { replicas: 2 }),
      service('api', { replicas, autoscaling: { min: 3, max: 10, targetCpuPercent: 60 } }),
    ],
  });

describe('replicas and the autoscaling range', () => {
  it('inside the range (the bounds included): no warning, no refusal', () => {
    for (const replicas of [3, 6.5, 10]) {
      expect(autoscalingRangeWarnings(withReplicas(replicas))).toEqual([]);
      expect(replicasOutsideAutoscalingProblems(withReplicas(replicas))).toEqual([]);
    }
  });

  it('below the minimum: the export would run at least the minimum, so it refuses, naming both fields', () => {
    expect(replicasOutsideAutoscalingProblems(withReplicas(1))).toEqual([
      'services[1].replicas: "api" is priced at 1 running on average, but services[1].autoscaling keeps it between 3 and 10, so the export would run at least 3; set services[1].replicas to the average you expect within 3-10, or change services[1].autoscaling',
    ]);
    expect(autoscalingRangeWarnings(withReplicas(1))).toEqual([
      'services[1].replicas (1) is outside its autoscaling range 3-10: costs use replicas as the average running count, which the exported autoscaling cannot run, so the export refuses it.',
    ]);
  });

  it('above the maximum: at most the maximum', () => {
    expect(replicasOutsideAutoscalingProblems(withReplicas(12))[0]).toMatch(/so the export would run at most 10;/);
  });

  it.each(OPTION_IDS)('%s: the export refuses it', (optionId) => {
    expect(findExportProblems(exportInputFor(withReplicas(1), optionId))).toContain(
      replicasOutsideAutoscalingProblems(withReplicas(1))[0],
    );
  });
});
