import { useMemo } from 'react';
import { OPTION_LABELS } from '../../../domain/cost/estimate-types.ts';
import type { DecisionAnswers } from '../../../domain/recommend/decision-answers.ts';
import {
  COMPUTES,
  COMPUTE_LABELS,
  describeComparison,
  recommendPlatform,
  type Side,
} from '../../../domain/recommend/recommend-platform.ts';
import { useCalculation } from '../../app/calculation-context.tsx';
import { useAdvice } from '../../app/advice-source.ts';
import { money } from '../../lib/format.ts';

const SIDE_LABEL: Record<Side, string> = { ecs: 'ECS', eks: 'EKS', fargate: 'Fargate', managed: 'Managed', ec2: 'EC2' };

/** The recommendation, its reasons and what the choice costs against the alternatives. */
export function RecommendationPanel({ answers }: { answers: DecisionAnswers }) {
  const { scenario, estimate, snapshot } = useCalculation();
  const { advice, current } = useAdvice(scenario, snapshot);
  const rec = useMemo(() => recommendPlatform(answers, scenario, estimate), [answers, scenario, estimate]);
  return (
    <aside className="recommendation" aria-labelledby="recommendation-heading" aria-live="polite">
      <h3 id="recommendation-heading">Recommendation</h3>
      <p className="recommended" data-testid="recommended-option">
        {OPTION_LABELS[rec.optionId]}
      </p>
      <p className="muted">
        {rec.orchestrator.toUpperCase()} {rec.points[rec.orchestrator]} points against{' '}
        {rec.orchestrator === 'ecs' ? 'EKS' : 'ECS'} {rec.points[rec.orchestrator === 'ecs' ? 'eks' : 'ecs']};{' '}
        {COMPUTE_LABELS[rec.compute]} {rec.points[rec.compute]} against{' '}
        {COMPUTES.filter((c) => c !== rec.compute)
          .map((c) => `${COMPUTE_LABELS[c]} ${rec.points[c]}`)
          .join(' and ')}
        .
      </p>
      {rec.monthlyUSD !== null ? (
        <p className="recommend-cost">
          {money(rec.monthlyUSD)} a month
          {rec.vsCheapest ? (
            <>, {describeComparison(rec.vsCheapest)} (the cheapest option)</>
          ) : (
            <>, the cheapest option for this workload</>
          )}
          {rec.vsOtherOrchestrator && rec.vsOtherOrchestrator.versus !== rec.vsCheapest?.versus ? (
            <>; {describeComparison(rec.vsOtherOrchestrator)}</>
          ) : null}
          .
        </p>
      ) : null}
      {rec.fallback ? <p className="stale-note">{rec.fallback}</p> : null}
      {advice && current ? (
        <div className="cheapest-changes">
          <h4>Settings that change the cheapest option</h4>
          {advice.cheapestChanges.length === 0 ? (
            <p className="muted">No lever of the advice changes which option is cheapest.</p>
          ) : (
            <ul>
              {advice.cheapestChanges.map((change) => (
                <li key={`${change.lever}:${change.change}`}>
                  With {change.name}, {change.optionLabel} becomes the cheapest at {money(change.monthlyUSD)} a month.{' '}
                  {change.caveat ? <span className="muted">{change.caveat}</span> : null}
                </li>
              ))}
            </ul>
          )}
        </div>
      ) : null}
      <h4>Reasons</h4>
      <ul className="reasons">
        {rec.reasons.map((r) => (
          <li key={r.text}>
            <span className={`reason-side side-${r.favours}`}>{SIDE_LABEL[r.favours]}</span> {r.text}
          </li>
        ))}
      </ul>
    </aside>
  );
}
