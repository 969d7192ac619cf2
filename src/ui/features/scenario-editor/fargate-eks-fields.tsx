import { useAppStore, updateSection } from '../../../state/app-store.ts';
import { useCalculation } from '../../app/calculation-context.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { SCENARIO_FIELD_LABELS } from '../../lib/field-labels.ts';
import { ScenarioNumberField } from './scenario-number-field.tsx';

const SUPPORT = [
  { value: 'standard', label: 'Standard support ($0.10 per cluster-hour)' },
  { value: 'extended', label: 'Extended support ($0.60 per cluster-hour)' },
] as const;

export function FargateFields() {
  return (
    <fieldset className="field-group">
      <legend>Fargate</legend>
      <ScenarioNumberField
        path="fargate.spotPercent"
        min={0}
        max={100}
        hint="ECS only, Linux only; tasks can be interrupted."
      />
      <ScenarioNumberField
        path="fargate.savingsPlanDiscountPercent"
        min={0}
        max={100}
        hint="Compute Savings Plans: up to 50% on Fargate."
      />
    </fieldset>
  );
}

export function EksFields() {
  const support = useAppStore((s) => s.scenario.eks.support);
  const { problems } = useCalculation();
  return (
    <fieldset className="field-group">
      <legend>EKS</legend>
      <ScenarioNumberField path="eks.clusters" min={0} max={100} step={1} />
      <SelectField
        label={SCENARIO_FIELD_LABELS['eks.support']}
        value={support}
        options={SUPPORT}
        problem={problems.get('eks.support')}
        onChange={(next) => updateSection('eks', { support: next })}
      />
    </fieldset>
  );
}
