import { useId, type ReactNode } from 'react';
import { friendlyProblem } from '../lib/format.ts';

/** What every labelled field takes besides its control's own props. */
export interface FieldFrameProps {
  label: ReactNode;
  problem?: string | undefined;
  hint?: ReactNode;
  /** Hides the label visually (kept for screen readers), for table cells under a column header. */
  labelHidden?: boolean;
  className?: string;
}

/** The attributes that tie a control to its label, hint and message. */
export interface FieldControlProps {
  id: string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
}

/**
 * A label, the control, its hint and its message, the message tied to the control
 * (aria-describedby, aria-invalid) so a screen reader reads it with the field.
 */
export function FieldFrame({
  label,
  problem,
  hint,
  labelHidden,
  className,
  children,
}: FieldFrameProps & { children: (control: FieldControlProps) => ReactNode }) {
  const id = useId();
  const describedBy = [problem ? `${id}-problem` : '', hint ? `${id}-hint` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field${className ? ` ${className}` : ''}`}>
      <label htmlFor={id} className={labelHidden ? 'field-label cell-label' : 'field-label'}>
        {label}
      </label>
      {children({ id, 'aria-invalid': problem ? true : undefined, 'aria-describedby': describedBy })}
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
