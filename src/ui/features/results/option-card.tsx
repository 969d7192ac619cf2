import type { Estimate, OptionEstimate } from '../../../domain/cost/estimate-types.ts';
import type { RegionSnapshot } from '../../../domain/pricing/price-snapshot.ts';
import type { Scenario } from '../../../domain/scenario/scenario-schema.ts';
import { roundToCents } from '../../../domain/money/round-cents.ts';
import { money } from '../../lib/format.ts';
import { COST_PERIODS, periodUSD } from '../../../domain/report/cost-periods.ts';
import { useAppStore } from '../../../state/app-store.ts';
import { optionColor } from '../../lib/option-colors.ts';
import { LineItems } from './line-items.tsx';
import { NodePlan } from './node-plan.tsx';
import type { ComponentType } from 'react';
import type { OptionId } from '../../../domain/cost/estimate-types.ts';

export interface OptionCardProps {
  option: OptionEstimate;
  estimate: Estimate;
  scenario: Scenario;
  snapshot: RegionSnapshot | undefined;
  totalReplicas: number;
  /** Why the figures are not for the current input (they stay, dimmed), or null when they are. */
  staleReason?: string | null | undefined;
  /** The export action, given by the app shell (features do not import each other). */
  ExportAction?: ComponentType<OptionActionProps> | undefined;
  /** The advice under the card (its levers and Apply buttons), given by the app shell. */
  AdviceAction?: ComponentType<OptionAdviceSlotProps> | undefined;
}

export interface OptionAdviceSlotProps {
  optionId: OptionId;
  label: string;
  scenario: Scenario;
  snapshot: RegionSnapshot | undefined;
  /** Set while the results are stale: Apply is off and says why. */
  disabledReason?: string | undefined;
}

export interface OptionActionProps {
  optionId: OptionId;
  label: string;
  scenario: Scenario;
  estimate: Estimate;
  /** Set while the results are stale: the action is off and says why. */
  disabledReason?: string | undefined;
}

/** One option: total (test contract: data-testid="monthly-total-<id>"), rank, node plan and its bill. */
export function OptionCard({
  option,
  estimate,
  scenario,
  snapshot,
  totalReplicas,
  staleReason,
  ExportAction,
  AdviceAction,
}: OptionCardProps) {
  const cheapest = estimate.options.find((o) => o.id === estimate.cheapest);
  const isCheapest = option.id === estimate.cheapest;
  const total = option.monthlyUSD;
  const headingId = `option-${option.id}-heading`;
  const period = useAppStore((s) => s.answers.costPeriod);
  const { words } = COST_PERIODS.find((p) => p.id === period)!;
  // Amounts in the chosen period, from their monthly figures in whole cents.
  const inPeriod = (monthlyUSD: number) => money(periodUSD(monthlyUSD, period));
  return (
    <article
      className={`option-card${isCheapest ? ' is-cheapest' : ''}${total === null ? ' is-unavailable' : ''}${staleReason ? ' is-stale' : ''}`}
      aria-labelledby={headingId}
    >
      <header className="option-head">
        <h3 id={headingId}>
          <span className="option-swatch" aria-hidden="true" style={{ background: optionColor(option.id) }} />
          {option.label}
        </h3>
        {isCheapest ? <span className="badge-cheapest">Cheapest</span> : null}
      </header>
      <p className="option-total">
        <span data-testid={`monthly-total-${option.id}`}>{total === null ? 'Unavailable' : inPeriod(total)}</span>
        {total !== null ? <span className="per-month"> {words}</span> : null}
      </p>
      {total === null ? (
        <p className="option-reason">{option.reason}</p>
      ) : (
        <dl className="option-facts">
          <div>
            <dt>Versus cheapest</dt>
            <dd>
              {isCheapest || !cheapest || cheapest.monthlyUSD === null
                ? 'Cheapest option'
                : `+${inPeriod(roundToCents(total - cheapest.monthlyUSD))} ${words}`}
            </dd>
          </div>
          {option.atAutoscalingMaxUSD != null ? (
            <div>
              <dt>At autoscaling maximum</dt>
              <dd>
                {inPeriod(option.atAutoscalingMaxUSD)} {words}
              </dd>
            </div>
          ) : null}
          <div>
            <dt>Per replica</dt>
            <dd>{totalReplicas > 0 ? `${inPeriod(roundToCents(total / totalReplicas))} ${words}` : 'No replicas'}</dd>
          </div>
        </dl>
      )}
      {total !== null ? <NodePlan option={option} /> : null}
      {total !== null ? (
        <details className="line-details">
          <summary>
            Line items<span className="visually-hidden"> of {option.label}</span> ({option.lines.length})
          </summary>
          <LineItems lines={option.lines} snapshot={snapshot} caption={`${option.label}: monthly line items`} />
        </details>
      ) : null}
      {total !== null && ExportAction ? (
        <div className="option-actions">
          <ExportAction
            optionId={option.id}
            label={option.label}
            scenario={scenario}
            estimate={estimate}
            disabledReason={staleReason ?? undefined}
          />
        </div>
      ) : null}
      {total !== null && AdviceAction ? (
        <AdviceAction
          optionId={option.id}
          label={option.label}
          scenario={scenario}
          snapshot={snapshot}
          disabledReason={staleReason ? 'The figures are not for the current input yet' : undefined}
        />
      ) : null}
    </article>
  );
}
