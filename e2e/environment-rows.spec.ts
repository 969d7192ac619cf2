/**
 * Environment variables and secrets are rows of a name and a value: values are kept exactly
 * (new lines, spaces at either end) into the export, a second row with the same name is flagged on
 * that row (never dropped), bad names are flagged on their row, and the rows survive a reload.
 */
import { test, expect } from './fixtures.ts';

test('values are kept exactly, duplicates and bad names are flagged on their row', async ({ calculator, page }) => {
  await calculator.goto();
  await page.getByRole('button', { name: /^Details of service 1/ }).click();
  const env = page.getByRole('group', { name: 'Environment variables' });
  await expect(env.getByLabel('Name of variable 1')).toHaveValue('ENVIRONMENT');
  await expect(env.getByLabel('Value of variable 1')).toHaveValue('production');

  await env.getByRole('button', { name: 'Add variable' }).click();
  await env.getByLabel('Name of variable 2').fill('GREETING');
  await env.getByLabel('Value of variable 2').fill('  hello\nworld  ');

  // A second GREETING is flagged on its own row, and the first keeps its value.
  await env.getByRole('button', { name: 'Add variable' }).click();
  const third = env.getByLabel('Name of variable 3');
  await third.fill('GREETING');
  await env.getByLabel('Value of variable 3').fill('second');
  await expect(third).toHaveAttribute('aria-invalid', 'true');
  await expect(third).toHaveAccessibleDescription(
    'Name of environment variable 3 of api-service: GREETING is already the name of row 2',
  );
  await expect(env.getByLabel('Name of variable 2')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('button', { name: 'Export ECS on Fargate configuration' })).toBeDisabled();
  await expect(page.getByText('Fix the highlighted field to update them.')).toBeVisible();

  // The draft keeps every row, the duplicate too, through a reload.
  await page.reload();
  await page.getByRole('button', { name: /^Details of service 1/ }).click();
  await expect(env.getByLabel('Name of variable 3')).toHaveValue('GREETING');
  await expect(env.getByLabel('Value of variable 3')).toHaveValue('second');
  await expect(env.getByLabel('Value of variable 2')).toHaveValue('  hello\nworld  ');

  await env.getByLabel('Name of variable 3').fill('9LIVES');
  await expect(env.getByLabel('Name of variable 3')).toHaveAccessibleDescription(
    /^Name of environment variable 3 of api-service: use letters, digits and _ only/,
  );
  await env.getByLabel('Name of variable 3').fill('SECOND');
  await expect(page.getByText('Results are from the last valid input.')).toHaveCount(0);

  // A secret whose ARN is not one is flagged under the ARN.
  const secrets = page.getByRole('group', { name: 'Secrets' });
  await secrets.getByLabel('Secret ARN of secret 1').fill('not-an-arn');
  await expect(secrets.getByLabel('Secret ARN of secret 1')).toHaveAttribute('aria-invalid', 'true');
  await expect(secrets.getByLabel('Secret ARN of secret 1')).toHaveAccessibleDescription(
    /^Secret ARN of DATABASE_URL \(secret of api-service\): /,
  );
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(secrets.getByLabel('Secret ARN of secret 1')).not.toHaveAttribute('aria-invalid', 'true');

  // The export carries the values exactly.
  await page.getByRole('button', { name: 'Export ECS on Fargate configuration' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'scenario.json', exact: true }).click();
  const preview = dialog.getByRole('region', { name: 'Contents of scenario.json' });
  await expect(preview).toContainText('"GREETING": "  hello\\nworld  "');
  await expect(preview).toContainText('"SECOND": "second"');
});
