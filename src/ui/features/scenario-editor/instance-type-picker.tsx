import { lazy, Suspense, useId, useState } from 'react';
import { useAppStore, updateSection } from '../../../state/app-store.ts';
import { SCENARIO_FIELD_LABELS } from '../../lib/field-labels.ts';

// The searchable list loads when someone chooses to pick types by hand.
const InstanceTypeList = lazy(() => import('./instance-type-list.tsx'));

/** Automatic instance choice, or a searchable list of the region's types, filtered by architecture. */
export function InstanceTypePicker() {
  const id = useId();
  const listed = useAppStore((s) => s.scenario.ec2.instanceTypes.length > 0);
  const [choosing, setChoosing] = useState(listed);
  return (
    <div className="instance-picker field-wide">
      <fieldset className="radio-row">
        <legend className="field-label">{SCENARIO_FIELD_LABELS['ec2.instanceTypes']}</legend>
        <label>
          <input
            type="radio"
            name={`${id}-mode`}
            checked={!choosing}
            onChange={() => {
              setChoosing(false);
              updateSection('ec2', { instanceTypes: [] });
            }}
          />{' '}
          Automatic (cheapest type that fits)
        </label>
        <label>
          <input type="radio" name={`${id}-mode`} checked={choosing} onChange={() => setChoosing(true)} /> Choose from a
          list
        </label>
      </fieldset>
      {choosing ? (
        <Suspense fallback={<p role="status">Loading instance types…</p>}>
          <InstanceTypeList />
        </Suspense>
      ) : null}
    </div>
  );
}
