import { useQuery } from '@tanstack/react-query';
import { useCalculation } from '../../app/calculation-context.tsx';
import type { OptionActionProps } from './option-card.tsx';
import type { ComponentType } from 'react';
import { optionGridQueryOptions } from './option-grid-module.ts';
import { formatProblem } from '../../../domain/scenario/field-problem.ts';
import { useAppStore } from '../../../state/app-store.ts';

/** The four options side by side, with a clear word when they are not for the current input. */
export function ResultsPanel({ ExportAction }: { ExportAction?: ComponentType<OptionActionProps> } = {}) {
  const { estimate, scenario, snapshot, staleBecause, problemList, pricesError, retryPrices, pricesLoading } =
    useCalculation();
  const hidden = useAppStore((s) => s.answers.hiddenOptions);
  // Requested on the first render, so the cards download beside the engine and the prices.
  const grid = useQuery(optionGridQueryOptions);
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
      {grid.error ? (
        <div className="stale-note" role="alert">
          {grid.error.message}{' '}
          <button type="button" className="button-small" onClick={() => void grid.refetch()}>
            Try again
          </button>
        </div>
      ) : null}
      {!estimate || !grid.data ? (
        <p role="status">
          {pricesLoading
            ? 'Loading prices…'
            : !estimate
              ? 'Enter a valid workload to see costs.'
              : grid.error
                ? null
                : 'Loading the results…'}
        </p>
      ) : (
        <>
          <p className="muted">
            {estimate.regionName} ({estimate.region}), {estimate.hoursPerMonth} hours a month,{' '}
            {totalReplicas.toLocaleString('en-US')} replica{totalReplicas === 1 ? '' : 's'} in{' '}
            {scenario?.services.length ?? 0} service
            {scenario?.services.length === 1 ? '' : 's'}.
          </p>
          <grid.data.OptionGrid
            estimate={estimate}
            scenario={scenario!}
            snapshot={snapshot}
            staleBecause={staleBecause}
            hidden={hidden}
            totalReplicas={totalReplicas}
            ExportAction={ExportAction}
          />
        </>
      )}
    </section>
  );
}
