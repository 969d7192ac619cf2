import { updateSection, useAppStore } from '../../../state/app-store.ts';
import type { DraftScenario, SectionName } from '../../../state/scenario-draft.ts';
import { useCalculation } from '../../app/calculation-context.tsx';
import { NumberField, type NumberFieldProps } from '../../components/number-field.tsx';
import { SCENARIO_FIELD_LABELS, type ScenarioField } from '../../lib/field-labels.ts';

/** "extras.natGateways": every number field of a scenario section that has a label. */
export type SectionNumberPath = {
  [S in SectionName]: {
    [K in keyof DraftScenario[S] & string]-?: DraftScenario[S][K] extends number | undefined ? `${S}.${K}` : never;
  }[keyof DraftScenario[S] & string];
}[SectionName] &
  ScenarioField;

export interface ScenarioNumberFieldProps extends Omit<NumberFieldProps, 'label' | 'value' | 'onChange' | 'problem'> {
  path: SectionNumberPath;
}

/**
 * A number of a scenario section, named by its path: its label is the one the field's messages
 * use (field-labels.ts), its message is the one for that path, and an empty box is "not set" for
 * an optional field and a number to enter (NaN, flagged) for the others.
 */
export function ScenarioNumberField({ path, optional, ...rest }: ScenarioNumberFieldProps) {
  const [section, key] = path.split('.') as [SectionName, string];
  const value = useAppStore((s) => (s.scenario[section] as Record<string, unknown>)[key]) as number | undefined;
  const { problems } = useCalculation();
  return (
    <NumberField
      {...rest}
      label={SCENARIO_FIELD_LABELS[path]}
      value={value}
      optional={optional}
      problem={problems.get(path)}
      onChange={(v) => updateSection(section, { [key]: optional ? v : (v ?? Number.NaN) })}
    />
  );
}
