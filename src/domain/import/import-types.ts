/**
 * What the importer reads and what it hands back. The CLI and the browser read files, folders and
 * zips and pass their contents in; the importer never touches a file system.
 */
import type { Scenario, ServiceInput } from '../scenario/scenario-schema.ts';

/** One input: a relative path (shown in notes) and its text, or the bytes of a .zip. */
export type ImportSource = { path: string; text: string } | { path: string; bytes: Uint8Array };

/** One thing the user should know: what was assumed, ignored or changed, and where. */
export interface ImportNote {
  file: string;
  /** "Deployment/frontend", "services.vote", "taskDefinition web": empty for the whole file. */
  object: string;
  message: string;
}

export interface ImportOptions {
  /** Region to price in; when absent, the region the input names, else the default region (noted). */
  region?: string;
  /**
   * HashiCorp's HCL parser (hcl2json's output shape), where the caller has one: the CLI passes
   * @cdktf/hcl2json. Without it, .tf files are noted as not read.
   */
  parseTerraform?: (path: string, text: string) => Promise<TerraformJson>;
}

/** Terraform JSON as hcl2json writes it: blocks become arrays of objects, strings are templates. */
export type TerraformJson = Record<string, unknown>;

export type ImportResult =
  { ok: true; scenario: Scenario; notes: ImportNote[] } | { ok: false; problems: string[]; notes: ImportNote[] };

/** Where a service came from, for notes and problems. */
export interface DraftSource {
  file: string;
  object: string;
}

/**
 * A service as read from one format, before names are made valid and the scenario is checked.
 * Fields left undefined take the scenario format's defaults.
 */
export type ServiceDraft = Omit<ServiceInput, 'name' | 'vcpu' | 'memoryGiB' | 'replicas'> & {
  name: string;
  vcpu: number;
  memoryGiB: number;
  replicas: number;
  source: DraftSource;
};

export const formatNote = (note: ImportNote): string =>
  [note.file, note.object, note.message].filter((part) => part !== '').join(': ');
