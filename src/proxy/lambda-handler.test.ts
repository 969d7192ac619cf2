/**
 * The Lambda entry point answers API Gateway HTTP API (v2) events with the same app. Only routes
 * that never reach AWS are called: the handler is built with the real SDK client.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { LambdaContext, LambdaEvent } from 'hono/aws-lambda';

let handler: (
  event: LambdaEvent,
  context?: LambdaContext,
) => Promise<{ statusCode: number; body: string; headers?: Record<string, string> }>;

const logged: string[] = [];

beforeAll(async () => {
  process.env.AWS_EC2_METADATA_DISABLED = 'true';
  process.env.RATE_LIMIT_PER_MINUTE = '2';
  // The handler logs to stdout, as on Lambda (CloudWatch Logs); keep the lines for the assertions.
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    logged.push(String(chunk));
    return true;
  });
  ({ handler } = (await import('./lambda-handler.ts')) as unknown as { handler: typeof handler });
});

afterAll(() => {
  vi.restoreAllMocks();
  delete process.env.RATE_LIMIT_PER_MINUTE;
});

function httpApiEvent(path: string, sourceIp = '198.51.100.7'): LambdaEvent {
  return {
    version: '2.0',
    routeKey: '$default',
    rawPath: path,
    rawQueryString: '',
    headers: { host: 'abc123.execute-api.us-east-1.amazonaws.com' },
    body: null,
    isBase64Encoded: false,
    requestContext: {
      accountId: 'anonymous',
      apiId: 'abc123',
      authentication: null,
      authorizer: {} as never,
      domainName: 'abc123.execute-api.us-east-1.amazonaws.com',
      domainPrefix: 'abc123',
      http: { method: 'GET', path, protocol: 'HTTP/1.1', sourceIp, userAgent: 'vitest' },
      requestId: 'id',
      routeKey: '$default',
      stage: '$default',
      time: '27/Nov/2026:12:00:00 +0000',
      timeEpoch: 0,
    },
  } as LambdaEvent;
}

describe('lambda handler', () => {
  it('answers /healthz', async () => {
    const result = await handler(httpApiEvent('/healthz'));
    expect(result.statusCode).toBe(200);
    expect(JSON.parse(result.body)).toEqual({ ok: true });
    expect(logged.map((line) => JSON.parse(line))).toContainEqual(
      expect.objectContaining({ msg: 'request', path: '/healthz', status: 200 }),
    );
  });

  it('refuses a bad region with 400 and the JSON security headers', async () => {
    const result = await handler(httpApiEvent('/api/pricing/..%2Fetc'));
    expect(result.statusCode).toBe(400);
    expect(result.body).not.toContain('etc');
    expect(result.headers?.['x-content-type-options']).toBe('nosniff');
  });

  it('rate-limits by the API Gateway source address', async () => {
    for (let i = 0; i < 2; i++)
      expect((await handler(httpApiEvent('/api/regions', '203.0.113.50'))).statusCode).toBe(200);
    expect((await handler(httpApiEvent('/api/regions', '203.0.113.50'))).statusCode).toBe(429);
    expect((await handler(httpApiEvent('/api/regions', '203.0.113.51'))).statusCode).toBe(200);
  });
});
