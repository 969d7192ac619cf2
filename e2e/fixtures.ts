/**
 * Shared fixtures: the calculator page object, and a guard that fails any test in which the page
 * logged a console error or threw (pageerror).
 */
import { test as base, expect, type Page } from '@playwright/test';
import { CalculatorPage } from './pages/calculator-page.ts';

export interface PageProblems {
  list: string[];
  watch: (page: Page) => void;
}

export const test = base.extend<{ problems: PageProblems; calculator: CalculatorPage }>({
  problems: async ({ page }, use) => {
    const list: string[] = [];
    const watch = (p: Page) => {
      p.on('console', (message) => {
        if (message.type() === 'error') list.push(`console error: ${message.text()}`);
      });
      p.on('pageerror', (error) => list.push(`page error: ${error.message}`));
    };
    watch(page);
    await use({ list, watch });
    expect(list, 'console errors and page errors').toEqual([]);
  },
  calculator: async ({ page, problems }, use) => {
    void problems;
    await use(new CalculatorPage(page));
  },
});

export { expect };
