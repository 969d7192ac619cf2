/**
 * Builds the installable package in cli-package/ (`npm run build:cli`; `npm pack ./cli-package`
 * runs it as the package's prepack): the command line (`ecs-eks-cost`, src/cli/bin.ts) and the
 * pricing proxy (`ecs-eks-cost-proxy`, src/proxy/bin.ts) as plain ES modules for Node, with every
 * runtime dependency bundled in, so the package installs with no dependencies and runs without tsx.
 *
 * Layout, the same two levels as the repository's src/<part>/ (the code finds the bundled prices
 * at ../../public/pricing/ from its own file, as it does in the repository):
 *   cli-package/build/cli/ecs-eks-cost.mjs, ecs-eks-cost-proxy.mjs, chunk-*.mjs
 *   cli-package/build/main.wasm.gz     HashiCorp's HCL parser (@cdktf/hcl2json reads it from ../)
 *   cli-package/public/pricing/*.json  the bundled price snapshot
 */
import { build } from 'esbuild';
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { createRequire } from 'node:module';

const root = resolve(import.meta.dirname, '..');
const pkg = join(root, 'cli-package');
const outdir = join(pkg, 'build', 'cli');

/** The oldest Node the package supports (engines in both package.json files: ^20.19.0 || ^22.13.0). */
const NODE_TARGET = 'node20.19';

rmSync(join(pkg, 'build'), { recursive: true, force: true });
rmSync(join(pkg, 'public'), { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: { 'ecs-eks-cost': 'src/cli/bin.ts', 'ecs-eks-cost-proxy': 'src/proxy/bin.ts' },
  outdir,
  outExtension: { '.js': '.mjs' },
  bundle: true,
  // Commands load their code when run (main.ts imports them lazily): `estimate` does not parse the
  // exporter, the importers or the AWS SDK, which keeps the command's cold start short.
  splitting: true,
  chunkNames: 'chunk-[hash]',
  format: 'esm',
  platform: 'node',
  target: NODE_TARGET,
  minify: true,
  legalComments: 'linked',
  logLevel: 'warning',
  // Go's wasm_exec.js requires "performance" only where globalThis.performance is missing (never on Node 20+).
  external: ['performance'],
  // CommonJS dependencies (the AWS SDK, hcl2json) expect require, __filename and __dirname.
  banner: {
    js: [
      "import { createRequire as __createRequire } from 'node:module';",
      "import { fileURLToPath as __fileURLToPath } from 'node:url';",
      "import { dirname as __pathDirname } from 'node:path';",
      'const require = __createRequire(import.meta.url);',
      'const __filename = __fileURLToPath(import.meta.url);',
      'const __dirname = __pathDirname(__filename);',
    ].join(' '),
  },
});

// hcl2json reads its WebAssembly from join(__dirname, '..', 'main.wasm.gz').
const hcl2json = dirname(createRequire(import.meta.url).resolve('@cdktf/hcl2json/package.json'));
cpSync(join(hcl2json, 'main.wasm.gz'), join(pkg, 'build', 'main.wasm.gz'));

mkdirSync(join(pkg, 'public'), { recursive: true });
cpSync(join(root, 'public', 'pricing'), join(pkg, 'public', 'pricing'), { recursive: true });

// The package's version follows the repository's.
const manifestPath = join(pkg, 'package.json');
const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { version: string };
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
if (manifest.version !== version) {
  manifest.version = version;
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
}
