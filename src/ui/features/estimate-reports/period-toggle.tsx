import { useId } from 'react';
import { setAnswers, useAppStore } from '../../../state/app-store.ts';
import { COST_PERIODS, type CostPeriod } from '../../../domain/report/cost-periods.ts';

/**
 * Per month, per year (x12) or over 3 years (x36): the period the totals are shown in, team time
 * included. A view choice kept with the answers, so the share link carries it.
 */
export function PeriodToggle() {
  const id = useId();
  const period = useAppStore((s) => s.answers.costPeriod);
  return (
    <span className="period-toggle">
      <label htmlFor={id}>Costs shown</label>{' '}
      <select id={id} value={period} onChange={(e) => setAnswers({ costPeriod: e.target.value as CostPeriod })}>
        {COST_PERIODS.map((p) => (
          <option key={p.id} value={p.id}>
            {p.label}
          </option>
        ))}
      </select>
    </span>
  );
}
