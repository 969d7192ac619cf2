import { lazy, Suspense } from 'react';
import { useCalculation } from '../../app/calculation-context.tsx';

// recharts (about 110 KB gzipped) stays out of the first screen's JavaScript.
const CostCharts = lazy(() => import('./cost-charts.tsx'));

export function ChartsSection() {
  const { estimate, scenario, snapshot } = useCalculation();
  return (
    <section aria-labelledby="charts-heading" className="panel charts">
      <h2 id="charts-heading">Charts</h2>
      {estimate && scenario ? (
        <Suspense fallback={<p role="status">Loading charts…</p>}>
          <CostCharts estimate={estimate} scenario={scenario} snapshot={snapshot} />
        </Suspense>
      ) : (
        <p>Charts appear once the workload is valid and prices are loaded.</p>
      )}
    </section>
  );
}
