/** Live prices through the proxy, and every way back to the bundled file, with a stubbed fetch. */
import { describe, expect, it, vi } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { RegionSnapshot } from '../domain/pricing/price-snapshot.ts';
import { fetchLivePricing, resolvePricingApi, type LivePricingOptions } from './fetch-live-pricing.ts';

const PRICING_DIR = join(import.meta.dirname, '../../public/pricing');
const bundled = (region: string) =>
  JSON.parse(readFileSync(join(PRICING_DIR, `${region}.json`), 'utf8')) as RegionSnapshot;
const live = (region: string): RegionSnapshot => ({ ...bundled(region), source: 'live', asOf: '2026-11-20' });

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

function options(fetchImpl: (url: string) => Promise<Response>, extra: Partial<LivePricingOptions> = {}) {
  const loadBundled = vi.fn(async (region: string) => bundled(region));
  const calls: string[] = [];
  const stub = (async (input: RequestInfo | URL) => {
    calls.push(String(input));
    return fetchImpl(String(input));
  }) as typeof fetch;
  return {
    calls,
    loadBundled,
    opts: { loadBundled, fetchImpl: stub, retryDelayMs: 0, ...extra } satisfies LivePricingOptions,
  };
}

const proxy = resolvePricingApi('https://pricing.example.com/');

describe('resolvePricingApi', () => {
  it.each([
    [undefined, { kind: 'none' }],
    ['', { kind: 'none' }],
    ['same-origin', { kind: 'proxy', base: '' }],
    ['http://127.0.0.1:8787', { kind: 'proxy', base: 'http://127.0.0.1:8787' }],
    ['https://example.com/calc/', { kind: 'proxy', base: 'https://example.com/calc' }],
    ['ftp://example.com', { kind: 'invalid' }],
    ['not a url', { kind: 'invalid' }],
  ])('reads VITE_PRICING_API=%s', (setting, expected) => {
    expect(resolvePricingApi(setting)).toEqual(expected);
  });
});

