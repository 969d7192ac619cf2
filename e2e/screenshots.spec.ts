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
