import { lazy, Suspense, useEffect, useState } from 'react';
import { useCalculation, type CalculationContextValue } from '../../app/calculation-context.tsx';

// recharts (about 110 KB gzipped) stays out of the first screen's JavaScript.
const CostCharts = lazy(() => import('./cost-charts.tsx'));

/** How long the charts wait after the last edit: redrawing SVG on every keystroke would make typing lag. */
const CHART_DELAY_MS = 300;

type ChartInput = Pick<CalculationContextValue, 'estimate' | 'scenario' | 'snapshot'>;

export function ChartsSection() {
  const { estimate, scenario, snapshot } = useCalculation();
  const [shown, setShown] = useState<ChartInput>({ estimate, scenario, snapshot });
  useEffect(() => {
    if (shown.estimate === estimate && shown.scenario === scenario && shown.snapshot === snapshot) return;
    const timer = setTimeout(() => setShown({ estimate, scenario, snapshot }), shown.estimate ? CHART_DELAY_MS : 0);
    return () => clearTimeout(timer);
  }, [estimate, scenario, snapshot, shown]);
  const updating = shown.estimate !== estimate;
  return (
    <section aria-labelledby="charts-heading" className="panel charts" aria-busy={updating}>
      <h2 id="charts-heading">Charts</h2>
      {shown.estimate && shown.scenario ? (
        <Suspense fallback={<p role="status">Loading charts…</p>}>
          <CostCharts estimate={shown.estimate} scenario={shown.scenario} snapshot={shown.snapshot} />
        </Suspense>
      ) : (
        <p>Charts appear once the workload is valid and prices are loaded.</p>
      )}
    </section>
  );
}
