import type { ComponentType } from 'react';
import type { Estimate } from '../../../domain/cost/estimate-types.ts';
import type { RegionSnapshot } from '../../../domain/pricing/price-snapshot.ts';
import type { Scenario } from '../../../domain/scenario/scenario-schema.ts';
import type { Calculation } from '../../../state/calculator.ts';
import { OptionCard, type OptionActionProps, type OptionAdviceSlotProps } from './option-card.tsx';
import { EstimateNotes } from './estimate-notes.tsx';

export interface OptionGridProps {
  estimate: Estimate;
  scenario: Scenario;
  snapshot: RegionSnapshot | undefined;
  staleBecause: Calculation['staleBecause'];
  hidden: readonly string[];
  totalReplicas: number;
  ExportAction?: ComponentType<OptionActionProps> | undefined;
  AdviceAction?: ComponentType<OptionAdviceSlotProps> | undefined;
}

/**
 * The option cards (node plans, bill lines) and the estimate's notes: a chunk of their own, loaded
 * with the cost engine (option-grid-module.ts), since they show only once there is an estimate.
 */
export function OptionGrid({
  estimate,
  scenario,
  snapshot,
  staleBecause,
  hidden,
  totalReplicas,
  ExportAction,
  AdviceAction,
}: OptionGridProps) {
  return (
    <>
      <div className="option-grid">
        {estimate.options
          .filter((option) => !hidden.includes(option.id))
          .map((option) => (
            <OptionCard
              key={option.id}
              option={option}
              estimate={estimate}
              scenario={scenario}
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
              AdviceAction={AdviceAction}
            />
          ))}
      </div>
      <EstimateNotes warnings={estimate.warnings} assumptions={estimate.assumptions} />
    </>
  );
}
