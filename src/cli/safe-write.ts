/**
 * Writes the export's files so that nobody else on the machine can interfere and nothing is half
 * done: a fresh private directory (mkdtemp, mode 0700, a random name) beside the target, every
 * file created exclusively (O_CREAT | O_EXCL, O_NOFOLLOW), then one rename into place. No symbolic
 * link is followed: the temporary names cannot be guessed and exclusive creation refuses any
 * existing entry. On failure the temporary directory is removed.
 */
import { constants } from 'node:fs';
import { chmod, mkdir, mkdtemp, open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';

export interface FileToWrite {
  /** Relative path inside the bundle, "/"-separated. */
  path: string;
  contents: string | Uint8Array;
}

const EXCLUSIVE = constants.O_WRONLY | constants.O_CREAT | constants.O_EXCL | constants.O_NOFOLLOW;

/** The process's umask, read once (process.umask() without an argument does not change it). */
const umask = () => process.umask();

/** Refuses what would write outside the directory: absolute paths, "..", empty levels. */
function levelsOf(path: string): string[] {
  const levels = path.split('/');
  if (levels.some((level) => level === '' || level === '.' || level === '..' || level.includes('\\')))
    throw new Error(`${JSON.stringify(path)} is not a relative path inside the bundle`);
  return levels;
}

async function writeExclusive(path: string, contents: string | Uint8Array, mode: number): Promise<void> {
  const handle = await open(path, EXCLUSIVE, mode);
  try {
    await handle.writeFile(contents);
  } finally {
    await handle.close();
  }
}

/** A fresh private directory beside `target`: `.NAME.partial-XXXXXX`, mode 0700. */
const privateDirBeside = (target: string) => mkdtemp(join(dirname(target), `.${basename(target)}.partial-`));

/**
 * Writes the files into a new directory and renames it to `dir`, which must not exist (the caller
 * removes an empty directory first). Directories get 0777 and files 0666, less the umask, once
 * they are complete.
 */
export async function writeDirectoryAtomically(dir: string, files: readonly FileToWrite[]): Promise<void> {
  const paths = files.map((file) => levelsOf(file.path));
  const temp = await privateDirBeside(dir);
  try {
    const dirMode = 0o777 & ~umask();
    const fileMode = 0o666 & ~umask();
    for (const [index, file] of files.entries()) {
      const levels = paths[index]!;
      let parent = temp;
      for (const level of levels.slice(0, -1)) {
        parent = join(parent, level);
        // Inside the private directory only this process creates entries.
        await mkdir(parent, { recursive: true, mode: dirMode });
      }
      await writeExclusive(join(parent, levels.at(-1)!), file.contents, fileMode);
    }
    await chmod(temp, dirMode);
    await rename(temp, dir);
  } catch (error) {
    await rm(temp, { recursive: true, force: true });
    throw error;
  }
}

/** Writes `bytes` to a new file in a private directory beside `file` and renames it over `file`. */
export async function writeFileAtomically(file: string, bytes: Uint8Array): Promise<void> {
  const temp = await privateDirBeside(file);
  try {
    const staged = join(temp, basename(file));
    await writeExclusive(staged, bytes, 0o666 & ~umask());
    // rename replaces `file` itself; it never writes through a link standing there.
    await rename(staged, file);
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}
