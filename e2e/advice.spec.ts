/**
 * The advice under each card: the top levers with their savings, Apply (one undoable step), and
 * the decision guide's sentence about levers that change the cheapest option. The figures are the
 * command line's, for the same preset.
 */
import { test, expect } from './fixtures.ts';
import { runCli, writeScenario } from './support/cli.ts';
import { presetScenario } from '../src/domain/presets/presets.ts';

interface CliAdvice {
  options: { id: string; monthlyUSD: number | null }[];
  advice: { optionId: string; lever: string; monthlyUSD: number; savingUSD: number }[];
  cheapestWith: { lever: string; optionId: string; monthlyUSD: number }[];
}

const usd = (n: number) => `$${n.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;

test('Apply turns on ENI trunking for ECS on EC2 with the saving the CLI reports, and Undo takes it back', async ({
  calculator,
  page,
}) => {
  const cli = JSON.parse(
    runCli(['estimate', writeScenario(presetScenario('microservices-50')), '--json']),
  ) as CliAdvice;
  const before = cli.options.find((o) => o.id === 'ecs-ec2')!.monthlyUSD!;
  const trunking = cli.advice.find((e) => e.optionId === 'ecs-ec2' && e.lever === 'eni-trunking')!;
  expect(trunking.savingUSD).toBeGreaterThan(0);

  await calculator.goto();
  await page.getByLabel('Start from a preset').selectOption({ label: '50-microservice platform' });
  await page.getByRole('button', { name: 'Load preset' }).click();
  await expect(calculator.total('ecs-ec2')).toHaveText(usd(before));

  const advice = page.getByRole('region', { name: 'Could cost less on ECS on EC2' });
  const item = advice.getByRole('listitem').filter({ hasText: 'Turn on ENI trunking' });
  await expect(item).toContainText(`${usd(trunking.savingUSD)} a month less (${usd(trunking.monthlyUSD)})`);
  await expect(item).toContainText('awsvpcTrunking account setting');
  await item.getByRole('button', { name: /^Apply ENI trunking/ }).click();

  await expect(calculator.total('ecs-ec2')).toHaveText(usd(trunking.monthlyUSD));
  await expect(page.getByLabel('ENI trunking (ECS)')).toBeChecked();
  // Once applied, the lever is no longer offered.
  await expect(advice.getByRole('listitem').filter({ hasText: 'Turn on ENI trunking' })).toHaveCount(0);

  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(calculator.total('ecs-ec2')).toHaveText(usd(before));
  await expect(page.getByLabel('ENI trunking (ECS)')).not.toBeChecked();
  await expect(advice.getByRole('listitem').filter({ hasText: 'Turn on ENI trunking' })).toHaveCount(1);
});

test('the decision guide says which lever would make another option the cheapest', async ({ calculator, page }) => {
  const cli = JSON.parse(
    runCli(['estimate', writeScenario(presetScenario('microservices-50')), '--json']),
  ) as CliAdvice;
  const trunking = cli.cheapestWith.find((c) => c.lever === 'eni-trunking')!;
  expect(trunking.optionId).toBe('ecs-ec2');

  await calculator.goto();
  await page.getByLabel('Start from a preset').selectOption({ label: '50-microservice platform' });
  await page.getByRole('button', { name: 'Load preset' }).click();
  const guide = page.getByRole('complementary', { name: 'Recommendation' });
  await expect(guide).toContainText(
    `With ENI trunking, ECS on EC2 becomes the cheapest at ${usd(trunking.monthlyUSD)} a month.`,
  );
});
