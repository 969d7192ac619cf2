/**
 * A small HCL (Terraform native syntax) writer: a value and block model, and a renderer whose
 * output is already in `terraform fmt` style (two-space indents, `=` aligned within runs of
 * single-line attributes, as hclwrite does).
 *
 * Every string that may hold user text goes through {@link quoteHclString}; only
 * {@link HclExpression}s, which the generator itself writes, are emitted verbatim.
 */

/** A Terraform expression written by the generator (a reference or function call), emitted as is. */
export class HclExpression {
  constructor(readonly text: string) {}
}

/** A string template: literal parts are escaped, expressions become `${...}` interpolations. */
export class HclTemplate {
  constructor(readonly parts: readonly (string | HclExpression)[]) {}
}

/** A function call on one value, e.g. `jsonencode({...})`: the argument is rendered as a value. */
export class HclCall {
  constructor(
    readonly name: string,
    readonly argument: HclValue,
  ) {}
}

export type HclValue =
  | string
  | number
  | boolean
  | HclExpression
  | HclTemplate
  | HclCall
  | readonly HclValue[]
  | { readonly [key: string]: HclValue };

export interface HclAttribute {
  kind: 'attribute';
  name: string;
  value: HclValue;
}
export interface HclBlock {
  kind: 'block';
  type: string;
  labels: readonly string[];
  body: readonly HclBodyItem[];
}
export interface HclBlankLine {
  kind: 'blank';
}
export interface HclComment {
  kind: 'comment';
  text: string;
}
export type HclBodyItem = HclAttribute | HclBlock | HclBlankLine | HclComment;

export const expr = (text: string): HclExpression => new HclExpression(text);
export const template = (...parts: (string | HclExpression)[]): HclTemplate => new HclTemplate(parts);
export const call = (name: string, argument: HclValue): HclCall => new HclCall(name, argument);
export const attr = (name: string, value: HclValue): HclAttribute => ({ kind: 'attribute', name, value });
export const block = (type: string, labels: readonly string[], body: readonly HclBodyItem[]): HclBlock => ({
  kind: 'block',
  type,
  labels,
  body,
});
export const blank = (): HclBlankLine => ({ kind: 'blank' });
export const comment = (text: string): HclComment => ({ kind: 'comment', text });

const INDENT = '  ';
/** Object keys written bare; others are quoted. Keywords are quoted so `for`/`null` never change meaning. */
const BARE_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;
const KEYWORDS = new Set(['for', 'in', 'if', 'endif', 'endfor', 'else', 'null', 'true', 'false']);
/** Identifiers for block types, attribute names and resource labels (export-rules C1 "Identifiers"). */
const IDENTIFIER = /^[A-Za-z][A-Za-z0-9_-]*$/;
/** Lists of scalars longer than this are written one element per line. */
const MAX_INLINE_LIST_CHARS = 80;

/**
 * The body of an HCL quoted string (without the quotes). Backslash, quote and control characters
 * use HCL's backslash escapes; `${` becomes `$${` and `%{` becomes `%%{`, so user text can never
 * start an interpolation or a template directive (export-rules C1, HCL spec "Template Literals").
 */
