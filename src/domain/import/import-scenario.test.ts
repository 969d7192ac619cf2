import { describe, expect, it } from 'vitest';
import { strToU8, zipSync } from 'fflate';
import { importScenario } from './import-scenario.ts';
import { fixture, noteLines } from './testing/read-fixture.ts';
import { MAX_FILE_BYTES, MAX_NESTING_DEPTH, MAX_YAML_ALIASES } from './import-limits.ts';
import { uniqueServiceName } from './service-names.ts';
import { SCENARIO_FORMAT_VERSION } from '../scenario/scenario-schema.ts';

const problemsOf = async (sources: Parameters<typeof importScenario>[0]) => {
  const result = await importScenario(sources);
  if (result.ok) throw new Error('expected the import to be refused');
  return result.problems;
};

describe('importScenario', () => {
  it('detects each format by content, whatever the file is called, into one scenario of the current version', async () => {
    const result = await importScenario([
      { path: 'a', text: fixture('compose.yaml').text },
      { path: 'b', text: fixture('orders-task-definition.json').text },
      { path: 'c', text: fixture('kubectl-get-all.yaml').text },
    ]);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.scenario.version).toBe(SCENARIO_FORMAT_VERSION);
    expect(result.scenario.services.map((s) => s.name)).toEqual([
      'checkout',
      'orders',
      'frontend',
      'search',
      'legacy-api',
      'trainer',
      'cache',
    ]);
  });

  it('makes names unique across formats, with a note', async () => {
    const result = await importScenario([
      { path: 'compose.yml', text: 'services:\n  orders:\n    image: a\n' },
      fixture('orders-task-definition.json'),
    ]);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.scenario.services.map((s) => s.name)).toEqual(['orders', 'orders-2']);
    expect(noteLines(result.notes)).toContain(
      'compose.yml: services.orders: named orders-2: orders is taken by another service',
    );
  });

  it('reads a zip of files, and notes what it does not read', async () => {
    const zip = zipSync({
      'k8s/checkout.yaml': strToU8(fixture('kubectl-get-all.yaml').text),
      'README.md': strToU8('# hello'),
      'scenario.json': strToU8(JSON.stringify({ version: 1, region: 'us-east-1', services: [] })),
    });
    const result = await importScenario([{ path: 'bundle.zip', bytes: zip }]);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.scenario.services.map((s) => s.name)).toEqual(['checkout']);
    const notes = noteLines(result.notes);
    expect(notes).toContain('bundle.zip/README.md: not YAML, JSON or Terraform: not read');
    expect(notes.join('\n')).toMatch(/bundle.zip\/scenario.json: is this tool's scenario file: not read/);
  });

  it('says why nothing could be imported', async () => {
    expect(await problemsOf([{ path: 'x.yaml', text: 'hello: world\n' }])).toEqual([
      'no services found in x.yaml: expected Kubernetes workloads, ECS task definitions or a Compose file',
    ]);
    expect(await problemsOf([{ path: 'x.json', text: '{"a": ' }])).toEqual([
      expect.stringMatching(/^x.json: not valid JSON/),
    ]);
    expect(await problemsOf([{ path: 'x.yaml', text: 'a: [1, 2\nb: c' }])).toEqual([
      expect.stringMatching(/^x.yaml: not valid YAML at line \d/),
    ]);
    expect(await problemsOf([{ path: 'x.zip', bytes: new Uint8Array([1, 2, 3]) }])).toEqual([
      expect.stringMatching(/^x.zip: not a readable zip archive/),
    ]);
  });

  it('refuses an unknown --region', async () => {
    const result = await importScenario([fixture('kubectl-get-all.yaml')], { region: 'mars-north-1' });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual(['--region: mars-north-1 is not a region with a price snapshot']);
  });
});

describe('hostile input is refused quickly with a clear message', () => {
  it('a YAML alias bomb', async () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const name = String.fromCharCode(97 + i);
      levels.push(`${name}: &${name} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    const problems = await problemsOf([{ path: 'bomb.yaml', text: levels.join('\n') }]);
    const many = `a: &a x\nb: [${Array(MAX_YAML_ALIASES + 1)
      .fill('*a')
      .join(', ')}]\n`;
    expect(await problemsOf([{ path: 'many.yaml', text: many }])).toEqual([
      expect.stringMatching(/^many.yaml: uses more than 100 YAML aliases/),
    ]);
    expect(problems).toEqual([
      `bomb.yaml: uses more than ${MAX_YAML_ALIASES} YAML aliases (*name); refused, as alias chains can expand a small file into gigabytes`,
    ]);
  });

  it('deep nesting, in YAML and in JSON', async () => {
    const depth = 100_000;
    expect(await problemsOf([{ path: 'deep.json', text: '['.repeat(depth) + ']'.repeat(depth) }])).toEqual([
      `deep.json: nests maps and lists more than ${MAX_NESTING_DEPTH} levels deep; that is not a manifest, task definition or Compose file`,
    ]);
    const yaml = `apiVersion: v1\nkind: Pod\nspec: ${'['.repeat(200)}${']'.repeat(200)}\n`;
    expect(await problemsOf([{ path: 'deep.yaml', text: yaml }])).toEqual([
      expect.stringMatching(/^deep.yaml: nests maps and lists more than/),
    ]);
    // Deep enough to overflow the YAML parser itself: the same message, not its stack error.
    const overflowing = `a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    expect(await problemsOf([{ path: 'flow.yaml', text: overflowing }])).toEqual([
      `flow.yaml: nests maps and lists more than ${MAX_NESTING_DEPTH} levels deep; that is not a manifest, task definition or Compose file`,
    ]);
  });

  it('a huge file and a zip member that inflates past the limit', async () => {
    const huge = `# ${'x'.repeat(MAX_FILE_BYTES)}\n`;
    expect(await problemsOf([{ path: 'huge.yaml', text: huge }])).toEqual([
      expect.stringMatching(/^huge.yaml: is 4.0 MiB; files larger than 4 MiB are not imported$/),
    ]);
    const bomb = zipSync({ 'big.yaml': new Uint8Array(MAX_FILE_BYTES + 1) }, { level: 9 });
    expect(bomb.length).toBeLessThan(64 * 1024);
    expect(await problemsOf([{ path: 'bomb.zip', bytes: bomb }])).toEqual([
      expect.stringMatching(/^bomb.zip: big.yaml inflates to 4.0 MiB; members larger than 4 MiB are not imported$/),
    ]);
  });
});

describe('uniqueServiceName', () => {
  it.each([
    ['web', 'web'],
    ['Web_App', 'web-app'],
    ['2fast', 'svc-2fast'],
    ['---', 'service'],
    ['café-api', 'cafe-api'],
    ['a'.repeat(60), 'a'.repeat(40)],
  ])('%j becomes %j', (raw, name) => {
    expect(uniqueServiceName(raw, new Set())).toBe(name);
  });

  it('never returns a taken name and always a valid one', () => {
    const taken = new Set<string>();
    const names = Array.from({ length: 30 }, () => uniqueServiceName('x'.repeat(45), taken));
    expect(new Set(names).size).toBe(30);
    for (const name of names) expect(name).toMatch(/^[a-z](?:[a-z0-9-]{0,38}[a-z0-9])?$/);
  });
});
