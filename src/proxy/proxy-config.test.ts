/** Settings from environment variables: defaults, overrides, and messages for wrong values. */
import { describe, expect, it } from 'vitest';
import { DEFAULT_PROXY_CONFIG, DEV_ORIGINS, ProxyConfigError, readProxyConfig } from './proxy-config.ts';

describe('readProxyConfig', () => {
  it('defaults to loopback:8787, a 24 h cache, a 10 s AWS time limit, 120 requests a minute and the dev origins', () => {
    expect(readProxyConfig({})).toEqual(DEFAULT_PROXY_CONFIG);
    expect(DEFAULT_PROXY_CONFIG).toMatchObject({
      port: 8787,
      host: '127.0.0.1',
      cacheTtlMs: 86_400_000,
      awsTimeoutMs: 10_000,
      rateLimitPerMinute: 120,
      staticDir: null,
      cacheDir: null,
      trustProxyHops: 0,
    });
    expect(DEV_ORIGINS).toEqual([
      'http://127.0.0.1:5173',
      'http://localhost:5173',
      'http://127.0.0.1:4173',
      'http://localhost:4173',
    ]);
  });

  it('reads every variable', () => {
    const config = readProxyConfig({
      PORT: '0',
      HOST: '0.0.0.0',
      SNAPSHOT_DIR: '/app/dist/pricing',
      STATIC_DIR: '/app/dist',
      PRICING_CACHE_TTL_MS: '60000',
      PRICING_FAILURE_TTL_MS: '5000',
      PRICING_CACHE_MAX_REGIONS: '3',
      PRICING_CACHE_DIR: '/var/cache/pricing',
      AWS_TIMEOUT_MS: '2500',
      AWS_MAX_THROTTLE_RETRIES: '1',
      RATE_LIMIT_PER_MINUTE: '600',
      CORS_ORIGINS: 'https://calc.example.com, https://www.example.com',
      TRUST_PROXY_HOPS: '1',
    });
    expect(config).toEqual({
      port: 0,
      host: '0.0.0.0',
      snapshotDir: '/app/dist/pricing',
      staticDir: '/app/dist',
      cacheTtlMs: 60_000,
      failureTtlMs: 5_000,
      cacheMaxRegions: 3,
      cacheDir: '/var/cache/pricing',
      awsTimeoutMs: 2_500,
      awsMaxThrottleRetries: 1,
      rateLimitPerMinute: 600,
      corsOrigins: ['https://calc.example.com', 'https://www.example.com'],
      trustProxyHops: 1,
    });
  });

  it.each([
    [{ PORT: 'http' }, /PORT must be a whole number from 0 to 65535, got "http"/],
    [{ PORT: '70000' }, /PORT must be a whole number/],
    [{ AWS_TIMEOUT_MS: '1.5' }, /AWS_TIMEOUT_MS must be a whole number/],
    [{ RATE_LIMIT_PER_MINUTE: '-1' }, /RATE_LIMIT_PER_MINUTE must be a whole number/],
    [{ CORS_ORIGINS: 'calc.example.com' }, /CORS_ORIGINS entries must be origins/],
    [{ CORS_ORIGINS: 'https://calc.example.com/' }, /must be a bare origin/],
  ])('refuses %o with a message naming the variable', (env, message) => {
    expect(() => readProxyConfig(env)).toThrow(ProxyConfigError);
    expect(() => readProxyConfig(env)).toThrow(message);
  });
});
