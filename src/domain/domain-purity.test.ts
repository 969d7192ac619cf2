/**
 * Holds the line around src/domain: the pure core that the UI, the CLI and the proxy all call.
 * No React, DOM, network, Node built-ins or AWS SDK, and no imports from the layers above it.
 * Test files and test helpers (src/domain/testing) may read committed fixtures.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join, relative, resolve } from 'node:path';

const DOMAIN = resolve(import.meta.dirname);
const FORBIDDEN_PACKAGES = [
  /^react($|\/)/,
  /^react-dom/,
  /^zustand/,
  /^@tanstack\//,
  /^recharts/,
  /^@aws-sdk\//,
  /^hono/,
  /^@hono\//,
  /^node:/,
  /^autocannon/,
];
const BUILTINS = new Set(builtinModules);
const FORBIDDEN_GLOBALS = [
  'window',
  'document',
  'localStorage',
  'sessionStorage',
  'navigator',
  'fetch',
  'XMLHttpRequest',
  'process',
  'Buffer',
  'require',
];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'testing' || name === '__golden__' ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

const stripComments = (code: string) => code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
const stripStrings = (code: string) => code.replace(/'(?:\\.|[^'\\])*'|"(?:\\.|[^"\\])*"|`(?:\\.|[^`\\])*`/g, '""');

describe('src/domain stays pure', () => {
  const files = sourceFiles(DOMAIN);

  it('has source files to check', () => {
    expect(files.length).toBeGreaterThan(10);
  });

  it.each(files.map((f) => [relative(DOMAIN, f), f]))(
    '%s imports only pure modules from inside src/domain',
    (_name, file) => {
      const code = stripComments(readFileSync(file, 'utf8'));
      const specifiers = [
        ...code.matchAll(
          /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(\s*['"]([^'"]+)['"]\s*\)|import\s+['"]([^'"]+)['"]/g,
        ),
      ].map((m) => m[1] ?? m[2] ?? m[3]!);
      for (const specifier of specifiers) {
        expect(
          FORBIDDEN_PACKAGES.some((re) => re.test(specifier)),
          `${specifier} is not allowed in src/domain`,
        ).toBe(false);
        expect(BUILTINS.has(specifier), `Node built-in ${specifier} is not allowed in src/domain`).toBe(false);
        if (specifier.startsWith('.')) {
          const target = resolve(file, '..', specifier);
          expect(target.startsWith(DOMAIN), `${specifier} leaves src/domain`).toBe(true);
        }
      }
    },
  );

  it.each(files.map((f) => [relative(DOMAIN, f), f]))('%s uses no browser or Node globals', (_name, file) => {
    const code = stripStrings(stripComments(readFileSync(file, 'utf8')));
    for (const name of FORBIDDEN_GLOBALS) {
      const use = new RegExp(`(?<![\\w.$])${name}(?![\\w$])\\s*(?:\\.|\\(|\\[)`);
      expect(use.test(code), `${name} used in ${relative(DOMAIN, file)}`).toBe(false);
    }
  });
});
