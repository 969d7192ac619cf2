/**
 * The estimate as Markdown for an issue or a pull request: a totals table (money as $1,234.56),
 * then each option's bill lines, warnings and assumptions. Every value from a scenario or a
 * snapshot is escaped for Markdown (markdown-text.ts); figures are written by the money helpers.
 */
import { nodeGroupPurpose } from '../capacity/eks-add-ons.ts';
import type { Estimate, OptionEstimate } from '../cost/estimate-types.ts';
import { formatUnitPriceUSD, formatUSD, roundToCents } from '../money/round-cents.ts';
import { priceRangeText } from '../cost/price-dates.ts';
import { markdownTable, markdownText as md } from './markdown-text.ts';

const quantityText = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 6 });

function versusCheapest(option: OptionEstimate, cheapest: OptionEstimate | undefined): string {
  if (option.monthlyUSD === null) return md(`unavailable: ${option.reason ?? ''}`);
  if (!cheapest || cheapest.monthlyUSD === null || option.id === cheapest.id) return 'cheapest';
  return `+${formatUSD(roundToCents(option.monthlyUSD - cheapest.monthlyUSD))}`;
}

/** The totals table: one row per option, the cheapest in bold. */
export function totalsTable(estimate: Estimate): string[] {
  const cheapest = estimate.options.find((o) => o.id === estimate.cheapest);
  const withMax = estimate.options.some((o) => o.atAutoscalingMaxUSD !== undefined);
  const header = ['Option', 'Monthly', 'Versus cheapest', ...(withMax ? ['At autoscaling max'] : [])];
  const rows = estimate.options.map((option) => {
    const isCheapest = option.id === estimate.cheapest;
    const total = option.monthlyUSD === null ? 'Unavailable' : formatUSD(option.monthlyUSD);
    return [
      isCheapest ? `**${md(option.label)}** (cheapest)` : md(option.label),
      isCheapest ? `**${total}**` : total,
      versusCheapest(option, cheapest),
      ...(withMax ? [option.atAutoscalingMaxUSD == null ? '-' : formatUSD(option.atAutoscalingMaxUSD)] : []),
    ];
  });
  return markdownTable(header, rows, ['left', 'right', 'right', 'right']);
}

function linesTable(option: OptionEstimate): string[] {
  const rows = option.lines.map((line) => [
    md(line.component),
    `\`${line.kind}\``,
    md(line.category),
    `${quantityText(line.quantity)} ${md(line.unit)}`,
    formatUnitPriceUSD(line.unitPriceUSD),
    formatUSD(line.monthlyUSD),
    `${md(line.source)}${line.asOf ? `, ${md(line.asOf)}` : ''}${line.derived ? ` (derived: ${md(line.derived)})` : ''}`,
  ]);
  rows.push(['**Total**', '', '', '', '', `**${formatUSD(option.monthlyUSD ?? 0)}**`, '']);
  return markdownTable(['Component', 'Kind', 'Category', 'Quantity', 'Unit price', 'Monthly', 'Source'], rows, [
    'left',
    'left',
    'left',
    'right',
    'right',
    'right',
    'left',
  ]);
}

export function estimateToMarkdown(estimate: Estimate): string {
  const out: string[] = [];
  const source = estimate.pricing.source === 'live' ? 'live AWS Price List' : 'bundled price snapshot';
  out.push(`## Monthly cost estimate: ${md(estimate.regionName)} (${md(estimate.region)})`, '');
  out.push(`${estimate.hoursPerMonth} hours a month; ${source}, ${md(priceRangeText(estimate.pricing))}.`, '');
  out.push(...totalsTable(estimate), '');
  for (const option of estimate.options) {
    if (option.monthlyUSD === null) {
      out.push(`### ${md(option.label)}: unavailable`, '', md(option.reason ?? ''), '');
      continue;
    }
    out.push(`### ${md(option.label)}: ${formatUSD(option.monthlyUSD)} a month`, '');
    for (const node of option.nodes ?? [])
      out.push(`- Nodes: ${node.count} x ${md(node.instanceType)} for ${md(nodeGroupPurpose(node))}`);
    if (option.nodes?.length) out.push('');
    out.push(...linesTable(option), '');
  }
  if (estimate.warnings.length > 0) {
    out.push('### Warnings', '', ...estimate.warnings.map((w) => `- ${md(w)}`), '');
  }
  if (estimate.assumptions.length > 0) {
    out.push('### Assumptions', '', ...estimate.assumptions.map((a) => `- ${md(a)}`), '');
  }
  return `${out.join('\n').trimEnd()}\n`;
}
