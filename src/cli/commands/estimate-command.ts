/**
 * `cli estimate <scenario.json | -> [--format table|json|csv|markdown] [--json] [--live <proxy URL>]`
 */
import { nodeGroupPurpose } from '../../domain/capacity/eks-add-ons.ts';
import { estimateScenario } from '../../domain/cost/estimate.ts';
import { scaleDownDelayPhrase } from '../../domain/capacity/cluster-autoscaler.ts';
import {
  OPTION_PLATFORM,
  isEc2OptionId,
  type Estimate,
  type OptionEstimate,
} from '../../domain/cost/estimate-types.ts';
import type { RegionSnapshot } from '../../domain/pricing/price-snapshot.ts';
import { formatUSD, roundToCents } from '../../domain/money/round-cents.ts';
import { cutText } from '../../domain/text/safe-text.ts';
import { priceRangeText } from '../../domain/cost/price-dates.ts';
import { parseArgs, scenarioArgument, UsageError, type CliIo } from '../cli-io.ts';
import { echo, quoteArg, outputCsv, outputJson, outputLines } from '../terminal-text.ts';
import { estimateToCsv } from '../../domain/report/estimate-csv.ts';
import { estimateToMarkdown } from '../../domain/report/estimate-markdown.ts';
import { checkAgainstSnapshot, readScenarioDocument } from '../load-scenario.ts';
import { adviseScenario, type Advice } from '../../domain/advice/advise-scenario.ts';
import { loadBundledSnapshot } from '../load-bundled-snapshot.ts';
import { countOf } from '../../domain/text/count-words.ts';
import { fargateSizeText } from '../../domain/sizing/fargate-sizes.ts';

export interface EstimateDeps {
  loadSnapshot: (region: string) => Promise<RegionSnapshot>;
  loadLiveSnapshot: (proxyUrl: string, region: string) => Promise<RegionSnapshot>;
}

export async function runEstimate(argv: readonly string[], io: CliIo, deps: EstimateDeps): Promise<number> {
  const args = parseArgs(argv, ['json'], ['live', 'format']);
  const format = outputFormat(args.flags, ESTIMATE_FORMATS);
  const { scenario, document } = await readScenarioDocument(io, scenarioArgument(args));
  const live = args.flags.get('live');
  let snapshot: RegionSnapshot;
  if (typeof live === 'string') {
    try {
      snapshot = await deps.loadLiveSnapshot(live, scenario.region);
    } catch (error) {
      throw new UsageError(`--live ${echo(live)}: ${(error as Error).message}`);
    }
  } else {
    snapshot = await deps.loadSnapshot(scenario.region);
  }
  checkAgainstSnapshot(scenario, snapshot);
  const estimate = estimateScenario(scenario, snapshot, { atAutoscalingMax: true });
  // The advice is part of the table and the JSON; the CSV and Markdown reports are the bill alone.
  const advice =
    format === 'json' || format === 'table' ? adviseScenario(document, scenario, snapshot, estimate) : undefined;
  io.stdout(
    format === 'json'
      ? outputJson(toJson(estimate, advice))
      : format === 'csv'
        ? outputCsv(estimateToCsv(estimate))
        : format === 'markdown'
          ? outputLines(estimateToMarkdown(estimate).trimEnd().split('\n'))
          : renderTable(estimate, advice),
  );
  return 0;
}

export const ESTIMATE_FORMATS = ['table', 'json', 'csv', 'markdown'] as const;

/** `--format X`, with `--json` as the alias of `--format json`; a conflicting pair is refused. */
export function outputFormat<F extends string>(flags: ReadonlyMap<string, string | true>, formats: readonly F[]): F {
  const given = flags.get('format');
  if (given !== undefined && !formats.includes(given as F))
    throw new UsageError(`--format: must be one of ${formats.join(', ')}, not ${quoteArg(String(given))}`);
  if (flags.has('json') && given !== undefined && given !== 'json')
    throw new UsageError(`--json is --format json: it cannot go with --format ${echo(String(given))}`);
  return flags.has('json') ? ('json' as F) : ((given as F | undefined) ?? formats[0]!);
}

