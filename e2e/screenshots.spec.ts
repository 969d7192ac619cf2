import { test, expect } from './fixtures.ts';
import { waitForWholePage } from './pages/calculator-page.ts';

// Screenshots kept as test artifacts (reports/screenshots/), at a phone's and a desktop's width, in
// the light and the dark theme: the first screen, and the whole page.
for (const theme of ['light', 'dark'] as const) {
  for (const width of [375, 1440]) {
    test(`the whole page at ${width} px in the ${theme} theme, with no sideways scrolling`, async ({
      calculator,
      page,
    }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.setViewportSize({ width, height: 900 });
      await calculator.goto();
      await waitForWholePage(page);
      await page.screenshot({ path: `reports/screenshots/first-screen-${width}-${theme}.png` });
      // Open a service's details and a card's line items, so the screenshot shows them too.
      await page.getByRole('button', { name: 'Details of service 1' }).click();
      await page.getByText('Line items of ECS on Fargate').click();
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      expect(overflow, 'page wider than the viewport').toBeLessThanOrEqual(0);
      await page.screenshot({ path: `reports/screenshots/calculator-${width}-${theme}.png`, fullPage: true });
    });
  }
}

// The states a user has to read: problems named on their fields (a duplicate variable among them)
// with the results dimmed, at both widths in both themes.
for (const theme of ['light', 'dark'] as const) {
  for (const width of [375, 1440]) {
    test(`field problems and variable rows at ${width} px in the ${theme} theme`, async ({ calculator, page }) => {
      await page.emulateMedia({ colorScheme: theme });
      await page.setViewportSize({ width, height: 900 });
      await calculator.goto();
      await calculator.serviceField('Replicas').fill('-1');
      await page.getByRole('button', { name: /^Details of service 1/ }).click();
      const env = page.getByRole('group', { name: 'Environment variables' });
      await env.getByRole('button', { name: 'Add variable' }).click();
      await env.getByLabel('Name of variable 2').fill('ENVIRONMENT');
      await env.getByLabel('Value of variable 2').fill('line one\nline two');
      await expect(page.getByText('Fix the 2 highlighted fields to update them.')).toBeVisible();
      await expect(page.getByRole('article', { name: 'ECS on Fargate' })).toHaveClass(/is-stale/);
      await page.screenshot({ path: `reports/screenshots/field-problems-${width}-${theme}.png`, fullPage: true });
    });
  }
}
