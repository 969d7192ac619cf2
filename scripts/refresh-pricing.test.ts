/**
 * `npm run pricing:refresh` without AWS credentials: a clear message, a non-zero exit, no files.
 * The child gets an environment with no AWS variables, an empty HOME (no ~/.aws) and the instance
 * metadata probe disabled, so the SDK's default chain has nothing to find and nothing to call.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '..');
const temporaryDirs: string[] = [];

afterEach(() => {
  for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function credentialFreeEnv(home: string): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!name.startsWith('AWS_')) env[name] = value;
  return {
    ...env,
    HOME: home,
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_CONFIG_FILE: join(home, 'no-config'),
    AWS_SHARED_CREDENTIALS_FILE: join(home, 'no-credentials'),
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  };
}

describe('scripts/refresh-pricing.ts', () => {
  it('stops with a clear message and writes nothing when there are no AWS credentials', () => {
    const home = mkdtempSync(join(tmpdir(), 'refresh-home-'));
    const out = mkdtempSync(join(tmpdir(), 'refresh-out-'));
    temporaryDirs.push(home, out);
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'scripts', 'refresh-pricing.ts'), '--out', out, 'us-east-1'],
      {
        cwd: ROOT,
        env: credentialFreeEnv(home),
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /pricing:refresh: no AWS credentials were found by the SDK default chain .* Nothing was written\./,
    );
    expect(result.stdout).toBe('');
    expect(readdirSync(out)).toEqual([]);
  }, 60_000);

  it('refuses to refresh part of the committed snapshot', () => {
    const result = spawnSync(
      process.execPath,
      ['--import', 'tsx', join(ROOT, 'scripts', 'refresh-pricing.ts'), 'us-east-1'],
      {
        cwd: ROOT,
        env: credentialFreeEnv(tmpdir()),
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('refreshing some regions only is allowed with --out DIR');
  }, 60_000);
});
