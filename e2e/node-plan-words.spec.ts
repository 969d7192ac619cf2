/** Node plans say which services run on each group and, in words, what decided its size. */
import { test, expect } from './fixtures.ts';

test('node plans name their services per group and say what set the node count', async ({ calculator, page }) => {
  await calculator.goto();
  const ecsPlan = page.getByRole('list', { name: 'ECS on EC2 node plan' });
  await expect(ecsPlan).toContainText('Runs api-service (2 replicas).');
  await expect(ecsPlan).toContainText(/(One node|\d+ nodes), set by (CPU|memory|task slots|GPUs)/);
  await expect(ecsPlan).toContainText('is the cheapest instance type that fits.');

  await page.getByLabel('Start from a preset').selectOption({ label: 'GPU inference service' });
  await page.getByRole('button', { name: 'Load preset' }).click();
  await calculator.waitForTotals();
  const eksPlan = page.getByRole('list', { name: 'EKS on EC2 node plan' });
  const groups = eksPlan.getByRole('listitem').filter({ hasText: /^\d+ ×/ });
  await expect(groups.filter({ hasText: /Runs inference \(\d+ replicas?\)/ })).toHaveCount(1);
  await expect(groups.filter({ hasText: /gateway \(\d+ replicas?\)/ })).toHaveCount(1);
  await expect(eksPlan).toContainText(/CoreDNS \(\d+ replicas?\)/);
  await expect(groups.filter({ hasText: 'Runs inference' })).toContainText(/GPU/);
  await expect(page.locator('body')).not.toContainText(/\b1 replicas\b/);
});
