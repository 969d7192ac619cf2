import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  chmodSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync, strFromU8 } from 'fflate';
import { runExport } from './export-command.ts';
import { UsageError } from '../cli-io.ts';
import { fakeIo as fakeIoIn } from '../testing/fake-io.ts';
import { ARTICLE_SCENARIO, GPU_SCENARIO } from '../../domain/export/testing/export-fixtures.ts';

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'export-command-'));
});
afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

const fakeIo = (files: Record<string, string>) => fakeIoIn(files, work);

const article = JSON.stringify(ARTICLE_SCENARIO);

/** Runs the command expecting a UsageError; returns its lines and checks nothing was printed. */
async function refusal(
  argv: string[],
  files: Record<string, string> = { 'scenario.json': article },
): Promise<string[]> {
  const { io, out } = fakeIo(files);
  const error = await runExport(argv, io).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UsageError);
  expect(out).toEqual([]);
  return (error as UsageError).lines;
}

const listFiles = (dir: string, prefix = ''): string[] =>
  readdirSync(join(dir, prefix), { withFileTypes: true })
    .flatMap((e) => (e.isDirectory() ? listFiles(dir, join(prefix, e.name)) : [join(prefix, e.name)]))
    .sort();

describe('cli export', () => {
  it('writes the bundle to --out, relative to the working directory', async () => {
    const { io, out } = fakeIo({ 'scenario.json': article });
    expect(await runExport(['scenario.json', '--option', 'eks-fargate', '--out', 'bundle'], io)).toBe(0);
    const files = listFiles(join(work, 'bundle'));
    expect(files).toContain('README.md');
    expect(files).toContain(join('eks', 'cluster', 'eksctl.yaml'));
    expect(files).toContain(join('eks', 'manifests', 'api-service', 'deployment.yaml'));
    expect(JSON.parse(readFileSync(join(work, 'bundle', 'scenario.json'), 'utf8')).services[0].name).toBe(
      'api-service',
    );
    expect(readFileSync(join(work, 'bundle', 'README.md'), 'utf8')).toContain('<http://127.0.0.1:4173/#s=2.');
    expect(out.join('')).toBe(`Wrote ${files.length} files to ${join(work, 'bundle')}\n`);
    expect(readdirSync(work)).toEqual(['bundle']);
  });

  it('writes a zip with --zip (and may write both)', async () => {
    const { io } = fakeIo({ 'scenario.json': article });
    expect(await runExport(['scenario.json', '--option=ecs-fargate', '--zip', 'out/b.zip', '--out', 'dir'], io)).toBe(
      0,
    );
    const entries = unzipSync(readFileSync(join(work, 'out', 'b.zip')));
    expect(Object.keys(entries).sort()).toEqual(listFiles(join(work, 'dir')).map((p) => p.split('\\').join('/')));
    expect(strFromU8(entries['ecs/task-definitions/api-service.json']!)).toBe(
      readFileSync(join(work, 'dir', 'ecs', 'task-definitions', 'api-service.json'), 'utf8'),
    );
    expect(readdirSync(join(work, 'out'))).toEqual(['b.zip']);
  });

  it('exports ECS Managed Instances: its capacity provider and provider constraint', async () => {
    const { io } = fakeIo({ 'scenario.json': article });
    expect(await runExport(['scenario.json', '--option', 'ecs-managed-instances', '--out', 'mi'], io)).toBe(0);
    const main = readFileSync(join(work, 'mi', 'ecs', 'terraform', 'main.tf'), 'utf8');
    expect(main).toContain('managed_instances_provider {');
    expect(main).not.toContain('aws_autoscaling_group');
    expect(readFileSync(join(work, 'mi', 'ecs', 'terraform', 'versions.tf'), 'utf8')).toContain('"~> 6.28"');
    expect(readFileSync(join(work, 'mi', 'README.md'), 'utf8')).toContain('## ECS Managed Instances');
  });

  it('accepts an empty --out directory', async () => {
    mkdirSync(join(work, 'empty'));
    const { io } = fakeIo({ 'scenario.json': article });
    expect(await runExport(['scenario.json', '--option', 'ecs-ec2', '--out', 'empty'], io)).toBe(0);
    expect(existsSync(join(work, 'empty', 'ecs', 'terraform', 'main.tf'))).toBe(true);
  });

  it('refuses a non-empty --out and leaves it untouched', async () => {
    mkdirSync(join(work, 'busy'));
    writeFileSync(join(work, 'busy', 'keep.txt'), 'mine');
    expect(await refusal(['scenario.json', '--option', 'ecs-fargate', '--out', 'busy'])).toEqual([
      `--out ${join(work, 'busy')}: directory is not empty; choose a new or empty directory`,
    ]);
    expect(readdirSync(join(work, 'busy'))).toEqual(['keep.txt']);
    expect(readdirSync(work)).toEqual(['busy']);
  });

  it.each([
    [
      ['scenario.json', '--out', 'x'],
      'missing --option: one of ecs-fargate, ecs-ec2, eks-fargate, eks-ec2, ecs-managed-instances, eks-auto-mode',
    ],
    [
      ['scenario.json', '--option', 'fargate', '--out', 'x'],
      '--option fargate: must be one of ecs-fargate, ecs-ec2, eks-fargate, eks-ec2, ecs-managed-instances, eks-auto-mode',
    ],
    [['scenario.json', '--option', 'ecs-ec2'], 'missing --out DIR or --zip FILE: say where to write the bundle'],
    [['scenario.json', '--option', 'ecs-ec2', '--out'], '--out needs a value'],
    [['scenario.json', '--option', 'ecs-ec2', '--force', '--out', 'x'], 'unknown option --force'],
    [['a.json', 'b.json', '--option', 'ecs-ec2', '--out', 'x'], 'expected one scenario, got 2: a.json b.json'],
    [['nope.json', '--option', 'ecs-ec2', '--out', 'x'], 'cannot read nope.json: ENOENT'],
  ])('refuses %j', async (argv, message) => {
    expect(await refusal(argv)).toEqual([message]);
    expect(readdirSync(work)).toEqual([]);
  });

  it('refuses an invalid scenario and an option the scenario cannot run on, writing nothing', async () => {
    expect(await refusal(['s.json', '--option', 'ecs-ec2', '--out', 'x'], { 's.json': '{"version":1}' })).toContain(
      'services: is required',
    );
    expect(
      await refusal(['s.json', '--option', 'eks-fargate', '--zip', 'x.zip'], {
        's.json': JSON.stringify(GPU_SCENARIO),
      }),
    ).toEqual(['EKS on Fargate cannot run this scenario: service "trainer" needs GPUs, and Fargate has none']);
    expect(readdirSync(work)).toEqual([]);
  });

  it('refuses text the files cannot carry exactly, naming the field', async () => {
    const decomposed = JSON.stringify({
      ...ARTICLE_SCENARIO,
      services: [{ ...ARTICLE_SCENARIO.services[0], environment: { NAME: 'Rene\u0301' } }],
    });
    const lines = await refusal(['s.json', '--option', 'ecs-fargate', '--out', 'x'], { 's.json': decomposed });
    expect(lines).toEqual([
      expect.stringMatching(/^services\[0\]\.environment\.NAME: is not in Unicode normalization form C/),
    ]);
    expect(readdirSync(work)).toEqual([]);
  });

  it('refuses a service priced for part of the month without a schedule, naming both fields and the way out', async () => {
    const partMonth = JSON.stringify({
      ...ARTICLE_SCENARIO,
      services: [{ ...ARTICLE_SCENARIO.services[0], hoursPerMonth: 100 }],
    });
    for (const option of ['ecs-fargate', 'eks-ec2']) {
      const lines = await refusal(['s.json', '--option', option, '--out', 'x'], { 's.json': partMonth });
      expect(lines).toEqual([
        'services[0].hoursPerMonth: "api-service" is priced for 100 h of the 730 h month, but services[0].schedule is not set, so the export could only run it all month; add a weekly or cron schedule to services[0].schedule (its hours a month then follow from it), or remove services[0].hoursPerMonth to price it all month',
      ]);
    }
    expect(readdirSync(work)).toEqual([]);
  });

  it('leaves nothing behind when writing fails part way', async () => {
    if (process.getuid?.() === 0) {
      // root ignores directory permissions; a file in the way of the parent makes mkdir fail instead.
      writeFileSync(join(work, 'blocker'), '');
      expect((await refusal(['scenario.json', '--option', 'ecs-fargate', '--out', 'blocker/sub/out']))[0]).toMatch(
        /^--out .*: cannot use this path: ENOTDIR$/,
      );
      expect((await refusal(['scenario.json', '--option', 'ecs-fargate', '--zip', 'blocker/b.zip']))[0]).toMatch(
        /^--zip .*: cannot use this path: ENOTDIR$/,
      );
      expect(readdirSync(work)).toEqual(['blocker']);
      return;
    }
    mkdirSync(join(work, 'locked'));
    chmodSync(join(work, 'locked'), 0o500);
    try {
      expect((await refusal(['scenario.json', '--option', 'ecs-fargate', '--out', 'locked/out']))[0]).toMatch(
        /cannot write the bundle: EACCES/,
      );
      expect(readdirSync(join(work, 'locked'))).toEqual([]);
    } finally {
      chmodSync(join(work, 'locked'), 0o700);
    }
  });
});
