/** Test helper: a CliIo over in-memory files that records what a command prints. */
import type { CliIo } from '../cli-io.ts';

export function fakeIo(files: Record<string, string>, cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIo = {
    stdout: (text) => out.push(text),
    stderr: (text) => err.push(text),
    readInput: async (path) => {
      if (path in files) return files[path]!;
      throw Object.assign(new Error('missing'), { code: 'ENOENT' });
    },
    cwd,
  };
  return { io, out, err };
}
