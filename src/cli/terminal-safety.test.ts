/**
 * Hostile text never reaches the terminal raw: whatever a scenario file, an argument or a pricing
 * proxy holds, every command prints only escaped control characters, one problem per line, and
 * long values cut with a marker.
 */
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from './main.ts';
import { fakeIo } from './testing/fake-io.ts';
import { ARTICLE_SCENARIO } from '../domain/export/testing/export-fixtures.ts';
import { buildTestProxy, type TestProxy } from '../proxy/fixtures/test-proxy.ts';

/** What a terminal would act on: C0 controls but the line feed, DEL, C1, line/paragraph separators, bidi controls. */
const TERMINAL_UNSAFE =
  // oxlint-disable-next-line no-control-regex -- matching control characters is the point
  /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const ESC = '\u001b';
const FORGED = `${ESC}[2J${ESC}]0;pwned\u0007\nservices[0].vcpu: forged problem\r\u009b31m\u202e`;

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'terminal-safety-'));
});
afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

async function run(argv: string[], files: Record<string, string> = {}) {
  const { io, out, err } = fakeIo(files, work);
  const status = await runCli(argv, io);
  const stdout = out.join('');
  const stderr = err.join('');
  for (const text of [stdout, stderr]) expect(text).not.toMatch(TERMINAL_UNSAFE);
  return { status, stdout, stderr, errLines: stderr.split('\n').filter(Boolean) };
}

const scenario = (patch: Record<string, unknown> = {}) =>
  JSON.stringify({
    version: 2,
    region: 'us-east-1',
    services: [{ name: 'api', vcpu: 1, memoryGiB: 2, replicas: 1 }],
    ...patch,
  });

