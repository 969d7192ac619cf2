import { test, expect } from './fixtures.ts';
import { CalculatorPage } from './pages/calculator-page.ts';
import { PRESETS } from '../src/domain/presets/presets.ts';
import { cliTotals, runCli, writeScenario } from './support/cli.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

// The page's own address (E2E_PORT decides the port), escaped for a pattern.
const appUrl = () => test.info().project.use.baseURL!.replace(/\/?$/, '/');
const linkPattern = () => new RegExp(`^${appUrl().replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}#s=2\\.`);

test('a copied link opened in a fresh page shows the same totals and answers', async ({
  calculator,
  page,
  browser,
  problems,
}) => {
  await calculator.goto();
  await page.getByLabel('Start from a preset').selectOption({ label: '50-microservice platform' });
  await page.getByRole('button', { name: 'Load preset' }).click();
  await calculator.serviceField('Replicas', 7).fill('9');
  await page.getByLabel('Fargate Savings Plan discount (%)').fill('20');
  await page
    .getByRole('group', { name: 'Is multi-cloud or hybrid cloud a requirement?' })
    .getByRole('radio', { name: 'Yes' })
    .check();
  const totals = await calculator.totals();
  const recommended = await calculator.recommendation.textContent();

  await calculator.copyLink.click();
  await expect(page.getByRole('status').filter({ hasText: 'Link copied.' })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(linkPattern());
  await expect(calculator.shareLink).toHaveValue(link);

  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  problems.watch(other);
  const colleague = new CalculatorPage(other);
  await other.goto(link);
  expect(await colleague.totals()).toEqual(totals);
  await expect(colleague.serviceField('Replicas', 7)).toHaveValue('9');
  await expect(
    other
      .getByRole('group', { name: 'Is multi-cloud or hybrid cloud a requirement?' })
      .getByRole('radio', { name: 'Yes' }),
  ).toBeChecked();
  await expect(colleague.recommendation).toHaveText(recommended!);
  await fresh.close();
});

test('a link printed by cli share shows the totals cli estimate --json prints', async ({ calculator, page }) => {
  for (const preset of PRESETS.filter((p) => p.id !== 'microservices-50')) {
    const file = writeScenario({
      ...preset.scenario,
      fargate: { spotPercent: 25, savingsPlanDiscountPercent: 0 },
      ec2: { spotPercent: 30 },
    });
    const url = runCli(['share', file, '--base', appUrl()]).trim();
    expect(url).toMatch(linkPattern());
    await page.goto(url);
    expect(await calculator.totals(), preset.id).toEqual(cliTotals(file));
  }
});

test('a garbage link shows a clear message and the default scenario, never a page error', async ({
  calculator,
  page,
}) => {
  for (const hash of ['#garbage', '#s=1.AAAAAA', '#s=1.eJzLSM3JyVcozy/KSQEAGgQEXQ']) {
    await page.goto(`/${hash}`);
    await expect(page.getByRole('alert')).toContainText('default scenario');
    await calculator.waitForTotals();
    await expect(calculator.total('ecs-fargate')).toHaveText('$65.61');
  }
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
});

test('a link from a newer version says so', async ({ calculator, page }) => {
  await page.goto('/#s=7.AAAA');
  await expect(page.getByRole('alert')).toContainText('newer version');
  await calculator.waitForTotals();
});

test('a link from the v1 build opens, upgraded, and the page says so', async ({ calculator, page }) => {
  // Made by `cli share` before scenario format v2: eu-west-2, 4 x 1 vCPU / 2 GB, EC2 Spot share 50%.
  await page.goto(
    '/#s=1.HY27CgMhFET_ZWoXEkkayzRp04cUIkMQ4gOva1jEf193u4EzZ6ZDYDoai_gUYa4Khd8zguvyp9RFQ0FYmnec5XdHtIGT2-wnaS6vpxcYUtme_gGjj5X8885O4TY-CnT6-JGc6ovFMVaY-2WMsQM',
  );
  await expect(page.getByRole('status').filter({ hasText: 'upgraded' })).toContainText('older version');
  await calculator.waitForTotals();
  await expect(page.getByLabel('Spot discount (%)')).toHaveValue('70');
  await expect(page.getByRole('alert')).toHaveCount(0);
});
