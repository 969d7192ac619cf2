/**
 * Test helper: reads generated YAML with YAML 1.1 rules, as Kubernetes (go-yaml v2 through
 * sigs.k8s.io/yaml) and eksctl read it, so a plain `on` or `0123` would come back as a boolean or
 * a number here too.
 */
import { parseAllDocuments } from 'yaml';
import type { ExportFile } from '../export-file.ts';

export type Manifest = {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; annotations?: Record<string, string> };
  spec?: Record<string, unknown>;
} & Record<string, unknown>;

/** Every document of the file; throws on any YAML error or warning. */
export function parseYaml11(file: ExportFile): Manifest[] {
  return parseAllDocuments(file.contents, { version: '1.1', strict: true, uniqueKeys: true }).map((doc) => {
    const issues = [...doc.errors, ...doc.warnings];
    if (issues.length > 0) throw new Error(`${file.path}: ${issues.map((e) => e.message).join('; ')}`);
    return doc.toJS() as Manifest;
  });
}
