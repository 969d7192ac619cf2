import { describe, expect, it } from 'vitest';
import { ARTICLE_ROW_LABELS, FEATURE_ROWS } from './feature-matrix.ts';
import { FEATURE_SOURCES } from './feature-sources.ts';
import { FEATURE_MATRIX_OPTION_IDS as OPTION_IDS } from './feature-matrix.ts';
import { validateScenario } from '../scenario/validate-scenario.ts';
import { estimateScenario } from '../cost/estimate.ts';
import type { RegionSnapshot } from '../pricing/price-snapshot.ts';
import usEast1 from '../../../public/pricing/us-east-1.json' with { type: 'json' };

const snapshot = usEast1 as unknown as RegionSnapshot;
const rowById = (id: string) => FEATURE_ROWS.find((r) => r.id === id)!;

function availability(service: Record<string, unknown>) {
  const result = validateScenario({
    version: 2,
    region: 'us-east-1',
    services: [{ name: 'svc', vcpu: 1, memoryGiB: 2, replicas: 2, ...service }],
  });
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return Object.fromEntries(estimateScenario(result.scenario, snapshot).options.map((o) => [o.id, o.available]));
}

describe('feature matrix', () => {
  it('keeps every row of the article, in its order', () => {
    const articleRows = FEATURE_ROWS.filter((r) => r.origin === 'article').map((r) => r.label);
    expect(articleRows).toEqual([...ARTICLE_ROW_LABELS]);
  });

  it('adds the rows users ask for', () => {
    const asked = FEATURE_ROWS.filter((r) => r.origin === 'asked').map((r) => r.id);
    expect(asked).toEqual(
      expect.arrayContaining(['windows', 'arm', 'largest-size', 'blue-green', 'service-mesh', 'density']),
    );
  });

  it('fills all four columns of every row with a value and a known source', () => {
    const ids = new Set(FEATURE_ROWS.map((r) => r.id));
    expect(ids.size).toBe(FEATURE_ROWS.length);
    for (const row of FEATURE_ROWS) {
      for (const option of OPTION_IDS) {
        const cell = row.cells[option];
        expect(cell.value.trim(), `${row.id}/${option}`).not.toBe('');
        expect(FEATURE_SOURCES[cell.source], `${row.id}/${option} source`).toBeDefined();
        expect((cell.note ?? '').length, `${row.id}/${option} note stays short`).toBeLessThanOrEqual(100);
      }
    }
  });

  it('never lets the cost engine price what the matrix says an option cannot run', () => {
    const cases = [
      ['gpu', { gpu: 1 }],
      ['windows', { os: 'windows' }],
      ['arm', { arch: 'arm64' }],
    ] as const;
    for (const [rowId, service] of cases) {
      const available = availability(service);
      for (const option of OPTION_IDS) {
        if (rowById(rowId).cells[option].level === 'no') expect(available[option], `${rowId} on ${option}`).toBe(false);
      }
    }
  });

  it('agrees with the cost engine on where GPU and ARM services run', () => {
    // Windows is left out: the engine has Linux EC2 prices only, so it cannot price Windows nodes it could run.
    for (const [rowId, service] of [
      ['gpu', { gpu: 1 }],
      ['arm', { arch: 'arm64' }],
    ] as const) {
      const available = availability(service);
      for (const option of OPTION_IDS) {
        expect(available[option], `${rowId} on ${option}`).toBe(rowById(rowId).cells[option].level !== 'no');
      }
    }
  });

  it('states the control plane price the engine charges', () => {
    expect(rowById('control-plane').cells['eks-ec2'].value).toContain(
      `$${snapshot.eks.clusterHourStandard.usd.toFixed(2)}`,
    );
    expect(rowById('control-plane').cells['ecs-fargate'].value).toBe('Free');
  });
});
