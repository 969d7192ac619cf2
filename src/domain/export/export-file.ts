/** One generated file of an export bundle: a relative POSIX path and its UTF-8 text. */
export interface ExportFile {
  path: string;
  contents: string;
}
