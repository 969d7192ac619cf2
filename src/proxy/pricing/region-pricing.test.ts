/**
 * The pricing cache through the app: TTL with an injected clock, stale-while-revalidate,
 * single-flight (AWS calls counted), the failure TTL, stale-if-error, the size bound and the
 * cache directory that survives a restart.
 */
import { describe, expect, it, vi } from 'vitest';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetProductsCommand } from '@aws-sdk/client-pricing';
import { answerGetProducts } from '../fixtures/answer-get-products.ts';
import {
  awsError,
  CALLS_PER_REGION,
  ManualClock,
  recordedItemsByServiceCode,
  type TestProxy,
} from '../fixtures/test-proxy.ts';
import { useTestProxies } from '../fixtures/use-test-proxies.ts';
import { createDiskCacheStore } from '../cache/disk-cache-store.ts';
import { LruCache } from '../cache/lru-cache.ts';
import { DEFAULT_PROXY_CONFIG } from '../proxy-config.ts';

const HOUR_MS = 3_600_000;
const { proxy, temporaryDir } = useTestProxies();

async function priceOf(p: TestProxy, region: string) {
  const response = await p.app.request(`/api/pricing/${region}`);
  expect(response.status).toBe(200);
  return (await response.json()) as { source: string; reason?: string; asOf: string };
}

const cacheOfLastRequest = (p: TestProxy) =>
  p
    .logs()
    .filter((line) => line.msg === 'request')
    .at(-1)?.cache;

/** A GetProducts answer that waits until `release()` is called. */
function gatedAnswers(p: TestProxy) {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => {
    release = resolve;
  });
  const answer = answerGetProducts(recordedItemsByServiceCode());
  p.pricingMock.on(GetProductsCommand).callsFake(async (input) => {
    await gate;
    return answer(input);
  });
  return { release };
}

describe('pricing cache', () => {
  it('defaults to a 24-hour TTL', () => {
    expect(DEFAULT_PROXY_CONFIG.cacheTtlMs).toBe(24 * HOUR_MS);
  });

  it('serves a fresh answer from memory until the TTL passes', async () => {
    const p = proxy();
    await priceOf(p, 'us-east-1');
    expect(cacheOfLastRequest(p)).toBe('miss');
    p.clock.advance(24 * HOUR_MS - 1);
    await priceOf(p, 'us-east-1');
    expect(cacheOfLastRequest(p)).toBe('hit');
    expect(p.getProductsCalls()).toBe(CALLS_PER_REGION);
  });

  it('serves a stale answer at once and refreshes it in the background', async () => {
    const p = proxy();
    await priceOf(p, 'us-east-1');
    p.clock.advance(24 * HOUR_MS);
    const { release } = gatedAnswers(p);
    expect((await priceOf(p, 'us-east-1')).source).toBe('live');
    expect(cacheOfLastRequest(p)).toBe('stale');
    // A second stale request while the refresh runs joins it instead of starting another.
    await priceOf(p, 'us-east-1');
    release();
    await vi.waitFor(() => expect(p.logs().filter((line) => line.msg === 'live pricing fetched')).toHaveLength(2));
    expect(p.getProductsCalls()).toBe(2 * CALLS_PER_REGION);
    await priceOf(p, 'us-east-1');
    expect(cacheOfLastRequest(p)).toBe('hit');
  });

  it('makes one set of AWS calls for concurrent requests to a cold region (single-flight)', async () => {
    const p = proxy();
    const { release } = gatedAnswers(p);
    const pending = Array.from({ length: 25 }, () => p.app.request('/api/pricing/eu-west-1'));
    await vi.waitFor(() => expect(p.getProductsCalls()).toBe(CALLS_PER_REGION));
    release();
    const responses = await Promise.all(pending);
    const bodies = await Promise.all(responses.map((response) => response.text()));
    expect(responses.every((response) => response.status === 200)).toBe(true);
    expect(new Set(bodies).size).toBe(1);
    expect(p.getProductsCalls()).toBe(CALLS_PER_REGION);
  });

  it('keeps regions apart: each cold region makes its own calls once', async () => {
    const p = proxy();
    await Promise.all(['us-east-1', 'eu-west-1', 'us-east-1', 'eu-west-1'].map((region) => priceOf(p, region)));
    expect(p.getProductsCalls()).toBe(2 * CALLS_PER_REGION);
  });

  it('remembers a failure for the failure TTL, then asks AWS again', async () => {
    const p = proxy({ config: { failureTtlMs: 5 * 60_000 } });
    p.pricingMock.on(GetProductsCommand).rejects(awsError('CredentialsProviderError', 'Could not load credentials', 0));
    expect((await priceOf(p, 'us-east-1')).source).toBe('snapshot');
    const callsAfterFailure = p.getProductsCalls();
    p.clock.advance(5 * 60_000 - 1);
    expect((await priceOf(p, 'us-east-1')).source).toBe('snapshot');
    expect(p.getProductsCalls()).toBe(callsAfterFailure);

    p.pricingMock.on(GetProductsCommand).callsFake(answerGetProducts(recordedItemsByServiceCode()));
    p.clock.advance(1);
    await priceOf(p, 'us-east-1');
    await vi.waitFor(() => expect(p.logs().some((line) => line.msg === 'live pricing fetched')).toBe(true));
    expect((await priceOf(p, 'us-east-1')).source).toBe('live');
  });

  it('keeps serving the last live answer when a refresh fails (stale-if-error)', async () => {
    const p = proxy();
    const live = await priceOf(p, 'us-east-1');
    p.clock.advance(24 * HOUR_MS + 1);
    p.pricingMock.on(GetProductsCommand).rejects(awsError('ThrottlingException', 'Rate exceeded', 400));
    await priceOf(p, 'us-east-1');
    await vi.waitFor(() => expect(p.logs().some((line) => line.msg === 'live pricing failed')).toBe(true));
    const calls = p.getProductsCalls();
    const after = await priceOf(p, 'us-east-1');
    expect(after).toEqual(live);
    expect(cacheOfLastRequest(p)).toBe('hit');
    expect(p.getProductsCalls()).toBe(calls);
  });

  it('holds at most cacheMaxRegions regions, dropping the least recently used', async () => {
    const p = proxy({ config: { cacheMaxRegions: 2 } });
    await priceOf(p, 'us-east-1');
    await priceOf(p, 'eu-west-1');
    await priceOf(p, 'us-east-1');
    await priceOf(p, 'us-west-2'); // evicts eu-west-1, the least recently used
    expect(p.getProductsCalls()).toBe(3 * CALLS_PER_REGION);
    await priceOf(p, 'us-east-1');
    expect(cacheOfLastRequest(p)).toBe('hit');
    await priceOf(p, 'eu-west-1');
    expect(cacheOfLastRequest(p)).toBe('miss');
  });
});

