/**
 * The members of a .zip as import sources, inside the import limits. Sizes are checked from the
 * archive's directory before anything is inflated, so a zip bomb is refused without inflating it.
 */
import { strFromU8, unzipSync } from 'fflate';
import { MAX_FILE_BYTES, MAX_FILES, MAX_TOTAL_BYTES } from './import-limits.ts';

export type Unzipped = { ok: true; files: { path: string; text: string }[] } | { ok: false; problem: string };

const MIB = 1024 * 1024;

export function unzipImportFiles(zipPath: string, bytes: Uint8Array): Unzipped {
  let problem: string | null = null;
  let total = 0;
  let count = 0;
  let entries: Record<string, Uint8Array>;
  try {
    entries = unzipSync(bytes, {
      filter: (file) => {
        if (problem || file.name.endsWith('/')) return false;
        count++;
        total += file.originalSize;
        if (file.originalSize > MAX_FILE_BYTES)
          problem = `${zipPath}: ${file.name} inflates to ${(file.originalSize / MIB).toFixed(1)} MiB; members larger than ${MAX_FILE_BYTES / MIB} MiB are not imported`;
        else if (total > MAX_TOTAL_BYTES)
          problem = `${zipPath}: inflates to more than ${MAX_TOTAL_BYTES / MIB} MiB; not imported`;
        else if (count > MAX_FILES) problem = `${zipPath}: holds more than ${MAX_FILES} files; not imported`;
        return problem === null;
      },
    });
  } catch (error) {
    return { ok: false, problem: `${zipPath}: not a readable zip archive (${(error as Error).message})` };
  }
  if (problem) return { ok: false, problem };
  const files: { path: string; text: string }[] = [];
  for (const [name, data] of Object.entries(entries)) {
    // The directory says one size; the inflated data must agree, or the archive lied about it.
    if (data.length > MAX_FILE_BYTES)
      return { ok: false, problem: `${zipPath}: ${name} is larger than its archive entry says` };
    files.push({ path: `${zipPath}/${name}`, text: strFromU8(data) });
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { ok: true, files };
}
