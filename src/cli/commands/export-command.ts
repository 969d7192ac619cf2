/**
 * `cli export <scenario.json | -> --option <id> (--out DIR | --zip FILE)`
 *
 * Builds the whole bundle in memory first, then writes it atomically through a fresh private
 * directory beside the target that is renamed into place (safe-write.ts). On any error nothing
 * is left behind. --out must not exist or be an empty directory; --zip replaces an existing
 * file. Neither follows a symbolic link: a link at the target is refused.
 */
import { lstat, mkdir, readdir, rm, rmdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { estimateScenario } from '../../domain/cost/estimate.ts';
import { OPTION_IDS, OPTION_LABELS, type OptionId } from '../../domain/cost/estimate-types.ts';
import { EXPORTABLE_OPTION_IDS, isExportable } from '../../domain/export/exportable-options.ts';
import { buildExportBundle, ExportError } from '../../domain/export/build-export-bundle.ts';
import type { ExportFile } from '../../domain/export/export-file.ts';
import { zipExportFiles } from '../../domain/export/zip-export-files.ts';
import { DEFAULT_APP_URL, tryBuildShareUrl } from '../../domain/share/share-codec.ts';
import { parseArgs, scenarioArgument, UsageError, type CliIo } from '../cli-io.ts';
import { checkAgainstSnapshot, readScenario } from '../load-scenario.ts';
import { loadBundledSnapshot } from '../load-bundled-snapshot.ts';
import { writeDirectoryAtomically, writeFileAtomically } from '../safe-write.ts';
import { echo, outputLines } from '../terminal-text.ts';

const isOptionId = (value: string): value is OptionId => (OPTION_IDS as readonly string[]).includes(value);

/** What stands at the path itself, never following a symbolic link there. */
async function lstatOrNull(path: string) {
  try {
    return await lstat(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
}

const describeError = (error: unknown) => (error as NodeJS.ErrnoException).code ?? (error as Error).message;

/** Refuses a target directory that exists and is not empty (or is not a directory), before any work is done. */
async function checkOutDir(dir: string): Promise<void> {
  const existing = await lstatOrNull(dir).catch((error: unknown) => {
    throw new UsageError(`--out ${dir}: cannot use this path: ${describeError(error)}`);
  });
  if (!existing) return;
  if (existing.isSymbolicLink())
    throw new UsageError(`--out ${dir}: is a symbolic link; give the path of a directory or a new name`);
  if (!existing.isDirectory()) throw new UsageError(`--out ${dir}: exists and is not a directory`);
  if ((await readdir(dir)).length > 0)
    throw new UsageError(`--out ${dir}: directory is not empty; choose a new or empty directory`);
}

async function checkZipFile(file: string): Promise<void> {
  const existing = await lstatOrNull(file).catch((error: unknown) => {
    throw new UsageError(`--zip ${file}: cannot use this path: ${describeError(error)}`);
  });
  if (existing?.isSymbolicLink())
    throw new UsageError(`--zip ${file}: is a symbolic link; give the path of a file or a new name`);
  if (existing?.isDirectory()) throw new UsageError(`--zip ${file}: is a directory`);
}

async function writeOutDir(dir: string, files: readonly ExportFile[]): Promise<void> {
  const parent = dirname(dir);
  try {
    await mkdir(parent, { recursive: true });
  } catch (error) {
    throw new UsageError(`--out ${dir}: cannot create ${parent}: ${describeError(error)}`);
  }
  try {
    // An empty directory may stand where the bundle goes (checked earlier): rename needs it gone.
    if (await lstatOrNull(dir)) await rmdir(dir);
    await writeDirectoryAtomically(dir, files);
  } catch (error) {
    throw new UsageError(`--out ${dir}: cannot write the bundle: ${describeError(error)}`);
  }
}

async function writeZip(file: string, bytes: Uint8Array): Promise<void> {
  try {
    await mkdir(dirname(file), { recursive: true });
    await writeFileAtomically(file, bytes);
  } catch (error) {
    throw new UsageError(`--zip ${file}: cannot write the archive: ${describeError(error)}`);
  }
}

export async function runExport(argv: readonly string[], io: CliIo): Promise<number> {
  const args = parseArgs(argv, [], ['option', 'out', 'zip']);
  const path = scenarioArgument(args);
  const option = args.flags.get('option');
  const exportable = EXPORTABLE_OPTION_IDS.join(', ');
  if (typeof option !== 'string') throw new UsageError(`missing --option: one of ${exportable}`);
  if (!isOptionId(option)) throw new UsageError(`--option ${echo(option)}: must be one of ${exportable}`);
  if (!isExportable(option))
    throw new UsageError(
      `--option ${option}: ${OPTION_LABELS[option]} is priced but has no configuration export yet; export one of ${exportable}`,
    );
  const out = args.flags.get('out');
  const zip = args.flags.get('zip');
  if (typeof out !== 'string' && typeof zip !== 'string')
    throw new UsageError('missing --out DIR or --zip FILE: say where to write the bundle');
  const outDir = typeof out === 'string' ? resolve(io.cwd, out) : null;
  const zipFile = typeof zip === 'string' ? resolve(io.cwd, zip) : null;

  const scenario = await readScenario(io, path);
  const snapshot = await loadBundledSnapshot(scenario.region);
  checkAgainstSnapshot(scenario, snapshot);
  const estimate = estimateScenario(scenario, snapshot, { atAutoscalingMax: true });
  let files: ExportFile[];
  try {
    files = buildExportBundle({
      scenario,
      estimate,
      optionId: option,
      shareUrl: tryBuildShareUrl(DEFAULT_APP_URL, { scenario }) ?? '',
    });
  } catch (error) {
    if (error instanceof ExportError) throw new UsageError(error.problems);
    throw error;
  }

  // Every check runs before the first write, so a refusal leaves nothing behind.
  if (outDir) await checkOutDir(outDir);
  if (zipFile) await checkZipFile(zipFile);
  const lines: string[] = [];
  if (outDir) {
    await writeOutDir(outDir, files);
    lines.push(`Wrote ${files.length} files to ${outDir}`);
  }
  if (zipFile) {
    const bytes = zipExportFiles(files);
    try {
      await writeZip(zipFile, bytes);
    } catch (error) {
      if (outDir) await rm(outDir, { recursive: true, force: true });
      throw error;
    }
    lines.push(`Wrote ${zipFile} (${files.length} files, ${bytes.length} bytes)`);
  }
  io.stdout(outputLines(lines));
  return 0;
}
