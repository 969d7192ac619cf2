import { useEffect, useState } from 'react';
import { FieldFrame, type FieldFrameProps } from './field-frame.tsx';

export interface NumberFieldProps extends FieldFrameProps {
  /** NaN or undefined shows an empty box. */
  value: number | undefined;
  /** Called with the parsed number; an empty box gives NaN (required) or undefined (optional). */
  onChange: (value: number | undefined) => void;
  optional?: boolean;
  min?: number;
  max?: number;
  step?: number | 'any';
  placeholder?: string;
}

const parse = (text: string, optional: boolean): number | undefined =>
  text.trim() === '' ? (optional ? undefined : Number.NaN) : Number(text);
const show = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '' : String(value));

/** A labelled number input whose message sits beside it (aria-describedby, aria-invalid). */
export function NumberField(props: NumberFieldProps) {
  const { value, onChange, optional = false, min, max, step = 'any', placeholder, ...frame } = props;
  const [text, setText] = useState(() => show(value));
  // Follow outside changes (a preset, a link) unless the box already says the same number ("1." vs 1).
  // Follows `value` only, on purpose: typing must not be overwritten by the parsed value.
  /* oxlint-disable react-hooks/exhaustive-deps, react/set-state-in-effect */
  useEffect(() => {
    const parsed = parse(text, optional);
    if (
      !Object.is(parsed, value) &&
      !(parsed !== undefined && value !== undefined && Number.isNaN(parsed) && Number.isNaN(value))
    )
      setText(show(value));
  }, [value]);
  /* oxlint-enable react-hooks/exhaustive-deps, react/set-state-in-effect */
  return (
    <FieldFrame {...frame}>
      {(control) => (
        <input
          {...control}
          type="number"
          inputMode="decimal"
          value={text}
          min={min}
          max={max}
          step={step}
          placeholder={placeholder}
          onChange={(event) => {
            setText(event.target.value);
            onChange(parse(event.target.value, optional));
          }}
        />
      )}
    </FieldFrame>
  );
}
