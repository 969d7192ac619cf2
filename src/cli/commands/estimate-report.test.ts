/**
 * `cli estimate --format csv|markdown`: the reports are parsed back with real parsers (csv-parse,
 * marked) and their figures checked against `--format json`.
 */
import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { marked, type Tokens } from 'marked';
import { runEstimate, type EstimateDeps } from './estimate-command.ts';
import { UsageError } from '../cli-io.ts';
import { fakeIo } from '../testing/fake-io.ts';
import { loadBundledSnapshot } from '../load-bundled-snapshot.ts';
import { ESTIMATE_CSV_COLUMNS } from '../../domain/report/estimate-csv.ts';
import { formatUSD, toCents } from '../../domain/money/round-cents.ts';

const ROOT = join(import.meta.dirname, '../../..');
const deps: EstimateDeps = {
  loadSnapshot: (region) => loadBundledSnapshot(region),
  loadLiveSnapshot: async () => {
    throw new Error('no proxy in tests');
  },
};

interface JsonOption {
  id: string;
  label: string;
  monthlyUSD: number | null;
  lines: {
    kind: string;
    category: string;
    component: string;
    monthlyUSD: number;
    quantity: number;
    unitPriceUSD: number;
  }[];
}

async function run(scenario: string, argv: string[]) {
  const { io, out, err } = fakeIo({ 's.json': scenario }, ROOT);
  const code = await runEstimate(['s.json', ...argv], io, deps);
  return { code, out: out.join(''), err: err.join('') };
}

/** A bill with cents to carry: Spot, Savings Plans (negative lines), team time, logs, egress tiers, NAT. */
const BUSY = JSON.stringify({
  version: 2,
  region: 'eu-west-1',
  hoursPerMonth: 731,
  services: [
    { name: 'web', vcpu: 0.75, memoryGiB: 1.7, replicas: 3.3 },
    { name: 'worker', vcpu: 2, memoryGiB: 5, replicas: 7, arch: 'arm64', ephemeralStorageGiB: 41 },
    { name: 'nightly', vcpu: 1, memoryGiB: 3, replicas: 2, schedule: { cron: '15 1 * * *', runMinutes: 47 } },
  ],
  fargate: { spotPercent: 33, savingsPlanDiscountPercent: 17 },
  ec2: { spotPercent: 40, savingsPlanDiscountPercent: 23 },
  extras: {
    loadBalancers: 2,
    lcuPerLoadBalancer: 1.3,
    natGateways: 2,
    natDataGB: 333.3,
    logIngestionGB: 77.7,
    internetEgressGB: 12_345,
    crossAzGB: 99.9,
  },
  operations: { hourlyRateUSD: 87.5 },
});

const scenarios = async (): Promise<[string, string][]> => [
  ['the article example', await readFile(join(ROOT, 'examples/api-service.json'), 'utf8')],
  ['a busy bill', BUSY],
];

describe('cli estimate --format csv', () => {
  it.each([0, 1])('has one record per bill line whose amounts add up to each total (%i)', async (which) => {
    const [, scenario] = (await scenarios())[which]!;
    const json = JSON.parse((await run(scenario, ['--json'])).out) as { options: JsonOption[] };
    const csv = await run(scenario, ['--format', 'csv']);
    expect(csv.code).toBe(0);
    expect(csv.err).toBe('');
    expect(csv.out.endsWith('\r\n')).toBe(true);
    const records: Record<string, string>[] = parse(csv.out, { columns: true, record_delimiter: '\r\n' });
    expect(Object.keys(records[0]!)).toEqual([...ESTIMATE_CSV_COLUMNS]);
    for (const option of json.options) {
      const rows = records.filter((r) => r.option_id === option.id);
      expect(rows).toHaveLength(option.lines.length);
      if (option.monthlyUSD === null) continue;
      // Integer cents: the written amounts add up exactly, not within a tolerance.
      const cents = rows.reduce((sum, r) => sum + Math.round(Number(r.monthly_usd) * 100), 0);
      expect(cents).toBe(toCents(option.monthlyUSD));
      rows.forEach((row, i) => {
        const line = option.lines[i]!;
        expect(row).toMatchObject({
          option_label: option.label,
          kind: line.kind,
          category: line.category,
          component: line.component,
        });
        expect(Number(row.quantity)).toBe(line.quantity);
        expect(Number(row.unit_price_usd)).toBe(line.unitPriceUSD);
        expect(row.monthly_usd).toMatch(/^-?\d+\.\d\d$/);
      });
    }
    expect(records.length).toBe(json.options.reduce((n, o) => n + o.lines.length, 0));
  });

  it('writes the discount lines as negative numbers and team time as its own category', async () => {
    const json = JSON.parse((await run(BUSY, ['--json'])).out) as { options: JsonOption[] };
    const records: Record<string, string>[] = parse((await run(BUSY, ['--format=csv'])).out, { columns: true });
    expect(records.some((r) => r.category === 'discount' && Number(r.monthly_usd) < 0)).toBe(true);
    // EKS on Fargate cannot run the ARM worker: an unavailable option has no records.
    expect(json.options.find((o) => o.id === 'eks-fargate')!.monthlyUSD).toBeNull();
    expect(records.filter((r) => r.kind === 'team-time').map((r) => r.option_id)).toEqual(
      json.options.filter((o) => o.monthlyUSD !== null).map((o) => o.id),
    );
  });
});

