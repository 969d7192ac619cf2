/**
 * Test helper: parses generated .tf files with @cdktf/hcl2json (HashiCorp's HCL parser compiled to
 * WebAssembly) and reads literal strings back out of its Terraform-JSON output.
 */
import { parse } from '@cdktf/hcl2json';
import type { ExportFile } from '../export-file.ts';

// hcl2json's types say `Record<string, any>`: the tests index it freely.
// oxlint-disable-next-line typescript/no-explicit-any -- mirrors hcl2json's own type
export type TerraformJson = Record<string, any>;

/** Parses each .tf file of the bundle; keys are the file paths. */
export async function parseTerraformFiles(files: readonly ExportFile[]): Promise<Map<string, TerraformJson>> {
  const parsed = new Map<string, TerraformJson>();
  for (const file of files.filter((f) => f.path.endsWith('.tf')))
    parsed.set(file.path, await parse(file.path, file.contents));
  return parsed;
}

/**
 * Terraform JSON strings are templates like HCL's: "$${" is a literal "${" and "%%{" a literal
 * "%{". Returns the literal text, or throws when the string holds an interpolation or directive,
 * i.e. when text meant as data would run as an expression.
 */
export function literalOf(template: string): string {
  let out = '';
  for (let i = 0; i < template.length; i++) {
    const rest = template.slice(i, i + 3);
    if (rest === '$${' || rest === '%%{') {
      out += rest.slice(1);
      i += 2;
    } else if (rest.startsWith('${') || rest.startsWith('%{')) {
      throw new Error(`not a literal string: ${JSON.stringify(template)} has a template sequence at ${i}`);
    } else {
      out += template[i];
    }
  }
  return out;
}

/** Replaces every string in a parsed value by its literal text; interpolations become `ref(...)`. */
export function literalValues(value: unknown): unknown {
  if (typeof value === 'string') {
    try {
      return literalOf(value);
    } catch {
      return `ref(${value})`;
    }
  }
  if (Array.isArray(value)) return value.map(literalValues);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, literalValues(v)]));
  return value;
}
