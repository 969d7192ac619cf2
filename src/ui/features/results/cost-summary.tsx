import { useCalculation } from '../../app/calculation-context.tsx';
import { setOptionShown, useAppStore } from '../../../state/app-store.ts';
import { money } from '../../lib/format.ts';
import type { ComponentType } from 'react';
import { COST_PERIODS, periodUSD } from '../../../domain/report/cost-periods.ts';
import { optionColor } from '../../lib/option-colors.ts';

/**
 * Every option's monthly total in one strip at the top of the page (sticky, so it stays in view
 * while editing, on phones too), the cheapest marked, and the choice of options to show. It lays
 * the options out by count, so more options add tiles, not a new design.
 */
export function CostSummary({ PeriodControl }: { PeriodControl?: ComponentType } = {}) {
  const { estimate, staleBecause } = useCalculation();
  const hidden = useAppStore((s) => s.answers.hiddenOptions);
  const period = useAppStore((s) => s.answers.costPeriod);
  const { words } = COST_PERIODS.find((p) => p.id === period)!;
  if (!estimate) return null;
  const shown = estimate.options.filter((o) => !hidden.includes(o.id));
  const priced = shown.filter((o) => o.monthlyUSD !== null);
  const cheapestShown = priced.reduce<(typeof priced)[number] | null>(
    (best, o) => (best === null || o.monthlyUSD! < best.monthlyUSD! ? o : best),
    null,
  );
  return (
    <section
      className={`cost-summary${staleBecause ? ' is-stale' : ''}`}
      aria-labelledby="summary-heading"
      data-stale={staleBecause ? 'true' : undefined}
    >
      <h2 id="summary-heading" className="visually-hidden">
        Monthly totals
      </h2>
      <ul
        className="summary-tiles"
        aria-label={period === 'month' ? 'Monthly total of each option' : `Total of each option, ${words}`}
      >
        {shown.map((option) => {
          const cheapest = option.id === cheapestShown?.id;
          return (
            <li key={option.id} className={cheapest ? 'is-cheapest' : undefined}>
              <a href={`#option-${option.id}-heading`} className="summary-name">
                <span className="option-swatch" aria-hidden="true" style={{ background: optionColor(option.id) }} />
                {option.label}
              </a>
              <span className="summary-total">
                {option.monthlyUSD === null ? 'Unavailable' : money(periodUSD(option.monthlyUSD, period))}
              </span>
              {cheapest ? (
                <span className="badge-cheapest">
                  {option.id === estimate.cheapest ? 'Cheapest' : 'Cheapest shown'}
                </span>
              ) : null}
            </li>
          );
        })}
      </ul>
      <div className="summary-foot">
        {staleBecause ? (
          <span className="summary-stale">
            {staleBecause === 'invalid-input' ? 'Out of date: fix the highlighted fields' : 'Loading new prices…'}
          </span>
        ) : null}
        {PeriodControl ? <PeriodControl /> : null}
        <span className={PeriodControl ? 'muted print-only' : 'muted'}>{words}</span>
        <details className="summary-options">
          <summary>
            Options shown ({shown.length} of {estimate.options.length})
          </summary>
          <fieldset>
            <legend className="visually-hidden">Options to show</legend>
            {estimate.options.map((option) => {
              const isShown = !hidden.includes(option.id);
              return (
                <label key={option.id} className="check-inline">
                  <input
                    type="checkbox"
                    checked={isShown}
                    // The last shown option stays: the page always compares at least one.
                    disabled={isShown && shown.length === 1}
                    onChange={(e) => setOptionShown(option.id, e.target.checked)}
                  />{' '}
                  {option.label}
                </label>
              );
            })}
          </fieldset>
        </details>
      </div>
    </section>
  );
}
