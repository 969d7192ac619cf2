/**
 * The installable package (cli-package/, built by build-cli.ts): packed with `npm pack`, installed
 * offline into an empty folder (it has no dependencies, so nothing is fetched), and run as an
 * installed command. Its output must be the in-repository CLI's. Packed once for the file.
 *
 * .ci/run also runs this file under Node 22 (the spawned commands use the Node running the test).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, spawn } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { promisify } from 'node:util';
import { runCli } from '../src/cli/main.ts';
import { fakeIo } from '../src/cli/testing/fake-io.ts';

const run = promisify(execFile);
const root = resolve(import.meta.dirname, '..');
const temp = mkdtempSync(join(tmpdir(), 'cli-package-'));
const app = join(temp, 'app');
const scenarioText = readFileSync(join(root, 'examples/api-service.json'), 'utf8');
let bin = '';

beforeAll(async () => {
  // npm pack runs the package's prepack, which builds it (npm run build:cli).
  const { stdout } = await run('npm', ['pack', './cli-package', '--pack-destination', temp, '--silent'], {
    cwd: root,
    maxBuffer: 16 * 1024 * 1024,
  });
  const tarball = join(temp, stdout.trim().split('\n').pop()!);
  mkdirSync(app);
  writeFileSync(join(app, 'package.json'), '{ "private": true }\n');
  await run('npm', ['install', tarball, '--offline', '--no-audit', '--no-fund', '--ignore-scripts'], { cwd: app });
  writeFileSync(join(app, 'scenario.json'), scenarioText);
  bin = join(app, 'node_modules/.bin/ecs-eks-cost');
}, 180_000);
afterAll(() => rmSync(temp, { recursive: true, force: true }));

/** The installed command, on the Node running this test. */
async function installed(args: string[], input?: string) {
  return new Promise<{ code: number | null; stdout: string; stderr: string }>((done, fail) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: app });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code, stdout, stderr }));
    child.stdin.end(input ?? '');
  });
}

/** The same command in this repository (src/cli/main.ts), in process. */
async function inRepo(args: string[]) {
  const { io, out, err } = fakeIo({ 'scenario.json': scenarioText, '-': scenarioText }, app);
  const code = await runCli(args, io);
  return { code, stdout: out.join(''), stderr: err.join('') };
}

/** A port nothing listens on, for a proxy under test. */
function freePort(): Promise<number> {
  return new Promise<number>((done) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => done(port));
    });
  });
}

/** Starts `node args` as a proxy on 127.0.0.1:port, waits for /healthz to answer 200, runs `check`, then stops it. */
async function withProxy(
  args: string[],
  options: { cwd: string; env: NodeJS.ProcessEnv },
  port: number,
  check: (base: string) => Promise<void>,
): Promise<void> {
  const proxy = spawn(process.execPath, args, options);
  let stderr = '';
  proxy.stderr.on('data', (d: Buffer) => (stderr += d));
  const base = `http://127.0.0.1:${port}`;
  try {
    let health: Response | null = null;
    for (let i = 0; i < 100 && !health; i++) {
      health = await fetch(`${base}/healthz`).catch(() => null);
      if (!health) await new Promise((r) => setTimeout(r, 100));
    }
    expect(health?.status, stderr).toBe(200);
    await check(base);
  } finally {
    proxy.kill('SIGTERM');
  }
}

// Each test starts Node processes: on the shared two-core machine under load they take seconds each.
const SLOW = { timeout: 120_000 };

