import { strToU8, zipSync, type Zippable } from 'fflate';
import type { ExportFile } from './export-file.ts';

/**
 * A fixed timestamp for every entry, so the same bundle always zips to the same bytes
 * (exporters are deterministic, and so is the archive). 1980-01-01 is the earliest DOS date.
 */
const ZIP_ENTRY_TIME = new Date(1980, 0, 1, 0, 0, 0);

/** Packs bundle files into a zip archive (pure: returns bytes, writes nothing). */
export function zipExportFiles(files: readonly ExportFile[]): Uint8Array {
  const entries: Zippable = {};
  for (const file of files) entries[file.path] = [strToU8(file.contents), { mtime: ZIP_ENTRY_TIME }];
  return zipSync(entries, { level: 6 });
}
