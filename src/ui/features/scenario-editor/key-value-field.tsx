import { useEffect, useId, useState } from 'react';
import { friendlyProblem } from '../../lib/format.ts';

export interface KeyValueFieldProps {
  label: string;
  value: Record<string, string> | undefined;
  onChange: (value: Record<string, string> | undefined) => void;
  problem?: string | undefined;
  placeholder?: string;
}

const toText = (value: Record<string, string> | undefined) =>
  Object.entries(value ?? {})
    .map(([k, v]) => `${k}=${v}`)
    .join('\n');

function toRecord(text: string): Record<string, string> | undefined {
  const entries = text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((line) => {
      const eq = line.indexOf('=');
      return eq === -1 ? [line, ''] : [line.slice(0, eq).trim(), line.slice(eq + 1).trim()];
    });
  return entries.length > 0 ? Object.fromEntries(entries) : undefined;
}

/** NAME=value lines, one per variable; the schema checks the names (and ARNs for secrets). */
export function KeyValueField({ label, value, onChange, problem, placeholder }: KeyValueFieldProps) {
  const id = useId();
  const [text, setText] = useState(() => toText(value));
  // Follows `value` only, on purpose: typing must not be overwritten by the parsed value.
  /* oxlint-disable react-hooks/exhaustive-deps, react/set-state-in-effect */
  useEffect(() => {
    if (toText(toRecord(text)) !== toText(value)) setText(toText(value));
    // Only follow outside changes (presets, links).
  }, [value]);
  /* oxlint-enable react-hooks/exhaustive-deps, react/set-state-in-effect */
  return (
    <div className="field field-wide">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <textarea
        id={id}
        rows={2}
        value={text}
        placeholder={placeholder}
        spellCheck={false}
        aria-invalid={problem ? true : undefined}
        aria-describedby={`${id}-hint${problem ? ` ${id}-problem` : ''}`}
        onChange={(event) => {
          setText(event.target.value);
          onChange(toRecord(event.target.value));
        }}
      />
      <p id={`${id}-hint`} className="field-hint">
        One NAME=value per line.
      </p>
      {problem ? (
        <p id={`${id}-problem`} className="field-problem">
          {friendlyProblem(problem)}
        </p>
      ) : null}
    </div>
  );
}
