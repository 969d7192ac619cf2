import { expect, type Locator, type Page } from '@playwright/test';

// The domain's option list, so the browser tests follow it when options are added.
import { OPTION_IDS, type OptionId } from '../../src/domain/cost/estimate-types.ts';

export { OPTION_IDS, type OptionId };

/** The calculator as a user sees it: labelled fields, the four totals, the share link. */
export class CalculatorPage {
  readonly copyLink: Locator;
  readonly shareLink: Locator;
  readonly recommendation: Locator;

  constructor(readonly page: Page) {
    this.copyLink = page.getByRole('button', { name: 'Copy link' });
    this.shareLink = page.getByRole('textbox', { name: 'Share link' });
    this.recommendation = page.getByTestId('recommended-option');
  }

  async goto(hash = ''): Promise<void> {
    await this.page.goto(`/${hash}`);
    await this.waitForTotals();
  }

  total(id: OptionId): Locator {
    return this.page.getByTestId(`monthly-total-${id}`);
  }

  /** Waits until every card shows a figure or "Unavailable" and no stale/loading note is up. */
  async waitForTotals(): Promise<void> {
    for (const id of OPTION_IDS) await expect(this.total(id)).toHaveText(/^(\$[\d,]+\.\d{2}|Unavailable)$/);
    await expect(this.page.getByText('Loading prices')).toHaveCount(0);
  }

  async totals(): Promise<Record<OptionId, string>> {
    await this.waitForTotals();
    const out = {} as Record<OptionId, string>;
    for (const id of OPTION_IDS) out[id] = (await this.total(id).textContent())!.trim();
    return out;
  }

  serviceField(field: string, serviceNumber = 1): Locator {
    return this.page.getByLabel(`${field}, service ${serviceNumber}`, { exact: true });
  }
}

/** Waits for the lazy parts (charts, decision guide, feature matrix) so a screenshot shows the whole page. */
export async function waitForWholePage(page: Page): Promise<void> {
  await expect(page.locator('.recharts-wrapper')).toHaveCount(2, { timeout: 20_000 });
  await expect(page.getByRole('heading', { name: 'Break-even points' })).toBeVisible();
  await expect(page.getByTestId('recommended-option')).toBeVisible();
  await expect(page.getByRole('table', { name: /Feature matrix/ })).toBeVisible();
}