export const defaultEstimateDeps = (loadLiveSnapshot: EstimateDeps['loadLiveSnapshot']): EstimateDeps => ({
  loadSnapshot: (region) => loadBundledSnapshot(region),
  loadLiveSnapshot,
});

/**
 * The public JSON shape: options with their lines, nodes on the four EC2 node options only, reason
 * when unavailable; with the advice, its entries (sorted by saving), the levers that change the
 * cheapest option, and the Fargate requests that could grow at no extra cost.
 */
export function toJson(estimate: Estimate, advice?: Advice): object {
  return {
    region: estimate.region,
    pricing: estimate.pricing,
    hoursPerMonth: estimate.hoursPerMonth,
    ...(estimate.schedules ? { schedules: estimate.schedules } : {}),
    options: estimate.options.map((o) => ({
      id: o.id,
      label: o.label,
      available: o.available,
      monthlyUSD: o.monthlyUSD,
      ...(o.atAutoscalingMaxUSD !== undefined ? { atAutoscalingMaxUSD: o.atAutoscalingMaxUSD } : {}),
      ...(o.reason ? { reason: o.reason } : {}),
      lines: o.lines,
      ...(isEc2OptionId(o.id) ? { nodes: (o.nodes ?? []).map((n) => ({ ...n })) } : {}),
      ...(o.fargateSizes ? { fargateSizes: o.fargateSizes } : {}),
    })),
    cheapest: estimate.cheapest,
    ...(advice
      ? {
          advice: advice.entries,
          cheapestWith: advice.cheapestChanges.map((c) => ({
            lever: c.lever,
            optionId: c.optionId,
            monthlyUSD: c.monthlyUSD,
          })),
          fargateRoom: advice.fargateRoom,
        }
      : {}),
    warnings: estimate.warnings,
    assumptions: estimate.assumptions,
  };
}

/** How many advice entries, and requests with room, the table lists (--json has them all). */
export const TABLE_ADVICE_ENTRIES = 5;

function adviceLines(estimate: Estimate, advice: Advice): string[] {
  const out: string[] = ['', 'Advice (settings of this scenario that change the bill):'];
  const labelOf = (id: string) => estimate.options.find((o) => o.id === id)?.label ?? id;
  const beforeOf = (id: string) => estimate.options.find((o) => o.id === id)?.monthlyUSD ?? null;
  if (advice.entries.length === 0) out.push('  No lever saves 1% or more of any option.');
  const shown = advice.entries.slice(0, TABLE_ADVICE_ENTRIES);
  shown.forEach((entry, index) => {
    const before = beforeOf(entry.optionId);
    out.push(
      `  ${index + 1}. ${labelOf(entry.optionId)}: saves ${formatUSD(entry.savingUSD)} a month (${before === null ? '' : `${formatUSD(before)} to `}${formatUSD(entry.monthlyUSD)}). ${entry.change}`,
    );
    if (entry.caveat) out.push(`     ${entry.caveat}`);
  });
  if (advice.entries.length > shown.length)
    out.push(`  and ${advice.entries.length - shown.length} more (--json lists them all, each with its JSON Patch)`);
  for (const change of advice.cheapestChanges)
    out.push(
      `  With ${change.name}, ${change.optionLabel} becomes the cheapest at ${formatUSD(change.monthlyUSD)} a month.`,
    );
  if (advice.fargateRoom.length > 0) {
    out.push('  At no extra cost (the size billed already holds more):');
    for (const room of advice.fargateRoom.slice(0, TABLE_ADVICE_ENTRIES))
      out.push(
        `    ${labelOf(room.optionId)}: ${room.service} asks for ${compact(room.requested.vcpu)} vCPU / ${compact(room.requested.memoryGiB)} GiB and could ask for ${compact(room.couldRequest.vcpu)} vCPU / ${compact(room.couldRequest.memoryGiB)} GiB (billed ${fargateSizeText(room.billed)})`,
      );
    if (advice.fargateRoom.length > TABLE_ADVICE_ENTRIES)
      out.push(`    and ${advice.fargateRoom.length - TABLE_ADVICE_ENTRIES} more (--json fargateRoom)`);
  }
  return out;
}

