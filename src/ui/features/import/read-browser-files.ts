/**
 * Files the user picked or dropped, as import sources: zips as bytes, everything else as text.
 * Sizes are checked before reading, so a huge file is refused without loading it into memory.
 */
import { MAX_FILE_BYTES, MAX_FILES, MAX_TOTAL_BYTES } from '../../../domain/import/import-limits.ts';
import type { ImportSource } from '../../../domain/import/import-types.ts';

const MIB = 1024 * 1024;

export type ReadFiles = { ok: true; sources: ImportSource[] } | { ok: false; problem: string };

/** A file and the path it is shown and read under (a dropped folder's files keep their folders). */
type Picked = File | { file: File; path: string };
const fileOf = (picked: Picked): File => (picked instanceof File ? picked : picked.file);
const pathOf = (picked: Picked): string => (picked instanceof File ? picked.name : picked.path);

export async function readBrowserFiles(picked: readonly Picked[]): Promise<ReadFiles> {
  const files = picked.map(fileOf);
  if (files.length > MAX_FILES)
    return { ok: false, problem: `${files.length} files: at most ${MAX_FILES} are imported` };
  const total = files.reduce((sum, f) => sum + f.size, 0);
  if (total > MAX_TOTAL_BYTES)
    return {
      ok: false,
      problem: `${(total / MIB).toFixed(1)} MiB of files: at most ${MAX_TOTAL_BYTES / MIB} MiB are imported`,
    };
  const sources: ImportSource[] = [];
  for (const item of picked) {
    const file = fileOf(item);
    const path = pathOf(item);
    const zip = /\.zip$/i.test(file.name);
    if (!zip && file.size > MAX_FILE_BYTES)
      return { ok: false, problem: `${path}: files larger than ${MAX_FILE_BYTES / MIB} MiB are not imported` };
    sources.push(zip ? { path, bytes: new Uint8Array(await file.arrayBuffer()) } : { path, text: await file.text() });
  }
  return { ok: true, sources };
}

/** Folders a dropped folder's walk never enters, as on the command line. */
const SKIPPED_DIRECTORIES = new Set(['.git', 'node_modules', '.terraform']);

/** Every file under dropped folders (and dropped files), with paths relative to what was dropped. */
async function filesOfEntries(entries: readonly FileSystemEntry[]): Promise<Picked[] | string> {
  const picked: Picked[] = [];
  const visit = async (entry: FileSystemEntry, path: string): Promise<string | undefined> => {
    if (entry.isFile) {
      if (picked.length >= MAX_FILES) return `more than ${MAX_FILES} files: at most ${MAX_FILES} are imported`;
      const file = await new Promise<File>((resolve, reject) => (entry as FileSystemFileEntry).file(resolve, reject));
      picked.push({ file, path });
      return undefined;
    }
    if (!entry.isDirectory || SKIPPED_DIRECTORIES.has(entry.name)) return undefined;
    const reader = (entry as FileSystemDirectoryEntry).createReader();
    const children: FileSystemEntry[] = [];
    // readEntries hands out a folder's entries in batches until it returns none.
    for (;;) {
      const batch = await new Promise<FileSystemEntry[]>((resolve, reject) => reader.readEntries(resolve, reject));
      if (batch.length === 0) break;
      children.push(...batch);
    }
    children.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const child of children) {
      const problem = await visit(child, `${path}/${child.name}`);
      if (problem) return problem;
    }
    return undefined;
  };
  for (const entry of entries) {
    const problem = await visit(entry, entry.name);
    if (problem) return problem;
  }
  return picked;
}

/** What a drop carries: files, else dragged text (a selection from another page or editor). */
export async function readDrop(data: DataTransfer): Promise<ReadFiles | null> {
  // Entries must be taken while the drop event runs: the DataTransfer is emptied after it.
  const entries = [...data.items].flatMap((item) => {
    const entry = item.kind === 'file' ? item.webkitGetAsEntry?.() : null;
    return entry ? [entry] : [];
  });
  if (entries.some((entry) => entry.isDirectory)) {
    const picked = await filesOfEntries(entries);
    if (typeof picked === 'string') return { ok: false, problem: picked };
    return readBrowserFiles(picked);
  }
  const files = [...data.files];
  if (files.length > 0) return readBrowserFiles(files);
  const text = data.getData('text/plain');
  if (text.trim() === '') return null;
  if (text.length > MAX_FILE_BYTES)
    return { ok: false, problem: `the dropped text is larger than ${MAX_FILE_BYTES / MIB} MiB` };
  return { ok: true, sources: [{ path: 'dropped text', text }] };
}
