import { useId, type ReactNode } from 'react';
import { friendlyProblem } from '../lib/format.ts';

export interface TextFieldProps {
  label: ReactNode;
  value: string;
  onChange: (value: string) => void;
  problem?: string | undefined;
  hint?: ReactNode;
  labelHidden?: boolean;
  placeholder?: string;
  className?: string;
  spellCheck?: boolean;
}

export function TextField({
  label,
  value,
  onChange,
  problem,
  hint,
  labelHidden,
  placeholder,
  className,
  spellCheck = false,
}: TextFieldProps) {
  const id = useId();
  const describedBy = [problem ? `${id}-problem` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className={labelHidden ? 'field-label cell-label' : 'field-label'}>
        {label}
      </label>
      <input
        id={id}
        type="text"
        value={value}
        placeholder={placeholder}
        spellCheck={spellCheck}
        autoComplete="off"
        aria-invalid={problem ? true : undefined}
        aria-describedby={describedBy}
        onChange={(event) => onChange(event.target.value)}
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
