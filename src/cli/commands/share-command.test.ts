import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runShare, parseBaseUrl } from './share-command.ts';
import { UsageError } from '../cli-io.ts';
import { fakeIo as fakeIoIn } from '../testing/fake-io.ts';
import { decodeShareState, DEFAULT_APP_URL } from '../../domain/share/share-codec.ts';
import { validateScenario } from '../../domain/scenario/validate-scenario.ts';
import { DEFAULT_ANSWERS } from '../../domain/recommend/decision-answers.ts';
import { PRESETS } from '../../domain/presets/presets.ts';

const ROOT = join(import.meta.dirname, '../../..');

const fakeIo = (files: Record<string, string>) => fakeIoIn(files, ROOT);

async function usageLines(files: Record<string, string>, argv: string[]): Promise<string[]> {
  const { io, out } = fakeIo(files);
  try {
    await runShare(argv, io);
  } catch (error) {
    expect(out).toEqual([]);
    if (error instanceof UsageError) return error.lines;
    throw error;
  }
  throw new Error('expected a usage error');
}

describe('cli share', () => {
  it('prints one URL on the local app address that decodes to exactly the scenario', async () => {
    const text = await readFile(join(ROOT, 'examples/api-service.json'), 'utf8');
    const { io, out } = fakeIo({ 'a.json': text });
    expect(await runShare(['a.json'], io)).toBe(0);
    expect(out).toHaveLength(1);
    const url = new URL(out[0]!.trimEnd());
    expect(`${url.origin}/`).toBe(DEFAULT_APP_URL);
    const decoded = decodeShareState(url.hash);
    const expected = validateScenario(JSON.parse(text));
    if (!decoded.ok || !expected.ok) throw new Error('decode failed');
    // "$schema" only points editors at the JSON Schema; it is not part of the scenario a link carries.
    const { $schema: _schema, ...scenario } = expected.scenario as typeof expected.scenario & { $schema?: string };
    expect(decoded.state.scenario).toEqual(scenario);
    expect(decoded.state.answers).toEqual(DEFAULT_ANSWERS);
  });

  it.each(PRESETS.map((p) => [p.id, p.scenario] as const))('round-trips the %s preset', async (_id, scenario) => {
    const { io, out } = fakeIo({ 's.json': JSON.stringify(scenario) });
    await runShare(['s.json', '--base', 'https://calc.example.com/tools/?x=1#old'], io);
    const url = new URL(out[0]!.trimEnd());
    expect(url.href.startsWith('https://calc.example.com/tools/?x=1#s=2.')).toBe(true);
    const decoded = decodeShareState(url.hash);
    const expected = validateScenario(scenario);
    expect(decoded.ok && expected.ok && decoded.state.scenario).toEqual(expected.ok ? expected.scenario : null);
  });

  it('refuses a bad base, a bad scenario, two files and an unknown option, naming the problem', async () => {
    const ok = JSON.stringify(PRESETS[0]!.scenario);
    expect(await usageLines({ 'a.json': ok }, ['a.json', '--base', 'ftp://x'])).toEqual([
      '--base ftp://x: must be an http:// or https:// address',
    ]);
    expect((await usageLines({ 'a.json': ok }, ['a.json', '--base', 'nope']))[0]).toMatch(/not a URL/);
    expect(
      await usageLines(
        {
          'a.json': '{"version":1,"region":"us-east-1","services":[{"name":"a","vcpu":0,"memoryGiB":1,"replicas":1}]}',
        },
        ['a.json'],
      ),
    ).toEqual(['services[0].vcpu: must be greater than 0']);
    expect((await usageLines({}, ['a.json', 'b.json']))[0]).toMatch(/expected one scenario/);
    expect(await usageLines({}, ['--nope'])).toEqual(['unknown option --nope']);
    expect(await usageLines({}, ['missing.json'])).toEqual(['cannot read missing.json: ENOENT']);
  });

  it('refuses instance types the region does not sell, as estimate does', async () => {
    const scenario = { ...PRESETS[0]!.scenario, ec2: { instanceTypes: ['zz9.huge'] } };
    expect((await usageLines({ 'a.json': JSON.stringify(scenario) }, ['a.json']))[0]).toMatch(
      /unknown instance type "zz9.huge"/,
    );
  });

  it('keeps query strings and drops fragments of the base', () => {
    expect(parseBaseUrl('http://127.0.0.1:4173/#s=2.abc')).toBe('http://127.0.0.1:4173/');
    expect(parseBaseUrl('https://example.com/calc?x=1')).toBe('https://example.com/calc?x=1');
  });
});

describe('cli share with a scenario too large for a link', () => {
  it('exits 2 and says to share the file instead', async () => {
    let seed = 11;
    const noise = () =>
      Array.from({ length: 32_000 }, () => {
        seed ^= seed << 13;
        seed ^= seed >>> 17;
        seed ^= seed << 5;
        seed >>>= 0;
        return String.fromCharCode(33 + (seed % 90));
      }).join('');
    const huge = {
      version: 2,
      region: 'us-east-1',
      services: ['a', 'b', 'c', 'd'].map((name) => ({
        name,
        vcpu: 1,
        memoryGiB: 2,
        replicas: 1,
        environment: { BLOB: noise() },
      })),
    };
    expect(await usageLines({ 'huge.json': JSON.stringify(huge) }, ['huge.json'])).toEqual([
      'the scenario is too large for a share link (over 65536 characters): share the scenario file instead',
    ]);
  });
});
