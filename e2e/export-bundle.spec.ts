/**
 * Export end to end: open the dialog from an option card, download the zip in Chromium, unzip it,
 * check the file list, and check that the bundle's scenario.json estimates to the totals the page
 * shows (with the same bundled prices the page uses).
 */
import { readFileSync } from 'node:fs';
import { unzipSync, strFromU8 } from 'fflate';
import { test, expect } from './fixtures.ts';
import { OPTION_IDS, type OptionId } from './pages/calculator-page.ts';
import { validateScenario } from '../src/domain/scenario/validate-scenario.ts';
import { estimateScenario } from '../src/domain/cost/estimate.ts';
import { formatUSD } from '../src/domain/money/round-cents.ts';
import { EXPORTABLE_OPTION_IDS } from '../src/domain/export/export-context.ts';
import { loadBundledSnapshot } from '../src/cli/load-bundled-snapshot.ts';
import type { Page } from '@playwright/test';

const LABELS: Record<OptionId, string> = {
  'ecs-fargate': 'ECS on Fargate',
  'ecs-ec2': 'ECS on EC2',
  'eks-fargate': 'EKS on Fargate',
  'eks-ec2': 'EKS on EC2',
  'ecs-managed-instances': 'ECS Managed Instances',
  'eks-auto-mode': 'EKS Auto Mode',
};

/** Opens the option's export dialog, downloads the zip and returns its files as text. */
async function downloadBundle(
  page: Page,
  optionId: OptionId,
): Promise<{ files: Record<string, string>; listed: string[] }> {
  const exportButton = page.getByRole('button', { name: `Export ${LABELS[optionId]} configuration` });
  await exportButton.click();
  const dialog = page.getByRole('dialog', { name: `Export ${LABELS[optionId]} configuration` });
  await expect(dialog).toBeVisible();
  const listed = await dialog
    .getByRole('list', { name: 'Bundle files' })
    .getByRole('listitem')
    .evaluateAll((items) => items.map((item) => item.querySelector('button')!.textContent!));

  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download .zip' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${optionId}-bundle.zip`);
  await expect(dialog.getByRole('status')).toHaveText(`Downloaded ${optionId}-bundle.zip`);
  const entries = unzipSync(new Uint8Array(readFileSync(await download.path())));
  const files = Object.fromEntries(Object.entries(entries).map(([path, bytes]) => [path, strFromU8(bytes)]));

  // Escape closes the dialog and gives focus back to the Export button.
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  await expect(exportButton).toBeFocused();
  return { files, listed };
}

async function totalsOf(files: Record<string, string>): Promise<Record<OptionId, string>> {
  const validated = validateScenario(JSON.parse(files['scenario.json']!));
  if (!validated.ok) throw new Error(`scenario.json is invalid: ${JSON.stringify(validated.problems)}`);
  const estimate = estimateScenario(validated.scenario, await loadBundledSnapshot(validated.scenario.region));
  const out = {} as Record<OptionId, string>;
  for (const option of estimate.options)
    out[option.id] = option.monthlyUSD === null ? 'Unavailable' : formatUSD(option.monthlyUSD);
  return out;
}

test("each option's zip holds its files, and its scenario.json estimates to the totals on the page", async ({
  calculator,
  page,
}) => {
  await calculator.goto();
  // An edit first, so the bundle must carry the scenario on screen, not the default one.
  await calculator.serviceField('Replicas').fill('3');
  await expect(calculator.total('ecs-fargate')).not.toHaveText('$65.61');
  const onPage = await calculator.totals();

  // The Auto Mode card offers its export (the default scenario runs on it).
  expect(EXPORTABLE_OPTION_IDS).toContain('eks-auto-mode');
  expect(onPage['eks-auto-mode']).not.toBe('Unavailable');
  const exported: OptionId[] = [];
  for (const optionId of OPTION_IDS) {
    if (onPage[optionId] === 'Unavailable' || !EXPORTABLE_OPTION_IDS.includes(optionId)) continue;
    exported.push(optionId);
    const { files, listed } = await downloadBundle(page, optionId);
    const paths = Object.keys(files).sort();
    expect(paths, 'the zip holds what the dialog lists').toEqual([...listed].sort());

    const scenario = JSON.parse(files['scenario.json']!) as {
      services: { name: string; port?: number; public?: boolean }[];
    };
    const expected = ['README.md', 'scenario.json'];
    if (optionId.startsWith('ecs')) {
      expected.push(...['versions.tf', 'variables.tf', 'main.tf', 'outputs.tf'].map((f) => `ecs/terraform/${f}`));
      expected.push(...scenario.services.map((s) => `ecs/task-definitions/${s.name}.json`));
    } else {
      expected.push('eks/cluster/eksctl.yaml', 'eks/manifests/kustomization.yaml', 'eks/manifests/namespace.yaml');
      for (const s of scenario.services)
        expected.push(
          `eks/manifests/${s.name}/serviceaccount.yaml`,
          `eks/manifests/${s.name}/deployment.yaml`,
          `eks/manifests/${s.name}/pdb.yaml`,
        );
    }
    // EKS on EC2 runs Cluster Autoscaler; Auto Mode scales its nodes itself, on the plan's NodePools.
    if (optionId === 'eks-ec2') expected.push('eks/cluster-autoscaler/cluster-autoscaler.yaml');
    if (optionId === 'eks-auto-mode') {
      expected.push('eks/auto-mode/nodepools.yaml');
      expect(paths.some((p) => p.startsWith('eks/cluster-autoscaler/'))).toBe(false);
      expect(files['eks/cluster/eksctl.yaml']).toContain('autoModeConfig:');
      expect(files['eks/auto-mode/nodepools.yaml']).toContain('kind: "NodePool"');
    }
    for (const path of expected) expect(paths, `${optionId} bundle`).toContain(path);
    if (optionId === 'ecs-managed-instances') {
      // A capacity provider of the managed-instances kind, no Auto Scaling group, provider 6.28 or later.
      expect(files['ecs/terraform/main.tf']).toContain('managed_instances_provider {');
      expect(files['ecs/terraform/main.tf']).not.toContain('resource "aws_autoscaling_group"');
      expect(files['ecs/terraform/versions.tf']).toContain('"~> 6.28"');
      expect(files['README.md']).toContain('## ECS Managed Instances');
    }
    expect(
      paths.every((p) => /^(README\.md|scenario\.json|(ecs|eks)\/[a-z0-9./_-]+)$/.test(p)),
      paths.join(', '),
    ).toBe(true);

    expect(await totalsOf(files), `${optionId}: scenario.json priced again`).toEqual(onPage);
    expect(files['README.md']).toContain(`**${onPage[optionId]}**`);
    // The page's own address (E2E_PORT decides the port).
    const appUrl = test.info().project.use.baseURL!.replace(/\/?$/, '/');
    expect(files['README.md']).toContain(`<${appUrl}#s=2.`);
    expect(files['README.md']).toMatch(/<http:\/\/127\.0\.0\.1:\d+\/#s=2\.[A-Za-z0-9_-]+>/);
  }
  // Every option with an export was downloaded, ECS Managed Instances and EKS Auto Mode among them.
  expect(exported).toEqual(EXPORTABLE_OPTION_IDS.filter((id) => onPage[id] !== 'Unavailable'));
  expect(exported).toContain('ecs-managed-instances');
  expect(exported).toContain('eks-auto-mode');
});
