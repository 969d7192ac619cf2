/**
 * The charts as a phone and a desktop show them: the legends sit beside the plot (never over it),
 * every x tick is drawn and none overlaps another, and each option has one colour in the summary,
 * the cards and both charts.
 */
import { test, expect } from './fixtures.ts';
import type { Locator } from '@playwright/test';
import { waitForWholePage } from './pages/calculator-page.ts';
import { OPTION_IDS, OPTION_LABELS } from '../src/domain/cost/estimate-types.ts';

const LABELS = OPTION_IDS.map((id) => OPTION_LABELS[id]);

type Box = { x: number; y: number; width: number; height: number };
const overlaps = (a: Box, b: Box) =>
  a.x < b.x + b.width - 0.5 && b.x < a.x + a.width - 0.5 && a.y < b.y + b.height - 0.5 && b.y < a.y + a.height - 0.5;

async function boxes(locator: Locator): Promise<Box[]> {
  return Promise.all((await locator.all()).map(async (l) => (await l.boundingBox())!));
}

for (const width of [375, 1440])
  for (const preset of ['Article example: api-service', '50-microservice platform'])
    test(`at ${width} px (${preset}) the legends do not cover the plots and no x tick is skipped or overlapping`, async ({
      calculator,
      page,
    }) => {
      await page.setViewportSize({ width, height: 900 });
      await calculator.goto();
      await page.getByLabel('Start from a preset').selectOption({ label: preset });
      await page.getByRole('button', { name: 'Load preset' }).click();
      await calculator.waitForTotals();
      await waitForWholePage(page);
      for (const title of ['Monthly cost by component', 'Monthly cost against total replicas']) {
        const figure = page.locator('figure').filter({ has: page.getByText(title, { exact: true }) });
        const legend = figure.getByRole('list');
        const plot = figure.locator('.recharts-cartesian-grid');
        await expect(legend.getByRole('listitem').first()).toBeVisible();
        const legendBox = (await legend.boundingBox())!;
        expect(overlaps(legendBox, (await plot.boundingBox())!), `${title}: legend over the plot`).toBe(false);
        const ticks = await boxes(figure.locator('.recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value'));
        expect(ticks.length, `${title}: x ticks`).toBeGreaterThanOrEqual(2);
        for (let i = 1; i < ticks.length; i++)
          expect(overlaps(ticks[i - 1]!, ticks[i]!), `${title}: ticks ${i - 1} and ${i} overlap`).toBe(false);
        const figureBox = (await figure.boundingBox())!;
        for (const tick of ticks) expect(tick.x + tick.width).toBeLessThanOrEqual(figureBox.x + figureBox.width + 1);
      }
      // Every option's name is written beside its bar.
      const barLabels = page
        .locator('figure')
        .filter({ has: page.getByText('Monthly cost by component', { exact: true }) })
        .locator('.recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value');
      // (recharts wraps a long name onto two lines, one tspan each)
      const names = await barLabels.evaluateAll((texts) =>
        texts.map((t) => [...t.querySelectorAll('tspan')].map((s) => s.textContent).join(' ')),
      );
      expect(names).toEqual(LABELS);
      await page.screenshot({
        path: `reports/screenshots/charts-${width}-${preset.startsWith('50') ? 'platform' : 'api'}.png`,
        clip: { ...(await page.locator('.charts').boundingBox())! },
        fullPage: true,
      });
    });

test('each option has one colour: summary tile, card, line and bar', async ({ calculator, page }) => {
  await calculator.goto();
  await waitForWholePage(page);
  const colorOf = (l: Locator) => l.evaluate((e) => getComputedStyle(e).backgroundColor);
  const labels = LABELS;
  const seen = new Set<string>();
  for (const label of labels) {
    const tile = page
      .getByRole('list', { name: 'Monthly total of each option' })
      .getByRole('listitem')
      .filter({ hasText: label });
    const tileColor = await colorOf(tile.locator('.option-swatch'));
    const cardColor = await colorOf(page.getByRole('article', { name: label }).locator('.option-swatch'));
    expect(cardColor).toBe(tileColor);
    const legendLine = page.getByRole('list', { name: 'Options' }).getByRole('listitem').filter({ hasText: label });
    const stroke = await legendLine.locator('line').getAttribute('stroke');
    const rgb = await page.evaluate((hex) => {
      const probe = document.createElement('span');
      probe.style.color = hex!;
      document.body.append(probe);
      const value = getComputedStyle(probe).color;
      probe.remove();
      return value;
    }, stroke);
    expect(rgb, label).toBe(tileColor);
    seen.add(tileColor);
  }
  expect(seen.size).toBe(labels.length);
  // The line chart draws each line in its legend's colour; the bars' first segment is the option's colour too.
  const strokes = await page
    .locator('.recharts-line-curve')
    .evaluateAll((paths) => paths.map((p) => p.getAttribute('stroke')));
  const legendStrokes = await page
    .getByRole('list', { name: 'Options' })
    .locator('line')
    .evaluateAll((lines) => lines.map((l) => l.getAttribute('stroke')));
  expect(strokes).toEqual(legendStrokes);
  const firstSegments = await page
    .locator('.recharts-bar')
    .first()
    .locator('.recharts-rectangle')
    .evaluateAll((rects) => rects.map((r) => r.getAttribute('fill')));
  expect(firstSegments).toEqual(legendStrokes);
});
