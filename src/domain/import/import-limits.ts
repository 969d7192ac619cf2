/**
 * Limits that keep hostile or accidental input (YAML alias bombs, huge files, deep nesting, zip
 * bombs) from hanging or crashing the importer. Each is far above what real manifests, task
 * definitions or Compose files need: the largest real file we tried (Online Boutique's release
 * manifests) is 25 KB with nesting depth 14 and no aliases.
 */
/** Largest single file read (text, or one member of a zip after inflating). */
export const MAX_FILE_BYTES = 4 * 1024 * 1024;
/** Largest total of all files of one import (a directory or a zip, inflated). */
export const MAX_TOTAL_BYTES = 32 * 1024 * 1024;
/** Most files one import reads (a directory or a zip). */
export const MAX_FILES = 2000;
/** Most YAML documents in one file. */
export const MAX_DOCUMENTS = 5000;
/** Most alias dereferences per YAML document (yaml's own default, stated here so messages can name it). */
export const MAX_YAML_ALIASES = 100;
/** Deepest nesting of maps and lists in one document. */
export const MAX_NESTING_DEPTH = 64;
