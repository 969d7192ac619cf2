/**
 * Shapes the estimate for the charts and their table views (pure, tested): the charts receive
 * these series ready to draw, with their colours (ui/lib/option-colors.ts, the same the cards and
 * the summary use) and their axis ticks, so nothing is computed while drawing.
 */
import type { Estimate, OptionId } from '../../../domain/cost/estimate-types.ts';
import { OPTION_IDS, OPTION_LABELS } from '../../../domain/cost/estimate-types.ts';
import { roundToCents, sumCents } from '../../../domain/money/round-cents.ts';
import { LINE_CATEGORIES, LINE_CATEGORY_LABELS, type LineCategory } from '../../../domain/cost/line-kinds.ts';
import type { SweepPoint } from '../../../domain/cost/sweep-replicas.ts';
import { optionStyle, tint } from '../../lib/option-colors.ts';

export type BreakdownRow = { id: OptionId; option: string; total: number } & Record<LineCategory, number>;

/** One row per available option: its total split by the lines' categories (sums of rounded lines). */
export function componentBreakdown(estimate: Estimate): BreakdownRow[] {
  return estimate.options.flatMap((option) => {
    if (option.monthlyUSD === null) return [];
    const byCategory = new Map<LineCategory, number[]>();
    for (const line of option.lines) {
      byCategory.set(line.category, [...(byCategory.get(line.category) ?? []), line.monthlyUSD]);
    }
    const row = { id: option.id, option: option.label, total: roundToCents(option.monthlyUSD) } as BreakdownRow;
    for (const category of LINE_CATEGORIES) row[category] = sumCents(byCategory.get(category) ?? []);
    return [row];
  });
}

/** How far each stacked category is lightened from the option's colour, in stack order. */
const CATEGORY_TINTS = [0, 0.4, 0.62, 0.78, 0.28, 0.52, 0.7, 0.86] as const;
/** The neutral the bar chart's legend shows the category shades in (every bar has its option's hue). */
export const LEGEND_NEUTRAL = '#5d6675';

export interface BarCategory {
  category: LineCategory;
  label: string;
  /** 0 = the option's colour, towards 1 = white. */
  tintFraction: number;
  /** The shade in the legend (the neutral, tinted alike). */
  legendColor: string;
}

export interface BarSeries {
  rows: BreakdownRow[];
  /** The categories any row has, in stack order. */
  categories: BarCategory[];
  /** fills[row index][category] = the option's colour in that category's shade. */
  fills: Record<LineCategory, string>[];
  /** The money axis: its ends are its first and last tick. */
  ticks: number[];
  domain: [number, number];
}

export function barSeries(rows: readonly BreakdownRow[]): BarSeries {
  const used = LINE_CATEGORIES.filter((c) => rows.some((r) => r[c] !== 0));
  const categories = used.map((category, i) => {
    const tintFraction = CATEGORY_TINTS[i % CATEGORY_TINTS.length]!;
    return {
      category,
      label: LINE_CATEGORY_LABELS[category],
      tintFraction,
      legendColor: tint(LEGEND_NEUTRAL, tintFraction),
    };
  });
  const fills = rows.map((row) => {
    const color = optionStyle(row.id).color;
    return Object.fromEntries(categories.map((c) => [c.category, tint(color, c.tintFraction)])) as Record<
      LineCategory,
      string
    >;
  });
  // Stacks go below zero by the discounts and above it by everything else.
  const low = Math.min(0, ...rows.map((r) => sumCents(used.map((c) => Math.min(0, r[c])))));
  const high = Math.max(0, ...rows.map((r) => sumCents(used.map((c) => Math.max(0, r[c])))));
  const ticks = moneyTicks(low, high);
  return { rows: [...rows], categories, fills, ticks, domain: [ticks[0]!, ticks[ticks.length - 1]!] };
}

export interface ScaleLine {
  id: OptionId;
  label: string;
  color: string;
  dash: string | undefined;
}

export interface ScaleSeries {
  /** One entry per sample: total replicas and each option's monthly USD (null: unavailable). */
  data: ({ replicas: number } & Record<OptionId, number | null>)[];
  /** The options with a figure at some sample, in option order. */
  lines: ScaleLine[];
  /** Replica counts to label: each one is a sample of the series. */
  xTicks: number[];
  yTicks: number[];
  yDomain: [number, number];
}

