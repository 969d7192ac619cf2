/**
 * The one test that runs the proxy as a real HTTP server (@hono/node-server on 127.0.0.1, port 0)
 * and talks HTTP to it: what app.request() cannot show (socket addresses, raw request lines,
 * compression on the wire, keep-alive).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { parseRegionSnapshot } from '../domain/pricing/region-snapshot-schema.ts';
import { buildTestProxy, CALLS_PER_REGION, type TestProxy } from './fixtures/test-proxy.ts';

let proxy: TestProxy;
let server: ServerType;
let baseUrl: string;

beforeAll(async () => {
  proxy = buildTestProxy({ config: { rateLimitPerMinute: 30 } });
  server = await new Promise<ServerType>((resolve) => {
    const started = serve({ fetch: proxy.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise<void>((resolve) => server.close(() => resolve()));
  proxy.pricingMock.restore();
});

/** A raw request, so the path reaches the server exactly as written (fetch would normalize it). */
function rawGet(path: string, headers: Record<string, string> = {}) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }>(
    (resolve, reject) => {
      const url = new URL(baseUrl);
      const req = httpRequest({ host: url.hostname, port: url.port, path, method: 'GET', headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString('utf8') }),
        );
      });
      req.on('error', reject);
      req.end();
    },
  );
}

describe('proxy over HTTP on a loopback port', () => {
  it('answers /healthz', async () => {
    const response = await fetch(`${baseUrl}/healthz`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ ok: true });
  });

  it('serves live prices gzip-compressed on the wire, with one set of AWS calls for concurrent clients', async () => {
    const responses = await Promise.all(
      Array.from({ length: 8 }, () =>
        fetch(`${baseUrl}/api/pricing/us-west-2`, {
          headers: { 'Accept-Encoding': 'gzip', Origin: 'http://localhost:5173' },
        }),
      ),
    );
    for (const response of responses) {
      expect(response.status).toBe(200);
      expect(response.headers.get('content-encoding')).toBe('gzip');
      expect(response.headers.get('access-control-allow-origin')).toBe('http://localhost:5173');
      expect(response.headers.get('x-content-type-options')).toBe('nosniff');
      expect(parseRegionSnapshot(await response.json())).toMatchObject({ region: 'us-west-2', source: 'live' });
    }
    expect(proxy.getProductsCalls()).toBe(CALLS_PER_REGION);
  });

  it('rejects a raw ../ path with 400, without echoing it', async () => {
    const response = await rawGet('/api/pricing/../../etc/passwd');
    expect(response.status).toBe(400);
    expect(JSON.parse(response.body)).toEqual({
      error: 'invalid path',
      detail: 'Paths may not contain "." or ".." segments.',
    });
    expect(response.body).not.toContain('passwd');
  });

  it('rejects an encoded slash in the region with 400', async () => {
    const response = await rawGet('/api/pricing/us-east-1%2F..%2F..%2Fetc');
    expect(response.status).toBe(400);
    expect(response.body).not.toContain('etc');
  });

  it('rate-limits by the socket address and says when to retry', async () => {
    let status = 0;
    let retryAfter: string | null = null;
    for (let i = 0; i < 40 && status !== 429; i++) {
      const response = await fetch(`${baseUrl}/api/regions`);
      status = response.status;
      retryAfter = response.headers.get('retry-after');
      await response.arrayBuffer();
    }
    expect(status).toBe(429);
    expect(Number(retryAfter)).toBeGreaterThan(0);
    const logged = proxy.logs().filter((line) => line.msg === 'request' && line.status === 429);
    expect(logged.length).toBeGreaterThan(0);
  });
});
