/** The charts, loaded on demand (recharts is large): default export for React.lazy. */
import { memo, useMemo } from 'react';
import type { Estimate } from '../../../domain/cost/estimate-types.ts';
import type { RegionSnapshot } from '../../../domain/pricing/price-snapshot.ts';
import type { Scenario } from '../../../domain/scenario/scenario-schema.ts';
import { describeBreakEven, findBreakEvens } from '../../../domain/cost/break-even.ts';
import { barSeries, componentBreakdown, scaleSeries } from './chart-data.ts';
import { ComponentBarChart } from './component-bar-chart.tsx';
import { ScaleLineChart } from './scale-line-chart.tsx';
import { useSweep } from './use-sweep.ts';

export interface CostChartsProps {
  estimate: Estimate;
  scenario: Scenario;
  snapshot: RegionSnapshot | undefined;
}

function CostCharts({ estimate, scenario, snapshot }: CostChartsProps) {
  const bars = useMemo(() => barSeries(componentBreakdown(estimate)), [estimate]);
  const { points, pending } = useSweep(scenario, snapshot);
  const breakEvens = useMemo(() => (points ? findBreakEvens(points) : []), [points]);
  const lines = useMemo(() => (points ? scaleSeries(points) : null), [points]);
  const currentReplicas = scenario.services.reduce((sum, s) => sum + s.replicas, 0);
  return (
    <div className="charts-grid">
      <ComponentBarChart series={bars} />
      <div>
        {points && lines ? (
          <ScaleLineChart series={lines} points={points} currentReplicas={currentReplicas} />
        ) : (
          <p role="status">Computing costs across scale…</p>
        )}
        <div id="break-even-list" className="break-evens" aria-live="polite" aria-busy={pending}>
          <h3>Break-even points</h3>
          {points && breakEvens.length === 0 ? (
            <p>
              No option overtakes another between {points[0]?.totalReplicas} and{' '}
              {points[points.length - 1]?.totalReplicas} replicas.
            </p>
          ) : null}
          {breakEvens.length > 0 ? (
            <ul>
              {breakEvens.slice(0, BREAK_EVENS_SHOWN).map((b) => (
                <li key={`${b.cheaper}-${b.than}-${b.fromReplicas}`}>{describeBreakEven(b)}.</li>
              ))}
            </ul>
          ) : null}
          {breakEvens.length > BREAK_EVENS_SHOWN ? (
            <details>
              <summary>All {breakEvens.length} break-even points</summary>
              <ul>
                {breakEvens.slice(BREAK_EVENS_SHOWN).map((b) => (
                  <li key={`${b.cheaper}-${b.than}-${b.fromReplicas}`}>{describeBreakEven(b)}.</li>
                ))}
              </ul>
            </details>
          ) : null}
          <p className="muted">
            Every service's replicas scale together, from a quarter to four times today's{' '}
            {currentReplicas.toLocaleString('en-US')}. EC2 costs rise in whole nodes, so two options can cross more than
            once.
          </p>
        </div>
      </div>
    </div>
  );
}

/**
 * Six options cross each other dozens of times across the sweep: the first few (fewest replicas)
 * are listed, the rest one click away, so the list does not bury the page on a phone.
 */
const BREAK_EVENS_SHOWN = 6;

/** Memoized: the page re-renders on every keystroke, the charts only when their (delayed) inputs change. */
export default memo(CostCharts);
