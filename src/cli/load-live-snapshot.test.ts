/**
 * `--live`: loads prices from a real pricing proxy on a loopback port (AWS mocked inside it), and
 * turns every way that can fail into one clear line.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createServer, type Server } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';
import { GetProductsCommand } from '@aws-sdk/client-pricing';
import { serve, type ServerType } from '@hono/node-server';
import { estimateScenario } from '../domain/cost/estimate.ts';
import { validateScenario } from '../domain/scenario/validate-scenario.ts';
import { awsError, buildTestProxy, type TestProxy } from '../proxy/fixtures/test-proxy.ts';
import { loadLiveSnapshot } from './load-live-snapshot.ts';
import { runCli } from './main.ts';
import { fakeIo } from './testing/fake-io.ts';

let proxy: TestProxy;
let proxyServer: ServerType;
let proxyUrl: string;
let otherServer: Server;
let otherUrl: string;

const listen = <T extends { address(): unknown }>(server: T) =>
  `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

beforeAll(async () => {
  proxy = buildTestProxy();
  proxyServer = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: proxy.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  proxyUrl = listen(proxyServer);

  // Something that is not the pricing proxy: HTML, wrong JSON, and a request that never ends.
  otherServer = createServer((req, res) => {
    if (req.url?.includes('us-east-1')) {
      res.writeHead(200, { 'Content-Type': 'text/html' }).end('<!doctype html><p>hello</p>');
    } else if (req.url?.includes('eu-west-1')) {
      res.writeHead(200, { 'Content-Type': 'application/json' }).end('{"formatVersion":2,"region":"eu-west-1"}');
    } else if (req.url?.includes('us-west-2')) {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      Promise.resolve(proxy.app.request('/api/pricing/us-east-1')).then(async (answer) => res.end(await answer.text()));
    }
    // any other region: never answer
  });
  await new Promise<void>((resolve) => otherServer.listen(0, '127.0.0.1', resolve));
  otherUrl = listen(otherServer);
});

afterAll(async () => {
  otherServer.closeAllConnections();
  await new Promise<void>((resolve) => otherServer.close(() => resolve()));
  await new Promise<void>((resolve) => proxyServer.close(() => resolve()));
  proxy.pricingMock.restore();
});

describe('loadLiveSnapshot', () => {
  it('loads live prices from the proxy, with or without a trailing slash', async () => {
    for (const url of [proxyUrl, `${proxyUrl}/`]) {
      const snapshot = await loadLiveSnapshot(url, 'us-east-1');
      expect(snapshot).toMatchObject({ region: 'us-east-1', source: 'live', asOf: '2022-11-21' });
    }
  });

  it('prices a scenario with them, and the estimate says the prices are live', async () => {
    const snapshot = await loadLiveSnapshot(proxyUrl, 'us-east-1');
    const validation = validateScenario({
      version: 2,
      region: 'us-east-1',
      services: [{ name: 'api', vcpu: 1, memoryGiB: 2, replicas: 2 }],
    });
    if (!validation.ok) throw new Error('example scenario is invalid');
    const estimate = estimateScenario(validation.scenario, snapshot);
    // The newest figure is the snapshot's public IPv4 rate (VPC pricing data, 2025-11-04): the EKS
    // options price the Elastic IP of the NAT gateway in the VPC eksctl creates.
    expect(estimate.pricing).toMatchObject({ source: 'live', asOf: '2022-11-21', newestAsOf: '2025-11-04' });
    // Root volumes are not fetched by the proxy: their line, and the estimate, say they come from the snapshot.
    const ebs = estimate.options.find((o) => o.id === 'ecs-ec2')!.lines.find((l) => l.kind === 'ebs-root-volume')!;
    expect(ebs).toMatchObject({ source: 'ec2shopEbs', asOf: '2024-07-18' });
    expect(estimate.pricing.fromSnapshot).toContain(ebs.component);
    expect(estimate.pricing.fromSnapshot).not.toContain('Fargate vCPU (Linux/x86)');
    expect(
      estimate.warnings.some((w) => w.startsWith('Live prices: the pricing proxy does not fetch these lines')),
    ).toBe(true);
  });

  it("passes on the proxy's fallback answer, with its reason", async () => {
    proxy.pricingMock
      .on(GetProductsCommand)
      .rejects(awsError('CredentialsProviderError', 'Could not load credentials', 0));
    const snapshot = await loadLiveSnapshot(proxyUrl, 'ap-southeast-2');
    expect(snapshot).toMatchObject({ region: 'ap-southeast-2', source: 'snapshot' });
    expect(snapshot.reason).toMatch(/No AWS credentials were found/);
  });

  it.each([
    ['not-a-url', /must be an http:\/\/ or https:\/\/ URL/],
    ['ftp://127.0.0.1:8787', /must be an http:\/\/ or https:\/\/ URL/],
  ])('refuses the proxy URL %s', async (url, message) => {
    await expect(loadLiveSnapshot(url, 'us-east-1')).rejects.toThrow(message);
  });

  it('says when nothing listens at the URL', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const url = listen(closed);
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    await expect(loadLiveSnapshot(url, 'us-east-1')).rejects.toThrow('cannot reach the pricing proxy (ECONNREFUSED)');
  });

  it("reports the proxy's HTTP error", async () => {
    await expect(loadLiveSnapshot(proxyUrl, 'mars-north-1')).rejects.toThrow(
      'the pricing proxy answered HTTP 400 for mars-north-1: unknown region',
    );
  });

  it('says when the answer is not JSON, not a snapshot, or for another region', async () => {
    await expect(loadLiveSnapshot(otherUrl, 'us-east-1')).rejects.toThrow(/answer for us-east-1 is not JSON/);
    await expect(loadLiveSnapshot(otherUrl, 'eu-west-1')).rejects.toThrow(
      /answer for eu-west-1 is not a region price snapshot: regionName/,
    );
    await expect(loadLiveSnapshot(otherUrl, 'us-west-2')).rejects.toThrow(
      'the pricing proxy answered prices for us-east-1, not us-west-2',
    );
  });

  it('gives up after the time limit', async () => {
    await expect(loadLiveSnapshot(otherUrl, 'sa-east-1', { timeoutMs: 100 })).rejects.toThrow(
      'the pricing proxy did not answer within 0.1 s',
    );
  });

  it('keeps every message on one line', async () => {
    const failures = await Promise.allSettled([
      loadLiveSnapshot('nope', 'us-east-1'),
      loadLiveSnapshot(otherUrl, 'eu-west-1'),
      loadLiveSnapshot(proxyUrl, 'x'.repeat(5_000)),
    ]);
    for (const failure of failures) {
      expect(failure.status).toBe('rejected');
      expect(String((failure as PromiseRejectedResult).reason.message)).not.toContain('\n');
    }
  });
});

describe('loadLiveSnapshot refuses what a pricing proxy should never send', () => {
  let server: Server;
  let url: string;
  let usEast1: Record<string, unknown>;
  const open = new Set<Socket>();

  /** The proxy's real us-east-1 answer, relabelled for `region` and changed by `edit`. */
  const answerFor = (region: string, edit: (s: any) => void) => {
    const copy = structuredClone(usEast1) as any; // oxlint-disable-line typescript/no-explicit-any
    copy.region = region;
    edit(copy);
    return JSON.stringify(copy);
  };

  beforeAll(async () => {
    usEast1 = (await (await proxy.app.request('/api/pricing/us-east-1')).json()) as Record<string, unknown>;
    server = createServer((req, res) => {
      const region = req.url!.split('/').pop()!;
      const json = { 'Content-Type': 'application/json' };
      switch (region) {
        case 'ap-south-1': {
          // An endless answer, as fast as the socket takes it.
          res.writeHead(200, json);
          const chunk = Buffer.alloc(64 * 1024, 0x20);
          const pump = () => {
            while (!res.destroyed && res.write(chunk));
            if (!res.destroyed) res.once('drain', pump);
          };
          pump();
          return;
        }
        case 'ap-northeast-1':
          // Declares a gigabyte, then stalls.
          res.writeHead(200, { ...json, 'Content-Length': String(1024 ** 3) });
          res.write('{');
          return;
        case 'ca-central-1': {
          // Headers at once, then one byte every 50 ms, forever.
          res.writeHead(200, json);
          const timer = setInterval(() => (res.destroyed ? clearInterval(timer) : res.write(' ')), 50);
          return;
        }
        case 'eu-central-1':
          // A monthly figure where the hourly one belongs.
          res.writeHead(200, json).end(answerFor(region, (s) => (s.fargate.linuxX86.vcpuHour.usd = 29.55)));
          return;
        case 'eu-north-1':
          res.writeHead(200, json).end(answerFor(region, (s) => (s.ec2.instances[0].usdHour = 0)));
          return;
        case 'eu-west-3':
          res.writeHead(200, json).end(answerFor(region, (s) => (s.eks.clusterHourStandard.usd = 1e-9)));
          return;
        case 'us-west-1':
          res.writeHead(200, json).end(Buffer.from([0x7b, 0xff, 0xfe, 0x7d]));
          return;
        default:
          res.writeHead(404).end();
      }
    });
    server.on('connection', (socket) => {
      open.add(socket);
      socket.on('close', () => open.delete(socket));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = listen(server);
  });

  afterAll(async () => {
    for (const socket of open) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it('stops reading an endless answer at the size limit', async () => {
    await expect(loadLiveSnapshot(url, 'ap-south-1')).rejects.toThrow(
      "the pricing proxy's answer for ap-south-1 is larger than 8 MiB; refused",
    );
  });

  it('refuses an answer that declares more than the size limit without reading it', async () => {
    const started = Date.now();
    await expect(loadLiveSnapshot(url, 'ap-northeast-1', { timeoutMs: 20_000 })).rejects.toThrow(
      "the pricing proxy's answer for ap-northeast-1 is larger than 8 MiB; refused",
    );
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('gives up on an answer that trickles in past the time limit', async () => {
    await expect(loadLiveSnapshot(url, 'ca-central-1', { timeoutMs: 300 })).rejects.toThrow(
      'the pricing proxy did not answer within 0.3 s',
    );
  });

  it.each([
    [
      'eu-central-1',
      /has an implausible price: fargate\.linuxX86\.vcpuHour is \$29\.55 per vCPU-hour, above the plausible maximum \$1$/,
    ],
    ['eu-north-1', /has an implausible price: ec2\.instances\[[a-z0-9.-]+\]\.usdHour is \$0, not a price above zero$/],
    [
      'eu-west-3',
      /has an implausible price: eks\.clusterHourStandard is \$1e-9 per cluster-hour, below the plausible minimum \$0\.01$/,
    ],
  ])('refuses implausible prices (%s)', async (region, message) => {
    await expect(loadLiveSnapshot(url, region)).rejects.toThrow(message);
  });

  it('refuses an answer that is not UTF-8', async () => {
    await expect(loadLiveSnapshot(url, 'us-west-1')).rejects.toThrow(
      "the pricing proxy's answer for us-west-1 is not UTF-8 text",
    );
  });

  it('makes the CLI exit 2 naming the reason', async () => {
    const { io, out, err } = fakeIo(
      {
        's.json': JSON.stringify({
          version: 2,
          region: 'eu-central-1',
          services: [{ name: 'a', vcpu: 1, memoryGiB: 2, replicas: 1 }],
        }),
      },
      '/',
    );
    expect(await runCli(['estimate', 's.json', '--live', url], io)).toBe(2);
    expect(out).toEqual([]);
    expect(err.join('')).toMatch(
      new RegExp(
        `^--live ${url.replace(/[.]/g, '\\.')}: the pricing proxy's answer for eu-central-1 has an implausible price: fargate\\.linuxX86\\.vcpuHour is \\$29\\.55 per vCPU-hour, above the plausible maximum \\$1\\n$`,
      ),
    );
  });
});
