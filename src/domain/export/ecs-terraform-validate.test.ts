/**
 * `terraform fmt -check` and `terraform validate` on the generated ECS Terraform of both ECS
 * options, where the terraform binary and an offline AWS provider 5.x mirror exist. Skipped, with
 * the reason printed, otherwise.
 *
 * Fast on purpose: `terraform init -plugin-dir=<mirror>` runs once per distinct versions.tf (one
 * today) in a shared folder; every case then validates against that folder's provider
 * installation (TF_DATA_DIR) and lock file, so no case repeats the init. The mirror is looked for
 * in TF_PLUGIN_DIR, then in the image's fixed folder: the disk is never scanned.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { bundleFor, exportableCases } from './testing/export-fixtures.ts';
import type { ExportFile } from './export-file.ts';

const run = promisify(execFile);
const ENV = { ...process.env, CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: '/dev/null', TF_IN_AUTOMATION: '1' };
/** Where this project's build image keeps its provider mirror (the parent of registry.terraform.io). */
const IMAGE_PLUGIN_DIR = '/opt/tf-plugins';

function terraformBinary(): string | null {
  try {
    execFileSync('terraform', ['version'], { env: ENV, stdio: 'ignore', timeout: 20_000 });
    return 'terraform';
  } catch {
    return null;
  }
}

/** A plugin directory holding registry.terraform.io/hashicorp/aws/5.x (the constraint is ~> 5.0). */
function pluginDir(): string | null {
  const hasAws5 = (dir: string) => {
    const aws = join(dir, 'registry.terraform.io', 'hashicorp', 'aws');
    return existsSync(aws) && readdirSync(aws).some((version) => version.startsWith('5.'));
  };
  const candidates = process.env.TF_PLUGIN_DIR ? [process.env.TF_PLUGIN_DIR] : [IMAGE_PLUGIN_DIR];
  return candidates.find(hasAws5) ?? null;
}

const terraform = terraformBinary();
const plugins = terraform ? pluginDir() : null;
const skipReason = !terraform
  ? 'terraform is not on PATH'
  : !plugins
    ? `no offline AWS provider 5.x mirror (registry.terraform.io/hashicorp/aws/5.*) in ${process.env.TF_PLUGIN_DIR ? `TF_PLUGIN_DIR (${process.env.TF_PLUGIN_DIR})` : `${IMAGE_PLUGIN_DIR}; set TF_PLUGIN_DIR to yours`}`
    : null;
if (skipReason) console.warn(`Skipping terraform fmt/validate of the ECS export: ${skipReason}.`);

const TERRAFORM_DIR = 'ecs/terraform/';

/**
 * The ECS Managed Instances bundle needs provider ~> 6.28 (managed_instances_provider since 6.15,
 * capacity_option_type since 6.28) and the offline mirror holds 5.100.0, which knows neither the
 * block nor MANAGED_INSTANCES. What 5.x can check is everything else: the bundle with its
 * managed-instances capacity providers cut out (their names become literals), MANAGED_INSTANCES
 * read as EC2, and the constraint set to ~> 5.0. The cut-out parts are checked field by field in
 * ecs-terraform-managed-instances.test.ts; `terraform fmt -check` still runs on the real files.
 */
function withoutManagedInstancesProvider(files: readonly ExportFile[]): ExportFile[] {
  return files.map((file) => {
    let text = file.contents;
    if (file.path.endsWith('versions.tf')) text = text.replace('"~> 6.28"', '"~> 5.0"');
    if (file.path.endsWith('main.tf')) {
      // Top-level blocks end with "}" at the start of a line (the writer's terraform fmt layout).
      text = text.replace(/^resource "aws_ecs_capacity_provider" "([a-z0-9_]+)" \{\n[\s\S]*?^\}\n\n/gm, '');
      text = text.replace(/aws_ecs_capacity_provider\.([a-z0-9_]+)\.name/g, '"cp-$1"');
      text = text.replace(/\n  lifecycle \{\n    replace_triggered_by = \[[^\]]*\]\n  \}\n/g, '\n');
      text = text.replace(/"MANAGED_INSTANCES"/g, '"EC2"');
    }
    return { ...file, contents: text };
  });
}

const terraformFiles = (c: ReturnType<typeof exportableCases>[number]) =>
  bundleFor(c.scenario, c.optionId).filter((f) => f.path.startsWith(TERRAFORM_DIR));
const cases = exportableCases()
  .filter((c) => c.optionId.startsWith('ecs'))
  .map((c) => {
    const files = terraformFiles(c);
    const managed = c.optionId === 'ecs-managed-instances';
    return { ...c, formatted: files, files: managed ? withoutManagedInstancesProvider(files) : files };
  });
