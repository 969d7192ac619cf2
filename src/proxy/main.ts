/**
 * Runs the pricing proxy on Node: `npm run proxy` (settings from environment variables, see
 * docs/proxy.md). Listens on 127.0.0.1:8787 unless HOST/PORT say otherwise.
 */
import { serve } from '@hono/node-server';
import { createDefaultDeps, stdoutLogger } from './create-default-deps.ts';
import { createProxyApp } from './create-proxy-app.ts';
import { ProxyConfigError, readProxyConfig } from './proxy-config.ts';

function start(): void {
  let config;
  try {
    config = readProxyConfig(process.env);
  } catch (error) {
    if (error instanceof ProxyConfigError) {
      process.stderr.write(`proxy: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const app = createProxyApp(createDefaultDeps(config));
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, (info) => {
    stdoutLogger.info('listening', {
      url: `http://${info.family === 'IPv6' ? `[${info.address}]` : info.address}:${info.port}`,
      staticDir: config.staticDir,
      cacheDir: config.cacheDir,
      rateLimitPerMinute: config.rateLimitPerMinute,
    });
  });
  server.on('error', (error: NodeJS.ErrnoException) => {
    process.stderr.write(`proxy: cannot listen on ${config.host}:${config.port} (${error.code ?? error.name})\n`);
    process.exit(1);
  });
  const stop = (signal: string) => {
    stdoutLogger.info('stopping', { signal });
    server.close(() => process.exit(0));
    // Keep-alive connections can hold close() open; do not outlive the orchestrator's grace period.
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.once('SIGINT', () => stop('SIGINT'));
  process.once('SIGTERM', () => stop('SIGTERM'));
}

start();
