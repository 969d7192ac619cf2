// @vitest-environment jsdom
/**
 * The editor's labels and its messages come from one table (src/ui/lib/field-labels.ts): every
 * message names its field as the page labels it ("Memory (GiB) of api: ..." beside the box
 * labelled "Memory (GiB)"), and every label of the table is on the page.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useEffect } from 'react';
import { cleanup, fireEvent, screen } from '@testing-library/react';
import { ScenarioEditor } from './scenario-editor.tsx';
import { defaultState, useAppStore } from '../../../state/app-store.ts';
import type { DraftScenario } from '../../../state/scenario-draft.ts';
import { useCalculation } from '../../app/calculation-context.tsx';
import { renderWithPrices } from '../../testing/render-with-prices.tsx';
import { recordOf } from '../../lib/name-value-rows.ts';
import type { ShownProblem } from '../../lib/field-problems.ts';
import {
  DAEMON_FIELD_LABELS,
  ROW_FIELD_LABELS,
  SCENARIO_FIELD_LABELS,
  SERVICE_FIELD_LABELS,
  daemonFieldLabel,
} from '../../lib/field-labels.ts';

vi.setConfig({ testTimeout: 30_000 });

afterEach(() => {
  cleanup();
  useAppStore.setState(defaultState(), true);
});

/** Two services, one on a cron and one on a weekly window, and every field that can be wrong, wrong. */
function everythingWrong(): DraftScenario {
  const scenario = structuredClone(defaultState().scenario);
  const first = scenario.services[0]!;
  scenario.services = [
    {
      ...first,
      name: 'api',
      vcpu: 40,
      memoryGiB: 200,
      replicas: -1,
      hoursPerMonth: 800,
      ephemeralStorageGiB: 5,
      gpu: -1,
      autoscaling: { min: -1, max: 0, targetCpuPercent: 0 },
      schedule: { cron: 'not a cron', runMinutes: 0 },
      port: 0,
      healthCheckPath: 'no-slash',
      host: 'not a host!',
      environment: recordOf([
        { name: '9X', value: 'a' },
        { name: 'OK', value: 'b' },
      ]),
      secrets: { DB: 'not an arn' },
    },
    {
      ...first,
      name: 'web',
      schedule: { weekly: { days: ['someday' as 'mon'], start: '25:00', end: 'late' } },
    },
  ];
  scenario.hoursPerMonth = 0;
  scenario.fargate = { spotPercent: 101, savingsPlanDiscountPercent: -1 };
  scenario.eks = { ...scenario.eks, clusters: -1 };
  scenario.ec2 = {
    ...scenario.ec2,
    spotPercent: 101,
    spotDiscountPercent: 101,
    rootVolumeGiB: 5,
    savingsPlanDiscountPercent: 101,
    minNodes: -1,
    daemonsPerNode: [{ name: '', vcpu: -1, memoryGiB: -1 }],
  };
  scenario.extras = {
    loadBalancers: -1,
    lcuPerLoadBalancer: -1,
    natGateways: -1,
    natDataGB: -1,
    publicIPv4Addresses: -1,
    internetEgressGB: -1,
    crossAzGB: -1,
    logIngestionGB: -1,
  };
  scenario.operations = { hourlyRateUSD: -1, ecsHoursPerMonth: -1, eksHoursPerMonth: -1 };
  return scenario;
}

const seen: { problems: readonly ShownProblem[] } = { problems: [] };
function ProblemProbe() {
  const { shownProblems } = useCalculation();
  useEffect(() => {
    seen.problems = shownProblems;
  }, [shownProblems]);
  return null;
}

/** A label's own words, without the words only a screen reader hears (", service 2", " of variable 1"). */
function ownWords(element: Element): string {
  const copy = element.cloneNode(true) as Element;
  for (const hidden of copy.querySelectorAll('.visually-hidden')) hidden.remove();
  return copy.textContent!.trim();
}

async function renderEverythingWrong() {
  useAppStore.setState({ scenario: everythingWrong() });
  renderWithPrices(
    <>
      <ScenarioEditor />
      <ProblemProbe />
    </>,
  );
  fireEvent.click(screen.getByRole('button', { name: /^Details of service 1/ }));
  fireEvent.click(screen.getByRole('button', { name: /^Details of service 2/ }));
  await screen.findAllByLabelText('Ephemeral storage (GiB)', {}, { timeout: 10_000 });
  await screen.findByLabelText('Cron (5 fields, UTC)', {}, { timeout: 10_000 });
}

describe('editor labels and field messages', () => {
  it('starts every message with the label of the field it is shown under', async () => {
    await renderEverythingWrong();
    const invalid = [...document.querySelectorAll('[aria-invalid="true"]')];
    expect(invalid.length).toBeGreaterThan(40);
    const described = new Set<string>();
    for (const control of invalid) {
      const label = document.querySelector(`label[for="${control.id}"]`);
      expect(label, control.outerHTML).not.toBeNull();
      const problemId = control.getAttribute('aria-describedby')!.split(' ')[0]!;
      const message = document.getElementById(problemId)!.textContent!;
      described.add(message);
      // The message names the field by its label, alone or followed by what it belongs to
      // ("Memory (GiB) of api", "Secret ARN of DB (secret of api)").
      const named = message.slice(0, message.indexOf(': '));
      const own = ownWords(label!);
      expect(named === own || named.startsWith(`${own} of `), `"${message}" under "${own}"`).toBe(true);
    }
    // Every message of a field is shown under that field (the scenario-wide ones under their list).
    expect(seen.problems.length).toBeGreaterThan(40);
    const unshown = seen.problems.filter((p) => !described.has(p.text)).map((p) => p.path);
    expect(unshown).toEqual([]);
  });

  it('shows every label the messages can use', async () => {
    await renderEverythingWrong();
    const words = new Set([...document.querySelectorAll('label, legend, h3, th')].map((element) => ownWords(element)));
    const expected = [
      ...Object.values(SCENARIO_FIELD_LABELS),
      ...Object.values(SERVICE_FIELD_LABELS),
      ...Object.keys(DAEMON_FIELD_LABELS).map((field) =>
        daemonFieldLabel(0, field as keyof typeof DAEMON_FIELD_LABELS),
      ),
      ...Object.values(ROW_FIELD_LABELS).flatMap((row) => [row.legend, row.name, row.value]),
    ];
    expect(expected.filter((label) => !words.has(label))).toEqual([]);
  });
});
