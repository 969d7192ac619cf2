/**
 * The periods the page can show costs in: a month (the bill), a year (x12) and three years (x36,
 * the longest Savings Plan term). Team time is a bill line like any other, so it is included.
 * Scaled in whole cents: 12 x $58.31 is exactly $699.72.
 */
import { toCents } from '../money/round-cents.ts';

export const COST_PERIOD_IDS = ['month', 'year', '3-years'] as const;
export type CostPeriod = (typeof COST_PERIOD_IDS)[number];

export const COST_PERIODS: readonly { id: CostPeriod; months: number; label: string; words: string }[] = [
  { id: 'month', months: 1, label: 'Per month', words: 'per month' },
  { id: 'year', months: 12, label: 'Per year', words: 'per year' },
  { id: '3-years', months: 36, label: '3 years', words: 'over 3 years' },
];

/** A monthly amount over the period, in whole cents. */
export function periodUSD(monthlyUSD: number, period: CostPeriod): number {
  const months = COST_PERIODS.find((p) => p.id === period)?.months ?? 1;
  return (toCents(monthlyUSD) * months) / 100;
}