export function escapeHclString(text: string): string {
  let out = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '\\') out += '\\\\';
    else if (ch === '"') out += '\\"';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    // Other C0/C1 controls and DEL: written as \uNNNN so the file stays printable.
    else if (code < 0x20 || (code >= 0x7f && code < 0xa0))
      out += `\\u${code.toString(16).toUpperCase().padStart(4, '0')}`;
    else out += ch;
  }
  // The escapes above never produce "$", "%" or "{", so these replacements see only user text.
  return out.replace(/\$\{/g, () => '$${').replace(/%\{/g, () => '%%{');
}

export const quoteHclString = (text: string): string => `"${escapeHclString(text)}"`;

function renderTemplate(value: HclTemplate): string {
  return `"${value.parts.map((part) => (typeof part === 'string' ? escapeHclString(part) : `\${${part.text}}`)).join('')}"`;
}

function renderKey(key: string): string {
  return BARE_KEY.test(key) && !KEYWORDS.has(key) ? key : quoteHclString(key);
}

function isScalar(value: HclValue): boolean {
  if (value instanceof HclCall) return isScalar(value.argument);
  return typeof value !== 'object' || value instanceof HclExpression || value instanceof HclTemplate;
}

function renderScalar(value: HclValue): string {
  if (typeof value === 'string') return quoteHclString(value);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`HCL cannot hold the number ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return String(value);
  if (value instanceof HclExpression) return value.text;
  if (value instanceof HclTemplate) return renderTemplate(value);
  if (value instanceof HclCall) return `${value.name}(${renderScalar(value.argument)})`;
  throw new Error('not a scalar');
}

/** Renders a value whose first line continues the current line; later lines start at `level`. */
function renderValue(value: HclValue, level: number): string {
  if (value instanceof HclCall) return `${value.name}(${renderValue(value.argument, level)})`;
  if (isScalar(value)) return renderScalar(value);
  const pad = INDENT.repeat(level);
  if (Array.isArray(value)) {
    const items = value as readonly HclValue[];
    if (items.length === 0) return '[]';
    if (items.every(isScalar)) {
      const inline = `[${items.map(renderScalar).join(', ')}]`;
      if (inline.length <= MAX_INLINE_LIST_CHARS && !inline.includes('\n')) return inline;
    }
    return `[\n${items.map((item) => `${pad}${INDENT}${renderValue(item, level + 1)},\n`).join('')}${pad}]`;
  }
  const entries = Object.entries(value as { readonly [key: string]: HclValue });
  if (entries.length === 0) return '{}';
  return `{\n${renderAligned(
    entries.map(([key, v]) => ({ name: renderKey(key), value: v })),
    level + 1,
  )}${pad}}`;
}

/**
 * Renders `name = value` lines at one level. Like `terraform fmt`, the `=` signs of consecutive
 * single-line entries line up; a multi-line value ends the run and is written with one space.
 */
function renderAligned(entries: { name: string; value: HclValue }[], level: number): string {
  const pad = INDENT.repeat(level);
  const rendered = entries.map((e) => ({ name: e.name, text: renderValue(e.value, level) }));
  let out = '';
  let run: typeof rendered = [];
  const flush = () => {
    const width = Math.max(...run.map((e) => e.name.length));
    for (const e of run) out += `${pad}${e.name.padEnd(width)} = ${e.text}\n`;
    run = [];
  };
  for (const e of rendered) {
    if (e.text.includes('\n')) {
      if (run.length > 0) flush();
      out += `${pad}${e.name} = ${e.text}\n`;
    } else {
      run.push(e);
    }
  }
  if (run.length > 0) flush();
  return out;
}

function renderBody(items: readonly HclBodyItem[], level: number): string {
  const pad = INDENT.repeat(level);
  let out = '';
  let attributes: { name: string; value: HclValue }[] = [];
  const flush = () => {
    if (attributes.length > 0) out += renderAligned(attributes, level);
    attributes = [];
  };
  for (const item of items) {
    if (item.kind === 'attribute') {
      if (!IDENTIFIER.test(item.name)) throw new Error(`invalid HCL attribute name ${JSON.stringify(item.name)}`);
      attributes.push({ name: item.name, value: item.value });
      continue;
    }
    flush();
    if (item.kind === 'blank') out += '\n';
    else if (item.kind === 'comment')
      out += item.text
        .split('\n')
        .map((line) => `${pad}#${line ? ` ${line}` : ''}\n`)
        .join('');
    else out += renderBlock(item, level);
  }
  flush();
  return out;
}

function renderBlock(item: HclBlock, level: number): string {
  if (!IDENTIFIER.test(item.type)) throw new Error(`invalid HCL block type ${JSON.stringify(item.type)}`);
  const pad = INDENT.repeat(level);
  const labels = item.labels.map((label) => ` ${quoteHclString(label)}`).join('');
  if (item.body.length === 0) return `${pad}${item.type}${labels} {}\n`;
  return `${pad}${item.type}${labels} {\n${renderBody(item.body, level + 1)}${pad}}\n`;
}

/** A whole .tf file: top-level items, ending with one newline. */
export function renderHclFile(items: readonly HclBodyItem[]): string {
  return renderBody(items, 0);
}

/** A Terraform identifier from a service name ("api-service" -> "api_service"); names are [a-z0-9-]. */
export function toHclIdentifier(name: string): string {
  const id = name.replace(/[^A-Za-z0-9_]/g, '_');
  if (!/^[A-Za-z_]/.test(id)) throw new Error(`cannot make an HCL identifier from ${JSON.stringify(name)}`);
  return id;
}
