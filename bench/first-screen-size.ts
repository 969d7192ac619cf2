/**
 * The first screen's JavaScript: the entry script of dist/index.html and every chunk it preloads
 * (`<link rel="modulepreload">`), each gzipped at level 9 as a static host would serve it. Lazy
 * chunks (charts, export, decision guide, the cost engine) are not part of it.
 *
 * Used by `npm run bench` (prints it) and first-screen-size.test.ts (fails above the budget).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** Share links are opened on phones: the first screen's JavaScript stays within 100 KB gzipped. */
export const FIRST_SCREEN_BUDGET_KB = 100;

export interface FirstScreenAsset {
  path: string;
  gzipBytes: number;
}

/** The scripts dist/index.html loads before the page can run, with their gzipped sizes. */
export function firstScreenAssets(distDir: string): FirstScreenAsset[] {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const tags = html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="modulepreload"[^>]*\shref)="([^"]+\.js)"/g);
  const paths = [...new Set([...tags].map((m) => m[1]!))];
  if (paths.length === 0) throw new Error(`${join(distDir, 'index.html')} loads no script`);
  return paths.map((path) => ({
    path,
    gzipBytes: gzipSync(readFileSync(join(distDir, path.replace(/^\//, ''))), { level: 9 }).length,
  }));
}

export function firstScreenKB(distDir: string): number {
  return firstScreenAssets(distDir).reduce((sum, a) => sum + a.gzipBytes, 0) / 1024;
}

/**
 * What a lazy chunk (named by its file name's start, e.g. "share-codec-") adds to the first screen:
 * the chunk and the chunks it imports statically, transitively, less those already on the first
 * screen, gzipped. A share link loads "share-codec-" before the page's first render (main.tsx).
 */
export function lazyChunkKB(distDir: string, chunkPrefix: string): number {
  const assets = join(distDir, 'assets');
  const onFirstScreen = new Set(firstScreenAssets(distDir).map((a) => a.path.replace(/^\/assets\//, '')));
  const start = readdirSync(assets).find((f) => f.startsWith(chunkPrefix) && f.endsWith('.js'));
  if (!start) throw new Error(`${assets} has no ${chunkPrefix}*.js chunk`);
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file) || onFirstScreen.has(file)) return;
    seen.add(file);
    const code = readFileSync(join(assets, file), 'utf8');
    for (const m of code.matchAll(/(?:from|import)\s*"\.\/([^"]+\.js)"/g)) visit(m[1]!);
  };
  visit(start);
  return [...seen].reduce((sum, f) => sum + gzipSync(readFileSync(join(assets, f)), { level: 9 }).length, 0) / 1024;
}
