import { useId, useState } from 'react';
import { PRESETS, type Preset } from '../../../domain/presets/presets.ts';
import { loadPreset } from '../../../state/app-store.ts';

/** Replaces the scenario with a preset (the answers to the decision guide stay). */
export function PresetPicker() {
  const id = useId();
  const [choice, setChoice] = useState<Preset['id']>(PRESETS[0]!.id);
  const preset = PRESETS.find((p) => p.id === choice)!;
  return (
    <div className="preset-picker">
      <label htmlFor={id} className="field-label">
        Start from a preset
      </label>
      <div className="inline-controls">
        <select
          id={id}
          value={choice}
          aria-describedby={`${id}-description`}
          onChange={(e) => setChoice(e.target.value as Preset['id'])}
        >
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
        <button type="button" onClick={() => loadPreset(choice)}>
          Load preset
        </button>
      </div>
      <p id={`${id}-description`} className="field-hint">
        {preset.description} Loading replaces the current scenario (Undo brings it back).
      </p>
    </div>
  );
}
