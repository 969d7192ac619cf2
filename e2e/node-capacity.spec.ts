import { test, expect } from './fixtures.ts';
import { decodeShareState } from '../src/domain/share/share-codec.ts';
import { cliTotals, writeScenario } from './support/cli.ts';

test('bridge mode and a per-node daemon change the EC2 plans, which show per node what the system takes', async ({
  calculator,
  page,
}) => {
  await calculator.goto();
  await page.getByLabel('ECS network mode (ECS on EC2)').selectOption('bridge');
  await page.getByRole('button', { name: 'Add daemon' }).click();
  await page.getByLabel('Daemon 1 name').fill('log-agent');
  await page.getByLabel('Daemon 1 vCPU').fill('0.25');
  await page.getByLabel('Daemon 1 memory (GiB)').fill('0.5');
  await expect(
    page.getByText('ec2.ecsNetworkMode "bridge" applies to ECS on EC2 only', { exact: false }),
  ).toBeVisible();

  const ecsPlan = page.getByRole('list', { name: 'ECS on EC2 node plan' });
  await ecsPlan.getByText('Per node: what the system takes and what the services use').first().click();
  const table = ecsPlan.getByRole('table').first();
  await expect(table.getByRole('rowheader', { name: '− ECS_RESERVED_MEMORY' })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: '− daemon "log-agent"' })).toBeVisible();
  await expect(table.getByRole('rowheader', { name: '= Left for services' })).toBeVisible();

  const eksPlan = page.getByRole('list', { name: 'EKS on EC2 node plan' });
  await eksPlan.getByText('Per node: what the system takes and what the services use').first().click();
  await expect(eksPlan.getByRole('rowheader', { name: /kube-reserved/ }).first()).toBeVisible();
  await expect(eksPlan.getByRole('rowheader', { name: '− DaemonSet kube-proxy' }).first()).toBeVisible();

  // The link carries the new fields, and the CLI prices the same scenario to the same totals.
  await expect(async () => {
    const decoded = decodeShareState(new URL(page.url()).hash);
    expect(decoded.ok && decoded.state.scenario.ec2).toMatchObject({
      ecsNetworkMode: 'bridge',
      daemonsPerNode: [{ name: 'log-agent', vcpu: 0.25, memoryGiB: 0.5 }],
    });
  }).toPass();
  const decoded = decodeShareState(new URL(page.url()).hash);
  if (!decoded.ok) throw new Error(decoded.message);
  expect(await calculator.totals()).toEqual(cliTotals(writeScenario(decoded.state.scenario)));

  await page.getByRole('button', { name: 'Remove daemon 1' }).click();
  await expect(page.getByLabel('Daemon 1 name')).toHaveCount(0);
});