/** The proxy's reason for answering with its snapshot, as the table shows it. */
const MAX_REASON_CHARS = 300;

const pad = (text: string, width: number, right = false) => (right ? text.padStart(width) : text.padEnd(width));

const LAYOUTS_SHOWN = 3;

/** Per node: what the system takes beside what the services use, so the arithmetic can be checked. */
function nodeBreakdownLines(node: NonNullable<OptionEstimate['nodes']>[number], slotWords: string): string[] {
  const { breakdown, allocatablePerNode: left } = node;
  const slotWord = (n: number) => `${n} ${n === 1 ? slotWords.slice(0, -1) : slotWords}`;
  const amount = (cpuMillis: number, memoryMiB: number, slots: number) =>
    [
      cpuMillis ? `${compact(cpuMillis)}m` : '',
      memoryMiB ? `${compact(memoryMiB)} MiB` : '',
      slots ? slotWord(slots) : '',
    ]
      .filter(Boolean)
      .join(', ');
  const lines = [
    `    per node: ${compact(breakdown.nominal.cpuMillis)}m, ${compact(breakdown.nominal.memoryMiB)} MiB (MemTotal ${compact(breakdown.memTotalMiB)} MiB${breakdown.memTotalRule ? ', derived' : ''}), ${slotWord(breakdown.slots)} (${breakdown.slotsBasis}${breakdown.slotsRule ? ', derived' : ''})`,
    ...breakdown.system.map(
      (share) => `      - ${share.name}: ${amount(share.cpuMillis, share.memoryMiB, share.slots)}`,
    ),
    `      = left for services: ${compact(left.cpuMillis)}m, ${compact(left.memoryMiB)} MiB, ${slotWord(left.slots)}${left.gpu ? `, ${countOf(left.gpu, 'GPU')}` : ''}`,
  ];
  for (const entry of node.layout.slice(0, LAYOUTS_SHOWN)) {
    const replicas = Object.entries(entry.replicas)
      .map(([name, count]) => `${count} x ${name}`)
      .join(', ');
    lines.push(
      `    ${entry.nodes} node${entry.nodes === 1 ? '' : 's'} with ${replicas}: services use ${amount(entry.used.cpuMillis, entry.used.memoryMiB, entry.used.slots)} per node`,
    );
  }
  if (node.layout.length > LAYOUTS_SHOWN)
    lines.push(`    and ${node.layout.length - LAYOUTS_SHOWN} more node layouts (--json lists them all)`);
  return lines;
}

function compact(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 4 });
}

