import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The optional pricing proxy (npm run proxy) listens on 8787; the dev server forwards /api to it.
const PROXY_TARGET = process.env.PRICING_PROXY_URL ?? 'http://127.0.0.1:8787';

export default defineConfig({
  plugins: [react()],
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
});