describe('fetchLivePricing', () => {
  it("uses the proxy's live answer", async () => {
    const { calls, loadBundled, opts } = options(async () => json(live('eu-west-1')));
    const snapshot = await fetchLivePricing('eu-west-1', proxy, opts);
    expect(snapshot).toMatchObject({ source: 'live', asOf: '2026-11-20', region: 'eu-west-1' });
    expect(calls).toEqual(['https://pricing.example.com/api/pricing/eu-west-1']);
    expect(loadBundled).not.toHaveBeenCalled();
  });

  it('asks the app\'s own origin for "same-origin"', async () => {
    const { calls, opts } = options(async () => json(live('us-east-1')));
    await fetchLivePricing('us-east-1', resolvePricingApi('same-origin'), opts);
    expect(calls).toEqual(['/api/pricing/us-east-1']);
  });

  it("passes on the proxy's own fallback and its reason", async () => {
    const fallback = {
      ...bundled('us-east-1'),
      reason: 'No AWS credentials were found (the SDK default credential chain is empty).',
    };
    const { opts } = options(async () => json(fallback));
    expect(await fetchLivePricing('us-east-1', proxy, opts)).toMatchObject({
      source: 'snapshot',
      reason: fallback.reason,
    });
  });

  it('retries once after a 5xx, then uses the answer', async () => {
    let n = 0;
    const { calls, opts } = options(async () =>
      ++n === 1 ? new Response('bad gateway', { status: 502 }) : json(live('us-east-1')),
    );
    expect((await fetchLivePricing('us-east-1', proxy, opts)).source).toBe('live');
    expect(calls).toHaveLength(2);
  });

  it('falls back to the bundled file with a reason when the proxy stays down', async () => {
    const { calls, loadBundled, opts } = options(async () => {
      throw new TypeError('Failed to fetch');
    });
    const snapshot = await fetchLivePricing('us-east-1', proxy, opts);
    expect(calls).toHaveLength(2);
    expect(loadBundled).toHaveBeenCalledOnce();
    const { reason, ...rest } = snapshot;
    expect(reason).toBe('The pricing proxy could not be used: it could not be reached.');
    expect(rest).toEqual(bundled('us-east-1'));
  });

  it.each([
    ['a 4xx answer', async () => json({ error: 'unknown region' }, 400), 'it answered HTTP 400'],
    ['a 429 answer', async () => json({ error: 'too many requests' }, 429), 'it answered HTTP 429'],
    ['HTML', async () => new Response('<!doctype html>', { status: 200 }), 'its answer was not a price snapshot'],
    ['the wrong region', async () => json(live('eu-west-1')), 'it answered prices for eu-west-1'],
    [
      'a price per month where per hour belongs',
      async () => {
        const slipped = live('us-east-1');
        const linux = slipped.fargate!.linuxX86;
        linux.vcpuHour = { ...linux.vcpuHour, usd: 0.04048 * 730 };
        return json(slipped);
      },
      'its answer has an implausible price: fargate.linuxX86.vcpuHour is $29.5504 per vCPU-hour, above the plausible maximum $1',
    ],
  ] as const)('falls back on %s', async (_name, answer, problem) => {
    const { opts } = options(answer);
    expect(await fetchLivePricing('us-east-1', proxy, opts)).toMatchObject({
      source: 'snapshot',
      reason: `The pricing proxy could not be used: ${problem}.`,
    });
  });

  it('does not retry 4xx answers', async () => {
    const { calls, opts } = options(async () => json({ error: 'unknown region' }, 400));
    await fetchLivePricing('us-east-1', proxy, opts);
    expect(calls).toHaveLength(1);
  });

  it('gives up on a proxy that does not answer in time', async () => {
    const { opts } = options(
      (url) =>
        new Promise((_, reject) => {
          void url;
          setTimeout(() => reject(new DOMException('aborted', 'AbortError')), 50);
        }),
      { timeoutMs: 20, retries: 0 },
    );
    expect((await fetchLivePricing('us-east-1', proxy, opts)).reason).toBe(
      'The pricing proxy could not be used: it did not answer within 0.02 s.',
    );
  });

  it('rejects when the caller cancels, without falling back', async () => {
    const controller = new AbortController();
    const { loadBundled, opts } = options(
      () => {
        controller.abort();
        return Promise.reject(new DOMException('aborted', 'AbortError'));
      },
      { signal: controller.signal },
    );
    await expect(fetchLivePricing('us-east-1', proxy, opts)).rejects.toMatchObject({ name: 'AbortError' });
    expect(loadBundled).not.toHaveBeenCalled();
  });

  it('uses the bundled file directly when no proxy is configured, and says why when the setting is wrong', async () => {
    const none = options(async () => json(live('us-east-1')));
    expect(await fetchLivePricing('us-east-1', { kind: 'none' }, none.opts)).toEqual(bundled('us-east-1'));
    expect(none.calls).toEqual([]);
    const invalid = options(async () => json(live('us-east-1')));
    expect((await fetchLivePricing('us-east-1', { kind: 'invalid' }, invalid.opts)).reason).toMatch(
      /VITE_PRICING_API is neither/,
    );
  });
});

describe('regionPricingQueryOptions with live prices', () => {
  it('keys the query by source and keeps live answers fresh for hours, fallbacks for minutes', async () => {
    const { regionPricingQueryOptions } = await import('./pricing-queries.ts');
    const options = regionPricingQueryOptions('us-east-1', 'live');
    expect(options.queryKey).toEqual(['pricing', 'live', 'us-east-1']);
    expect(options.retry).toBe(1);
    const staleTime = options.staleTime as (query: { state: { data?: Partial<RegionSnapshot> } }) => number;
    expect(staleTime({ state: { data: { source: 'live' } } })).toBe(6 * 60 * 60_000);
    expect(staleTime({ state: { data: { source: 'snapshot' } } })).toBe(5 * 60_000);
    expect(regionPricingQueryOptions('us-east-1', 'bundled').staleTime).toBe(Infinity);
  });
});
