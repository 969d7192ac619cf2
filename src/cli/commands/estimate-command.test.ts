import { describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { runEstimate, type EstimateDeps } from './estimate-command.ts';
import { UsageError } from '../cli-io.ts';
import { fakeIo as fakeIoIn } from '../testing/fake-io.ts';
import { loadBundledSnapshot } from '../load-bundled-snapshot.ts';
import { applyJsonPatch, type JsonPatch } from '../../domain/advice/json-patch.ts';

const ROOT = join(import.meta.dirname, '../../..');

const fakeIo = (files: Record<string, string>) => fakeIoIn(files, ROOT);

const deps: EstimateDeps = {
  loadSnapshot: (region) => loadBundledSnapshot(region),
  loadLiveSnapshot: async () => {
    throw new Error('proxy answered 503');
  },
};

const failures = async (files: Record<string, string>, argv: string[]) => {
  const { io, out } = fakeIo(files);
  try {
    await runEstimate(argv, io, deps);
  } catch (error) {
    expect(out).toEqual([]);
    if (error instanceof UsageError) return error.lines;
    throw error;
  }
  throw new Error('expected a usage error');
};

describe('cli estimate', () => {
  it('shows the cost at the autoscaling maximum beside the average', async () => {
    const scenario = await readFile(join(ROOT, 'examples/api-service.json'), 'utf8');
    const json = fakeIo({ 'a.json': scenario });
    expect(await runEstimate(['a.json', '--json'], json.io, deps)).toBe(0);
    const options = JSON.parse(json.out.join('')).options as { monthlyUSD: number; atAutoscalingMaxUSD: number }[];
    // The article's API averages 2 tasks and autoscales up to 20.
    for (const option of options) expect(option.atAutoscalingMaxUSD).toBeGreaterThan(option.monthlyUSD);
    const table = fakeIo({ 'a.json': scenario });
    expect(await runEstimate(['a.json'], table.io, deps)).toBe(0);
    expect(table.out.join('')).toMatch(/^At autoscaling max +\$/m);
  });

  it('says on stderr when it read an older scenario format, and keeps stdout one JSON document', async () => {
    const v1 = JSON.stringify({
      version: 1,
      region: 'us-east-1',
      services: [{ name: 'api', vcpu: 1, memoryGiB: 2, replicas: 2 }],
    });
    const { io, out, err } = fakeIo({ 'old.json': v1 });
    expect(await runEstimate(['old.json', '--json'], io, deps)).toBe(0);
    expect(() => JSON.parse(out.join(''))).not.toThrow();
    expect(err).toEqual([
      'note: old.json is scenario format 1; it was read as format 2 and prices as before (scenario.json files this tool writes use format 2)\n',
    ]);
    const current = fakeIo({ 'new.json': v1.replace('"version":1', '"version":2') });
    expect(await runEstimate(['new.json', '--json'], current.io, deps)).toBe(0);
    expect(current.err).toEqual([]);
  });

  it('shows the hours derived from a schedule, in the table and in JSON', async () => {
    const scenario = JSON.stringify({
      version: 2,
      region: 'us-east-1',
      services: [
        { name: 'nightly', vcpu: 1, memoryGiB: 2, replicas: 1, schedule: { cron: '0 2 * * *', runMinutes: 90 } },
      ],
    });
    const table = fakeIo({ 'a.json': scenario });
    expect(await runEstimate(['a.json'], table.io, deps)).toBe(0);
    expect(table.out.join('')).toContain(
      'Schedule of nightly: 45.63 h a month (derived: cron "0 2 * * *" (UTC), 90 minutes a run: 30.42 runs in an average 730-hour month (counted over the 400-year calendar) x 90 min = 45.63 h)',
    );
    const json = fakeIo({ 'a.json': scenario });
    expect(await runEstimate(['a.json', '--json'], json.io, deps)).toBe(0);
    expect(JSON.parse(json.out.join('')).schedules).toEqual([
      {
        service: 'nightly',
        kind: 'cron',
        hoursPerMonth: (730 / 24) * 1.5,
        derived: expect.stringContaining('45.63 h'),
      },
    ]);
  });

  it('refuses a schedule that disagrees with hoursPerMonth, naming both fields', async () => {
    const scenario = JSON.stringify({
      version: 2,
      region: 'us-east-1',
      services: [
        {
          name: 'nightly',
          vcpu: 1,
          memoryGiB: 2,
          replicas: 1,
          hoursPerMonth: 100,
          schedule: { cron: '0 2 * * *', runMinutes: 90 },
        },
      ],
    });
    const lines = await failures({ 'a.json': scenario }, ['a.json']);
    expect(lines.join('\n')).toContain('services[0].hoursPerMonth: (100) disagrees with services[0].schedule');
  });

  it('prints exactly one JSON object with the six options', async () => {
    const { io, out } = fakeIo({ 'a.json': await readFile(join(ROOT, 'examples/api-service.json'), 'utf8') });
    expect(await runEstimate(['a.json', '--json'], io, deps)).toBe(0);
    const json = JSON.parse(out.join(''));
    expect(json).toMatchObject({
      region: 'us-east-1',
      pricing: { source: 'snapshot', asOf: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) },
      cheapest: 'ecs-fargate',
    });
    expect(json.options.map((o: { id: string }) => o.id)).toEqual([
      'ecs-fargate',
      'ecs-ec2',
      'eks-fargate',
      'eks-ec2',
      'ecs-managed-instances',
      'eks-auto-mode',
    ]);
    for (const option of json.options) {
      expect(typeof option.monthlyUSD).toBe('number');
      expect('nodes' in option).toBe(
        option.id.endsWith('-ec2') || option.id.includes('-managed-') || option.id.endsWith('-auto-mode'),
      );
      for (const line of option.lines)
        expect(Object.keys(line)).toEqual(
          expect.arrayContaining(['component', 'quantity', 'unit', 'unitPriceUSD', 'monthlyUSD']),
        );
    }
    expect(json.options[0].monthlyUSD).toBe(65.61);
  });

  it('prints a readable table with the cheapest marked', async () => {
    const { io, out } = fakeIo({ 'a.json': await readFile(join(ROOT, 'examples/api-service.json'), 'utf8') });
    await runEstimate(['a.json'], io, deps);
    const text = out.join('');
    expect(text).toMatch(/Monthly total\s+\$65\.61 \*/);
    expect(text).toContain('(* cheapest: ECS on Fargate)');
    expect(text).toMatch(/nodes: 2 x \S+ \(/);
    expect(text).toContain('Assumptions:');
  });

  it('writes the billed Fargate size with memory in GiB, as the page does', async () => {
    // 0.5 vCPU / 1.5 GiB: ECS bills 0.5 vCPU / 2 GiB; EKS adds 256 MiB per pod, so also 2 GiB. The
    // pod has room up to 1.75 GiB at that size (docs/pricing-rules.md, Units; docs/advice-rules.md).
    const scenario = {
      version: 2,
      region: 'us-east-1',
      services: [{ name: 'api', vcpu: 0.5, memoryGiB: 1.5, replicas: 2 }],
    };
    const { io, out } = fakeIo({ 's.json': JSON.stringify(scenario) });
    expect(await runEstimate(['s.json'], io, deps)).toBe(0);
    const text = out.join('');
    const billed = text.split('\n').filter((line) => line.includes('billed as'));
    expect(billed).toEqual([
      '  api: requests 0.5 vCPU / 1.5 GiB, billed as 0.5 vCPU / 2 GiB',
      '  api: requests 0.5 vCPU / 1.5 GiB, billed as 0.5 vCPU / 2 GiB',
    ]);
    expect(text).toContain('(billed 0.5 vCPU / 2 GiB)');
    expect(text).not.toMatch(/vCPU \/ [\d.]+ GB\b/);
  });

  it('shows per node what the system takes beside what the services use', async () => {
    const scenario = {
      version: 2,
      region: 'us-east-1',
      services: [{ name: 'api', vcpu: 0.5, memoryGiB: 1, replicas: 2 }],
      ec2: { instanceTypes: ['m5.large'], daemonsPerNode: [{ name: 'log-agent', vcpu: 0.25, memoryGiB: 0.5 }] },
    };
    const { io, out } = fakeIo({ 's.json': JSON.stringify(scenario) });
    await runEstimate(['s.json'], io, deps);
    const text = out.join('');
    // m5.large on EKS: 7633 MiB MemTotal, kube-reserved 70m / 574 MiB, 100 MiB eviction, 150m of
    // DaemonSets and the 250m / 512 MiB daemon: 1530m, 6447 MiB and 26 pods left.
    expect(text).toContain('per node: 2,000m, 8,192 MiB (MemTotal 7,633 MiB), 29 pods');
    expect(text).toContain('- kube-reserved (11 MiB x 29 ENI-limited pods + 255 MiB; CPU by bands): 70m, 574 MiB');
    expect(text).toContain('- daemon "log-agent": 250m, 512 MiB, 1 pod');
    expect(text).toContain('= left for services: 1,530m, 6,447 MiB, 26 pods');
    // ECS: 7633 - 256 - 512 MiB, 2 awsvpc slots - 1 for the daemon.
    expect(text).toContain('- ECS_RESERVED_MEMORY: 256 MiB');
    expect(text).toContain('= left for services: 1,750m, 6,865 MiB, 1 task');
    expect(text).toMatch(/node(s)? with 1 x api: services use 500m, 1,024 MiB, 1 task per node/);
  });

  it('shows an unavailable option with its reason', async () => {
    const scenario = {
      version: 2,
      region: 'us-east-1',
      services: [{ name: 'arm', vcpu: 1, memoryGiB: 2, replicas: 1, arch: 'arm64' }],
    };
    const { io, out } = fakeIo({ 's.json': JSON.stringify(scenario) });
    await runEstimate(['s.json', '--json'], io, deps);
    const eks = JSON.parse(out.join('')).options.find((o: { id: string }) => o.id === 'eks-fargate');
    expect(eks).toMatchObject({ available: false, monthlyUSD: null, reason: expect.stringContaining('arm64') });
  });

  it.each([
    [{ 'x.json': 'not json' }, ['x.json'], [expect.stringMatching(/^x\.json: not valid JSON/)]],
    [{}, ['missing.json'], ['cannot read missing.json: ENOENT']],
    [{}, [], ['missing scenario: give a file path, or - for standard input']],
    [{ 'x.json': '{}' }, ['x.json', '--jsn'], ['unknown option --jsn']],
    [
      {
        'x.json': JSON.stringify({
          version: 2,
          region: 'us-east-1',
          services: [{ name: 'api', vcpu: 0.5, memoryGiB: 0, replicas: -2 }],
        }),
      },
      ['x.json', '--json'],
      ['services[0].memoryGiB: must be greater than 0', 'services[0].replicas: must be at least 0'],
    ],
    [
      {
        'x.json': JSON.stringify({
          version: 2,
          region: 'us-east-1',
          services: [{ name: 'api', vcpu: 1, memoryGiB: 1, replicas: 1 }],
          ec2: { instanceTypes: ['m9z.mega'] },
        }),
      },
      ['x.json'],
      ['ec2.instanceTypes[0]: unknown instance type "m9z.mega" in us-east-1 (not in the price data)'],
    ],
    [
      {
        'x.json': JSON.stringify({
          version: 2,
          region: 'us-east-1',
          services: [{ name: 'api', vcpu: 1, memoryGiB: 1, replicas: 1 }],
        }),
      },
      ['x.json', '--live', 'http://127.0.0.1:9'],
      ['--live http://127.0.0.1:9: proxy answered 503'],
    ],
  ])('refuses bad input with one line per problem (%#)', async (files, argv, lines) => {
    expect(await failures(files as Record<string, string>, argv as string[])).toEqual(lines);
  });

  describe('advice', () => {
    // 10 tasks of 0.25 vCPU / 0.5 GiB on m5.large, written without an ec2.eniTrunking field.
    const scenario = {
      version: 2,
      region: 'us-east-1',
      services: [{ name: 'web', vcpu: 0.25, memoryGiB: 0.5, replicas: 10 }],
      ec2: { instanceTypes: ['m5.large'], minNodes: 0 },
      eks: { clusters: 2, support: 'extended' },
    };
    type Entry = { optionId: string; lever: string; monthlyUSD: number; savingUSD: number; scenarioPatch: object[] };
    const jsonOf = async (document: object) => {
      const { io, out } = fakeIo({ 'a.json': JSON.stringify(document) });
      expect(await runEstimate(['a.json', '--json'], io, deps)).toBe(0);
      return JSON.parse(out.join('')) as {
        options: { id: string; monthlyUSD: number }[];
        advice: Entry[];
        cheapestWith: object[];
        fargateRoom: object[];
      };
    };

    it('lists the levers in --json with their patches; applying a patch to the file gives exactly monthlyUSD', async () => {
      const json = await jsonOf(scenario);
      const trunking = json.advice.find((e) => e.optionId === 'ecs-ec2' && e.lever === 'eni-trunking')!;
      // 5 x m5.large (362.40) to 2 (144.96): docs/advice-rules.md, hand-computed in the domain tests.
      expect(trunking).toEqual({
        optionId: 'ecs-ec2',
        lever: 'eni-trunking',
        change: 'Turn on ENI trunking (ec2.eniTrunking), so each instance holds more awsvpc tasks.',
        scenarioPatch: [{ op: 'add', path: '/ec2/eniTrunking', value: true }],
        monthlyUSD: 144.96,
        savingUSD: 217.44,
        caveat: expect.stringContaining('awsvpcTrunking'),
      });
      const savings = json.advice.map((e) => e.savingUSD);
      expect(savings).toEqual([...savings].sort((a, b) => b - a));
      expect(json.advice.length).toBeGreaterThan(5);
      for (const entry of json.advice) {
        const patched = applyJsonPatch(scenario, entry.scenarioPatch as JsonPatch);
        if (!patched.ok) throw new Error(patched.problem);
        const again = await jsonOf(patched.document as object);
        expect(again.options.find((o) => o.id === entry.optionId)!.monthlyUSD).toBe(entry.monthlyUSD);
      }
    });

    it('lists the top five in the table, with their caveats and what changes the cheapest option', async () => {
      const { io, out } = fakeIo({ 'a.json': JSON.stringify(scenario) });
      expect(await runEstimate(['a.json'], io, deps)).toBe(0);
      const text = out.join('');
      const json = await jsonOf(scenario);
      const numbered = text.split('\n').filter((line) => /^  \d+\. /.test(line));
      expect(numbered).toHaveLength(5);
      expect(numbered[0]).toMatch(/^  1\. EKS on (Fargate|EC2): saves \$/);
      expect(text).toContain(`and ${json.advice.length - 5} more (--json lists them all, each with its JSON Patch)`);
      expect(text).toContain('Needs the clusters upgraded to a Kubernetes version that is still in standard support.');
    });
  });
});
