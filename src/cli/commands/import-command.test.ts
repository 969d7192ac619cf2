import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strToU8, zipSync } from 'fflate';
import { runCli } from '../main.ts';
import { fakeIo } from '../testing/fake-io.ts';
import { fixturePath } from '../../domain/import/testing/read-fixture.ts';
import { validateScenario } from '../../domain/scenario/validate-scenario.ts';

let work: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'import-command-'));
});
afterEach(() => {
  rmSync(work, { recursive: true, force: true });
});

async function run(argv: string[], stdin?: string) {
  const { io, out, err } = fakeIo(stdin === undefined ? {} : { '-': stdin }, work);
  const code = await runCli(['import', ...argv], io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

describe('cli import', () => {
  it('prints exactly one valid scenario on stdout and one note per line on stderr', async () => {
    const { code, stdout, stderr } = await run([fixturePath('compose.yaml'), '--region', 'eu-central-1']);
    expect(code).toBe(0);
    const scenario = JSON.parse(stdout);
    expect(validateScenario(scenario).ok).toBe(true);
    expect(scenario.region).toBe('eu-central-1');
    expect(scenario.services).toHaveLength(5);
    const lines = stderr.trimEnd().split('\n');
    expect(lines.length).toBeGreaterThan(5);
    for (const line of lines) expect(line).toMatch(/^\S.*: /);
    expect(lines).toContain(
      `${fixturePath('compose.yaml')}: services.cache: no CPU reservation or limit: 0.25 vCPU assumed (the smallest Fargate size)`,
    );
  });

  it('reads standard input', async () => {
    const { code, stdout, stderr } = await run(['-'], readFileSync(fixturePath('kubectl-get-all.yaml'), 'utf8'));
    expect(code).toBe(0);
    expect(JSON.parse(stdout).services[0].name).toBe('checkout');
    expect(stderr).toMatch(/^standard input: ReplicaSet\/checkout-7d9f8b6c5d: left out/m);
  });

  it('reads every file under a folder, and a zip, relative paths in the notes', async () => {
    mkdirSync(join(work, 'deploy', 'ecs'), { recursive: true });
    writeFileSync(join(work, 'deploy', 'ecs', 'orders.json'), readFileSync(fixturePath('orders-task-definition.json')));
    writeFileSync(join(work, 'deploy', 'ecs', 'services.json'), readFileSync(fixturePath('orders-services.json')));
    writeFileSync(join(work, 'deploy', 'notes.txt'), 'see the wiki\n');
    const folder = await run([join(work, 'deploy')]);
    expect(folder.code).toBe(0);
    expect(JSON.parse(folder.stdout).services[0]).toMatchObject({ name: 'orders', replicas: 4 });
    expect(folder.stderr).toMatch(/^ecs\/orders.json: task definition orders: /m);
    expect(folder.stderr).toMatch(/^notes.txt: .*not read/m);

    writeFileSync(
      join(work, 'k.zip'),
      zipSync({ 'k/app.yaml': strToU8(readFileSync(fixturePath('kubectl-get-all.yaml'), 'utf8')) }),
    );
    const zip = await run([join(work, 'k.zip')]);
    expect(zip.code).toBe(0);
    expect(JSON.parse(zip.stdout).services[0].name).toBe('checkout');
  });

  it.each(['ecs-fargate', 'eks-ec2'])(
    'imports a %s export bundle folder (Terraform through the HCL parser) back to its services',
    async (option) => {
      const scenarioText = readFileSync(join(import.meta.dirname, '../../../examples/api-service.json'), 'utf8');
      const exported = fakeIo({ 'scenario.json': scenarioText }, work);
      expect(await runCli(['export', 'scenario.json', '--option', option, '--out', 'bundle'], exported.io)).toBe(0);
      rmSync(join(work, 'bundle', 'scenario.json'));
      const { code, stdout } = await run([join(work, 'bundle')]);
      expect(code).toBe(0);
      const original = JSON.parse(scenarioText);
      const [service] = JSON.parse(stdout).services;
      expect(service).toMatchObject({ ...original.services[0], public: true });
      expect(JSON.parse(stdout).extras.loadBalancers).toBe(1);
    },
    60_000,
  );

  it('exits 2 with one line per problem and nothing on stdout', async () => {
    writeFileSync(
      join(work, 'bad.yaml'),
      'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: x}\nspec: {template: {spec: {containers: [{name: c, resources: {requests: {cpu: fast}}}]}}}\n',
    );
    const bad = await run([join(work, 'bad.yaml')]);
    expect(bad).toMatchObject({ code: 2, stdout: '' });
    expect(bad.stderr).toBe(
      `${join(work, 'bad.yaml')}: Deployment/x: container c resources cpu: "fast" is not a Kubernetes quantity (such as "500m", "1.5", "256Mi", "1G", "1e3")\n`,
    );
    expect(await run([join(work, 'missing.yaml')])).toEqual({
      code: 2,
      stdout: '',
      stderr: `cannot read ${join(work, 'missing.yaml')}: ENOENT\n`,
    });
    expect(await run([])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: 'missing input: give a file, a folder, a .zip, or - for standard input\n',
    });
    expect(await run([fixturePath('compose.yaml'), '--region', 'nowhere'])).toMatchObject({
      code: 2,
      stdout: '',
      stderr: '--region: nowhere is not a region with a price snapshot\n',
    });
  });

  it('keeps control characters from the input off the terminal', async () => {
    writeFileSync(join(work, 'c.yaml'), 'services:\n  "web\\u001b[31m":\n    image: nginx\n');
    const { code, stderr } = await run([join(work, 'c.yaml')]);
    expect(code).toBe(0);
    expect(stderr).not.toContain('\u001b');
    expect(stderr).toContain('services.web?[31m: named web-31m');
  });
});
