/** One unit vocabulary: GiB for memory and storage (inputs, bill lines, preset texts), GB for traffic and logs; "1 replica". */
import { test, expect } from './fixtures.ts';
import { waitForWholePage } from './pages/calculator-page.ts';

test('memory and storage say GiB everywhere, traffic says GB, and one replica is singular', async ({
  calculator,
  page,
}) => {
  await calculator.goto();
  await expect(page.getByText('2 replicas of 0.5 vCPU / 1 GiB behind an Application Load Balancer.')).toBeVisible();
  await page.getByText('Line items of ECS on Fargate').click();
  const fargate = page.getByRole('article', { name: 'ECS on Fargate' });
  await expect(fargate).toContainText('GiB-hours');
  await page.getByText('Line items of ECS on EC2').click();
  await expect(page.getByRole('article', { name: 'ECS on EC2' })).toContainText('GiB-months');
  await expect(page.getByLabel('Internet egress (GB per month)')).toBeVisible();
  await expect(page.getByLabel('Memory (GiB), service 1', { exact: true })).toBeVisible();

  await calculator.serviceField('Replicas').fill('1');
  await calculator.waitForTotals();
  await waitForWholePage(page);
  await expect(page.locator('body')).toContainText('1 replica');
  const body = page.locator('body');
  await expect(body).not.toContainText(/\b1 replicas\b/);
  // GB is for traffic and logs ("100 GB free allowance"); memory and storage never say it.
  await expect(body).not.toContainText(/GB-hours|vCPU \/ [\d.]+ GB\b|[\d.]+ GB (per cluster|included|of memory)/);
});
