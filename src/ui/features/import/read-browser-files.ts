/**
 * Files the user picked or dropped, as import sources: zips as bytes, everything else as text.
 * Sizes are checked before reading, so a huge file is refused without loading it into memory.
 */
import { MAX_FILE_BYTES, MAX_FILES, MAX_TOTAL_BYTES } from '../../../domain/import/import-limits.ts';
import type { ImportSource } from '../../../domain/import/import-types.ts';

const MIB = 1024 * 1024;

export type ReadFiles = { ok: true; sources: ImportSource[] } | { ok: false; problem: string };

export async function readBrowserFiles(files: readonly File[]): Promise<ReadFiles> {
  if (files.length > MAX_FILES)
    return { ok: false, problem: `${files.length} files: at most ${MAX_FILES} are imported` };
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (total > MAX_TOTAL_BYTES)
    return {
      ok: false,
      problem: `${(total / MIB).toFixed(1)} MiB of files: at most ${MAX_TOTAL_BYTES / MIB} MiB are imported`,
    };
  const sources: ImportSource[] = [];
  for (const file of files) {
    const zip = /\.zip$/i.test(file.name);
    if (!zip && file.size > MAX_FILE_BYTES)
      return { ok: false, problem: `${file.name}: files larger than ${MAX_FILE_BYTES / MIB} MiB are not imported` };
    sources.push(
      zip
        ? { path: file.name, bytes: new Uint8Array(await file.arrayBuffer()) }
        : { path: file.name, text: await file.text() },
    );
  }
  return { ok: true, sources };
}

/** What a drop carries: files, else dragged text (a selection from another page or editor). */
export async function readDrop(data: DataTransfer): Promise<ReadFiles | null> {
  const files = [...data.files];
  if (files.length > 0) return readBrowserFiles(files);
  const text = data.getData('text/plain');
  if (text.trim() === '') return null;
  if (text.length > MAX_FILE_BYTES)
    return { ok: false, problem: `the dropped text is larger than ${MAX_FILE_BYTES / MIB} MiB` };
  return { ok: true, sources: [{ path: 'dropped text', text }] };
}
