/**
 * Environment variables and secrets as the editor shows them: rows of a name and a value, in the
 * order typed, values kept exactly (new lines, spaces). The scenario holds them as an object,
 * which cannot hold two equal names, or keep a name such as "1" in place (JavaScript moves
 * integer-like keys first). Rows that an object would lose or move are kept under a marked key
 * (the name, a NUL, the row number): no valid variable name contains a NUL, so the scenario stays
 * invalid, and the row is flagged, until the name is fixed; the draft (and its local copy) keeps
 * every row meanwhile. A valid scenario never holds a marked key.
 */
import { ENV_KEY } from '../../domain/scenario/scenario-schema.ts';

export interface NameValueRow {
  name: string;
  value: string;
}

const MARK = '\u0000';
const INTEGER_LIKE = /^\d+$/;

export function rowsOf(record: Readonly<Record<string, string>> | undefined): NameValueRow[] {
  return Object.entries(record ?? {}).map(([key, value]) => ({
    name: key.includes(MARK) ? key.slice(0, key.lastIndexOf(MARK)) : key,
    value,
  }));
}

/** The rows as the scenario's object (undefined for none); rowsOf gives the same rows back. */
export function recordOf(rows: readonly NameValueRow[]): Record<string, string> | undefined {
  if (rows.length === 0) return undefined;
  const seen = new Set<string>();
  const entries = rows.map((row, index): [string, string] => {
    const marked = seen.has(row.name) || row.name.includes(MARK) || INTEGER_LIKE.test(row.name);
    seen.add(row.name);
    return [marked ? `${row.name}${MARK}${index}` : row.name, row.value];
  });
  return Object.fromEntries(entries);
}

/** What is wrong with a row's name, in words, or null: empty, not a variable name, or used by an earlier row. */
export function rowNameProblem(rows: readonly NameValueRow[], index: number): string | null {
  const name = rows[index]?.name ?? '';
  if (name === '') return 'enter a name';
  const first = rows.findIndex((r) => r.name === name);
  if (first !== index) return `${name} is already the name of row ${first + 1}`;
  if (name === '__proto__') return '"__proto__" cannot be a variable name here; rename it';
  if (!ENV_KEY.test(name))
    return 'use letters, digits and _ only, starting with a letter or _ (at most 255 characters)';
  return null;
}