export function scaleSeries(points: readonly SweepPoint[], maxXTicks = 6): ScaleSeries {
  const data = points.map((p) => ({ replicas: p.totalReplicas, ...p.monthlyUSD }));
  const lines = OPTION_IDS.filter((id) => points.some((p) => p.monthlyUSD[id] !== null)).map((id) => ({
    id,
    label: OPTION_LABELS[id],
    ...optionStyle(id),
  }));
  const figures = points.flatMap((p) =>
    OPTION_IDS.map((id) => p.monthlyUSD[id]).filter((v): v is number => v !== null && Number.isFinite(v)),
  );
  const yTicks = moneyTicks(Math.min(0, ...figures), Math.max(0, ...figures));
  return {
    data,
    lines,
    xTicks: replicaTicks(
      points.map((p) => p.totalReplicas),
      maxXTicks,
    ),
    yTicks,
    yDomain: [yTicks[0]!, yTicks[yTicks.length - 1]!],
  };
}

/** 1, 2, 2.5, 5 times a power of ten: steps a reader counts in. */
function niceSteps(atLeast: number): number[] {
  const power = 10 ** Math.floor(Math.log10(Math.max(atLeast, Number.MIN_VALUE)));
  return [1, 2, 2.5, 5, 10, 20, 25, 50].map((m) => m * power);
}

/**
 * Ticks for a money axis from `low` to `high`: round steps, at most `maxCount` + 1 ticks, the first
 * at or below `low` and the last at or above `high` (the axis runs from the first to the last).
 */
export function moneyTicks(lowUSD: number, highUSD: number, maxCount = 5): number[] {
  // Whole cents outward, so the ticks cover the amounts as they are shown.
  const low = Math.floor(Math.round(lowUSD * 1e6) / 1e4) / 100;
  const high = Math.ceil(Math.round(highUSD * 1e6) / 1e4) / 100;
  if (!(high > low)) return low === 0 && high === 0 ? [0, 1] : [Math.min(0, low), Math.max(low, high, 1)];
  // A cent is the finest step money is shown in.
  const rough = Math.max(0.01, (high - low) / Math.max(1, maxCount - 1));
  const step = niceSteps(rough).find((s) => Math.ceil(high / s) - Math.floor(low / s) <= maxCount) ?? rough * 10;
  const first = Math.floor(low / step);
  const last = Math.ceil(high / step);
  return Array.from({ length: last - first + 1 }, (_, i) => Number(((first + i) * step).toFixed(6)));
}

/**
 * Which sampled replica counts to label: every tick is a sample (so a label always sits on a
 * point of the lines), at most `maxCount` of them, evenly spaced. Round values where the samples
 * have them (multiples of 1, 2, 5, 10, ...); else every k-th sample from the first, with k such
 * that the spacing is a round number of replicas; else samples spread from the first to the last.
 */
export function replicaTicks(samples: readonly number[], maxCount = 6): number[] {
  const values = [...new Set(samples.filter((v) => Number.isFinite(v)))].sort((a, b) => a - b);
  if (values.length <= maxCount) return values;
  const known = new Set(values);
  const range = values[values.length - 1]! - values[0]!;
  const steps = [...niceSteps(range / maxCount), ...niceSteps((range / maxCount) * 10)].filter(Number.isInteger);
  const fits = (ticks: number[]) => ticks.length >= Math.min(3, maxCount) && ticks.length <= maxCount;
  for (const step of steps) {
    const ticks = values.filter((v) => Number.isInteger(v) && v % step === 0);
    if (fits(ticks)) return ticks;
  }
  for (const step of steps) {
    const ticks: number[] = [];
    for (let v = values[0]!; v <= values[values.length - 1]! && known.has(v); v += step) ticks.push(v);
    if (fits(ticks) && ticks[ticks.length - 1]! + step > values[values.length - 1]!) return ticks;
  }
  const count = Math.max(2, maxCount);
  const picked = Array.from({ length: count }, (_, i) => values[Math.round((i * (values.length - 1)) / (count - 1))]!);
  return [...new Set(picked)];
}
