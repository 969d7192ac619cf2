/**
 * The export writes through a fresh private directory (mkdtemp, 0700), creates every file
 * exclusively, follows no symbolic link and renames the result into place.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  existsSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { runExport } from './commands/export-command.ts';
import { UsageError } from './cli-io.ts';
import { fakeIo } from './testing/fake-io.ts';
import { writeDirectoryAtomically, writeFileAtomically } from './safe-write.ts';
import { ARTICLE_SCENARIO } from '../domain/export/testing/export-fixtures.ts';

let work: string;
let outside: string;
beforeEach(() => {
  work = mkdtempSync(join(tmpdir(), 'safe-write-'));
  outside = mkdtempSync(join(tmpdir(), 'safe-write-victim-'));
});
afterEach(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(outside, { recursive: true, force: true });
});

const mode = (path: string) => statSync(path).mode & 0o777;
const entriesOf = (dir: string) => readdirSync(dir).sort();

async function exportWith(argv: string[]) {
  const { io, out } = fakeIo({ 's.json': JSON.stringify(ARTICLE_SCENARIO) }, work);
  try {
    return { status: await runExport(['s.json', '--option', 'ecs-fargate', ...argv], io), out, lines: [] };
  } catch (error) {
    if (error instanceof UsageError) return { status: 2, out, lines: error.lines };
    throw error;
  }
}

describe('--zip', () => {
  it('never writes through a symbolic link planted where the old code put its temporary file', async () => {
    const victim = join(outside, 'victim.txt');
    writeFileSync(victim, 'precious');
    // The name the archive used to be written to first: predictable from the process id.
    symlinkSync(victim, join(work, `.b.zip.partial-${process.pid}`));
    const { status } = await exportWith(['--zip', 'b.zip']);
    expect(status).toBe(0);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(Object.keys(unzipSync(readFileSync(join(work, 'b.zip'))))).toContain('README.md');
  });

  it('refuses to replace a symbolic link, leaving its target alone', async () => {
    const victim = join(outside, 'victim.zip');
    writeFileSync(victim, 'precious');
    symlinkSync(victim, join(work, 'b.zip'));
    const { status, lines } = await exportWith(['--zip', 'b.zip']);
    expect(status).toBe(2);
    expect(lines).toEqual([`--zip ${join(work, 'b.zip')}: is a symbolic link; give the path of a file or a new name`]);
    expect(readFileSync(victim, 'utf8')).toBe('precious');
    expect(lstatSync(join(work, 'b.zip')).isSymbolicLink()).toBe(true);
    expect(entriesOf(work)).toEqual(['b.zip']);
  });

  it('replaces an existing file by renaming, with ordinary permissions, and leaves nothing beside it', async () => {
    writeFileSync(join(work, 'b.zip'), 'old');
    const { status } = await exportWith(['--zip', 'b.zip']);
    expect(status).toBe(0);
    expect(Object.keys(unzipSync(readFileSync(join(work, 'b.zip'))))).toContain('README.md');
    expect(mode(join(work, 'b.zip'))).toBe(0o666 & ~process.umask());
    expect(entriesOf(work)).toEqual(['b.zip']);
  });
});

describe('--out', () => {
  it('refuses a symbolic link, even to an empty directory, and leaves its target alone', async () => {
    const target = join(outside, 'empty');
    mkdirSync(target);
    symlinkSync(target, join(work, 'bundle'));
    const { status, lines } = await exportWith(['--out', 'bundle']);
    expect(status).toBe(2);
    expect(lines).toEqual([
      `--out ${join(work, 'bundle')}: is a symbolic link; give the path of a directory or a new name`,
    ]);
    expect(entriesOf(target)).toEqual([]);
    expect(entriesOf(work)).toEqual(['bundle']);
  });

  it('gives the bundle ordinary permissions once it is in place', async () => {
    const { status } = await exportWith(['--out', 'bundle']);
    expect(status).toBe(0);
    expect(mode(join(work, 'bundle'))).toBe(0o777 & ~process.umask());
    expect(mode(join(work, 'bundle', 'README.md'))).toBe(0o666 & ~process.umask());
    expect(entriesOf(work)).toEqual(['bundle']);
  });
});

describe('writeDirectoryAtomically', () => {
  it('writes into a fresh private directory beside the target, then renames it into place', async () => {
    const seen: { entries: string[]; mode: number }[] = [];
    const dir = join(work, 'bundle');
    const files = [
      { path: 'README.md', contents: 'hello' },
      {
        path: 'sub/inner.txt',
        // Reading the contents happens while the bundle is being written: look at the folder then.
        get contents() {
          const temp = readdirSync(work).filter((name) => name !== 'bundle');
          seen.push({ entries: temp, mode: temp.length === 1 ? mode(join(work, temp[0]!)) : -1 });
          return 'inner';
        },
      },
    ];
    await writeDirectoryAtomically(dir, files);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.entries).toEqual([expect.stringMatching(/^\.bundle\.partial-[A-Za-z0-9]{6}$/)]);
    expect(seen[0]!.mode).toBe(0o700);
    expect(readFileSync(join(dir, 'sub', 'inner.txt'), 'utf8')).toBe('inner');
    expect(entriesOf(work)).toEqual(['bundle']);
  });

  it('removes its temporary directory when a write fails', async () => {
    const files = [
      { path: 'a.txt', contents: 'a' },
      { path: 'a.txt', contents: 'again' },
    ];
    await expect(writeDirectoryAtomically(join(work, 'bundle'), files)).rejects.toMatchObject({ code: 'EEXIST' });
    expect(entriesOf(work)).toEqual([]);
  });

  it('refuses file paths that would leave the directory', async () => {
    for (const path of ['../x.txt', '/etc/x', 'a/../../x', '']) {
      await expect(writeDirectoryAtomically(join(work, 'bundle'), [{ path, contents: 'x' }])).rejects.toThrow(
        /not a relative path inside the bundle/,
      );
    }
    expect(existsSync(join(work, 'x.txt'))).toBe(false);
    expect(entriesOf(work)).toEqual([]);
  });
});

describe('writeFileAtomically', () => {
  it('writes the bytes through a private directory and renames them into place', async () => {
    const file = join(work, 'a.zip');
    await writeFileAtomically(file, new Uint8Array([1, 2, 3]));
    expect([...readFileSync(file)]).toEqual([1, 2, 3]);
    expect(entriesOf(work)).toEqual(['a.zip']);
  });
});
