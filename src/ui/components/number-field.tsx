import { useEffect, useId, useState, type ReactNode } from 'react';
import { friendlyProblem } from '../lib/format.ts';

export interface NumberFieldProps {
  label: ReactNode;
  /** NaN or undefined shows an empty box. */
  value: number | undefined;
  /** Called with the parsed number; an empty box gives NaN (required) or undefined (optional). */
  onChange: (value: number | undefined) => void;
  optional?: boolean;
  problem?: string | undefined;
  hint?: ReactNode;
  min?: number;
  max?: number;
  step?: number | 'any';
  /** Hides the label visually (kept for screen readers), for table cells under a column header. */
  labelHidden?: boolean;
  placeholder?: string;
  className?: string;
}

const parse = (text: string, optional: boolean): number | undefined =>
  text.trim() === '' ? (optional ? undefined : Number.NaN) : Number(text);
const show = (value: number | undefined) => (value === undefined || Number.isNaN(value) ? '' : String(value));

/** A labelled number input whose message sits beside it (aria-describedby, aria-invalid). */
export function NumberField(props: NumberFieldProps) {
  const {
    label,
    value,
    onChange,
    optional = false,
    problem,
    hint,
    min,
    max,
    step = 'any',
    labelHidden,
    placeholder,
    className,
  } = props;
  const id = useId();
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
  const describedBy = [problem ? `${id}-problem` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className={labelHidden ? 'field-label cell-label' : 'field-label'}>
        {label}
      </label>
      <input
        id={id}
        type="number"
        inputMode="decimal"
        value={text}
        min={min}
        max={max}
        step={step}
        placeholder={placeholder}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => {
          setText(event.target.value);
          onChange(parse(event.target.value, optional));
        }}
      />
      {hint ? (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      ) : null}
      {problem ? (
        <p id={`${id}-problem`} className="field-problem">
          {friendlyProblem(problem)}
        </p>
      ) : null}
    </div>
  );
}