const versionsOf = (files: readonly ExportFile[]) =>
  files.find((f) => f.path === `${TERRAFORM_DIR}versions.tf`)?.contents;

/** Runs at most `slots` tasks at once: two validations at a time suit a 2-core machine. */
function limiter(slots: number) {
  const waiting: (() => void)[] = [];
  let running = 0;
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= slots) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}
const limit = limiter(2);

describe.skipIf(skipReason !== null)('terraform fmt and validate on the ECS Terraform', () => {
  let root = '';
  /** One initialized folder per distinct versions.tf: its provider installation and lock file. */
  const initialized = new Map<string, { dataDir: string; lockFile: string }>();
  let inits = 0;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'ecs-terraform-'));
    for (const versions of new Set(cases.map((c) => versionsOf(c.files)))) {
      if (versions === undefined || initialized.has(versions)) continue;
      const dir = join(root, `init-${initialized.size}`);
      mkdirSync(dir);
      writeFileSync(join(dir, 'versions.tf'), versions);
      await run(terraform!, ['init', '-backend=false', '-input=false', '-no-color', `-plugin-dir=${plugins}`], {
        cwd: dir,
        env: ENV,
        timeout: 120_000,
      });
      inits++;
      initialized.set(versions, { dataDir: join(dir, '.terraform'), lockFile: join(dir, '.terraform.lock.hcl') });
    }
  }, 300_000);

  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it('initializes once for all cases', () => {
    expect(cases.length).toBeGreaterThan(1);
    expect(cases.every((c) => versionsOf(c.files) !== undefined)).toBe(true);
    expect(inits).toBe(new Set(cases.map((c) => versionsOf(c.files))).size);
  });

  it('validates the Managed Instances bundles without their capacity providers (5.x knows no managed_instances_provider)', () => {
    const managed = cases.filter((c) => c.optionId === 'ecs-managed-instances');
    expect(managed.length).toBeGreaterThan(0);
    for (const c of managed) {
      const main = (bundle: readonly ExportFile[]) => bundle.find((f) => f.path.endsWith('main.tf'))!.contents;
      expect(main(c.formatted)).toContain('managed_instances_provider {');
      expect(main(c.files)).not.toMatch(/aws_ecs_capacity_provider|managed_instances_provider|MANAGED_INSTANCES/);
      // Only the capacity providers go: every other resource is validated.
      const resources = (text: string) =>
        [...text.matchAll(/^resource "([a-z0-9_]+)" "([a-z0-9_]+)"/gm)].map((m) => `${m[1]}.${m[2]}`);
      expect(resources(main(c.files))).toEqual(
        resources(main(c.formatted)).filter((r) => !r.startsWith('aws_ecs_capacity_provider.')),
      );
    }
  });

  it.concurrent.each(cases)(
    '$name is formatted and valid',
    ({ files, formatted }) =>
      limit(async () => {
        const write = (target: string, bundle: readonly ExportFile[]) => {
          mkdirSync(target, { recursive: true });
          for (const file of bundle) {
            const path = join(target, file.path.slice(TERRAFORM_DIR.length));
            mkdirSync(dirname(path), { recursive: true });
            writeFileSync(path, file.contents);
          }
        };
        const dir = mkdtempSync(join(root, 'case-'));
        write(dir, files);
        const init = initialized.get(versionsOf(files)!)!;
        copyFileSync(init.lockFile, join(dir, '.terraform.lock.hcl'));
        const options = { cwd: dir, env: { ...ENV, TF_DATA_DIR: init.dataDir }, timeout: 120_000 };
        // fmt needs no provider: it runs on the files as exported.
        const fmtDir = join(dir, 'as-exported');
        write(fmtDir, formatted);
        const fmt = await run(terraform!, ['fmt', '-check', '-diff', '-no-color'], { ...options, cwd: fmtDir }).catch(
          (error: { stdout: string }) => ({ stdout: `NOT FORMATTED\n${error.stdout}` }),
        );
        expect(fmt.stdout).toBe('');
        rmSync(fmtDir, { recursive: true, force: true });
        const validate = await run(terraform!, ['validate', '-json', '-no-color'], options).catch(
          (error: { stdout: string }) => ({ stdout: error.stdout }),
        );
        const result = JSON.parse(validate.stdout) as {
          valid: boolean;
          diagnostics: { severity: string; summary: string; detail?: string }[];
        };
        expect(result.diagnostics.map((d) => `${d.severity}: ${d.summary} ${d.detail ?? ''}`)).toEqual([]);
        expect(result.valid).toBe(true);
      }),
    300_000,
  );
});
