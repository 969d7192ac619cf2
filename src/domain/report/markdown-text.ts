/**
 * Text for Markdown (GitHub Flavored Markdown, as issues and pull requests render it), escaped so a
 * value shows as itself: it can neither end a table cell (|), start a new row (line breaks), open
 * HTML or an entity (< > &), a link or image ([ ]), emphasis or code (* _ ~ `), a heading (#) nor
 * an e-mail autolink (@). Other punctuation (- : ( ) + !) only has a meaning after one of these or
 * at the start of a line, which a value never is, so it stays readable. CommonMark lets a backslash escape any ASCII punctuation (spec section 2.4), and GFM
 * tables read \| as a pipe inside a cell, so one rule covers both. Control characters are written
 * as escapes first (safe-text.ts), so no value can break the layout. Rule C6 of docs/export-rules.md.
 */
import { escapeControls } from '../text/safe-text.ts';

// $ too: GitHub renders $...$ as math, and \$ is its escape for a dollar sign.
const MARKDOWN_SPECIAL = /[\\`*_[\]<>#|~&@$]/g;

/** A value for a Markdown table cell or a line of text: special characters backslash-escaped. */
export function markdownText(text: string): string {
  return escapeControls(text).replace(MARKDOWN_SPECIAL, (ch) => `\\${ch}`);
}

export type Align = 'left' | 'right';

/**
 * A GFM table. Cells are Markdown already (escape values with markdownText): the table only joins
 * them, so callers may bold a figure they wrote themselves.
 */
export function markdownTable(
  header: readonly string[],
  rows: readonly (readonly string[])[],
  align?: readonly Align[],
): string[] {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  const rule = header.map((_, i) => (align?.[i] === 'right' ? '---:' : '---'));
  for (const [index, row] of rows.entries())
    if (row.length !== header.length)
      throw new RangeError(`Markdown table row ${index + 1} has ${row.length} cells, the header ${header.length}`);
  return [line(header), line(rule), ...rows.map(line)];
}
