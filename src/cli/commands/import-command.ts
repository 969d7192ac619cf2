/**
 * `cli import <file | directory | -> [--region R]`: reads Kubernetes manifests, ECS task
 * definitions and services, ECS Terraform and Compose files (a file, every file under a folder, or
 * a .zip) and prints one scenario JSON on stdout, ready for `cli estimate`, with one note per line
 * on stderr. Unusable input exits 2 with one line per problem and nothing on stdout.
 */
import { lstat, readdir, readFile } from 'node:fs/promises';
import { join, relative, resolve } from 'node:path';
import { importScenario } from '../../domain/import/import-scenario.ts';
import { formatNote, type ImportSource, type TerraformJson } from '../../domain/import/import-types.ts';
import { MAX_FILE_BYTES, MAX_FILES, MAX_TOTAL_BYTES } from '../../domain/import/import-limits.ts';
import { parseArgs, UsageError, type CliIo } from '../cli-io.ts';

const MIB = 1024 * 1024;
/** Folders a walk never enters: version control and installed packages hold no workload. */
const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules', '.terraform']);

/** Control characters and bidirectional overrides from file names or contents never reach the terminal raw. */
const terminalSafe = (line: string): string =>
  // oxlint-disable-next-line no-control-regex -- removing control characters is the point
  line.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '?');

const tooLarge = (path: string, bytes: number) =>
  `${path}: is ${(bytes / MIB).toFixed(1)} MiB; files larger than ${MAX_FILE_BYTES / MIB} MiB are not imported`;

async function readSource(absolute: string, shownPath: string, size: number): Promise<ImportSource> {
  if (size > MAX_FILE_BYTES && !/\.zip$/i.test(absolute)) throw new UsageError(tooLarge(shownPath, size));
  if (/\.zip$/i.test(absolute)) {
    if (size > MAX_TOTAL_BYTES) throw new UsageError(tooLarge(shownPath, size));
    return { path: shownPath, bytes: new Uint8Array(await readFile(absolute)) };
  }
  return { path: shownPath, text: await readFile(absolute, 'utf8') };
}

/** Every regular file under a folder (symbolic links are not followed), in a stable order. */
async function walk(root: string): Promise<ImportSource[]> {
  const sources: ImportSource[] = [];
  let total = 0;
  const visit = async (dir: string): Promise<void> => {
    const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    );
    for (const entry of entries) {
      const absolute = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (!SKIPPED_DIRECTORIES.has(entry.name)) await visit(absolute);
        continue;
      }
      if (!entry.isFile()) continue;
      if (sources.length >= MAX_FILES)
        throw new UsageError(`${root}: holds more than ${MAX_FILES} files; import a smaller folder`);
      const { size } = await lstat(absolute);
      total += size;
      if (total > MAX_TOTAL_BYTES)
        throw new UsageError(`${root}: holds more than ${MAX_TOTAL_BYTES / MIB} MiB; import a smaller folder`);
      sources.push(await readSource(absolute, relative(root, absolute).split('\\').join('/'), size));
    }
  };
  await visit(root);
  return sources;
}

async function readSources(io: CliIo, path: string): Promise<ImportSource[]> {
  if (path === '-') {
    let text: string;
    try {
      text = await io.readInput('-');
    } catch (error) {
      throw new UsageError(`cannot read standard input: ${(error as Error).message}`);
    }
    return [{ path: 'standard input', text }];
  }
  const absolute = resolve(io.cwd, path);
  try {
    const stats = await lstat(absolute);
    if (stats.isDirectory()) return await walk(absolute);
    return [await readSource(absolute, path, stats.size)];
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

/** HashiCorp's HCL parser (compiled to WebAssembly), loaded only when there is Terraform to read. */
async function parseTerraform(path: string, text: string): Promise<TerraformJson> {
  const hcl2json = await import('@cdktf/hcl2json');
  // A CommonJS module: Node gives its named exports, the bundled package (scripts/build-cli.ts) only its default.
  const { parse } = hcl2json.default ?? hcl2json;
  return (await parse(path, text)) as TerraformJson;
}

export async function runImport(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, [], ['region']);
  if (args.positional.length !== 1)
    throw new UsageError(
      args.positional.length === 0
        ? 'missing input: give a file, a folder, a .zip, or - for standard input'
        : `expected one input, got ${args.positional.length}: ${args.positional.join(' ')}`,
    );
  const region = args.flags.get('region');
  const sources = await readSources(io, args.positional[0]!);
  const result = await importScenario(sources, {
    ...(typeof region === 'string' ? { region } : {}),
    parseTerraform,
  });
  if (!result.ok) throw new UsageError(result.problems.map(terminalSafe));
  for (const note of result.notes) io.stderr(`${terminalSafe(formatNote(note))}\n`);
  io.stdout(`${JSON.stringify(result.scenario, null, 2)}\n`);
  return 0;
}
