import { useAppStore, updateSection } from '../../../state/app-store.ts';
import { useCalculation } from '../../app/calculation-context.tsx';
import { NumberField } from '../../components/number-field.tsx';
import { SelectField } from '../../components/select-field.tsx';

const SUPPORT = [
  { value: 'standard', label: 'Standard support ($0.10 per cluster-hour)' },
  { value: 'extended', label: 'Extended support ($0.60 per cluster-hour)' },
] as const;

export function FargateFields() {
  const fargate = useAppStore((s) => s.scenario.fargate);
  const { problems } = useCalculation();
  return (
    <fieldset className="field-group">
      <legend>Fargate</legend>
      <NumberField
        label="Fargate Spot share (%)"
        value={fargate.spotPercent}
        min={0}
        max={100}
        problem={problems.get('fargate.spotPercent')}
        hint="ECS only, Linux only; tasks can be interrupted."
        onChange={(v) => updateSection('fargate', { spotPercent: v ?? Number.NaN })}
      />
      <NumberField
        label="Fargate Savings Plan discount (%)"
        value={fargate.savingsPlanDiscountPercent}
        min={0}
        max={100}
        problem={problems.get('fargate.savingsPlanDiscountPercent')}
        hint="Compute Savings Plans: up to 50% on Fargate."
        onChange={(v) => updateSection('fargate', { savingsPlanDiscountPercent: v ?? Number.NaN })}
      />
    </fieldset>
  );
}

export function EksFields() {
  const eks = useAppStore((s) => s.scenario.eks);
  const { problems } = useCalculation();
  return (
    <fieldset className="field-group">
      <legend>EKS</legend>
      <NumberField
        label="EKS clusters"
        value={eks.clusters}
        min={0}
        max={100}
        step={1}
        problem={problems.get('eks.clusters')}
        onChange={(v) => updateSection('eks', { clusters: v ?? Number.NaN })}
      />
      <SelectField
        label="Kubernetes version support"
        value={eks.support}
        options={SUPPORT}
        problem={problems.get('eks.support')}
        onChange={(support) => updateSection('eks', { support })}
      />
    </fieldset>
  );
}