describe('the packed command line', () => {
  it('installs with no dependencies: the package alone, its code and the bundled prices', () => {
    expect(readdirSync(join(app, 'node_modules')).filter((n) => !n.startsWith('.'))).toEqual(['ecs-eks-cost']);
    const pkg = join(app, 'node_modules/ecs-eks-cost');
    const manifest = JSON.parse(readFileSync(join(pkg, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.dependencies).toBeUndefined();
    const repo = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.engines).toEqual(repo.engines);
    expect(manifest.version).toBe(repo.version);
    expect(readdirSync(join(pkg, 'public/pricing'))).toContain('us-east-1.json');
    expect(readdirSync(pkg).sort()).toEqual(['README.md', 'build', 'package.json', 'public']);
  });

  it('prints what npm run cli prints: estimate as JSON, as a table, from standard input, and share', SLOW, async () => {
    for (const args of [
      ['estimate', 'scenario.json', '--json'],
      ['estimate', 'scenario.json'],
      ['estimate', '-', '--json'],
      ['share', 'scenario.json'],
    ]) {
      const [got, want] = await Promise.all([installed(args, scenarioText), inRepo(args)]);
      expect(got, args.join(' ')).toEqual(want);
      expect(got.code).toBe(0);
    }
    expect(JSON.parse((await installed(['estimate', 'scenario.json', '--json'])).stdout).cheapest).toBe('ecs-fargate');
  });

  it('refuses bad input the same way, with status 2', SLOW, async () => {
    writeFileSync(
      join(app, 'bad.json'),
      JSON.stringify({
        version: 2,
        region: 'us-east-1',
        services: [{ name: 'a', vcpu: 0, memoryGiB: 1, replicas: 1 }],
      }),
    );
    const got = await installed(['estimate', 'bad.json']);
    expect(got).toMatchObject({ code: 2, stdout: '' });
    expect(got.stderr).toContain('services[0].vcpu: must be greater than 0');
  });

  it('exports a bundle and reads its Terraform back with the bundled HCL parser', SLOW, async () => {
    const exported = await installed(['export', 'scenario.json', '--option', 'ecs-fargate', '--out', 'bundle']);
    expect(exported.code, exported.stderr).toBe(0);
    const imported = await installed(['import', 'bundle/ecs/terraform']);
    expect(imported.code, imported.stderr).toBe(0);
    expect(imported.stderr).toContain('desiredCount 2');
    expect(JSON.parse(imported.stdout).services[0].name).toBe('api-service');
  });

  it('runs the pricing proxy, which answers from the bundled snapshot', SLOW, async () => {
    const port = await freePort();
    await withProxy(
      [join(app, 'node_modules/.bin/ecs-eks-cost-proxy')],
      { cwd: app, env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', AWS_EC2_METADATA_DISABLED: 'true' } },
      port,
      async (base) => {
        // No AWS credentials here: the proxy answers with the bundled snapshot and says so.
        const prices = await fetch(`${base}/api/pricing/us-east-1`);
        expect(prices.status).toBe(200);
        expect(await prices.json()).toMatchObject({ region: 'us-east-1', source: 'snapshot' });
      },
    );
  });
});

/**
 * The Docker image (Dockerfile) runs this same packaged proxy: its build stage runs the package's
 * build (build:cli, which beforeAll ran through npm pack) and its runtime stage copies the output.
 * Docker is not here, so the runtime stage is laid out in a folder from the Dockerfile's own COPY,
 * ENV and CMD lines and started as the image would start it, on 127.0.0.1 instead of 0.0.0.0.
 * dist/ (vite's build, checked by bench/first-screen-size.test.ts) is stood in for by an
 * index.html and the price snapshot that vite copies into dist/pricing/.
 */
describe('the Docker image', () => {
  const dockerfile = readFileSync(join(root, 'Dockerfile'), 'utf8');
  const runtime = dockerfile.slice(dockerfile.lastIndexOf('\nFROM '));

  it('builds the proxy with the package build, not a bundler call of its own', () => {
    expect(dockerfile).toMatch(/^RUN npm run build \\\n && npm run --silent build:cli \\$/m);
    expect(dockerfile).not.toMatch(/esbuild/);
  });

  it('starts from its runtime stage and serves the app, the prices and /healthz on its port', SLOW, async () => {
    const image = join(temp, 'image');
    const inImage = (path: string) => path.replace(/^\/app(?=\/|$)/, image);
    expect(/^WORKDIR \/app$/m.test(runtime)).toBe(true);
    const stand = join(temp, 'dist-stand-in');
    mkdirSync(stand);
    writeFileSync(join(stand, 'index.html'), '<!doctype html><title>ECS or EKS</title><div id="root"></div>\n');
    cpSync(join(root, 'public/pricing'), join(stand, 'pricing'), { recursive: true });
    const copies = [...runtime.matchAll(/^COPY --from=build (\/app\/\S+) (\S+)$/gm)];
    expect(copies.map((c) => c[1])).toEqual(['/app/dist', '/app/cli-package/build/cli']);
    for (const [, from, to] of copies) {
      const source = from === '/app/dist' ? stand : join(root, from!.slice('/app/'.length));
      cpSync(source, join(image, to!), { recursive: true });
    }
    // ENV a=b \ c=d ... : the runtime stage's settings, its /app paths moved into the folder.
    const settings = /^ENV ((?:.*\\\n)*.*)$/m.exec(runtime)![1]!;
    const env = Object.fromEntries(
      [...settings.matchAll(/(\w+)=(\S+)/g)].map(([, name, value]) => [name!, inImage(value!)]),
    );
    expect(env).toMatchObject({ HOST: '0.0.0.0', PORT: '8787', STATIC_DIR: join(image, 'dist') });
    expect(runtime).toContain(`EXPOSE ${env.PORT}`);
    expect(runtime).toContain(`http://127.0.0.1:${env.PORT}/healthz`);
    const command = JSON.parse(/^CMD (\[.*\])$/m.exec(runtime)![1]!) as string[];
    expect(command[0]).toBe('node');
    const port = await freePort();
    await withProxy(
      command.slice(1),
      {
        cwd: image,
        env: {
          PATH: process.env.PATH,
          ...env,
          HOST: '127.0.0.1',
          PORT: String(port),
          AWS_EC2_METADATA_DISABLED: 'true',
        },
      },
      port,
      async (base) => {
        const page = await fetch(`${base}/`);
        expect(page.status).toBe(200);
        expect(await page.text()).toContain('<div id="root"></div>');
        const prices = await fetch(`${base}/api/pricing/eu-west-1`);
        expect(prices.status).toBe(200);
        expect(await prices.json()).toMatchObject({ region: 'eu-west-1', source: 'snapshot' });
      },
    );
  });
});
