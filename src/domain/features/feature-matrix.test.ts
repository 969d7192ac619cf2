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

  it('fills all six columns of every row with a value and a known source', () => {
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
    expect(rowById('control-plane').cells['eks-auto-mode'].value).toContain(
      `$${snapshot.eks.clusterHourStandard.usd.toFixed(2)}`,
    );
  });

  it('states the facts the review found wrong, each with its source', () => {
    const iam = rowById('iam').cells['eks-fargate'];
    expect(iam).toMatchObject({ value: 'IRSA only', source: 'eks-pod-identity' });
    const mesh = rowById('service-mesh').cells;
    expect(mesh['ecs-fargate'].note).toContain('App Mesh discontinued 2026-09-30');
    expect(mesh['ecs-fargate'].source).toBe('app-mesh-discontinued');
    expect(mesh['eks-fargate'].note).toContain('NET_ADMIN');
    expect(rowById('discovery').cells['ecs-ec2'].value).toContain('VPC Lattice');
    expect(rowById('windows').cells['eks-ec2'].note).toContain('Linux nodes or Fargate');
    expect(rowById('largest-size').cells['ecs-fargate'].note).toContain('4 vCPU / 30 GiB');
    expect(rowById('largest-size').cells['ecs-ec2'].note).toContain('192 vCPU');
    expect(rowById('jobs').cells['ecs-fargate'].source).toBe('ecs-scheduled-tasks');
    expect(rowById('density').cells['ecs-fargate'].source).toBe('ecs-fargate-isolation');
  });

  it('has the rows the AWS-managed node options raise, for every option', () => {
    for (const id of ['aws-manages', 'tunable', 'daemonsets', 'upgrades', 'node-access', 'gpu'])
      expect(rowById(id), id).toBeDefined();
    expect(rowById('node-access').cells['ecs-managed-instances'].level).toBe('no');
    expect(rowById('node-access').cells['eks-auto-mode'].level).toBe('no');
    // Every source is a public address or this project's own rules.
    for (const source of Object.values(FEATURE_SOURCES))
      expect(source.where).toMatch(/^(https:\/\/|shared reference: |docs\/)/);
  });
});
