/**
 * A small CSV serializer by RFC 4180: records end in CRLF, a field holding a comma, a double quote,
 * CR or LF is enclosed in double quotes, and a double quote inside it is doubled (RFC 4180 section
 * 2, rules 2, 6 and 7). Every record has the header's field count (rule 4).
 *
 * Spreadsheets run a text cell that starts with = + - @ (or a tab or CR) as a formula ("CSV
 * injection", OWASP). Text cells that start so get a leading apostrophe, which spreadsheets show
 * as text; numbers are written as numbers and never changed, so -5.00 stays a negative amount.
 * Rule C5 of docs/export-rules.md.
 */

/** A number written as given: a plain decimal such as "-5.00" or "730" (never guarded, never quoted). */
export interface CsvDecimal {
  decimal: string;
}

export type CsvCell = string | number | CsvDecimal | null;

/** Characters that make a spreadsheet read a text cell as a formula (OWASP "CSV Injection"). */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** Text as a spreadsheet shows it: a leading apostrophe where the text would start a formula. */
export function guardFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function numberText(value: number): string {
  if (!Number.isFinite(value)) throw new RangeError(`CSV cell is not a finite number: ${value}`);
  // Plain decimal notation: String(1e-7) would be "1e-7", which a reader may take as text.
  const text = String(value);
  return /e/i.test(text) ? value.toFixed(20).replace(/\.?0+$/, '') : text;
}

function fieldText(cell: CsvCell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return numberText(cell);
  if (typeof cell === 'object') {
    if (!DECIMAL.test(cell.decimal)) throw new RangeError(`CSV decimal cell is not a decimal: ${cell.decimal}`);
    return cell.decimal;
  }
  const text = guardFormula(cell);
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The CSV text of a header and its records, each record ending in CRLF. */
export function toCsv(header: readonly string[], records: readonly (readonly CsvCell[])[]): string {
  const out = [header.map(fieldText).join(',')];
  for (const [index, record] of records.entries()) {
    if (record.length !== header.length)
      throw new RangeError(`CSV record ${index + 1} has ${record.length} fields, the header ${header.length}`);
    out.push(record.map(fieldText).join(','));
  }
  return `${out.join('\r\n')}\r\n`;
}
