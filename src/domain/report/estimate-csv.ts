/**
 * The estimate as CSV: one record per bill line of every option. Each line's monthly USD is already
 * rounded to cents and an option's total is the sum of its rounded lines (money/round-cents.ts), so
 * the `monthly_usd` cells of an option add up exactly to its total. An unavailable option has no
 * lines, so no records (the JSON and Markdown reports give its reason).
 */
import type { Estimate } from '../cost/estimate-types.ts';
import { decimalUSD } from '../money/round-cents.ts';
import { escapeControls } from '../text/safe-text.ts';
import { toCsv, type CsvCell } from './csv-writer.ts';

/** The header: stable column names (snake_case, as data tools expect). */
export const ESTIMATE_CSV_COLUMNS = [
  'option_id',
  'option_label',
  'component',
  'kind',
  'category',
  'quantity',
  'unit',
  'unit_price_usd',
  'monthly_usd',
  'source',
  'as_of',
  'derived',
] as const;

// Text from a snapshot or a scenario: control characters as escapes, so a record stays one line.
const text = (value: string | undefined): CsvCell => (value === undefined ? null : escapeControls(value));

export function estimateToCsv(estimate: Estimate): string {
  const records: CsvCell[][] = [];
  for (const option of estimate.options) {
    for (const line of option.lines) {
      records.push([
        option.id,
        text(option.label),
        text(line.component),
        line.kind,
        line.category,
        line.quantity,
        text(line.unit),
        line.unitPriceUSD,
        { decimal: decimalUSD(line.monthlyUSD) },
        text(line.source),
        text(line.asOf),
        text(line.derived),
      ]);
    }
  }
  return toCsv(ESTIMATE_CSV_COLUMNS, records);
}

/** A file name for downloads: "estimate-us-east-1.csv". */
export function reportFileName(estimate: Pick<Estimate, 'region'>, extension: 'csv' | 'md'): string {
  return `estimate-${estimate.region.replace(/[^a-z0-9-]/g, '')}.${extension}`;
}
