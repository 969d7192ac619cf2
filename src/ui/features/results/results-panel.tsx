import { useQuery } from '@tanstack/react-query';
import { useCalculation } from '../../app/calculation-context.tsx';
import type { OptionActionProps, OptionAdviceSlotProps } from './option-card.tsx';
import type { ComponentType } from 'react';
import { optionGridQueryOptions } from './option-grid-module.ts';
import { useAppStore } from '../../../state/app-store.ts';

/** How many of the problems the note above the cards lists (each is also beside its field). */
const MAX_LISTED = 3;

/** The four options side by side, with a clear word when they are not for the current input. */
export function ResultsPanel({
  ExportAction,
  AdviceAction,
}: {
  ExportAction?: ComponentType<OptionActionProps>;
  AdviceAction?: ComponentType<OptionAdviceSlotProps>;
} = {}) {
  const { estimate, scenario, snapshot, staleBecause, shownProblems, pricesError, retryPrices, pricesLoading } =
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
          {shownProblems.length === 1 ? 'the highlighted field' : `the ${shownProblems.length} highlighted fields`} to
          update them.
          {shownProblems.length > 0 ? (
            <ul className="stale-problems">
              {shownProblems.slice(0, MAX_LISTED).map((p) => (
                <li key={p.path}>{p.text}</li>
              ))}
              {shownProblems.length > MAX_LISTED ? <li>and {shownProblems.length - MAX_LISTED} more</li> : null}
            </ul>
          ) : null}
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
            AdviceAction={AdviceAction}
          />
        </>
      )}
    </section>
  );
}
