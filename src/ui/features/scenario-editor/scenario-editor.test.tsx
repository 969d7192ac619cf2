// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, screen, within } from '@testing-library/react';
import { ScenarioEditor } from './scenario-editor.tsx';
import { ResultsPanel } from '../results/results-panel.tsx';
import { defaultState, useAppStore } from '../../../state/app-store.ts';
import { renderWithPrices } from '../../testing/render-with-prices.tsx';

// Rendering the whole editor and results in jsdom takes seconds when the 2 shared cores are busy.
vi.setConfig({ testTimeout: 20_000 });

afterEach(() => {
  cleanup();
  useAppStore.setState(defaultState(), true);
});

// The service's Details load as a lazy chunk, which vitest transforms on first use: on a loaded
// 2-core machine that took over 5 s, so the wait allows the test's own time limit.
const LAZY_CHUNK_TIMEOUT_MS = 15_000;

const setup = () =>
  renderWithPrices(
    <>
      <ScenarioEditor />
      <ResultsPanel />
    </>,
  );

describe('scenario editor with results', () => {
  it('labels every input, select and textarea', async () => {
    setup();
    fireEvent.click(screen.getByRole('button', { name: 'Details of service 1' }));
    await screen.findByLabelText('Ephemeral storage (GiB)', {}, { timeout: LAZY_CHUNK_TIMEOUT_MS });
    const controls = document.querySelectorAll('input, select, textarea');
    expect(controls.length).toBeGreaterThan(30);
    for (const control of controls) {
      const id = control.getAttribute('id');
      const labelled =
        (id && document.querySelector(`label[for="${id}"]`)) ||
        control.closest('label') ||
        control.getAttribute('aria-label');
      expect(labelled, control.outerHTML).toBeTruthy();
    }
  });

  it('shows the four totals and marks the cheapest', () => {
    setup();
    expect(screen.getByTestId('monthly-total-ecs-fargate').textContent).toBe('$65.61');
    const cheapest = screen.getByRole('article', { name: /ECS on Fargate/ });
    expect(within(cheapest).getByText('Cheapest')).toBeTruthy();
  });

  it('puts the message, naming the field and the service, beside an invalid field and keeps the last valid totals', () => {
    setup();
    const memory = screen.getByLabelText('Memory (GiB), service 1');
    fireEvent.change(memory, { target: { value: '200' } });
    expect(memory.getAttribute('aria-invalid')).toBe('true');
    const message = document.getElementById(memory.getAttribute('aria-describedby')!);
    expect(message?.textContent).toBe('Memory (GiB) of api-service: must be 120 or less');
    expect(screen.getByText('Results are from the last valid input.')).toBeTruthy();
    expect(screen.getByText(/Fix the highlighted field to/)).toBeTruthy();
    expect(screen.getByTestId('monthly-total-ecs-fargate').textContent).toBe('$65.61');
    expect(document.body.textContent).not.toContain('NaN');
  });

  it('updates totals as soon as the input is valid again', () => {
    setup();
    fireEvent.change(screen.getByLabelText('Replicas, service 1'), { target: { value: '4' } });
    expect(screen.getByTestId('monthly-total-ecs-fargate').textContent).toBe('$101.65');
  });

  it('adds, duplicates and removes services', () => {
    setup();
    fireEvent.click(screen.getByRole('button', { name: 'Add service' }));
    fireEvent.click(screen.getByRole('button', { name: 'Duplicate service 2' }));
    expect((screen.getByLabelText('Name, service 3') as HTMLInputElement).value).toBe('service-2-copy');
    fireEvent.click(screen.getByRole('button', { name: 'Remove service 1' }));
    expect(useAppStore.getState().scenario.services.map((s) => s.name)).toEqual(['service-2', 'service-2-copy']);
  });

  it('gives a service a schedule and shows the hours derived from it', async () => {
    setup();
    fireEvent.click(screen.getByRole('button', { name: 'Details of service 1' }));
    const kind = await screen.findByLabelText('Schedule', {}, { timeout: LAZY_CHUNK_TIMEOUT_MS });
    fireEvent.change(kind, { target: { value: 'cron' } });
    expect(screen.getByRole('status').textContent).toBe(
      'Runs 30.42 h of the 730-hour month (derived from the schedule).',
    );
    const cron = screen.getByLabelText('Cron (5 fields, UTC)');
    fireEvent.change(cron, { target: { value: '0 0 1 * 1' } });
    expect(cron.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(cron.getAttribute('aria-describedby')!)?.textContent).toMatch(
      /both day-of-month and day-of-week/i,
    );
    fireEvent.change(cron, { target: { value: '0 */2 * * *' } });
    fireEvent.change(screen.getByLabelText('Minutes a run'), { target: { value: '30' } });
    expect(screen.getByRole('status').textContent).toBe(
      'Runs 182.5 h of the 730-hour month (derived from the schedule).',
    );
    fireEvent.change(kind, { target: { value: 'weekly' } });
    expect(screen.getByRole('status').textContent).toBe(
      'Runs 217.26 h of the 730-hour month (derived from the schedule).',
    );
    expect(useAppStore.getState().scenario.services[0]!.schedule).toEqual({
      weekly: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '18:00' },
    });
  });
});
