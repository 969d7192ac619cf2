/**
 * The proxy's HTTP behaviour through app.request(): routes, the snapshot fallback, hostile input,
 * methods, rate limit, CORS, security headers, compression and logs. AWS is the mocked client
 * answering with recorded Price List items (fixtures/test-proxy.ts).
 */
import { describe, expect, it } from 'vitest';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { mkdirSync, writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GetProductsCommand } from '@aws-sdk/client-pricing';
import { PRICE_LIST_SOURCE_ID } from '../domain/pricing/normalize-price-list.ts';
import type { RegionSnapshot } from '../domain/pricing/price-snapshot.ts';
import { REGION_CATALOG } from '../domain/pricing/region-catalog.ts';
import { parseRegionSnapshot } from '../domain/pricing/region-snapshot-schema.ts';
import { awsError, CALLS_PER_REGION, type TestProxy } from './fixtures/test-proxy.ts';
import { useTestProxies } from './fixtures/use-test-proxies.ts';
import { JSON_CSP } from './http/security-headers.ts';
import { DEFAULT_PROXY_CONFIG } from './proxy-config.ts';

const { proxy, temporaryDir } = useTestProxies();

const bundled = (region: string) =>
  JSON.parse(readFileSync(join(DEFAULT_PROXY_CONFIG.snapshotDir, `${region}.json`), 'utf8')) as RegionSnapshot;

async function getJson(p: TestProxy, path: string, init?: RequestInit) {
  const response = await p.app.request(path, init);
  return { response, body: (await response.json()) as Record<string, unknown> };
}

