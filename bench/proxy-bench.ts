/**
 * npm run bench:proxy: the pricing proxy under load on loopback.
 *
 * Starts the proxy in this process on 127.0.0.1 with a stubbed Price List (no AWS), warms the
 * us-east-1 cache with one request, then runs autocannon for 10 s with 50 connections against
 * GET /api/pricing/us-east-1 and prints requests per second, p50 and p99 latency and the errors.
 * Goal on a 2-core machine: >= 5,000 requests/s, p99 <= 20 ms, 0 errors.
 *
 * What is measured, so the figures can be read honestly:
 * - The answer is full size: the stub prices every instance type of the bundled us-east-1 file
 *   (1,352 types; 281 kB of JSON, 11 kB brotli, 15 kB gzip) from copies of the recorded m5.large
 *   item, plus the recorded Fargate and EKS items.
 * - Requests send Chrome's Accept-Encoding (gzip, deflate, br, zstd), so the answer is brotli;
 *   `-- --gzip` sends gzip only and `-- --identity` asks for plain JSON.
 * - Every request goes through the whole middleware chain, including the rate limiter (its limit
 *   raised: all 50 connections share one address) and one JSON log line written synchronously to
 *   a file, as the proxy writes to stdout (synchronous for files and pipes on Linux).
 * - autocannon runs in a worker thread, so load generator and proxy share the machine's 2 cores.
 */