describe('cli estimate --format markdown', () => {
  it.each([0, 1])("has a totals table and each option's lines, matching --json (%i)", async (which) => {
    const [, scenario] = (await scenarios())[which]!;
    const json = JSON.parse((await run(scenario, ['--json'])).out) as { options: JsonOption[]; cheapest: string };
    const markdown = await run(scenario, ['--format', 'markdown']);
    expect(markdown.code).toBe(0);
    const tables = marked.lexer(markdown.out, { gfm: true }).filter((t): t is Tokens.Table => t.type === 'table');
    const [totals, ...optionTables] = tables;
    expect(totals!.header.map((h) => h.text)).toEqual(
      ['Option', 'Monthly', 'Versus cheapest', 'At autoscaling max'].slice(0, which === 0 ? 4 : 3),
    );
    expect(totals!.rows.map((r) => r[1]!.text.replace(/\*/g, ''))).toEqual(
      json.options.map((o) => (o.monthlyUSD === null ? 'Unavailable' : formatUSD(o.monthlyUSD))),
    );
    const cheapestRow = totals!.rows.find((r) => r[0]!.text.includes('(cheapest)'))!;
    expect(cheapestRow[0]!.text).toContain(json.options.find((o) => o.id === json.cheapest)!.label);
    const available = json.options.filter((o) => o.monthlyUSD !== null);
    expect(optionTables).toHaveLength(available.length);
    available.forEach((option, i) => {
      const rows = optionTables[i]!.rows;
      const total = rows.at(-1)!;
      expect(total[0]!.text).toBe('**Total**');
      expect(total[5]!.text).toBe(`**${formatUSD(option.monthlyUSD!)}**`);
      const lines = rows.slice(0, -1);
      expect(lines.map((r) => r[1]!.text)).toEqual(option.lines.map((l) => `\`${l.kind}\``));
      const cents = lines.reduce((sum, r) => sum + Math.round(Number(r[5]!.text.replace(/[$,]/g, '')) * 100), 0);
      expect(cents).toBe(toCents(option.monthlyUSD!));
    });
  });
});

describe('cli estimate --format', () => {
  it('keeps --json as the alias of --format json, and the table as the default', async () => {
    const scenario = (await scenarios())[0]![1];
    expect((await run(scenario, ['--json'])).out).toBe((await run(scenario, ['--format', 'json'])).out);
    expect((await run(scenario, [])).out).toBe((await run(scenario, ['--format', 'table'])).out);
  });

  it('refuses an unknown format and --json with another format, naming the flag', async () => {
    const scenario = (await scenarios())[0]![1];
    const { io, out } = fakeIo({ 's.json': scenario }, ROOT);
    await expect(runEstimate(['s.json', '--format', 'pdf'], io, deps)).rejects.toThrow(
      new UsageError('--format: must be one of table, json, csv, markdown, not "pdf"'),
    );
    await expect(runEstimate(['s.json', '--json', '--format', 'csv'], io, deps)).rejects.toThrow(
      /--json is --format json/,
    );
    expect(out).toEqual([]);
  });
});
