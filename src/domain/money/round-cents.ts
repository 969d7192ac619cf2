/**
 * Money rounding, in one place.
 *
 * AWS rounds each bill line to cents and adds the rounded lines (Fargate pricing page, example 2:
 * 1.0152 is stated as $1.02). The engine does the same: every line is rounded here, and totals are
 * sums of integer cents, so a total always equals the sum of the lines a user sees.
 */

/** Whole cents, rounded half away from zero. toPrecision(12) removes binary noise such as 1.005 * 100 = 100.49999. */
export function toCents(usd: number): number {
  const scaled = Number((Math.abs(usd) * 100).toPrecision(12));
  const cents = Math.round(scaled);
  return usd < 0 ? -cents : cents;
}

/** A USD amount rounded to cents. */
export function roundToCents(usd: number): number {
  return toCents(usd) / 100;
}

/** Sum of amounts that are already whole cents, computed in integer cents to avoid drift. */
export function sumCents(amountsUSD: readonly number[]): number {
  let cents = 0;
  for (const amount of amountsUSD) cents += toCents(amount);
  return cents / 100;
}

/** "$1,234.56" (negative: "-$1.20"). */
export function formatUSD(usd: number): string {
  const cents = toCents(usd);
  const abs = Math.abs(cents);
  const whole = Math.floor(abs / 100)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = (abs % 100).toString().padStart(2, '0');
  return `${cents < 0 ? '-' : ''}$${whole}.${frac}`;
}

/** "1234.56" (negative: "-5.00"): the amount in plain decimal, for CSV and other data files. */
export function decimalUSD(usd: number): string {
  const cents = toCents(usd);
  const abs = Math.abs(cents);
  return `${cents < 0 ? '-' : ''}${Math.floor(abs / 100)}.${(abs % 100).toString().padStart(2, '0')}`;
}

/** "+$12.34", "-$5.00" or "$0.00": a change in money, signed. */
export function formatSignedUSD(usd: number): string {
  const cents = toCents(usd);
  return cents > 0 ? `+${formatUSD(usd)}` : formatUSD(usd);
}

/** A unit price with all its significant decimals, as AWS writes it: "$0.04048" (negative: "-$0.2"). */
export function formatUnitPriceUSD(usd: number): string {
  const abs = Math.abs(usd);
  // Plain notation for tiny prices: String(1e-7) would be "1e-7".
  const text = /e/i.test(String(abs)) ? abs.toFixed(12).replace(/\.?0+$/, '') : String(abs);
  return `${usd < 0 ? '-' : ''}$${text}`;
}
