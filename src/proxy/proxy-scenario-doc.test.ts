/**
 * docs/proxy.md deploys the proxy with the calculator's own export from docs/proxy-scenario.json;
 * this keeps that example a valid scenario that matches how the image runs.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateScenario } from '../domain/scenario/validate-scenario.ts';
import { DEFAULT_PROXY_CONFIG, readProxyConfig } from './proxy-config.ts';

const ROOT = join(import.meta.dirname, '../..');

describe('docs/proxy-scenario.json', () => {
  it('is a valid scenario describing the proxy image behind a load balancer', () => {
    const result = validateScenario(JSON.parse(readFileSync(join(ROOT, 'docs/proxy-scenario.json'), 'utf8')));
    if (!result.ok) throw new Error(JSON.stringify(result.problems));
    const [service] = result.scenario.services;
    expect(service).toMatchObject({
      name: 'pricing-proxy',
      port: DEFAULT_PROXY_CONFIG.port,
      healthCheckPath: '/healthz',
      public: true,
    });
    // Behind the ALB the socket address is the ALB's: rate limits must read X-Forwarded-For.
    expect(readProxyConfig(service!.environment ?? {})).toMatchObject({ trustProxyHops: 1 });
  });

  it('matches the image: port and health check of the Dockerfile', () => {
    const dockerfile = readFileSync(join(ROOT, 'Dockerfile'), 'utf8');
    expect(dockerfile).toContain('PORT=8787');
    expect(dockerfile).toContain('EXPOSE 8787');
    expect(dockerfile).toMatch(/apk add --no-cache curl/);
  });
});
