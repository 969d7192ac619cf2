/**
 * Reports in the browser: the CSV download matches the page, saved scenarios open side by side in
 * the compare view, the period choice scales the totals, and print shows no form fields.
 */
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { parse } from 'csv-parse/sync';
import { test, expect } from './fixtures.ts';
import { formatUSD, toCents } from '../src/domain/money/round-cents.ts';

const reports = (page: Page) => page.getByRole('region', { name: 'Reports and saved scenarios' });

test('Download CSV gives the lines and totals the page shows', async ({ calculator, page }) => {
  await calculator.goto();
  const panel = reports(page);
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Download CSV' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('estimate-us-east-1.csv');
  const records: Record<string, string>[] = parse(await readFile((await file.path())!, 'utf8'), { columns: true });
  const ids = [...new Set(records.map((r) => r.option_id!))];
  expect(ids.length).toBeGreaterThanOrEqual(4);
  for (const id of ids) {
    const rows = records.filter((r) => r.option_id === id);
    const cents = rows.reduce((sum, r) => sum + toCents(Number(r.monthly_usd)), 0);
    await expect(page.getByTestId(`monthly-total-${id}`)).toHaveText(formatUSD(cents / 100));
    // The card's line items list the same components with the same amounts.
    const card = page.getByRole('article', { name: rows[0]!.option_label });
    await card.getByText(/^Line items/).click();
    const table = card.getByRole('region', { name: `${rows[0]!.option_label}: monthly line items` });
    for (const row of rows) {
      await expect(
        table
          .getByRole('row')
          .filter({ hasText: row.component! })
          .filter({ hasText: formatUSD(Number(row.monthly_usd)) })
          .first(),
      ).toBeVisible();
    }
  }
});

test('Download Markdown gives a totals table with the totals the page shows', async ({ calculator, page }) => {
  await calculator.goto();
  const download = page.waitForEvent('download');
  await reports(page).getByRole('button', { name: 'Download Markdown' }).click();
  const rows = (await readFile((await (await download).path())!, 'utf8')).split('\n').filter((l) => l.startsWith('| '));
  // Every option card's total is in its row of the totals table; the cheapest one is in bold.
  const cards = page.getByRole('article');
  expect(await cards.count()).toBeGreaterThanOrEqual(4);
  for (const card of await cards.all()) {
    const label = (await card.getByRole('heading', { level: 3 }).textContent())!.trim();
    const total = (await card.getByTestId(/^monthly-total-/).textContent())!.trim();
    const cheapest = (await card.getByText('Cheapest', { exact: true }).count()) > 0;
    const start = cheapest ? `| **${label}** (cheapest) | **${total}** |` : `| ${label} | ${total} |`;
    expect(
      rows.some((row) => row.startsWith(start)),
      start,
    ).toBe(true);
  }
});

