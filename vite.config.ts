import { defineConfig } from 'vitest/config';
import { loadEnv } from 'vite';
import react from '@vitejs/plugin-react';
import { appCsp, PAGE_SECURITY_HEADERS, pricingApiOrigin } from './src/proxy/http/app-csp.ts';

// The optional pricing proxy (npm run proxy) listens on 8787; the dev server forwards /api to it.
const PROXY_TARGET = process.env.PRICING_PROXY_URL ?? 'http://127.0.0.1:8787';

export default defineConfig(({ mode }) => {
  // The pricing API the build talks to (VITE_PRICING_API, from the environment or .env files):
  // when it is on another origin, the page's CSP must let it connect there.
  const pricingOrigin = pricingApiOrigin(
    process.env.VITE_PRICING_API ?? loadEnv(mode, process.cwd(), 'VITE_').VITE_PRICING_API,
  );
  return {
    plugins: [react()],
    // `npm start` serves the built app with the proxy's headers: a strict CSP and no framing.
    preview: {
      headers: {
        'Content-Security-Policy': appCsp(pricingOrigin ? [pricingOrigin] : []),
        ...PAGE_SECURITY_HEADERS,
      },
    },
    server: {
      proxy: { '/api': { target: PROXY_TARGET, changeOrigin: true } },
    },
    build: {
      target: 'es2022',
      sourcemap: false,
      rolldownOptions: {
        output: {
          // Everything the entry loads statically goes in one chunk: split into shared chunks (React,
          // zod) it compressed worse and cost about 1.4 KB of the first screen's gzipped JavaScript.
          // Lazy chunks (charts, export, decision guide, cost engine) import from it.
          codeSplitting: { groups: [{ name: 'first-screen', tags: ['$initial'] }] },
        },
      },
    },
    test: {
      include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'scripts/**/*.test.ts', 'bench/**/*.test.ts'],
      environment: 'node',
      env: { AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', AWS_EC2_METADATA_DISABLED: 'true' },
      pool: 'threads',
      maxWorkers: 2,
      // Eight people share two cores: tests that read the bundled snapshots (proxy fallbacks, jsdom
      // renders) take seconds under that load, and a 5 s limit failed them at random.
      testTimeout: 20_000,
    },
  };
});
