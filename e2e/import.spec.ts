/**
 * Import in the browser: the Import button reads a Compose file, shows the services and every note
 * before anything changes, replaces the scenario in one undoable step; dropped text imports too,
 * and unusable input says why without touching the scenario.
 */
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import { test, expect } from './fixtures.ts';

const COMPOSE = 'src/domain/import/testing/fixtures/compose.yaml';

test('the Import button reads a file, shows the notes first, replaces the scenario, and Undo brings it back', async ({
  calculator,
  page,
}) => {
  await calculator.goto();
  await expect(calculator.serviceField('Name')).toHaveValue('api-service');
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a workload' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Files').setInputFiles(COMPOSE);
  await dialog.getByRole('button', { name: 'Read' }).click();

  await expect(
    dialog.getByRole('heading', { name: '5 services from compose.yaml, priced in us-east-1' }),
  ).toBeVisible();
  await expect(dialog.getByRole('list', { name: 'Services found' }).getByRole('listitem')).toHaveText([
    'frontend: 0.5 vCPU, 0.5 GiB, 3 replicas',
    'search: 2 vCPU, 4 GiB, 1 replica',
    'legacy-api: 0.75 vCPU, 1.5 GiB, 1 replica',
    'trainer: 4 vCPU, 16 GiB, 1 replica',
    'cache: 0.25 vCPU, 0.5 GiB, 1 replica',
  ]);
  const notes = dialog.getByRole('list', { name: 'Import notes' });
  await expect(notes).toContainText(
    'compose.yaml: services.cache: no CPU reservation or limit: 0.25 vCPU assumed (the smallest Fargate size)',
  );
  // Nothing has changed yet.
  await expect(calculator.serviceField('Name')).toHaveValue('api-service');

  await dialog.getByRole('button', { name: 'Replace the scenario' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(calculator.serviceField('Name')).toHaveValue('frontend');
  await expect(calculator.serviceField('Name', 5)).toHaveValue('cache');
  await calculator.waitForTotals();

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(calculator.serviceField('Name')).toHaveValue('api-service');
  await expect(calculator.serviceField('Name', 2)).toHaveCount(0);
});

test('pasted text that is not usable says why and leaves the scenario alone', async ({ calculator, page }) => {
  await calculator.goto();
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a workload' });
  await dialog
    .getByLabel('Or paste YAML or JSON')
    .fill(
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\nspec:\n  template:\n    spec:\n      containers: [{name: c, resources: {requests: {cpu: fast}}}]\n',
    );
  await dialog.getByRole('button', { name: 'Read' }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    'pasted text: Deployment/web: container c resources cpu: "fast" is not a Kubernetes quantity',
  );
  await expect(dialog.getByRole('button', { name: 'Replace the scenario' })).toBeDisabled();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(calculator.serviceField('Name')).toHaveValue('api-service');
});

test('text dropped onto the editor opens the import with it read', async ({ calculator, page }) => {
  await calculator.goto();
  const manifest =
    'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: checkout}\nspec:\n  replicas: 4\n  template:\n    spec:\n      containers: [{name: c, image: shop/checkout:5, resources: {requests: {cpu: 250m, memory: 512Mi}}}]\n';
  const data = await page.evaluateHandle((text) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', text);
    return transfer;
  }, manifest);
  const zone = page.getByRole('group', { name: 'Workload (drop files here to import them)' });
  await zone.dispatchEvent('dragenter', { dataTransfer: data });
  await zone.dispatchEvent('drop', { dataTransfer: data });
  const dialog = page.getByRole('dialog', { name: 'Import a workload' });
  await expect(dialog.getByRole('heading', { name: '1 service from dropped text, priced in us-east-1' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Replace the scenario' }).click();
  await expect(calculator.serviceField('Name')).toHaveValue('checkout');
  await expect(calculator.serviceField('Replicas')).toHaveValue('4');
});

test("the import dialog, with notes shown, passes axe's WCAG A/AA rules", async ({ calculator, page }) => {
  await calculator.goto();
  await page.getByRole('button', { name: 'Import…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Import a workload' });
  await dialog.getByLabel('Files').setInputFiles(COMPOSE);
  await dialog.getByRole('button', { name: 'Read' }).click();
  await expect(dialog.getByRole('list', { name: 'Import notes' })).toBeVisible();
  const results = await new AxeBuilder({ page })
    .include('[role="dialog"]')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});

/** An ECS on Fargate bundle from the CLI's export, as a zip without its scenario.json. */
function exportedEcsBundleZip(): Uint8Array {
  const work = mkdtempSync(join(tmpdir(), 'e2e-import-'));
  try {
    const scenario = {
      version: 2,
      region: 'eu-west-1',
      services: [
        {
          name: 'api',
          vcpu: 0.5,
          memoryGiB: 1,
          replicas: 3,
          image: 'nginx:1.27',
          port: 8080,
          public: true,
          host: 'api.example.com',
          autoscaling: { min: 2, max: 6, targetCpuPercent: 60 },
        },
        {
          name: 'office',
          vcpu: 1,
          memoryGiB: 2,
          replicas: 2,
          image: 'acme/office:4',
          schedule: { weekly: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '18:00' } },
        },
        {
          name: 'nightly',
          vcpu: 2,
          memoryGiB: 4,
          replicas: 12,
          image: 'acme/batch:1',
          schedule: { cron: '0 2 * * *', runMinutes: 90 },
        },
      ],
    };
    writeFileSync(join(work, 'scenario.json'), JSON.stringify(scenario));
    execFileSync(
      'npx',
      [
        'tsx',
        'src/cli/main.ts',
        'export',
        join(work, 'scenario.json'),
        '--option',
        'ecs-fargate',
        '--zip',
        join(work, 'bundle.zip'),
      ],
      { stdio: 'ignore' },
    );
    const { 'scenario.json': _scenario, ...files } = unzipSync(readFileSync(join(work, 'bundle.zip')));
    return zipSync(files);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

test('an ECS bundle zip dropped on the page is read with its Terraform: counts, autoscaling and schedules', async ({
  calculator,
  page,
}) => {
  const zip = exportedEcsBundleZip();
  await calculator.goto();
  const data = await page.evaluateHandle(
    (bytes) => {
      const transfer = new DataTransfer();
      transfer.items.add(new File([new Uint8Array(bytes)], 'ecs-bundle.zip', { type: 'application/zip' }));
      return transfer;
    },
    [...zip],
  );
  const zone = page.getByRole('group', { name: 'Workload (drop files here to import them)' });
  await zone.dispatchEvent('dragenter', { dataTransfer: data });
  await zone.dispatchEvent('drop', { dataTransfer: data });
  const dialog = page.getByRole('dialog', { name: 'Import a workload' });
  // The desired counts, the autoscaling, the schedules and the region are only in the Terraform.
  await expect(
    dialog.getByRole('heading', { name: '3 services from ecs-bundle.zip, priced in eu-west-1' }),
  ).toBeVisible({ timeout: 30_000 });
  await expect(dialog.getByRole('list', { name: 'Services found' }).getByRole('listitem')).toHaveText([
    'api: 0.5 vCPU, 1 GiB, 3 replicas, autoscaling 2-6 at 60% CPU',
    'nightly: 2 vCPU, 4 GiB, 12 replicas, cron "0 2 * * *" (UTC), 90 minutes a run',
    'office: 1 vCPU, 2 GiB, 2 replicas, weekly mon, tue, wed, thu, fri 08:00-18:00 UTC',
  ]);
  const notes = dialog.getByRole('list', { name: 'Import notes' });
  await expect(notes).toContainText('ecs/terraform/variables.tf: variable aws_region: region eu-west-1, as named here');
  await expect(notes).not.toContainText('Terraform is read by the command line');
  await dialog.getByRole('button', { name: 'Replace the scenario' }).click();
  await expect(calculator.serviceField('Name')).toHaveValue('api');
  await expect(calculator.serviceField('Replicas', 2)).toHaveValue('12');
  await calculator.waitForTotals();
});
