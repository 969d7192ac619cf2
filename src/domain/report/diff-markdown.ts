/**
 * A cost diff as Markdown for a pull request comment: per option before, after and the signed
 * change (+$12.34 / -$5.00), the cheapest before and after, and the services that changed.
 */
import type { EstimateDiff, OptionDelta, ServiceChange } from './estimate-diff.ts';
import { formatSignedUSD, formatUSD } from '../money/round-cents.ts';
import { markdownTable, markdownText as md } from './markdown-text.ts';

const money = (usd: number | null) => (usd === null ? 'Unavailable' : formatUSD(usd));

export function signedPercent(percent: number | null): string {
  if (percent === null) return '';
  const text = `${Math.abs(percent).toLocaleString('en-US', { maximumFractionDigits: 2 })}%`;
  return percent > 0 ? `+${text}` : percent < 0 ? `-${text}` : text;
}

export function deltaText(option: OptionDelta): string {
  if (option.deltaUSD === null) return '-';
  const percent = signedPercent(option.deltaPercent);
  return `${formatSignedUSD(option.deltaUSD)}${percent ? ` (${percent})` : ''}`;
}

const labelOf = (diff: EstimateDiff, id: string | null) =>
  id === null ? 'none (no option can run the workload)' : md(diff.options.find((o) => o.id === id)?.label ?? id);

const figures = (f: { vcpu: number; memoryGiB: number; replicas: number }) =>
  `${f.vcpu} vCPU / ${f.memoryGiB} GiB x ${f.replicas}`;

/** One changed service in words; `escape` is markdownText for Markdown, identity for a terminal. */
export function serviceChangeText(change: ServiceChange, escape: (text: string) => string = md): string {
  const name = escape(change.name);
  if (change.changes[0] === 'added') return `${name}: added (${figures(change.after!)})`;
  if (change.changes[0] === 'removed') return `${name}: removed (was ${figures(change.before!)})`;
  return `${name}: ${change.changes.join(', ')} (${change.fields.map(escape).join(', ')}): ${figures(change.before!)} to ${figures(change.after!)}`;
}

export function diffToMarkdown(diff: EstimateDiff, names: { before: string; after: string }): string {
  const out: string[] = ['## Cost change', ''];
  out.push(`From ${md(names.before)} to ${md(names.after)}, monthly.`, '');
  out.push(
    ...markdownTable(
      ['Option', 'Before', 'After', 'Change'],
      diff.options.map((o) => [md(o.label), money(o.beforeUSD), money(o.afterUSD), deltaText(o)]),
      ['left', 'right', 'right', 'right'],
    ),
    '',
  );
  const { before, after } = diff.cheapest;
  out.push(
    before === after
      ? `Cheapest: ${labelOf(diff, after)} (unchanged).`
      : `Cheapest: ${labelOf(diff, before)} before, ${labelOf(diff, after)} after.`,
    '',
  );
  if (diff.services.length > 0) {
    out.push('### Services changed', '', ...diff.services.map((s) => `- ${serviceChangeText(s)}`), '');
  } else {
    out.push('No service changed.', '');
  }
  if (diff.settings.length > 0) out.push(`Settings changed: ${diff.settings.map(md).join(', ')}.`, '');
  return `${out.join('\n').trimEnd()}\n`;
}
