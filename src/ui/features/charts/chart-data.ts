/** Shapes the estimate for the charts and their table views (pure, tested). */
import type { Estimate, OptionId } from '../../../domain/cost/estimate-types.ts';
import { roundToCents, sumCents } from '../../../domain/money/round-cents.ts';
import { LINE_CATEGORIES, type LineCategory } from '../../../domain/cost/line-kinds.ts';

export const OPTION_COLORS: Record<OptionId, string> = {
  'ecs-fargate': '#1d5fd1',
  'ecs-ec2': '#0b7a75',
  'eks-fargate': '#b35300',
  'eks-ec2': '#7a3fc7',
};
export const OPTION_DASH: Record<OptionId, string | undefined> = {
  'ecs-fargate': undefined,
  'ecs-ec2': '6 3',
  'eks-fargate': '2 3',
  'eks-ec2': '10 3 2 3',
};
/** One colour per bill category (line-kinds.ts); discounts stack below zero. */
export const CATEGORY_COLORS: Record<LineCategory, string> = {
  compute: '#1d5fd1',
  storage: '#5b6b00',
  'control-plane': '#7a3fc7',
  network: '#b35300',
  logs: '#8a4b5c',
  discount: '#4a5363',
  team: '#0b7a75',
};

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
