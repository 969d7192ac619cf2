/**
 * `terraform fmt -check` and `terraform init -backend=false -plugin-dir=<mirror>` + `terraform
 * validate` on the generated ECS Terraform of both ECS options, where the terraform binary and an
 * offline AWS provider mirror exist (toolchain.md 3a). Skipped, with the reason printed, otherwise.
 */
import { describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { execFileSync } from 'node:child_process';
import { bundleFor, exportableCases } from './testing/export-fixtures.ts';

const run = promisify(execFile);
const ENV = { ...process.env, CHECKPOINT_DISABLE: '1', TF_CLI_CONFIG_FILE: '/dev/null', TF_IN_AUTOMATION: '1' };

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
  if (process.env.TF_PLUGIN_DIR) return hasAws5(process.env.TF_PLUGIN_DIR) ? process.env.TF_PLUGIN_DIR : null;
  let found = '';
  try {
    found = execFileSync('find', ['/', '-maxdepth', '4', '-type', 'd', '-name', 'registry.terraform.io'], {
      encoding: 'utf8',
      timeout: 30_000,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
  } catch (error) {
    // find exits non-zero on unreadable directories but still prints what it found.
    found = (error as { stdout?: string }).stdout ?? '';
  }
  return (
    found
      .split('\n')
      .filter(Boolean)
      .map((p) => dirname(p))
      .find(hasAws5) ?? null
  );
}

const terraform = terraformBinary();
const plugins = terraform ? pluginDir() : null;
const skipReason = !terraform
  ? 'terraform is not on PATH'
  : !plugins
    ? 'no offline AWS provider 5.x mirror found (registry.terraform.io/hashicorp/aws/5.* under TF_PLUGIN_DIR or within 4 levels of /)'
    : null;
if (skipReason) console.warn(`Skipping terraform fmt/validate of the ECS export: ${skipReason}.`);

const cases = exportableCases().filter((c) => c.optionId.startsWith('ecs'));

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
  it.concurrent.each(cases)(
    '$name is formatted and valid',
    ({ scenario, optionId }) =>
      limit(async () => {
        const dir = mkdtempSync(join(tmpdir(), 'ecs-terraform-'));
        try {
          for (const file of bundleFor(scenario, optionId).filter((f) => f.path.startsWith('ecs/terraform/'))) {
            const target = join(dir, file.path.slice('ecs/terraform/'.length));
            mkdirSync(dirname(target), { recursive: true });
            writeFileSync(target, file.contents);
          }
          const options = { cwd: dir, env: ENV, timeout: 120_000 };
          const fmt = await run(terraform!, ['fmt', '-check', '-diff', '-no-color'], options).catch(
            (error: { stdout: string }) => ({ stdout: `NOT FORMATTED\n${error.stdout}` }),
          );
          expect(fmt.stdout).toBe('');
          await run(
            terraform!,
            ['init', '-backend=false', '-input=false', '-no-color', `-plugin-dir=${plugins}`],
            options,
          );
          const validate = await run(terraform!, ['validate', '-json', '-no-color'], options).catch(
            (error: { stdout: string }) => ({ stdout: error.stdout }),
          );
          const result = JSON.parse(validate.stdout) as {
            valid: boolean;
            diagnostics: { severity: string; summary: string; detail?: string }[];
          };
          expect(result.diagnostics.map((d) => `${d.severity}: ${d.summary} ${d.detail ?? ''}`)).toEqual([]);
          expect(result.valid).toBe(true);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      }),
    300_000,
  );
});
