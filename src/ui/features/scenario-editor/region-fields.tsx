import { useAppStore, setRegion, setHoursPerMonth } from '../../../state/app-store.ts';
import { REGION_CATALOG } from '../../../domain/pricing/region-catalog.ts';
import { useCalculation } from '../../app/calculation-context.tsx';
import { SelectField } from '../../components/select-field.tsx';
import { NumberField } from '../../components/number-field.tsx';
import { SCENARIO_FIELD_LABELS } from '../../lib/field-labels.ts';

const REGIONS = [...REGION_CATALOG]
  .sort((a, b) => a.name.localeCompare(b.name))
  .map((r) => ({ value: r.code, label: `${r.name} (${r.code})${r.fargate ? '' : ', no Fargate prices'}` }));

export function RegionFields() {
  const region = useAppStore((s) => s.scenario.region);
  const hours = useAppStore((s) => s.scenario.hoursPerMonth);
  const { problems } = useCalculation();
  return (
    <div className="field-row">
      <SelectField
        label={SCENARIO_FIELD_LABELS.region}
        value={region}
        options={REGIONS}
        problem={problems.get('region')}
        onChange={setRegion}
      />
      <NumberField
        label={SCENARIO_FIELD_LABELS.hoursPerMonth}
        value={hours}
        min={1}
        max={744}
        problem={problems.get('hoursPerMonth')}
        hint="730 is an average month."
        onChange={(v) => setHoursPerMonth(v ?? Number.NaN)}
      />
    </div>
  );
}
