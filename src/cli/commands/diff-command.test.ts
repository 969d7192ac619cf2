import { describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { marked, type Tokens } from 'marked';
import { runDiff, type DiffDeps } from './diff-command.ts';
import { runEstimate } from './estimate-command.ts';
import { UsageError } from '../cli-io.ts';
import { fakeIo } from '../testing/fake-io.ts';
import { loadBundledSnapshot } from '../load-bundled-snapshot.ts';
import { formatSignedUSD, formatUSD, toCents } from '../../domain/money/round-cents.ts';

const ROOT = join(import.meta.dirname, '../../..');
const deps: DiffDeps = { loadSnapshot: (region) => loadBundledSnapshot(region) };

const svc = (name: string, extra: Record<string, unknown> = {}) => ({
  name,
  vcpu: 0.5,
  memoryGiB: 1,
  replicas: 2,
  ...extra,
});
const doc = (services: object[], extra: Record<string, unknown> = {}) =>
  JSON.stringify({ version: 2, region: 'us-east-1', services, ...extra });

/** before: api, worker, cron; after: api resized, worker with more replicas, cron removed, search added. */
const BEFORE = doc([svc('api'), svc('worker', { replicas: 3 }), svc('cron', { vcpu: 1, memoryGiB: 2 })]);
const AFTER = doc([
  svc('api', { vcpu: 1, memoryGiB: 2 }),
  svc('worker', { replicas: 5 }),
  svc('search', { memoryGiB: 4, replicas: 1 }),
]);

async function diff(files: Record<string, string>, argv: string[]) {
  const { io, out, err } = fakeIo(files, ROOT);
  const code = await runDiff(argv, io, deps);
  return { code, out: out.join(''), err: err.join('') };
}

async function totals(scenario: string): Promise<Map<string, number | null>> {
  const { io, out } = fakeIo({ 's.json': scenario }, ROOT);
  await runEstimate(['s.json', '--json'], io, {
    loadSnapshot: deps.loadSnapshot,
    loadLiveSnapshot: async () => {
      throw new Error('no');
    },
  });
  return new Map(
    (JSON.parse(out.join('')).options as { id: string; monthlyUSD: number | null }[]).map((o) => [o.id, o.monthlyUSD]),
  );
}

interface JsonDiff {
  options: {
    id: string;
    beforeUSD: number | null;
    afterUSD: number | null;
    deltaUSD: number | null;
    deltaPercent: number | null;
  }[];
  cheapest: { before: string | null; after: string | null };
  services: { name: string; changes: string[]; fields: string[] }[];
  settings: string[];
  failAbove?: { exceeded: string[] };
}

describe('cli diff', () => {
  it('gives each option before, after and the delta, matching estimate --json on each file', async () => {
    const result = await diff({ 'b.json': BEFORE, 'a.json': AFTER }, ['b.json', 'a.json', '--format', 'json']);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.out) as JsonDiff;
    const [before, after] = [await totals(BEFORE), await totals(AFTER)];
    expect(json.options.map((o) => o.id)).toEqual([...before.keys()]);
    for (const option of json.options) {
      expect(option.beforeUSD).toBe(before.get(option.id));
      expect(option.afterUSD).toBe(after.get(option.id));
      expect(toCents(option.deltaUSD!)).toBe(toCents(option.afterUSD!) - toCents(option.beforeUSD!));
    }
    expect(json.cheapest.before).not.toBeNull();
  });

  it('names added, removed, resized and replica changes', async () => {
    const json = JSON.parse(
      (await diff({ 'b.json': BEFORE, 'a.json': AFTER }, ['b.json', 'a.json', '--json'])).out,
    ) as JsonDiff;
    expect(json.services).toEqual([
      expect.objectContaining({ name: 'api', changes: ['resized'], fields: ['vcpu', 'memoryGiB'] }),
      expect.objectContaining({ name: 'worker', changes: ['replicas'], fields: ['replicas'] }),
      expect.objectContaining({ name: 'cron', changes: ['removed'] }),
      expect.objectContaining({ name: 'search', changes: ['added'] }),
    ]);
    expect(json.settings).toEqual([]);
  });

  it('writes Markdown with signed deltas that a Markdown parser reads back', async () => {
    const result = await diff({ 'b.json': BEFORE, 'a.json': AFTER }, ['b.json', 'a.json', '--format', 'markdown']);
    const json = JSON.parse(
      (await diff({ 'b.json': BEFORE, 'a.json': AFTER }, ['b.json', 'a.json', '--json'])).out,
    ) as JsonDiff;
    const tokens = marked.lexer(result.out, { gfm: true });
    const table = tokens.find((t): t is Tokens.Table => t.type === 'table')!;
    expect(table.header.map((h) => h.text)).toEqual(['Option', 'Before', 'After', 'Change']);
    table.rows.forEach((row, i) => {
      const option = json.options[i]!;
      expect(row[1]!.text).toBe(formatUSD(option.beforeUSD!));
      expect(row[2]!.text).toBe(formatUSD(option.afterUSD!));
      expect(row[3]!.text.startsWith(formatSignedUSD(option.deltaUSD!))).toBe(true);
      expect(row[3]!.text).toMatch(/^[+-]\$[\d,]+\.\d\d \([+-][\d.]+%\)$/);
    });
    const list = tokens.find((t): t is Tokens.List => t.type === 'list')!;
    expect(list.items.map((item) => item.text.split(':')[0])).toEqual(['api', 'worker', 'cron', 'search']);
    expect(result.out).toContain('cron: removed (was 1 vCPU / 2 GiB x 2)');
  });

  it('signs a saving with a minus: -$5.00', async () => {
    const json = JSON.parse(
      (await diff({ 'b.json': AFTER, 'a.json': BEFORE }, ['b.json', 'a.json', '--json'])).out,
    ) as JsonDiff;
    const markdown = (await diff({ 'b.json': AFTER, 'a.json': BEFORE }, ['b.json', 'a.json', '--format=markdown'])).out;
    for (const option of json.options) {
      expect(option.deltaUSD!).toBeLessThan(0);
      expect(markdown).toContain(`| ${formatSignedUSD(option.deltaUSD!)} (`);
      expect(formatSignedUSD(option.deltaUSD!)).toMatch(/^-\$/);
    }
  });

  it('says nothing changed for the same file, and lists changed settings', async () => {
    const same = await diff({ 'b.json': BEFORE }, ['b.json', 'b.json']);
    expect(same.code).toBe(0);
    expect(same.out).toContain('No service changed');
    const region = JSON.parse(
      (
        await diff(
          {
            'b.json': BEFORE,
            'a.json': doc(JSON.parse(BEFORE).services, { region: 'eu-west-1', extras: { natGateways: 1 } }),
          },
          ['b.json', 'a.json', '--json'],
        )
      ).out,
    ) as JsonDiff;
    expect(region.settings).toEqual(['region', 'extras']);
  });

  describe('--fail-above', () => {
    it('exits 1 when an option grows by more than the amount or percentage, naming it on stderr', async () => {
      const json = JSON.parse(
        (await diff({ 'b.json': BEFORE, 'a.json': AFTER }, ['b.json', 'a.json', '--json'])).out,
      ) as JsonDiff;
      const largest = Math.max(...json.options.map((o) => o.deltaUSD!));
      const smallest = Math.min(...json.options.map((o) => o.deltaUSD!));
      expect(smallest).toBeGreaterThan(0);
      const below = await diff({ 'b.json': BEFORE, 'a.json': AFTER }, [
        'b.json',
        'a.json',
        '--fail-above',
        String(smallest - 0.01),
      ]);
      expect(below.code).toBe(1);
      expect(below.err.trim().split('\n')).toHaveLength(json.options.length);
      expect(below.err).toMatch(/^\S+ grows by \+\$[\d,.]+ \(\+[\d.]+%\), more than --fail-above \$/m);
      expect(below.out).toContain('Before');
      // Growth equal to the threshold is not more than it.
      const atLargest = await diff({ 'b.json': BEFORE, 'a.json': AFTER }, [
        'b.json',
        'a.json',
        `--fail-above=${largest}`,
      ]);
      expect(atLargest.code).toBe(0);
      expect(atLargest.err).toBe('');
      const percents = json.options.map((o) => o.deltaPercent!);
      expect(
        (
          await diff({ 'b.json': BEFORE, 'a.json': AFTER }, [
            'b.json',
            'a.json',
            '--fail-above',
            `${Math.max(...percents) + 1}%`,
          ])
        ).code,
      ).toBe(0);
      expect(
        (
          await diff({ 'b.json': BEFORE, 'a.json': AFTER }, [
            'b.json',
            'a.json',
            '--fail-above',
            `${Math.min(...percents) - 1}%`,
          ])
        ).code,
      ).toBe(1);
    });

    it('passes when costs fall, however low the threshold', async () => {
      const result = await diff({ 'b.json': AFTER, 'a.json': BEFORE }, [
        'b.json',
        'a.json',
        '--fail-above',
        '0',
        '--json',
      ]);
      expect(result.code).toBe(0);
      expect((JSON.parse(result.out) as JsonDiff).failAbove!.exceeded).toEqual([]);
    });

    it('with --option checks only that option', async () => {
      const json = JSON.parse(
        (await diff({ 'b.json': BEFORE, 'a.json': AFTER }, ['b.json', 'a.json', '--json'])).out,
      ) as JsonDiff;
      const sorted = [...json.options].sort((x, y) => x.deltaUSD! - y.deltaUSD!);
      const [low, high] = [sorted[0]!, sorted.at(-1)!];
      expect(low.deltaUSD).toBeLessThan(high.deltaUSD!);
      const threshold = String((low.deltaUSD! + high.deltaUSD!) / 2);
      expect(
        (
          await diff({ 'b.json': BEFORE, 'a.json': AFTER }, [
            'b.json',
            'a.json',
            '--fail-above',
            threshold,
            '--option',
            low.id,
          ])
        ).code,
      ).toBe(0);
      const failing = await diff({ 'b.json': BEFORE, 'a.json': AFTER }, [
        'b.json',
        'a.json',
        '--fail-above',
        threshold,
        '--option',
        high.id,
      ]);
      expect(failing.code).toBe(1);
      expect(failing.err.trim().split('\n')).toEqual([expect.stringMatching(new RegExp(`^${high.id} grows by`))]);
    });
  });

  describe('bad input', () => {
    const refused = async (files: Record<string, string>, argv: string[]) => {
      const { io, out } = fakeIo(files, ROOT);
      const error = await runDiff(argv, io, deps).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(UsageError);
      expect(out).toEqual([]);
      return (error as UsageError).lines;
    };

    it('names the file and the field of every problem in both files', async () => {
      const bad = doc([svc('api', { memoryGiB: 0 })]);
      const worse = doc([svc('api'), svc('api')]);
      expect(await refused({ 'b.json': bad, 'a.json': worse }, ['b.json', 'a.json'])).toEqual([
        'b.json: services[0].memoryGiB: must be greater than 0',
        'a.json: services[1].name: duplicates services[0].name "api"',
      ]);
      expect(await refused({ 'b.json': BEFORE, 'a.json': '{"version": 2,' }, ['b.json', 'a.json'])).toEqual([
        expect.stringMatching(/^a\.json: not valid JSON/),
      ]);
      expect(await refused({ 'b.json': BEFORE }, ['b.json', 'missing.json'])).toEqual([
        'cannot read missing.json: ENOENT',
      ]);
      expect(
        await refused({ 'b.json': BEFORE, 'a.json': doc([svc('api')], { ec2: { instanceTypes: ['x9.huge'] } }) }, [
          'b.json',
          'a.json',
        ]),
      ).toEqual([expect.stringMatching(/^a\.json: ec2\.instanceTypes\[0\]: /)]);
    });

    it('refuses a wrong argument count, a bad threshold, an unknown option and a format diff does not write', async () => {
      const files = { 'b.json': BEFORE, 'a.json': AFTER };
      expect(await refused(files, ['b.json'])).toEqual(['diff needs two scenarios, before and after, got 1: b.json']);
      expect(await refused(files, ['b.json', 'a.json', '--fail-above', 'ten'])).toEqual([
        '--fail-above: must be an amount in USD (25, 25.50) or a percentage (10%), not "ten"',
      ]);
      expect(await refused(files, ['b.json', 'a.json', '--option', 'ecs-lambda'])).toEqual([
        expect.stringMatching(/^--option: must be one of ecs-fargate, .*, not "ecs-lambda"$/),
      ]);
      expect(await refused(files, ['b.json', 'a.json', '--format', 'csv'])).toEqual([
        '--format: must be one of table, json, markdown, not "csv"',
      ]);
      expect(await refused(files, ['-', '-'])).toEqual(['only one of the two scenarios can be standard input (-)']);
    });
  });
});
