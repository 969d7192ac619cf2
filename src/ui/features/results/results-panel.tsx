import { useCalculation } from '../../app/calculation-context.tsx';
import { OptionCard, type OptionActionProps } from './option-card.tsx';
import type { ComponentType } from 'react';
import { EstimateNotes } from './estimate-notes.tsx';
import { formatProblem } from '../../../domain/scenario/validate-scenario.ts';
import { useAppStore } from '../../../state/app-store.ts';

/** The four options side by side, with a clear word when they are not for the current input. */
export function ResultsPanel({ ExportAction }: { ExportAction?: ComponentType<OptionActionProps> } = {}) {
  const { estimate, scenario, snapshot, staleBecause, problemList, pricesError, retryPrices, pricesLoading } =
    useCalculation();
  const hidden = useAppStore((s) => s.answers.hiddenOptions);
  const totalReplicas = scenario ? scenario.services.reduce((sum, s) => sum + s.replicas, 0) : 0;
  return (
    <section aria-labelledby="results-heading" className="panel results">
      <h2 id="results-heading" tabIndex={-1}>
        Monthly cost
      </h2>
      {staleBecause === 'invalid-input' && estimate ? (
        <div className="stale-note" role="status">
          <strong>Results are from the last valid input.</strong> Fix{' '}
          {problemList.length === 1 ? 'the highlighted field' : `the ${problemList.length} highlighted fields`} to
          update them.
          {problemList.length > 0 ? <span className="muted"> First: {formatProblem(problemList[0]!)}</span> : null}
        </div>
      ) : null}
      {staleBecause === 'loading-prices' && !pricesError ? (
        <p className="stale-note" role="status">
          Loading prices for the new region… {estimate ? 'The figures below are for the previous region.' : ''}
        </p>
      ) : null}
      {pricesError ? (
        <div className="stale-note" role="alert">
          {pricesError.message}{' '}
          <button type="button" className="button-small" onClick={retryPrices}>
            Try again
          </button>
        </div>
      ) : null}
      {!estimate ? (
        <p role="status">{pricesLoading ? 'Loading prices…' : 'Enter a valid workload to see costs.'}</p>
      ) : (
        <>
          <p className="muted">
            {estimate.regionName} ({estimate.region}), {estimate.hoursPerMonth} hours a month,{' '}
            {totalReplicas.toLocaleString('en-US')} replica{totalReplicas === 1 ? '' : 's'} in{' '}
            {scenario?.services.length ?? 0} service
            {scenario?.services.length === 1 ? '' : 's'}.
          </p>
          <div className="option-grid">
            {estimate.options
              .filter((option) => !hidden.includes(option.id))
              .map((option) => (
                <OptionCard
                  key={option.id}
                  option={option}
                  estimate={estimate}
                  scenario={scenario!}
                  snapshot={snapshot}
                  totalReplicas={totalReplicas}
                  staleReason={
                    staleBecause === 'invalid-input'
                      ? 'Fix the highlighted fields to export'
                      : staleBecause === 'loading-prices'
                        ? 'Waiting for the new prices'
                        : null
                  }
                  ExportAction={ExportAction}
                />
              ))}
          </div>
          <EstimateNotes warnings={estimate.warnings} assumptions={estimate.assumptions} />
        </>
      )}
    </section>
  );
}