describe('the CLI prints only terminal-safe text', () => {
  it('escapes an unknown field name with escape sequences and a newline: one problem, one line', async () => {
    const { status, errLines } = await run(['estimate', 'a.json'], { 'a.json': scenario({ [FORGED]: 1 }) });
    expect(status).toBe(2);
    expect(errLines).toHaveLength(1);
    expect(errLines[0]).toMatch(/^unknown field ".*\\u001b\[2J.*\\n.*"$/);
  });

  it('escapes variable names that name the field of a problem', async () => {
    const input = JSON.stringify({
      version: 2,
      region: 'us-east-1',
      services: [{ name: 'api', vcpu: 1, memoryGiB: 2, replicas: 1, environment: { [FORGED]: 'x' } }],
    });
    const { errLines } = await run(['estimate', 'a.json'], { 'a.json': input });
    expect(errLines).toHaveLength(1);
    expect(errLines[0]).toMatch(
      /^services\[0\]\.environment\[".*\\u001b.*"\]: must be a valid environment variable name$/,
    );
  });

  it('cuts a huge field name with a marker instead of echoing it whole', async () => {
    const { errLines } = await run(['estimate', 'a.json'], { 'a.json': scenario({ ['x'.repeat(100_000)]: 1 }) });
    expect(errLines).toHaveLength(1);
    expect(errLines[0]!.length).toBeLessThan(300);
    expect(errLines[0]).toMatch(/x… \(99,9\d\d more characters\)"$/);
  });

  it('escapes and cuts what it quotes from a file that is not JSON', async () => {
    const { status, errLines } = await run(['estimate', 'a.json'], { 'a.json': `${FORGED}${'y'.repeat(50_000)}` });
    expect(status).toBe(2);
    expect(errLines).toHaveLength(1);
    expect(errLines[0]).toMatch(/^a\.json: not valid JSON/);
    expect(errLines[0]!.length).toBeLessThan(400);
  });

  it('escapes arguments it echoes: file names, options, commands, --base, --option', async () => {
    const cases: string[][] = [
      ['estimate', FORGED],
      ['estimate', 'a.json', FORGED],
      ['estimate', 'a.json', `--${FORGED}`],
      [FORGED],
      ['share', 'a.json', '--base', FORGED],
      ['export', 'a.json', '--option', FORGED, '--out', 'x'],
      ['estimate', 'a.json', '--live', FORGED],
    ];
    for (const argv of cases) {
      const { status, errLines } = await run(argv, { 'a.json': scenario() });
      expect(status).toBe(2);
      expect(errLines.filter((line) => line.includes('forged problem'))).toHaveLength(1);
    }
  });

  it('escapes the output path it reports after an export', async () => {
    const { status, stdout } = await run(['export', 'a.json', '--option', 'ecs-fargate', '--out', `out${ESC}[2J\nx`], {
      'a.json': JSON.stringify(ARTICLE_SCENARIO),
    });
    expect(status).toBe(0);
    expect(stdout.trim().split('\n')).toHaveLength(1);
    expect(stdout).toContain('out\\u001b[2J\\nx');
  });
});

describe('text from a pricing proxy', () => {
  let proxy: TestProxy;
  let server: Server;
  let url: string;

  beforeAll(async () => {
    proxy = buildTestProxy();
    server = createServer((req, res) => {
      if (req.url?.includes('eu-west-1')) {
        res.writeHead(503, { 'Content-Type': 'application/json' });
        res.end(JSON.stringify({ error: `${FORGED}${'z'.repeat(10_000)}` }));
        return;
      }
      // The proxy's real snapshot answer, with hostile text in the fields the CLI prints.
      Promise.resolve(proxy.app.request('/api/pricing/us-east-1')).then(async (answer) => {
        const snapshot = (await answer.json()) as Record<string, unknown>;
        snapshot.source = 'snapshot';
        snapshot.reason = `AWS could not be asked${FORGED}`;
        res.writeHead(200, { 'Content-Type': 'application/json' }).end(JSON.stringify(snapshot));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    proxy.pricingMock.restore();
  });

  it("escapes and cuts the proxy's error message", async () => {
    const { status, errLines } = await run(['estimate', 'a.json', '--live', url], {
      'a.json': scenario({ region: 'eu-west-1' }),
    });
    expect(status).toBe(2);
    expect(errLines).toHaveLength(1);
    expect(errLines[0]).toMatch(/answered HTTP 503 for eu-west-1: .*\\u001b/);
    expect(errLines[0]!.length).toBeLessThan(400);
  });

  it("keeps the proxy's reason on its line in the table and escapes it in JSON", async () => {
    const table = await run(['estimate', 'a.json', '--live', url], { 'a.json': scenario() });
    expect(table.status).toBe(0);
    const reasonLines = table.stdout.split('\n').filter((line) => line.includes('AWS could not be asked'));
    expect(reasonLines).toHaveLength(1);
    expect(table.stdout).not.toContain('forged problem\n');
    const json = await run(['estimate', 'a.json', '--json', '--live', url], { 'a.json': scenario() });
    expect(json.status).toBe(0);
    expect(JSON.parse(json.stdout).pricing.reason).toBe(`AWS could not be asked${FORGED}`);
  });
});

describe('variable names a plain object cannot hold', () => {
  it('refuses "__proto__" in every command instead of dropping it from the export', async () => {
    const input = `{"version":1,"region":"us-east-1","services":[{"name":"api","vcpu":1,"memoryGiB":2,"replicas":1,"environment":{"__proto__":"x","KEEP":"y"}}]}`;
    for (const argv of [
      ['estimate', 'a.json'],
      ['share', 'a.json'],
      ['export', 'a.json', '--option', 'eks-ec2', '--out', 'bundle'],
    ]) {
      const { status, errLines, stdout } = await run(argv, { 'a.json': input });
      expect(status).toBe(2);
      expect(stdout).toBe('');
      expect(errLines).toEqual([
        'services[0].environment.__proto__: "__proto__" cannot be used as a variable name here (JavaScript objects cannot hold it, so it would be lost); rename the variable',
      ]);
    }
  });
});
