import { useMemo } from 'react';
import { useQueries, useQuery } from '@tanstack/react-query';
import type { SavedScenario } from '../../../domain/saved/saved-scenarios.ts';
import type { Estimate } from '../../../domain/cost/estimate-types.ts';
import { validateAgainstSnapshot, formatProblem } from '../../../domain/scenario/validate-scenario.ts';
import { diffEstimates, type EstimateDiff } from '../../../domain/report/estimate-diff.ts';
import { deltaText } from '../../../domain/report/diff-markdown.ts';
import { COST_PERIODS, periodUSD } from '../../../domain/report/cost-periods.ts';
import { regionPricingQueryOptions } from '../../../api/pricing-queries.ts';
import { estimateEngineQueryOptions } from '../../app/estimate-engine.ts';
import { useAppStore } from '../../../state/app-store.ts';
import { money } from '../../lib/format.ts';

type Priced = { saved: SavedScenario; estimate: Estimate | null; problem: string | null };

/**
 * Two or more saved scenarios side by side: each option's total per scenario and its change from
 * the first one chosen (the baseline), in the period the page shows (month, year or 3 years,
 * team time included). Each scenario is priced in its own region.
 */
export default function CompareView({ scenarios }: { scenarios: SavedScenario[] }) {
  const period = useAppStore((s) => s.answers.costPeriod);
  const engine = useQuery(estimateEngineQueryOptions);
  const regions = [...new Set(scenarios.map((s) => s.scenario.region))];
  const prices = useQueries({ queries: regions.map((region) => regionPricingQueryOptions(region)) });
  const snapshots = new Map(regions.map((region, i) => [region, prices[i]?.data]));
  const failed = prices.find((p) => p.error)?.error ?? engine.error;
  const ready = engine.data && regions.every((r) => snapshots.get(r));
  const snapshotKey = prices.map((p) => p.dataUpdatedAt).join();

  const priced = useMemo<Priced[] | null>(() => {
    if (!ready || !engine.data) return null;
    return scenarios.map((saved) => {
      const snapshot = snapshots.get(saved.scenario.region)!;
      const problems = validateAgainstSnapshot(saved.scenario, snapshot);
      if (problems.length > 0) return { saved, estimate: null, problem: problems.map(formatProblem).join('; ') };
      return { saved, estimate: engine.data.estimateScenario(saved.scenario, snapshot), problem: null };
    });
    // snapshotKey stands for the snapshots, which are new objects only when their data changes.
    // oxlint-disable-next-line react-hooks/exhaustive-deps -- keyed by snapshotKey on purpose
  }, [ready, engine.data, scenarios, snapshotKey]);

  if (failed) return <p role="alert">Could not load what the comparison needs: {failed.message}</p>;
  if (!priced) return <p role="status">Pricing the scenarios…</p>;
  const [base, ...others] = priced;
  const diffs = others.map((other): EstimateDiff | null =>
    base!.estimate && other.estimate
      ? diffEstimates(
          { scenario: base!.saved.scenario, estimate: base!.estimate },
          { scenario: other.saved.scenario, estimate: other.estimate },
        )
      : null,
  );
  const optionIds = [...new Set(priced.flatMap((p) => p.estimate?.options.map((o) => o.id) ?? []))];
  const words = COST_PERIODS.find((p) => p.id === period)!.words;
  const inPeriod = (usd: number | null | undefined) => (usd == null ? null : periodUSD(usd, period));
  return (
    <section className="compare-view" aria-labelledby="compare-heading">
      <h3 id="compare-heading">Comparison</h3>
      <p className="muted">
        Totals {words}, team time included; changes are against {base!.saved.name}, the first scenario ticked.
      </p>
      {priced
        .filter((p) => p.problem)
        .map((p) => (
          <p key={p.saved.id} className="field-problem">
            {p.saved.name} cannot be priced: {p.problem}
          </p>
        ))}
      <div className="table-scroll" role="region" aria-label="Comparison of saved scenarios" tabIndex={0}>
        <table className="compare-table">
          <caption className="visually-hidden">Total of each option {words} in each compared scenario</caption>
          <thead>
            <tr>
              <th scope="col">Option</th>
              {priced.map((p, i) => (
                <th scope="col" className="num" key={p.saved.id}>
                  {p.saved.name}
                  {i > 0 ? <span className="visually-hidden"> (change against {base!.saved.name})</span> : null}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {optionIds.map((id) => (
              <tr key={id}>
                <th scope="row">
                  {priced.find((p) => p.estimate)?.estimate?.options.find((o) => o.id === id)?.label ?? id}
                </th>
                {priced.map((p, i) => {
                  const option = p.estimate?.options.find((o) => o.id === id);
                  const delta = i > 0 ? diffs[i - 1]?.options.find((o) => o.id === id) : undefined;
                  const scaled =
                    delta && delta.deltaUSD !== null ? { ...delta, deltaUSD: periodUSD(delta.deltaUSD, period) } : null;
                  return (
                    <td className="num" key={p.saved.id} data-testid={`compare-${id}-${i}`}>
                      {option?.monthlyUSD == null ? 'Unavailable' : money(inPeriod(option.monthlyUSD))}
                      {p.estimate?.cheapest === id ? <span className="badge-cheapest">Cheapest</span> : null}
                      {scaled ? <span className="compare-delta">{deltaText(scaled)}</span> : null}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {diffs.map((diff, i) =>
        diff && diff.services.length > 0 ? (
          <p key={others[i]!.saved.id} className="muted">
            {others[i]!.saved.name} against {base!.saved.name}:{' '}
            {diff.services.map((s) => `${s.name} ${s.changes.join('/')}`).join(', ')}.
          </p>
        ) : null,
      )}
    </section>
  );
}
