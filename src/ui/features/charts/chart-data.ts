/** Shapes the estimate for the charts and their table views (pure, tested). */
import type { Estimate, OptionId } from '../../../domain/cost/estimate-types.ts';
import { roundToCents, sumCents } from '../../../domain/money/round-cents.ts';

export const CATEGORIES = ['Compute', 'Control plane', 'Network', 'Team time'] as const;
export type Category = (typeof CATEGORIES)[number];

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
export const CATEGORY_COLORS: Record<Category, string> = {
  Compute: '#1d5fd1',
  'Control plane': '#7a3fc7',
  Network: '#b35300',
  'Team time': '#0b7a75',
};

/** Which part of the bill a line belongs to; discounts count against compute, which they reduce. */
export function categoryOf(component: string): Category {
  if (/control plane|EKS cluster/i.test(component)) return 'Control plane';
  if (/load balancer|NAT gateway|IPv4/i.test(component)) return 'Network';
  if (/team time/i.test(component)) return 'Team time';
  return 'Compute';
}

export type BreakdownRow = { id: OptionId; option: string; total: number } & Record<Category, number>;

/** One row per available option: its total split into the categories (sums of rounded lines). */
export function componentBreakdown(estimate: Estimate): BreakdownRow[] {
  return estimate.options.flatMap((option) => {
    if (option.monthlyUSD === null) return [];
    const byCategory = new Map<Category, number[]>();
    for (const line of option.lines) {
      const category = categoryOf(line.component);
      byCategory.set(category, [...(byCategory.get(category) ?? []), line.monthlyUSD]);
    }
    const row = { id: option.id, option: option.label, total: roundToCents(option.monthlyUSD) } as BreakdownRow;
    for (const category of CATEGORIES) row[category] = sumCents(byCategory.get(category) ?? []);
    return [row];
  });
}