export function renderTable(estimate: Estimate, advice?: Advice): string {
  const out: string[] = [];
  const source = estimate.pricing.source === 'live' ? 'live AWS Price List' : 'bundled snapshot';
  out.push(
    `Region ${estimate.region} (${estimate.regionName}) | ${source}, ${priceRangeText(estimate.pricing)} | ${estimate.hoursPerMonth} hours/month`,
  );
  if (estimate.pricing.reason)
    out.push(`Live prices unavailable: ${cutText(estimate.pricing.reason, MAX_REASON_CHARS)}`);
  for (const s of estimate.schedules ?? [])
    out.push(`Schedule of ${s.service}: ${compact(roundToCents(s.hoursPerMonth))} h a month (derived: ${s.derived})`);
  out.push('');

  const cheapest = estimate.options.find((o) => o.id === estimate.cheapest);
  // Six columns: each label on two header lines ("ECS" over "Managed Instances"), so the table
  // stays about 130 characters wide.
  const header = (label: string) => {
    const space = label.indexOf(' ');
    return space < 0 ? ['', label] : [label.slice(0, space), label.slice(space + 1)];
  };
  const width = Math.max(16, ...estimate.options.map((o) => Math.max(...header(o.label).map((h) => h.length)))) + 2;
  const cell = (o: OptionEstimate, text: string) => pad(text, width, true);
  for (const row of [0, 1])
    out.push((pad('', 16) + estimate.options.map((o) => pad(header(o.label)[row]!, width, true)).join('')).trimEnd());
  out.push(
    pad('Monthly total', 16) +
      estimate.options
        .map((o) =>
          cell(
            o,
            o.monthlyUSD === null
              ? 'Unavailable'
              : `${formatUSD(o.monthlyUSD)}${o.id === estimate.cheapest ? ' *' : '  '}`,
          ),
        )
        .join(''),
  );
  if (cheapest?.monthlyUSD != null) {
    out.push(
      pad('vs cheapest', 16) +
        estimate.options
          .map((o) =>
            cell(
              o,
              o.monthlyUSD === null
                ? '-'
                : o.id === cheapest.id
                  ? 'cheapest  '
                  : `+${formatUSD(roundToCents(o.monthlyUSD - cheapest.monthlyUSD!))}  `,
            ),
          )
          .join(''),
    );
  }
  if (estimate.options.some((o) => o.atAutoscalingMaxUSD !== undefined)) {
    out.push(
      pad('At autoscaling max', 16) +
        estimate.options
          .map((o) => cell(o, o.atAutoscalingMaxUSD == null ? '-' : `${formatUSD(o.atAutoscalingMaxUSD)}  `))
          .join(''),
    );
  }
  out.push(`(* cheapest: ${cheapest ? cheapest.label : 'no option can run this workload'})`);

  for (const option of estimate.options) {
    out.push('');
    if (option.monthlyUSD === null) {
      out.push(`${option.label}: unavailable: ${option.reason}`);
      continue;
    }
    out.push(`${option.label}: ${formatUSD(option.monthlyUSD)}${option.id === estimate.cheapest ? ' (cheapest)' : ''}`);
    for (const node of option.nodes ?? []) {
      out.push(
        `  nodes: ${node.count} x ${node.instanceType} (${node.vcpu} vCPU, ${compact(node.memoryMiB / 1024)} GiB, ${node.arch}${node.gpu ? ', GPU' : ''}, ${node.choice}) for ${nodeGroupPurpose(node)}; ` +
          `requests fill ${node.utilization.cpuPercent}% CPU, ${node.utilization.memoryPercent}% memory, ${node.utilization.slotsPercent}% of ${OPTION_PLATFORM[option.id] === 'eks' ? 'pod' : 'task'} slots` +
          (node.minNodesPadding > 0 ? `; ${node.minNodesPadding} added to reach the minimum node count` : '') +
          (node.fullMonth
            ? ''
            : `; runs only while its services do: ${compact(node.hoursPerMonth)} h a month${scaleDownDelayPhrase(node.scaleDownDelayHours)}`),
      );
      out.push(...nodeBreakdownLines(node, OPTION_PLATFORM[option.id] === 'eks' ? 'pods' : 'tasks'));
    }
    for (const size of option.fargateSizes ?? []) {
      if (size.billed.vcpu !== size.requested.vcpu || size.billed.memoryGiB !== size.requested.memoryGiB) {
        out.push(
          `  ${size.service}: requests ${size.requested.vcpu} vCPU / ${compact(size.requested.memoryGiB)} GiB, billed as ${fargateSizeText(size.billed)}`,
        );
      }
    }
    const componentWidth = Math.min(Math.max(...option.lines.map((l) => l.component.length)), 64);
    for (const line of option.lines) {
      const arithmetic = `${compact(line.quantity)} ${line.unit} x $${line.unitPriceUSD}`;
      out.push(
        `  ${pad(line.component, componentWidth)}  ${pad(arithmetic, 40)} ${pad(formatUSD(line.monthlyUSD), 12, true)}${line.derived && line.source !== 'scenario' ? '  (derived)' : ''}`,
      );
    }
  }
  if (advice) out.push(...adviceLines(estimate, advice));
  if (estimate.warnings.length > 0) {
    out.push('', 'Warnings:');
    for (const warning of estimate.warnings) out.push(`  - ${warning}`);
  }
  out.push('', 'Assumptions:');
  for (const assumption of estimate.assumptions) out.push(`  - ${assumption}`);
  // Each entry is one line; text from the snapshot (a proxy's) is escaped there.
  return outputLines(out);
}
