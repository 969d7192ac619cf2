import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { build } from 'vite';
import { FIRST_SCREEN_BUDGET_KB, firstScreenAssets, firstScreenKB, lazyChunkKB } from './first-screen-size.ts';

const temp = mkdtempSync(join(tmpdir(), 'first-screen-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

describe('first-screen JavaScript', () => {
  it('counts the entry script and every preloaded chunk, gzipped', () => {
    const dist = join(temp, 'fake');
    mkdirSync(join(dist, 'assets'), { recursive: true });
    writeFileSync(
      join(dist, 'index.html'),
      '<script type="module" crossorigin src="/assets/a.js"></script><link rel="modulepreload" crossorigin href="/assets/b.js"><link rel="stylesheet" href="/assets/c.css">',
    );
    // Random bytes do not compress: 120 KB of them are over the budget.
    writeFileSync(join(dist, 'assets/a.js'), randomBytes(60 * 1024));
    writeFileSync(join(dist, 'assets/b.js'), randomBytes(60 * 1024));
    writeFileSync(join(dist, 'assets/c.css'), randomBytes(200 * 1024));
    expect(firstScreenAssets(dist).map((a) => a.path)).toEqual(['/assets/a.js', '/assets/b.js']);
    expect(firstScreenKB(dist)).toBeGreaterThan(FIRST_SCREEN_BUDGET_KB);

    // A lazy chunk counts with what it imports, but not with what the first screen already loaded.
    const b = randomBytes(10 * 1024);
    writeFileSync(
      join(dist, 'assets/lazy-x.js'),
      Buffer.concat([Buffer.from('import"./a.js";import{q}from"./d.js";'), b]),
    );
    writeFileSync(
      join(dist, 'assets/d.js'),
      Buffer.concat([Buffer.from('import"./lazy-x.js";'), randomBytes(5 * 1024)]),
    );
    expect(lazyChunkKB(dist, 'lazy-')).toBeGreaterThan(15);
    expect(lazyChunkKB(dist, 'lazy-')).toBeLessThan(16);
  });

  it(`is at most ${FIRST_SCREEN_BUDGET_KB} KB gzipped in the production build`, { timeout: 120_000 }, async () => {
    const outDir = join(temp, 'dist');
    // Vitest sets NODE_ENV=test, and Vite would then bundle React's development build.
    const nodeEnv = process.env.NODE_ENV;
    process.env.NODE_ENV = 'production';
    try {
      await build({
        root: resolve(import.meta.dirname, '..'),
        mode: 'production',
        logLevel: 'silent',
        build: { outDir, emptyOutDir: true },
      });
    } finally {
      process.env.NODE_ENV = nodeEnv;
    }
    const kb = firstScreenKB(outDir);
    expect(kb, `first-screen JavaScript is ${kb.toFixed(1)} KB gzipped`).toBeLessThanOrEqual(FIRST_SCREEN_BUDGET_KB);
  });
});
