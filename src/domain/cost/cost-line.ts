/**
 * A cost line: one row of the bill a user can check by hand. quantity x unitPriceUSD, rounded to
 * cents, is monthlyUSD. Totals add the rounded lines (see money/round-cents.ts).
 */
import { roundToCents, sumCents } from '../money/round-cents.ts';
import type { PriceFigure } from '../pricing/price-snapshot.ts';
import { categoryOfKind, type LineCategory, type LineKind } from './line-kinds.ts';

export interface CostLine {
  /** What is billed, as a stable id (line-kinds.ts); several lines of one option may share a kind. */
  kind: LineKind;
  /** The part of the bill the kind belongs to (line-kinds.ts). */
  category: LineCategory;
  /** What is billed, stable wording: "Fargate vCPU (Linux/x86)". */
  component: string;
  quantity: number;
  /** Unit of the quantity: "vCPU-hours", "GiB-hours", "instance-hours". */
  unit: string;
  unitPriceUSD: number;
  monthlyUSD: number;
  /** Where the unit price comes from: a snapshot source id, or "scenario" for a price the user set. */
  source: string;
  asOf?: string;
  /** The rule, when the unit price was derived rather than read from a source. */
  derived?: string;
}

// Quantities are shown and multiplied at 6 decimals, so the displayed arithmetic reproduces the amount.
const roundQuantity = (quantity: number): number => Number(quantity.toFixed(6));

/** quantity x unitPriceUSD as a line, the quantity rounded first so the line's arithmetic holds as shown. */
function pricedLine(
  kind: LineKind,
  component: string,
  quantity: number,
  unit: string,
  unitPriceUSD: number,
  source: string,
): CostLine {
  const q = roundQuantity(quantity);
  return {
    kind,
    category: categoryOfKind(kind),
    component,
    quantity: q,
    unit,
    unitPriceUSD,
    monthlyUSD: roundToCents(q * unitPriceUSD),
    source,
  };
}

export function lineFromFigure(
  kind: LineKind,
  component: string,
  quantity: number,
  unit: string,
  figure: PriceFigure,
): CostLine {
  const line = pricedLine(kind, component, quantity, unit, figure.usd, figure.source);
  line.asOf = figure.asOf;
  if (figure.derived) line.derived = figure.derived;
  return line;
}

/** A line priced by the scenario itself (team hourly rate, a discount share). */
export function lineFromScenario(
  kind: LineKind,
  component: string,
  quantity: number,
  unit: string,
  unitPriceUSD: number,
  rule?: string,
): CostLine {
  const line = pricedLine(kind, component, quantity, unit, unitPriceUSD, 'scenario');
  if (rule) line.derived = rule;
  return line;
}

/** A discount on an amount: quantity is the discounted USD, unit price the negative share. */
export function discountLine(kind: LineKind, component: string, discountedUSD: number, percent: number): CostLine {
  const share = percent / 100;
  return {
    kind,
    category: categoryOfKind(kind),
    component,
    quantity: roundToCents(discountedUSD),
    unit: 'USD of On-Demand usage',
    unitPriceUSD: -share,
    monthlyUSD: roundToCents(-roundToCents(discountedUSD) * share),
    source: 'scenario',
    derived: `${percent}% discount set in the scenario`,
  };
}

export function totalOf(lines: readonly CostLine[]): number {
  return sumCents(lines.map((line) => line.monthlyUSD));
}

/** Drops lines with nothing to bill, keeping the bill short; zero-price lines that explain a fact stay. */
export function withoutEmptyLines(lines: readonly CostLine[]): CostLine[] {
  return lines.filter((line) => line.quantity !== 0);
}
