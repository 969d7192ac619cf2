/**
 * Messages a user can act on: each names the field as the form labels it and the service by its
 * name, sits on the field that is wrong, a duplicate name is flagged on the row the user renamed,
 * and "Fix the N highlighted fields" counts what is highlighted.
 */
import { test, expect } from './fixtures.ts';
import type { Page } from '@playwright/test';

const SCHEMA_PATH = /services\[\d|\]\.\w|hoursPerMonth|memoryGiB|autoscaling\.min/;

async function highlighted(page: Page): Promise<number> {
  return page.locator('main [aria-invalid="true"]').count();
}

test('a message names the field and the service, beside the field, without a schema path', async ({
  calculator,
  page,
}) => {
  await calculator.goto();
  const replicas = calculator.serviceField('Replicas');
  await replicas.fill('-1');
  await expect(replicas).toHaveAttribute('aria-invalid', 'true');
  await expect(replicas).toHaveAccessibleDescription('Replicas of api-service: must be 0 or more');
  const note = page.getByRole('status').filter({ hasText: 'Results are from the last valid input.' });
  await expect(note).toContainText('Fix the highlighted field to update them.');
  await expect(note).toContainText('Replicas of api-service: must be 0 or more');
  await expect(page.locator('body')).not.toContainText(SCHEMA_PATH);
  await expect(page.getByRole('article', { name: 'ECS on Fargate' })).toHaveClass(/is-stale/);
  await expect(page.getByRole('button', { name: 'Export ECS on Fargate configuration' })).toBeDisabled();
});

test('"Fix the N highlighted fields" counts the fields that are highlighted', async ({ calculator, page }) => {
  await calculator.goto();
  await calculator.serviceField('vCPU').fill('');
  await calculator.serviceField('Memory (GiB)').fill('500');
  await page.getByRole('button', { name: /^Details of service 1/ }).click();
  await page.getByLabel('Container port').fill('99999');
  await expect(page.getByText('Fix the 3 highlighted fields to update them.')).toBeVisible();
  expect(await highlighted(page)).toBe(3);
  await page.getByLabel('Container port').fill('8080');
  await expect(page.getByText('Fix the 2 highlighted fields to update them.')).toBeVisible();
  expect(await highlighted(page)).toBe(2);
  await expect(page.locator('body')).not.toContainText(SCHEMA_PATH);
});

test('a duplicate name is flagged on the row that was renamed, not on the other', async ({ calculator, page }) => {
  await calculator.goto();
  await page.getByRole('button', { name: 'Add service' }).click();
  await calculator.serviceField('Name', 2).fill('worker');
  await expect(page.getByText('Results are from the last valid input.')).toHaveCount(0);
  // Rename the first row to the second's name: the first row is the one to fix.
  await calculator.serviceField('Name', 1).fill('worker');
  await expect(calculator.serviceField('Name', 1)).toHaveAttribute('aria-invalid', 'true');
  await expect(calculator.serviceField('Name', 2)).not.toHaveAttribute('aria-invalid', 'true');
  await expect(calculator.serviceField('Name', 1)).toHaveAccessibleDescription(
    'Name of service 1: service 2 is already named worker',
  );
  await expect(page.getByText('Fix the highlighted field to update them.')).toBeVisible();
  expect(await highlighted(page)).toBe(1);
  await calculator.serviceField('Name', 1).fill('api');
  await expect(page.getByText('Results are from the last valid input.')).toHaveCount(0);
});
