/**
 * Command line entry point: `npm run --silent cli -- <command> ...`, or the installed
 * `ecs-eks-cost <command> ...` (bin.ts, built by scripts/build-cli.ts).
 * Exit status: 0 success, 2 bad input (one line per problem on stderr, nothing on stdout), 1 unexpected failure
 * (or, for `diff --fail-above`, a cost that grew by more than the threshold).
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { UsageError, type CliIo } from './cli-io.ts';
import { echo, problemLines } from './terminal-text.ts';
import { defaultEstimateDeps, runEstimate } from './commands/estimate-command.ts';
import { loadLiveSnapshot } from './load-live-snapshot.ts';
import { EXPORTABLE_OPTION_IDS } from '../domain/export/exportable-options.ts';

const USAGE = `Usage:
  cli estimate <scenario.json | -> [--format table|json|csv|markdown] [--json] [--live <proxy URL>]
  cli diff <before.json> <after.json> [--format table|json|markdown] [--fail-above <USD | N%>] [--option <id>]
  cli share <scenario.json | -> [--base URL]
  cli export <scenario.json | -> --option <${EXPORTABLE_OPTION_IDS.join('|')}> (--out DIR | --zip FILE)
  cli import <manifest | task definition | compose file | folder | .zip | -> [--region R]
`;

type Command = (argv: readonly string[], io: CliIo) => Promise<number>;

const COMMANDS: Record<string, () => Promise<Command>> = {
  estimate: async () => (argv, io) => runEstimate(argv, io, defaultEstimateDeps(loadLiveSnapshot)),
  diff: async () => {
    const [{ runDiff }, { loadBundledSnapshot }] = await Promise.all([
      import('./commands/diff-command.ts'),
      import('./load-bundled-snapshot.ts'),
    ]);
    return (argv, io) => runDiff(argv, io, { loadSnapshot: (region) => loadBundledSnapshot(region) });
  },
  share: async () => (await import('./commands/share-command.ts')).runShare,
  export: async () => (await import('./commands/export-command.ts')).runExport,
  import: async () => (await import('./commands/import-command.ts')).runImport,
};

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    (name ? io.stdout : io.stderr)(USAGE);
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`${problemLines([`unknown command "${echo(name)}"`])}${USAGE}`);
    return 2;
  }
  try {
    return await (
      await load()
    )(rest, io);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr(problemLines(error.lines));
      return 2;
    }
    io.stderr(problemLines([`internal error: ${(error as Error).message}`]));
    return 1;
  }
}

/** Runs the command line on this process's arguments and streams; sets the exit status. */
export function runFromProcess(): void {
  const cwd = process.cwd();
  const io: CliIo = {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readInput: (path) => (path === '-' ? readStdin() : readFile(resolve(cwd, path), 'utf8')),
    cwd,
  };
  runCli(process.argv.slice(2), io).then((code) => {
    process.exitCode = code;
  });
}

// `npm run cli` (tsx src/cli/main.ts); the installed command starts from bin.ts instead.
const isMain =
  process.argv[1] && resolve(process.argv[1]).endsWith('main.ts') && import.meta.url.endsWith('/cli/main.ts');
if (isMain) runFromProcess();
