// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import OptionAdvice from './option-advice.tsx';
import { defaultState, replaceScenario, undo, useAppStore } from '../../../state/app-store.ts';
import { validateScenario } from '../../../domain/scenario/validate-scenario.ts';
import type { Scenario } from '../../../domain/scenario/scenario-schema.ts';
import { US_EAST_1 } from '../../testing/render-with-prices.tsx';

// jsdom has no Worker: the advice is computed on the main thread, which takes a while on busy cores.
vi.setConfig({ testTimeout: 20_000 });

afterEach(() => {
  cleanup();
  useAppStore.setState(defaultState(), true);
});

/** 10 tasks of 0.25 vCPU / 0.5 GiB on m5.large: trunking saves 217.44 (src/domain/advice, hand-computed). */
function tenTasks(): Scenario {
  const result = validateScenario({
    version: 2,
    region: 'us-east-1',
    services: [{ name: 'web', vcpu: 0.25, memoryGiB: 0.5, replicas: 10 }],
    ec2: { instanceTypes: ['m5.large'], minNodes: 0 },
  });
  if (!result.ok) throw new Error('invalid');
  return result.scenario;
}

describe('the advice under a card', () => {
  it('lists the lever with its saving and caveat; Apply changes the scenario in one undoable step', async () => {
    const scenario = tenTasks();
    replaceScenario(scenario, 'Load the test scenario');
    render(<OptionAdvice optionId="ecs-ec2" label="ECS on EC2" scenario={scenario} snapshot={US_EAST_1} />);
    const section = (await screen.findByRole('heading', { name: /^Could cost less/ }, { timeout: 15_000 })).closest(
      'section',
    )!;
    const item = within(section)
      .getAllByRole('listitem')
      .find((li) => li.textContent!.includes('Turn on ENI trunking'))!;
    expect(item.textContent).toContain('$217.44 a month less ($144.96)');
    expect(item.textContent).toContain('awsvpcTrunking');
    fireEvent.click(within(item).getByRole('button', { name: /^Apply ENI trunking/ }));
    expect(useAppStore.getState().scenario.ec2.eniTrunking).toBe(true);
    expect(useAppStore.getState().past.at(-1)?.reason).toBe('Apply ENI trunking');
    undo();
    expect(useAppStore.getState().scenario.ec2.eniTrunking).toBe(false);
  });

  it('turns Apply off while the figures are stale, and says why', async () => {
    const scenario = tenTasks();
    render(
      <OptionAdvice
        optionId="ecs-ec2"
        label="ECS on EC2"
        scenario={scenario}
        snapshot={US_EAST_1}
        disabledReason="The figures are not for the current input yet"
      />,
    );
    const section = (await screen.findByRole('heading', { name: /^Could cost less/ }, { timeout: 15_000 })).closest(
      'section',
    )!;
    for (const button of within(section).getAllByRole('button', { name: /^Apply/ }))
      expect((button as HTMLButtonElement).disabled).toBe(true);
    expect(section.textContent).toContain('Apply is off: The figures are not for the current input yet.');
  });
});