describe('cache directory', () => {
  function cacheDir(): string {
    const dir = temporaryDir('proxy-cache-');
    return dir;
  }

  it('serves the last live answer after a restart without calling AWS', async () => {
    const dir = cacheDir();
    const clock = new ManualClock();
    const first = proxy({ cacheStore: createDiskCacheStore(dir), clock });
    const live = await priceOf(first, 'ap-southeast-2');
    await vi.waitFor(() => expect(readdirSync(dir)).toEqual(['ap-southeast-2.json']));

    clock.advance(HOUR_MS);
    const restarted = proxy({ cacheStore: createDiskCacheStore(dir), clock });
    expect(await priceOf(restarted, 'ap-southeast-2')).toEqual(live);
    expect(cacheOfLastRequest(restarted)).toBe('hit');
    expect(restarted.getProductsCalls()).toBe(0);
  });

  it('treats a stored answer past its TTL as stale, and ignores a damaged file', async () => {
    const dir = cacheDir();
    const clock = new ManualClock();
    const first = proxy({ cacheStore: createDiskCacheStore(dir), clock });
    await priceOf(first, 'us-east-1');
    await vi.waitFor(() => expect(readdirSync(dir)).toContain('us-east-1.json'));
    writeFileSync(join(dir, 'eu-west-1.json'), '{"storedAtMs": 1, "snapshot": {"region": "eu-west-1"}}');

    clock.advance(25 * HOUR_MS);
    const restarted = proxy({ cacheStore: createDiskCacheStore(dir), clock });
    await priceOf(restarted, 'us-east-1');
    expect(cacheOfLastRequest(restarted)).toBe('stale');
    await priceOf(restarted, 'eu-west-1');
    expect(
      restarted
        .logs()
        .filter((line) => line.msg === 'request')
        .at(-1),
    ).toMatchObject({ cache: 'miss', source: 'live' });
  });

  it('does not store fallback answers', async () => {
    const dir = cacheDir();
    const p = proxy({ cacheStore: createDiskCacheStore(dir) });
    p.pricingMock.on(GetProductsCommand).rejects(awsError('AccessDeniedException', 'denied', 400));
    expect((await priceOf(p, 'us-east-1')).source).toBe('snapshot');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('LruCache', () => {
  it('refuses a size below one', () => {
    expect(() => new LruCache(0)).toThrow(RangeError);
  });
});
