/** Display formatting; every number on screen passes through here, so none shows as NaN. */
import { formatUSD } from '../../domain/money/round-cents.ts';

/** "$1,234.56", or "—" for a value that is not a finite number. */
export function money(usd: number | null | undefined): string {
  return typeof usd === 'number' && Number.isFinite(usd) ? formatUSD(usd) : '—';
}

// Intl formatters are slow to create and fast to use: keep one per precision.
const quantityFormats = new Map<number, Intl.NumberFormat>();
const unitPriceFormat = new Intl.NumberFormat('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 8 });

/** "1,460" or "0.25": up to `digits` decimals, no trailing zeros. */
export function quantity(value: number | null | undefined, digits = 4): string {
  if (typeof value !== 'number' || !Number.isFinite(value)) return '—';
  let format = quantityFormats.get(digits);
  if (!format)
    quantityFormats.set(digits, (format = new Intl.NumberFormat('en-US', { maximumFractionDigits: digits })));
  return format.format(value);
}

export function percent(value: number | null | undefined): string {
  return typeof value === 'number' && Number.isFinite(value) ? `${quantity(value, 1)}%` : '—';
}

/** A unit price as AWS writes it: all significant decimals ("$0.04048"). */
export function unitPrice(usd: number): string {
  if (!Number.isFinite(usd)) return '—';
  const sign = usd < 0 ? '-' : '';
  return `${sign}$${unitPriceFormat.format(Math.abs(usd))}`;
}

/**
 * The message shown under a field. Messages come worded (ui/lib/field-problems.ts: "vCPU of api:
 * enter a number") and are shown as they are; only the scenario format's own message for an
 * empty box, shown while the wording loads, is put in plainer words.
 */
export function friendlyProblem(message: string): string {
  if (/^must be a number, not (NaN|undefined|string)/.test(message) || message === 'is required')
    return 'Enter a number';
  return message;
}