import { closeSync, mkdirSync, mkdtempSync, openSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import autocannon from 'autocannon';
import { serve, type ServerType } from '@hono/node-server';
import type { PriceListItemsByService } from '../src/domain/pricing/normalize-price-list.ts';
import type { RegionSnapshot } from '../src/domain/pricing/price-snapshot.ts';
import { LruCache } from '../src/proxy/cache/lru-cache.ts';
import type { PricingEntry } from '../src/proxy/cache/pricing-entry.ts';
import { createProxyApp } from '../src/proxy/create-proxy-app.ts';
import {
  recordedEc2M5LargeUsEast1,
  recordedEcsUsEast1,
  recordedItemsFor,
  type PriceListItem,
} from '../src/proxy/fixtures/recorded-price-list.ts';
import { createJsonLogger } from '../src/proxy/json-logger.ts';
import { createBundledSnapshotLoader } from '../src/proxy/load-bundled-snapshot-file.ts';
import { systemClock } from '../src/proxy/pricing/region-pricing.ts';
import { DEFAULT_PROXY_CONFIG } from '../src/proxy/proxy-config.ts';

const GOAL = { requestsPerSecond: 5_000, p99Ms: 20, errors: 0 };
const DURATION_S = 10;
const CONNECTIONS = 50;
const REGION = 'us-east-1';

const root = resolve(import.meta.dirname, '..');
/** The Accept-Encoding header to send, by command-line flag. */
const ENCODINGS = {
  browser: 'gzip, deflate, br, zstd',
  gzip: 'gzip',
  identity: 'identity',
} as const;
const variant: keyof typeof ENCODINGS = process.argv.includes('--identity')
  ? 'identity'
  : process.argv.includes('--gzip')
    ? 'gzip'
    : 'browser';

/** Price List items for every instance type of the bundled file: the recorded m5.large item, re-labelled and re-priced. */
function stubPriceList(bundled: RegionSnapshot): PriceListItemsByService {
  const template = recordedEc2M5LargeUsEast1()[0]!;
  const ec2: PriceListItem[] = bundled.ec2.instances.map((offer) => {
    const item = structuredClone(template);
    item.product.attributes.instanceType = offer.type;
    item.product.attributes.usagetype = `BoxUsage:${offer.type}`;
    const onDemand = (
      item.terms as { OnDemand: Record<string, { priceDimensions: Record<string, { pricePerUnit: { USD: string } }> }> }
    ).OnDemand;
    for (const term of Object.values(onDemand)) {
      for (const dimension of Object.values(term.priceDimensions))
        dimension.pricePerUnit.USD = offer.usdHour.toFixed(10);
    }
    return item;
  });
  return { ecs: recordedEcsUsEast1(), eks: recordedItemsFor(REGION).eks, ec2 };
}

async function main(): Promise<void> {
  const loadBundledSnapshot = createBundledSnapshotLoader(DEFAULT_PROXY_CONFIG.snapshotDir);
  const items = stubPriceList(await loadBundledSnapshot(REGION));
  const logDir = mkdtempSync(join(tmpdir(), 'proxy-bench-'));
  const logFd = openSync(join(logDir, 'requests.log'), 'w');
  let logLines = 0;
  const app = createProxyApp({
    config: { ...DEFAULT_PROXY_CONFIG, rateLimitPerMinute: 1_000_000 },
    fetchPriceList: async () => items,
    loadBundledSnapshot,
    cache: new LruCache<PricingEntry>(DEFAULT_PROXY_CONFIG.cacheMaxRegions),
    cacheStore: null,
    clock: systemClock,
    logger: createJsonLogger((line) => {
      logLines++;
      writeSync(logFd, `${line}\n`);
    }),
  });

  const server = await new Promise<ServerType>((done) => {
    const started = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => done(started));
  });
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/pricing/${REGION}`;
  const headers: Record<string, string> = { 'accept-encoding': ENCODINGS[variant] };

  const warm = await fetch(url, { headers });
  // fetch() decompresses: the bytes on the wire are the Content-Length the proxy sent.
  const wireBytes = Number(warm.headers.get('content-length'));
  const plainBytes = Buffer.byteLength(await warm.text());
  if (warm.status !== 200) throw new Error(`warm-up request answered ${warm.status}`);
  console.log(
    `proxy on ${url}: answer ${Math.round(plainBytes / 1024)} kB of JSON, ${Math.round(wireBytes / 1024)} kB on the wire (Accept-Encoding: ${ENCODINGS[variant]}; sent ${warm.headers.get('content-encoding') ?? 'identity'})`,
  );
  console.log(`autocannon: ${CONNECTIONS} connections, ${DURATION_S} s, 1 worker thread`);

  const linesBefore = logLines;
  const result = await autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION_S,
    workers: 1,
    timeout: 10,
    headers,
  });
  await new Promise<void>((done) => server.close(() => done()));
  closeSync(logFd);

  const errors = result.errors + result.timeouts + result.non2xx;
  const figures = {
    requestsPerSecond: Math.round(result.requests.average),
    latencyP50Ms: result.latency.p50,
    latencyP99Ms: result.latency.p99,
    errors,
    requests: result.requests.total,
    logLinesWritten: logLines - linesBefore,
    acceptEncoding: ENCODINGS[variant],
    contentEncoding: warm.headers.get('content-encoding') ?? 'identity',
    wireBytes,
  };
  console.log(
    `requests/s ${figures.requestsPerSecond} | p50 ${figures.latencyP50Ms} ms | p99 ${figures.latencyP99Ms} ms | errors ${errors} (${result.errors} socket, ${result.timeouts} timeouts, ${result.non2xx} non-2xx) | ${figures.requests} requests, ${figures.logLinesWritten} log lines`,
  );

  const met =
    figures.requestsPerSecond >= GOAL.requestsPerSecond && figures.latencyP99Ms <= GOAL.p99Ms && errors <= GOAL.errors;
  console.log(
    `goal (>= ${GOAL.requestsPerSecond} requests/s, p99 <= ${GOAL.p99Ms} ms, ${GOAL.errors} errors): ${met ? 'met' : 'NOT met'}`,
  );
  mkdirSync(join(root, 'reports'), { recursive: true });
  writeFileSync(
    join(root, 'reports', `proxy-bench${variant === 'browser' ? '' : `-${variant}`}.json`),
    `${JSON.stringify({ ...figures, goal: GOAL, met }, null, 2)}\n`,
  );
  rmSync(logDir, { recursive: true, force: true });
  if (!met) process.exitCode = 1;
}

await main();
