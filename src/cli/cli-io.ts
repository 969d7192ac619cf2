/**
 * What a CLI command may touch, injected so commands are testable without a process:
 * arguments in, text out, an exit status.
 */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Reads a file path, or standard input for "-". Throws on failure. */
  readInput: (pathOrDash: string) => Promise<string>;
  /** The working directory relative paths resolve against. */
  cwd: string;
}

import { echo } from './terminal-text.ts';

/** A failure the user caused: exit status 2 with these lines on stderr, nothing on stdout. */
export class UsageError extends Error {
  readonly lines: string[];
  constructor(lines: string[] | string) {
    const all = Array.isArray(lines) ? lines : [lines];
    super(all.join('\n'));
    this.lines = all;
  }
}

export interface ParsedArgs {
  positional: string[];
  flags: Map<string, string | true>;
}

/** Parses `--name value`, `--name=value` and boolean `--name` (for names listed in booleanFlags). */
export function parseArgs(
  argv: readonly string[],
  booleanFlags: readonly string[],
  valueFlags: readonly string[],
): ParsedArgs {
  const positional: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-' || !arg.startsWith('--')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq === -1 ? arg.slice(2) : arg.slice(2, eq);
    if (booleanFlags.includes(name)) {
      if (eq !== -1) throw new UsageError(`--${echo(name)} takes no value`);
      flags.set(name, true);
    } else if (valueFlags.includes(name)) {
      const value = eq === -1 ? argv[++i] : arg.slice(eq + 1);
      if (value === undefined || value === '') throw new UsageError(`--${echo(name)} needs a value`);
      flags.set(name, value);
    } else {
      throw new UsageError(`unknown option --${echo(name)}`);
    }
  }
  return { positional, flags };
}

/** The one scenario argument of a command (a path or "-"), refusing more than one. */
export function scenarioArgument(args: ParsedArgs): string | undefined {
  if (args.positional.length > 1)
    throw new UsageError(
      `expected one scenario, got ${args.positional.length}: ${echo(args.positional.slice(0, 5).join(' '))}`,
    );
  return args.positional[0];
}
