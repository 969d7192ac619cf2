/**
 * YAML for Kubernetes, eksctl and kustomize, through the `yaml` library.
 *
 * Kubernetes reads YAML with go-yaml v2, i.e. YAML 1.1 rules, where plain `on`, `yes`, `0123`,
 * `1e3` or `1.30` are not strings. The safe rule (export-rules C2) is used: every string value is
 * double-quoted, in JSON syntax; numbers and booleans are plain only where the schema wants them.
 */
import { stringify } from 'yaml';

const STRINGIFY_OPTIONS = {
  // Keys are the generator's own field names; the 1.1 schema still quotes any that 1.1 would
  // read as a non-string.
  version: '1.1',
  defaultStringType: 'QUOTE_DOUBLE',
  defaultKeyType: 'PLAIN',
  // One-line JSON strings: no folding, only JSON escapes (all of them valid YAML 1.1 escapes).
  doubleQuotedAsJSON: true,
  lineWidth: 0,
  // Repeated objects (shared label maps) are written out, never as anchors and aliases.
  aliasDuplicateObjects: false,
} as const;

/**
 * Characters JSON.stringify leaves raw that YAML 1.1 readers mishandle: NEL, LS and PS are line
 * breaks in YAML 1.1, and go-yaml rejects DEL, C1 controls, BOM and U+FFFE/U+FFFF as
 * "control characters" (export-rules C2). They only ever occur inside the double-quoted scalars,
 * so they are rewritten there as \u escapes.
 */
const YAML_UNSAFE_RAW = /[\u007f-\u009f\u2028\u2029\ufeff\ufffe\uffff]/g;

/** One YAML document (no leading `---`), ending with a newline. */
export function toYamlDocument(value: unknown): string {
  const text = stringify(value, STRINGIFY_OPTIONS);
  return text.replace(YAML_UNSAFE_RAW, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Several documents in one file, separated by `---`. */
export function toYamlDocuments(values: readonly unknown[]): string {
  return values.map(toYamlDocument).join('---\n');
}
