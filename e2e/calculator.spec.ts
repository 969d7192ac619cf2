import { test, expect } from './fixtures.ts';
import { decodeShareState } from '../src/domain/share/share-codec.ts';
import { cliTotals, writeScenario } from './support/cli.ts';

test('editing a field updates the totals, and they equal cli estimate --json for the same scenario', async ({
  calculator,
  page,
}) => {
  await calculator.goto();
  expect(await calculator.totals()).toMatchObject({ 'ecs-fargate': '$65.61' });

  await calculator.serviceField('Replicas').fill('4');
  // 4 x (365 vCPU-h x $0.04048 + 730 GB-h x $0.004445) + ALB $16.43 + LCU $5.84 + its 2 public IPv4 addresses $7.30
  await expect(calculator.total('ecs-fargate')).toHaveText('$101.65');
  await page.getByLabel('EC2 Spot share (%)').fill('50');
  await page.getByRole('button', { name: 'Add service' }).click();
  await calculator.serviceField('vCPU', 2).fill('2');
  await calculator.serviceField('Memory (GiB)', 2).fill('8');
  await calculator.serviceField('Architecture', 2).selectOption('arm64');

  // The address bar carries the edited scenario (debounced); price that scenario with the CLI.
  await expect.poll(() => page.evaluate(() => decodeURIComponent(location.hash).length)).toBeGreaterThan(10);
  // Poll for the last edit: on a busy machine a pause between edits writes an earlier link first.
  await expect(async () => {
    const decoded = decodeShareState(new URL(page.url()).hash);
    expect(decoded.ok && decoded.state.scenario.services[1]).toMatchObject({ vcpu: 2, memoryGiB: 8, arch: 'arm64' });
  }).toPass();
  const decoded = decodeShareState(new URL(page.url()).hash);
  if (!decoded.ok) throw new Error(decoded.message);
  expect(await calculator.totals()).toEqual(cliTotals(writeScenario(decoded.state.scenario)));
});

test('an invalid field keeps the last valid results, says so, and names the problem beside the field', async ({
  calculator,
  page,
}) => {
  await calculator.goto();
  const before = await calculator.totals();
  const vcpu = calculator.serviceField('vCPU');
  await vcpu.fill('');
  await expect(vcpu).toHaveAttribute('aria-invalid', 'true');
  const described = await vcpu.getAttribute('aria-describedby');
  await expect(page.locator(`[id="${described}"]`)).toHaveText('vCPU of api-service: enter a number');
  await expect(page.getByText('Results are from the last valid input.')).toBeVisible();
  expect(await calculator.totals()).toEqual(before);

  await vcpu.fill('32');
  await expect(page.locator(`[id="${described}"]`)).toHaveText('vCPU of api-service: must be 16 or less');
  await calculator.serviceField('Name').fill('Bad Name');
  await expect(calculator.serviceField('Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('body')).not.toContainText('NaN');
  expect(await calculator.totals()).toEqual(before);

  await vcpu.fill('1');
  await calculator.serviceField('Name').fill('api');
  await expect(page.getByText('Results are from the last valid input.')).toHaveCount(0);
  await expect(calculator.total('ecs-fargate')).not.toHaveText(before['ecs-fargate']);
});

test('services can be added, duplicated and removed; options that cannot run say why', async ({ calculator, page }) => {
  await calculator.goto();
  await page.getByRole('button', { name: 'Duplicate service 1' }).click();
  await expect(calculator.serviceField('Name', 2)).toHaveValue('api-service-copy');
  await page.getByRole('button', { name: 'Details of service 2' }).click();
  await page.getByLabel('GPUs per replica').fill('1');
  await expect(calculator.total('ecs-fargate')).toHaveText('Unavailable');
  await expect(page.getByText('needs GPUs, and Fargate has none').first()).toBeVisible();
  await expect(calculator.total('eks-ec2')).toHaveText(/^\$/);
  await page.getByRole('button', { name: 'Remove service 2' }).click();
  await expect(calculator.total('ecs-fargate')).toHaveText('$65.61');
  await expect(page.getByRole('button', { name: 'Remove service 1' })).toBeDisabled();
});

test('line items show quantity x unit price = amount with the source, and the price badge names the date', async ({
  calculator,
  page,
}) => {
  await calculator.goto();
  await expect(page.getByText(/^Bundled AWS prices from \d{4}-\d{2}(-\d{2})? to \d{4}-\d{2}-\d{2}$/)).toBeVisible();
  await page.getByText('Line items of ECS on Fargate').click();
  const table = page.getByRole('table', { name: 'ECS on Fargate: monthly line items' });
  const row = table.getByRole('row', { name: /Fargate vCPU/ });
  await expect(row).toContainText('730 vCPU-hours × $0.04048');
  await expect(row).toContainText('$29.55');
  // The source's title and the date of that price, whatever the source is.
  await expect(row).toContainText(/AWS .+, \d{4}-\d{2}(-\d{2})?/);
});
