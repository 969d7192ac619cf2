/**
 * Automated accessibility check (axe-core, WCAG 2.1 A and AA rules: labels, names, contrast,
 * landmarks) of the whole page at a phone and a desktop width, with lazy parts loaded and the
 * line items and chart tables open, plus the export dialog.
 */
import AxeBuilder from '@axe-core/playwright';
import { test, expect } from './fixtures.ts';
import { waitForWholePage } from './pages/calculator-page.ts';

const WCAG = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

function describe(violations: Awaited<ReturnType<AxeBuilder['analyze']>>['violations']): string[] {
  return violations.map(
    (v) =>
      `${v.id} (${v.impact}): ${v.help} -> ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join(' | ')}`,
  );
}

for (const theme of ['light', 'dark'] as const)
  for (const width of [375, 1440]) {
    test(`the page passes axe's WCAG A/AA rules at ${width} px in the ${theme} theme`, async ({ calculator, page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.setViewportSize({ width, height: 900 });
      await calculator.goto();
      await waitForWholePage(page);
      for (const summary of await page.locator('summary').all()) await summary.click();
      for (const button of await page.getByRole('button', { name: /show as a table/i }).all()) await button.click();
      const results = await new AxeBuilder({ page }).withTags(WCAG).analyze();
      expect(describe(results.violations)).toEqual([]);
    });
  }

for (const theme of ['light', 'dark'] as const)
  test(`the export dialog passes axe's WCAG A/AA rules in the ${theme} theme`, async ({ calculator, page }) => {
    await page.emulateMedia({ colorScheme: theme });
    await calculator.goto();
    await page
      .getByRole('button', { name: /Export/ })
      .first()
      .click();
    await expect(page.getByRole('dialog')).toBeVisible();
    const results = await new AxeBuilder({ page }).include('[role="dialog"]').withTags(WCAG).analyze();
    expect(describe(results.violations)).toEqual([]);
  });