test('two saved scenarios open side by side in the compare view', async ({ calculator, page }) => {
  await calculator.goto();
  const panel = reports(page);
  await panel.getByLabel('Scenario name').fill('Two replicas');
  await panel.getByRole('button', { name: 'Save current scenario' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Saved "Two replicas".' })).toBeVisible();
  const before = await calculator.totals();

  await calculator.serviceField('Replicas').fill('6');
  await calculator.waitForTotals();
  const after = await calculator.totals();
  await panel.getByLabel('Scenario name').fill('Six replicas');
  await panel.getByRole('button', { name: 'Save current scenario' }).click();
  await expect(panel.getByRole('row', { name: /Six replicas/ })).toBeVisible();

  await panel.getByRole('checkbox', { name: 'Compare Two replicas' }).check();
  await panel.getByRole('checkbox', { name: 'Compare Six replicas' }).check();
  const table = panel.getByRole('table', { name: /in each compared scenario/ });
  await expect(table).toBeVisible();
  await expect(table.getByRole('columnheader')).toHaveText(['Option', 'Two replicas', /Six replicas/]);
  const fargate = table.getByRole('row', { name: /^ECS on Fargate/ });
  await expect(fargate.getByRole('cell').nth(0)).toContainText(before['ecs-fargate']);
  await expect(fargate.getByRole('cell').nth(1)).toContainText(after['ecs-fargate']);
  const delta =
    (toCents(Number(after['ecs-fargate'].replace(/[$,]/g, ''))) -
      toCents(Number(before['ecs-fargate'].replace(/[$,]/g, '')))) /
    100;
  await expect(fargate.getByRole('cell').nth(1)).toContainText(`+${formatUSD(delta)}`);

  // Saved in this browser: still there after a reload.
  await page.reload();
  await expect(reports(page).getByRole('row', { name: /Two replicas/ })).toBeVisible();
});

test('a corrupted saved entry is reported and kept, the others still open', async ({ calculator, page }) => {
  await page.addInitScript(() => {
    if (sessionStorage.getItem('seeded')) return;
    sessionStorage.setItem('seeded', '1');
    localStorage.setItem(
      'ecs-eks-calculator:saved:v1',
      JSON.stringify({
        version: 1,
        scenarios: [
          {
            id: 'a',
            name: 'Good',
            savedAt: '2026-12-01T10:00:00.000Z',
            scenario: {
              version: 2,
              region: 'us-east-1',
              services: [{ name: 'api', vcpu: 1, memoryGiB: 2, replicas: 1 }],
            },
          },
          {
            id: 'b',
            name: 'Broken',
            savedAt: '2026-12-01T10:00:00.000Z',
            scenario: {
              version: 2,
              region: 'us-east-1',
              services: [{ name: 'api', vcpu: -1, memoryGiB: 2, replicas: 1 }],
            },
          },
        ],
      }),
    );
  });
  await calculator.goto();
  const panel = reports(page);
  await expect(panel.getByRole('alert')).toContainText('Saved entry 2 (Broken): services[0].vcpu');
  await panel.getByRole('button', { name: 'Open Good' }).click();
  await expect(calculator.serviceField('vCPU')).toHaveValue('1');
});

test('the period choice shows totals per year and over 3 years, and the link keeps it', async ({
  calculator,
  page,
}) => {
  await calculator.goto();
  const monthly = await calculator.totals();
  await page.getByLabel('Costs shown').selectOption('year');
  const cents = toCents(Number(monthly['ecs-fargate'].replace(/[$,]/g, '')));
  await expect(calculator.total('ecs-fargate')).toHaveText(formatUSD((cents * 12) / 100));
  await page.getByLabel('Costs shown').selectOption('3-years');
  await expect(calculator.total('ecs-fargate')).toHaveText(formatUSD((cents * 36) / 100));
  await expect(page.getByRole('list', { name: /total of each option/i })).toContainText(formatUSD((cents * 36) / 100));
  await page.waitForFunction(() => location.hash.startsWith('#s='));
  const url = page.url();
  const other = await page.context().newPage();
  await other.goto(url);
  await expect(other.getByLabel('Costs shown')).toHaveValue('3-years');
  await other.close();
});

test('print shows the totals, the lines and the recommendation, and no form fields', async ({ calculator, page }) => {
  await calculator.goto();
  await expect(calculator.recommendation).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  // Elements that print hides (display: none) leave the accessibility tree, so getByRole finds none.
  for (const role of ['textbox', 'spinbutton', 'combobox', 'listbox', 'checkbox', 'radio', 'button', 'slider'] as const)
    await expect(page.getByRole(role), `${role}s in print`).toHaveCount(0);
  await expect(page.getByRole('list', { name: /total of each option/i })).toBeVisible();
  await expect(calculator.total('ecs-fargate')).toBeVisible();
  await expect(page.getByRole('table', { name: 'ECS on Fargate: monthly line items' })).toBeVisible();
  await expect(calculator.recommendation).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Services' })).toBeHidden();
});

test('a saved scenario downloads as scenario.json and imports back under its file name', async ({
  calculator,
  page,
}) => {
  await calculator.goto();
  const panel = reports(page);
  await panel.getByLabel('Scenario name').fill('Checkout API');
  await panel.getByRole('button', { name: 'Save current scenario' }).click();
  const download = page.waitForEvent('download');
  await panel.getByRole('button', { name: 'Download Checkout API as scenario.json' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('checkout-api.json');
  const text = await readFile((await file.path())!, 'utf8');
  expect(JSON.parse(text)).toMatchObject({ version: 2, region: 'us-east-1' });
  await panel
    .getByLabel('Import scenario.json')
    .setInputFiles({ name: 'imported.json', mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(panel.getByRole('status').filter({ hasText: 'Imported imported.json as "imported".' })).toBeVisible();
  await expect(panel.getByRole('row', { name: /imported/ })).toBeVisible();
  await panel.getByLabel('Import scenario.json').setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      '{"version": 2, "region": "us-east-1", "services": [{"name": "Bad Name", "vcpu": 1, "memoryGiB": 2, "replicas": 1}]}',
    ),
  });
  await expect(panel.getByRole('status').filter({ hasText: /^bad\.json: services\[0\]\.name/ })).toBeVisible();
});