describe('routes', () => {
  it('GET /healthz answers {"ok":true}', async () => {
    const { response, body } = await getJson(proxy(), '/healthz');
    expect(response.status).toBe(200);
    expect(body).toEqual({ ok: true });
  });

  it('GET /api/regions lists every region of the bundled catalog', async () => {
    const { response, body } = await getJson(proxy(), '/api/regions');
    expect(response.status).toBe(200);
    expect(body.regions).toEqual(REGION_CATALOG.map(({ code, name, fargate }) => ({ code, name, fargate })));
  });

  it('GET /api/pricing/<region> answers the live snapshot in the bundled format', async () => {
    const p = proxy();
    const { response, body } = await getJson(p, '/api/pricing/us-east-1');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const snapshot = parseRegionSnapshot(body);
    expect(snapshot).toMatchObject({ region: 'us-east-1', source: 'live', asOf: '2022-11-21' });
    expect(snapshot.reason).toBeUndefined();
    expect(snapshot.fargate!.linuxX86.vcpuHour).toEqual({
      usd: 0.04048,
      source: PRICE_LIST_SOURCE_ID,
      asOf: '2022-11-21',
    });
    expect(Object.keys(body).sort()).toEqual(Object.keys(bundled('us-east-1')).sort());
    expect(p.getProductsCalls()).toBe(CALLS_PER_REGION);
  });

  it('answers HEAD like GET, without a body', async () => {
    const response = await proxy().app.request('/api/pricing/eu-west-1', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('');
  });

  it('answers unknown paths with a JSON 404', async () => {
    for (const path of ['/nope', '/api/nope', '/api']) {
      const { response, body } = await getJson(proxy(), path);
      expect(response.status, path).toBe(404);
      expect(body).toEqual({ error: 'not found' });
    }
  });
});

describe('snapshot fallback', () => {
  const failures: [string, () => Error, RegExp][] = [
    [
      'missing credentials',
      () => awsError('CredentialsProviderError', 'Could not load credentials from any providers', 0),
      /No AWS credentials were found/,
    ],
    [
      'access denied',
      () =>
        awsError(
          'AccessDeniedException',
          'User: arn:aws:iam::123456789012:user/alice is not authorized to perform: pricing:GetProducts',
          400,
        ),
      /denied pricing:GetProducts/,
    ],
    [
      'expired token',
      () => awsError('ExpiredTokenException', 'The security token included in the request is expired', 400),
      /rejected the credentials/,
    ],
    [
      'network failure',
      () =>
        Object.assign(new Error('getaddrinfo ENOTFOUND api.pricing.us-east-1.amazonaws.com'), { code: 'ENOTFOUND' }),
      /could not be reached/,
    ],
    [
      'AWS internal error',
      () => awsError('InternalErrorException', 'internal', 500),
      /call failed \(InternalErrorException\)/,
    ],
  ];

  it.each(failures)('serves the bundled snapshot with a reason on %s, status 200', async (_name, makeError, reason) => {
    const p = proxy();
    p.pricingMock.on(GetProductsCommand).rejects(makeError());
    const { response, body } = await getJson(p, '/api/pricing/eu-west-1');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    const { reason: given, ...rest } = body;
    expect(given).toMatch(reason);
    expect(rest).toEqual({ ...bundled('eu-west-1'), source: 'snapshot' });
  });

  it('falls back when every retry was throttled', async () => {
    const p = proxy({ config: { awsMaxThrottleRetries: 2 } });
    p.pricingMock.on(GetProductsCommand).rejects(awsError('ThrottlingException', 'Rate exceeded', 400));
    const { body } = await getJson(p, '/api/pricing/us-east-1');
    expect(body).toMatchObject({
      source: 'snapshot',
      reason: 'The AWS Price List API was still throttling after 2 retries.',
    });
    expect(p.sleptMs.length).toBeGreaterThanOrEqual(2);
  });

  it('falls back when AWS does not answer in time', async () => {
    const p = proxy({ config: { awsTimeoutMs: 30 } });
    p.pricingMock.on(GetProductsCommand).callsFake(() => new Promise(() => {}));
    const { response, body } = await getJson(p, '/api/pricing/us-east-1');
    expect(response.status).toBe(200);
    expect(body).toMatchObject({ source: 'snapshot', reason: 'The AWS Price List API did not answer within 30 ms.' });
  });

  it('falls back when the Price List answer holds no usable price', async () => {
    const p = proxy();
    p.pricingMock.on(GetProductsCommand).resolves({ PriceList: [] });
    const { body } = await getJson(p, '/api/pricing/us-east-1');
    expect(body).toMatchObject({
      source: 'snapshot',
      reason: 'The AWS Price List answer held no usable price for this region.',
    });
  });

  it('never returns or logs the AWS error message, ARN, account id or key id', async () => {
    const p = proxy();
    p.pricingMock
      .on(GetProductsCommand)
      .rejects(
        awsError(
          'AccessDeniedException',
          'User: arn:aws:iam::123456789012:user/alice (key AKIAIOSFODNN7EXAMPLE) is not authorized to perform: pricing:GetProducts',
          400,
        ),
      );
    const response = await p.app.request('/api/pricing/us-east-1');
    const text = await response.text();
    const logged = p.logLines.join('\n');
    for (const secret of ['123456789012', 'AKIAIOSFODNN7EXAMPLE', 'alice', 'arn:aws:iam']) {
      expect(text).not.toContain(secret);
      expect(logged).not.toContain(secret);
    }
    expect(p.logs().find((line) => line.msg === 'live pricing failed')).toMatchObject({
      errorName: 'AccessDeniedException',
      region: 'us-east-1',
    });
  });
});

describe('hostile input', () => {
  const hostile = [
    '..%2Fetc',
    '%2E%2E%2Fetc%2Fpasswd',
    'us-east-1%2F..%2F..%2Fetc',
    'us-east-1%00',
    `us-east-1${'a'.repeat(10_240)}`,
    'a'.repeat(10_240),
    encodeURIComponent('us-éast-1'),
    encodeURIComponent('🙂'),
    'US-EAST-1',
    'us-east-1%20',
    '%3Cscript%3Ealert(1)%3C%2Fscript%3E',
    'not-a-region-9',
    '__proto__',
    'constructor',
    '%',
  ];

  it.each(
    hostile.map((region) => [
      region.length > 40 ? `${region.slice(0, 30)}... (${region.length} chars)` : region,
      region,
    ]),
  )('answers /api/pricing/%s with a 400 JSON error that does not echo the input', async (_label, region) => {
    const p = proxy();
    const { response, body } = await getJson(p, `/api/pricing/${region}`);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(body.error).toBe('unknown region');
    const text = JSON.stringify(body);
    expect(text).not.toContain('etc');
    expect(text).not.toContain('script');
    expect(text.length).toBeLessThan(200);
    expect(p.getProductsCalls()).toBe(0);
  });

  it('answers extra path segments and an empty region with 400', async () => {
    for (const path of ['/api/pricing/', '/api/pricing/us-east-1/extra', '/api/pricing/us-east-1/../../etc']) {
      const { response } = await getJson(proxy(), path);
      expect([400, 404], path).toContain(response.status);
    }
  });

  it('resolves a raw ../ before routing, so it never reaches the pricing route (400 over HTTP: proxy-server.test.ts)', async () => {
    const p = proxy();
    const { response, body } = await getJson(p, '/api/pricing/../etc');
    expect(response.status).toBe(404);
    expect(JSON.stringify(body)).not.toContain('etc');
  });

  it.each(['POST', 'PUT', 'PATCH', 'DELETE'])('refuses %s with 405 and an Allow header', async (method) => {
    const { response, body } = await getJson(proxy(), '/api/pricing/us-east-1', { method });
    expect(response.status).toBe(405);
    expect(response.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    expect(body.error).toBe('method not allowed');
  });
});

describe('rate limit', () => {
  const from = (address: string) => ({ headers: { 'X-Forwarded-For': `203.0.113.9, ${address}` } });

  it('answers 429 with Retry-After past the per-minute limit, per client address', async () => {
    const p = proxy({ config: { rateLimitPerMinute: 3, trustProxyHops: 1 } });
    for (let i = 0; i < 3; i++) expect((await p.app.request('/api/regions', from('198.51.100.1'))).status).toBe(200);
    const limited = await p.app.request('/api/regions', from('198.51.100.1'));
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('60');
    expect(await limited.json()).toMatchObject({ error: 'too many requests' });
    expect((await p.app.request('/api/regions', from('198.51.100.2'))).status).toBe(200);

    p.clock.advance(30_000);
    expect((await p.app.request('/api/regions', from('198.51.100.1'))).headers.get('retry-after')).toBe('30');
    p.clock.advance(30_000);
    expect((await p.app.request('/api/regions', from('198.51.100.1'))).status).toBe(200);
  });

  it('ignores X-Forwarded-For unless proxies are trusted, so clients cannot pick their bucket', async () => {
    const p = proxy({ config: { rateLimitPerMinute: 2 } });
    await p.app.request('/api/regions', from('198.51.100.1'));
    await p.app.request('/api/regions', from('198.51.100.2'));
    expect((await p.app.request('/api/regions', from('198.51.100.3'))).status).toBe(429);
  });

  it('does not limit /healthz, and 0 turns the limit off', async () => {
    const limited = proxy({ config: { rateLimitPerMinute: 1 } });
    for (let i = 0; i < 5; i++) expect((await limited.app.request('/healthz')).status).toBe(200);
    const unlimited = proxy({ config: { rateLimitPerMinute: 0 } });
    for (let i = 0; i < 200; i++) expect((await unlimited.app.request('/api/regions')).status).toBe(200);
  });

  it('defaults to 120 requests per minute', () => {
    expect(DEFAULT_PROXY_CONFIG.rateLimitPerMinute).toBe(120);
  });
});

describe('CORS', () => {
  it.each(['http://127.0.0.1:5173', 'http://localhost:5173', 'http://127.0.0.1:4173', 'http://localhost:4173'])(
    'lets the dev origin %s read answers by default',
    async (origin) => {
      const response = await proxy().app.request('/api/regions', { headers: { Origin: origin } });
      expect(response.headers.get('access-control-allow-origin')).toBe(origin);
      expect(response.headers.get('vary')).toContain('Origin');
    },
  );

  it("lets the proxy's own origin read answers", async () => {
    const response = await proxy().app.request('http://calc.example.com/api/regions', {
      headers: { Origin: 'https://calc.example.com' },
    });
    expect(response.headers.get('access-control-allow-origin')).toBe('https://calc.example.com');
  });

  it('gives other origins no Access-Control-Allow-Origin and refuses their preflight', async () => {
    const p = proxy();
    const simple = await p.app.request('/api/regions', { headers: { Origin: 'https://evil.example' } });
    expect(simple.headers.get('access-control-allow-origin')).toBeNull();
    const preflight = await p.app.request('/api/pricing/us-east-1', {
      method: 'OPTIONS',
      headers: { Origin: 'https://evil.example', 'Access-Control-Request-Method': 'GET' },
    });
    expect(preflight.status).toBe(403);
    expect(preflight.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('answers an allowed preflight with the read-only methods', async () => {
    const response = await proxy().app.request('/api/pricing/us-east-1', {
      method: 'OPTIONS',
      headers: { Origin: 'http://localhost:5173', 'Access-Control-Request-Method': 'GET' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
    expect(response.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS');
  });

  it('follows a configured allowlist instead of the dev ports', async () => {
    const p = proxy({ config: { corsOrigins: ['https://calc.example.com'] } });
    const allowed = await p.app.request('/api/regions', { headers: { Origin: 'https://calc.example.com' } });
    const dev = await p.app.request('/api/regions', { headers: { Origin: 'http://localhost:5173' } });
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://calc.example.com');
    expect(dev.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('security headers', () => {
  it.each([
    ['/healthz', 200],
    ['/api/regions', 200],
    ['/api/pricing/us-east-1', 200],
    ['/api/pricing/nope', 400],
    ['/missing', 404],
  ] as const)('sets nosniff, no-referrer and the JSON CSP on %s (%i)', async (path, status) => {
    const response = await proxy().app.request(path);
    expect(response.status).toBe(status);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('content-security-policy')).toBe(JSON_CSP);
    expect(JSON_CSP).toBe("default-src 'none'; frame-ancestors 'none'");
  });

  it('sets them on 405 and 429 answers too', async () => {
    const p = proxy({ config: { rateLimitPerMinute: 1 } });
    await p.app.request('/api/regions');
    for (const response of [
      await p.app.request('/api/regions'),
      await p.app.request('/api/regions', { method: 'POST' }),
    ]) {
      expect([405, 429]).toContain(response.status);
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(response.headers.get('content-security-policy')).toBe(JSON_CSP);
    }
  });
});

describe('compression and revalidation', () => {
  it('sends the pre-compressed brotli body to clients that accept it, as browsers do', async () => {
    const p = proxy();
    const plain = await (await p.app.request('/api/pricing/us-east-1')).text();
    const response = await p.app.request('/api/pricing/us-east-1', {
      headers: { 'Accept-Encoding': 'gzip, deflate, br, zstd' },
    });
    expect(response.headers.get('content-encoding')).toBe('br');
    expect(response.headers.get('vary')).toContain('Accept-Encoding');
    const compressed = Buffer.from(await response.arrayBuffer());
    expect(compressed.length).toBeLessThan(plain.length / 2);
    expect(brotliDecompressSync(compressed).toString('utf8')).toBe(plain);
  });

  it('sends the pre-compressed gzip body to clients that accept gzip but not brotli', async () => {
    const p = proxy();
    const plain = await (await p.app.request('/api/pricing/us-east-1')).text();
    const response = await p.app.request('/api/pricing/us-east-1', {
      headers: { 'Accept-Encoding': 'gzip, deflate, br;q=0' },
    });
    expect(response.headers.get('content-encoding')).toBe('gzip');
    expect(response.headers.get('vary')).toContain('Accept-Encoding');
    const zipped = Buffer.from(await response.arrayBuffer());
    expect(zipped.length).toBeLessThan(plain.length / 2);
    expect(gunzipSync(zipped).toString('utf8')).toBe(plain);
  });

  it.each(['gzip;q=0, identity', 'identity', '*;q=0', 'deflate'])(
    'sends plain JSON for Accept-Encoding: %s',
    async (accept) => {
      const response = await proxy().app.request('/api/pricing/us-east-1', { headers: { 'Accept-Encoding': accept } });
      expect(response.headers.get('content-encoding')).toBeNull();
      expect(JSON.parse(await response.text())).toMatchObject({ region: 'us-east-1' });
    },
  );

  it('answers 304 to a matching If-None-Match', async () => {
    const p = proxy();
    const first = await p.app.request('/api/pricing/us-east-1');
    const etag = first.headers.get('etag')!;
    expect(etag).toMatch(/^W\/"[\w-]+"$/);
    const second = await p.app.request('/api/pricing/us-east-1', { headers: { 'If-None-Match': etag } });
    expect(second.status).toBe(304);
    expect(await second.text()).toBe('');
  });
});

describe('request log', () => {
  it('writes one JSON line per request with method, path, status, duration, cache and source', async () => {
    const p = proxy();
    await p.app.request('/api/pricing/us-east-1');
    await p.app.request('/api/pricing/us-east-1');
    await p.app.request('/healthz');
    const requests = p.logs().filter((line) => line.msg === 'request');
    expect(requests).toHaveLength(3);
    expect(requests[0]).toMatchObject({
      level: 'info',
      method: 'GET',
      path: '/api/pricing/us-east-1',
      status: 200,
      cache: 'miss',
      source: 'live',
      region: 'us-east-1',
    });
    expect(requests[1]).toMatchObject({ cache: 'hit', source: 'live' });
    expect(requests[2]).toMatchObject({ path: '/healthz', status: 200, cache: 'none' });
    expect(requests[2]).not.toHaveProperty('source');
    for (const line of requests) expect(typeof line.durationMs).toBe('number');
    expect(p.logLines.every((line) => !line.includes('\n'))).toBe(true);
  });

  it('cuts hostile paths short in the log', async () => {
    const p = proxy();
    await p.app.request(`/api/pricing/${'x'.repeat(10_000)}`);
    const line = p.logs().find((entry) => entry.msg === 'request')!;
    expect(String(line.path).length).toBeLessThanOrEqual(200);
  });
});

describe('static app (STATIC_DIR)', () => {
  function withStaticDir(): TestProxy {
    const dir = temporaryDir('proxy-static-');
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>calc</title><div id="root"></div>');
    writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log("app")');
    return proxy({ config: { staticDir: dir } });
  }

  it('serves index.html with the app CSP, and for client-side routes', async () => {
    const p = withStaticDir();
    for (const path of ['/', '/compare/eks']) {
      const response = await p.app.request(path);
      expect(response.status, path).toBe(200);
      expect(await response.text()).toContain('<title>calc</title>');
      expect(response.headers.get('content-security-policy')).toContain("script-src 'self'");
      expect(response.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
      expect(response.headers.get('cache-control')).toBe('no-cache');
    }
  });

  it('serves hashed assets as immutable and keeps the API and 404s as JSON', async () => {
    const p = withStaticDir();
    const asset = await p.app.request('/assets/index-abc123.js');
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect((await p.app.request('/assets/missing.js')).status).toBe(404);
    expect((await p.app.request('/api/nope')).headers.get('content-type')).toMatch(/^application\/json/);
    expect((await p.app.request('/api/pricing/us-east-1')).status).toBe(200);
  });

  it('does not serve files outside the folder', async () => {
    const p = withStaticDir();
    for (const path of ['/..%2Fpackage.json', '/%2e%2e/package.json', '/assets/..%2F..%2Fpackage.json']) {
      const response = await p.app.request(path);
      expect(await response.text(), path).not.toContain('"dependencies"');
    }
  });
});
