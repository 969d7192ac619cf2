import { ScenarioEditor } from '../features/scenario-editor/scenario-editor.tsx';
import { ImportDropZone } from '../features/import/import-drop-zone.tsx';
import { ResultsPanel } from '../features/results/results-panel.tsx';
import { ExportButton } from '../features/export-panel/export-button.tsx';
import { AdviceSlot } from '../features/advice/advice-slot.tsx';
import { ChartsSection } from '../features/charts/charts-section.tsx';
import { lazy } from 'react';
import { LazySection } from '../components/lazy-section.tsx';
import { ShareBar } from '../features/share-link/share-bar.tsx';
import { LinkNotice } from '../features/share-link/link-notice.tsx';
import { DraftNotice } from '../features/share-link/draft-notice.tsx';
import { PriceBadge } from '../features/share-link/price-badge.tsx';
import { CostSummary } from '../features/results/cost-summary.tsx';
import { PeriodToggle } from '../features/estimate-reports/period-toggle.tsx';

// Below the fold: the questionnaire (with the recommendation rules) and the feature matrix load after the first screen.
const DecisionGuide = lazy(() => import('../features/decision-guide/decision-guide.tsx'));
const FeatureMatrix = lazy(() => import('../features/feature-matrix/feature-matrix.tsx'));
// Downloads, print, saved scenarios and their comparison: used after the first screen.
const ReportsPanel = lazy(() => import('../features/estimate-reports/reports-panel.tsx'));

/** The page: workload on the left, costs on the right; charts, decision guide and features below. */
export function App() {
  return (
    <>
      <a
        className="skip-link"
        href="#results-heading"
        onClick={(e) => {
          e.preventDefault();
          document.getElementById('results-heading')?.focus();
          document.getElementById('results-heading')?.scrollIntoView();
        }}
      >
        Skip to results
      </a>
      <header className="site-header">
        <div className="header-inner">
          <div>
            <h1>ECS vs EKS cost calculator</h1>
            <p className="tagline">
              One workload, six ways to run it on AWS: ECS or EKS, on Fargate, on your own EC2 nodes or on AWS-managed
              nodes.
            </p>
          </div>
          <ShareBar />
        </div>
        <div className="header-inner">
          <PriceBadge />
        </div>
      </header>
      <CostSummary PeriodControl={PeriodToggle} />
      <main id="main">
        <LinkNotice />
        <DraftNotice />
        <div className="workspace">
          <ImportDropZone>
            <ScenarioEditor />
          </ImportDropZone>
          <ResultsPanel ExportAction={ExportButton} AdviceAction={AdviceSlot} />
        </div>
        <LazySection
          id="reports-heading"
          title="Reports and saved scenarios"
          className="reports"
          content={ReportsPanel}
        />
        <ChartsSection />
        <LazySection id="guide-heading" title="Decision guide" className="guide" content={DecisionGuide} />
        <LazySection id="matrix-heading" title="What each option can do" className="matrix" content={FeatureMatrix} />
      </main>
      <footer className="site-footer">
        <p>
          Estimates, not quotes: prices come from public AWS sources and each line item names its source and date. Share
          links carry the whole scenario in the address, so nothing is stored on a server.
        </p>
      </footer>
    </>
  );
}
