// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import FeatureMatrix from './feature-matrix.tsx';
import { FEATURE_ROWS } from '../../../domain/features/feature-matrix.ts';

afterEach(cleanup);

describe('FeatureMatrix', () => {
  it('renders one row per feature and a column per option, with a source on every cell', () => {
    render(<FeatureMatrix />);
    const table = screen.getByRole('table', { name: /Feature matrix/ });
    const headers = within(table)
      .getAllByRole('columnheader')
      .map((h) => h.textContent);
    expect(headers).toEqual([
      'Feature',
      'ECS on Fargate',
      'ECS on EC2',
      'EKS on Fargate',
      'EKS on EC2',
      'ECS Managed Instances',
      'EKS Auto Mode',
    ]);
    const rows = within(table).getAllByRole('row').slice(1);
    expect(rows).toHaveLength(FEATURE_ROWS.length);
    for (const row of rows) expect(within(row).getAllByRole('button', { name: /^Source \d+$/ })).toHaveLength(6);
  });

  it('says support in words for screen readers, not only with symbols', () => {
    render(<FeatureMatrix />);
    const gpu = screen.getByRole('row', { name: /GPU workloads/ });
    expect(gpu.textContent).toContain('Not supported: No');
    expect(gpu.textContent).toContain('Supported: Full support');
  });
});
