import { useId, type ReactNode } from 'react';
import { friendlyProblem } from '../lib/format.ts';

export interface SelectOption<T extends string> {
  value: T;
  label: string;
}

export interface SelectFieldProps<T extends string> {
  label: ReactNode;
  value: T;
  options: readonly SelectOption<T>[];
  onChange: (value: T) => void;
  problem?: string | undefined;
  hint?: ReactNode;
  labelHidden?: boolean;
  className?: string;
}

export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
  problem,
  hint,
  labelHidden,
  className,
}: SelectFieldProps<T>) {
  const id = useId();
  const describedBy = [problem ? `${id}-problem` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className={labelHidden ? 'field-label cell-label' : 'field-label'}>
        {label}
      </label>
      <select
        id={id}
        value={value}
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value as T)}
      >
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
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
