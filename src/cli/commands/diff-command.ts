/**
 * `cli diff <before.json> <after.json> [--format table|json|markdown] [--fail-above <USD | N%>] [--option <id>]`
 *
 * Prices both scenarios on the bundled snapshot and prints what changed per option. Exit status:
 * 0 when both are valid, 2 for bad input (each problem line names its file and field), 1 when
 * `--fail-above` is given and an option (or the `--option`) grows by more than it, for CI gates.
 */
import { estimateScenario } from '../../domain/cost/estimate.ts';
import type { OptionId } from '../../domain/cost/estimate-types.ts';
import type { RegionSnapshot } from '../../domain/pricing/price-snapshot.ts';
import type { Scenario } from '../../domain/scenario/scenario-schema.ts';
import { formatUSD } from '../../domain/money/round-cents.ts';
import {
  diffEstimates,
  optionsAbove,
  parseGrowthThreshold,
  type EstimateDiff,
  type GrowthThreshold,
} from '../../domain/report/estimate-diff.ts';
import { deltaText, diffToMarkdown, serviceChangeText } from '../../domain/report/diff-markdown.ts';
import { parseArgs, UsageError, type CliIo } from '../cli-io.ts';
import { echo, outputJson, outputLines, problemLines, quoteArg } from '../terminal-text.ts';
import { checkAgainstSnapshot, readScenario, scenarioSource } from '../load-scenario.ts';
import { outputFormat } from './estimate-command.ts';

export interface DiffDeps {
  loadSnapshot: (region: string) => Promise<RegionSnapshot>;
}

export const DIFF_FORMATS = ['table', 'json', 'markdown'] as const;

export async function runDiff(argv: readonly string[], io: CliIo, deps: DiffDeps): Promise<number> {
  const args = parseArgs(argv, ['json'], ['format', 'fail-above', 'option']);
  const format = outputFormat(args.flags, DIFF_FORMATS);
  if (args.positional.length !== 2)
    throw new UsageError(
      `diff needs two scenarios, before and after, got ${args.positional.length}${args.positional.length ? `: ${echo(args.positional.join(' '))}` : ''}`,
    );
  const [beforePath, afterPath] = args.positional as [string, string];
  if (beforePath === '-' && afterPath === '-')
    throw new UsageError('only one of the two scenarios can be standard input (-)');
  const threshold = thresholdArgument(args.flags.get('fail-above'));
  const only = args.flags.get('option');

  // Both files are read before any is refused, so one run lists every problem of both.
  const problems: string[] = [];
  const read = async (path: string): Promise<Scenario | null> => {
    try {
      return await readScenario(io, path, { nameFile: true });
    } catch (error) {
      if (!(error instanceof UsageError)) throw error;
      problems.push(...error.lines);
      return null;
    }
  };
  const before = await read(beforePath);
  const after = await read(afterPath);
  if (!before || !after) throw new UsageError(problems);
  const sides = await Promise.all(
    [
      [before, beforePath],
      [after, afterPath],
    ].map(async ([scenario, path]) => {
      const snapshot = await deps.loadSnapshot((scenario as Scenario).region);
      try {
        checkAgainstSnapshot(scenario as Scenario, snapshot, scenarioSource(path as string));
      } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        problems.push(...error.lines);
      }
      return { scenario: scenario as Scenario, snapshot };
    }),
  );
  if (problems.length > 0) throw new UsageError(problems);
  const [b, a] = sides.map(({ scenario, snapshot }) => ({ scenario, estimate: estimateScenario(scenario, snapshot) }));
  const diff = diffEstimates(b!, a!);
  if (only !== undefined && !diff.options.some((o) => o.id === only))
    throw new UsageError(
      `--option: must be one of ${diff.options.map((o) => o.id).join(', ')}, not ${quoteArg(String(only))}`,
    );
  const optionId = only as OptionId | undefined;
  const exceeded = threshold ? optionsAbove(diff, threshold, optionId) : [];
  const names = { before: scenarioSource(beforePath), after: scenarioSource(afterPath) };

  if (format === 'json') {
    io.stdout(
      outputJson({
        before: { file: names.before, region: b!.scenario.region },
        after: { file: names.after, region: a!.scenario.region },
        ...diff,
        ...(threshold
          ? {
              failAbove: {
                threshold,
                ...(optionId ? { option: optionId } : {}),
                exceeded: exceeded.map((o) => o.id),
              },
            }
          : {}),
      }),
    );
  } else if (format === 'markdown') {
    io.stdout(outputLines(diffToMarkdown(diff, names).trimEnd().split('\n')));
  } else {
    io.stdout(renderDiffTable(diff, names));
  }
  if (exceeded.length === 0) return 0;
  io.stderr(
    problemLines(
      exceeded.map((o) => `${o.id} grows by ${deltaText(o)}, more than --fail-above ${thresholdText(threshold!)}`),
    ),
  );
  return 1;
}

function thresholdArgument(value: string | true | undefined): GrowthThreshold | null {
  if (value === undefined) return null;
  const threshold = parseGrowthThreshold(String(value));
  if (!threshold)
    throw new UsageError(
      `--fail-above: must be an amount in USD (25, 25.50) or a percentage (10%), not ${quoteArg(String(value))}`,
    );
  return threshold;
}

const thresholdText = (t: GrowthThreshold) => ('usd' in t ? formatUSD(t.usd) : `${t.percent}%`);

const pad = (text: string, width: number, right = false) => (right ? text.padStart(width) : text.padEnd(width));

export function renderDiffTable(diff: EstimateDiff, names: { before: string; after: string }): string {
  const money = (usd: number | null) => (usd === null ? 'Unavailable' : formatUSD(usd));
  const width = Math.max(16, ...diff.options.map((o) => o.label.length + 2));
  const out = [
    `From ${names.before} to ${names.after}, monthly`,
    '',
    pad('', width) + pad('Before', 14, true) + pad('After', 14, true) + pad('Change', 24, true),
    ...diff.options.map(
      (o) =>
        pad(o.label, width) +
        pad(money(o.beforeUSD), 14, true) +
        pad(money(o.afterUSD), 14, true) +
        pad(deltaText(o), 24, true),
    ),
    '',
  ];
  const label = (id: string | null) => (id === null ? 'none' : (diff.options.find((o) => o.id === id)?.label ?? id));
  out.push(
    diff.cheapest.before === diff.cheapest.after
      ? `Cheapest: ${label(diff.cheapest.after)} (unchanged)`
      : `Cheapest: ${label(diff.cheapest.before)} before, ${label(diff.cheapest.after)} after`,
  );
  if (diff.services.length === 0) out.push('No service changed');
  else {
    out.push('Services changed:');
    for (const change of diff.services) out.push(`  - ${serviceChangeText(change, (text) => text)}`);
  }
  if (diff.settings.length > 0) out.push(`Settings changed: ${diff.settings.join(', ')}`);
  return outputLines(out);
}
