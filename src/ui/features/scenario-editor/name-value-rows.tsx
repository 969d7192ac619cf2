import { useId } from 'react';
import { formatPath } from '../../../domain/scenario/validate-scenario.ts';
import { recordOf, rowsOf, type NameValueRow } from '../../lib/name-value-rows.ts';
import type { RowProblems } from './row-problems.ts';

export interface NameValueRowsProps {
  /** "Environment variables" or "Secrets": the group's legend. */
  legend: string;
  /** The service field the rows edit; problems are looked up under it. */
  field: 'environment' | 'secrets';
  /** What one row is called in labels and buttons ("variable", "secret"). */
  noun: string;
  /** The value column's label ("Value", "Secret ARN"). */
  valueLabel: string;
  value: Record<string, string> | undefined;
  onChange: (value: Record<string, string> | undefined) => void;
  /** The service's problems, keyed below the service (environment.FOO). */
  problems: RowProblems;
  /** Whether the value may span lines (environment values may, ARNs never do). */
  multiline: boolean;
  namePlaceholder: string;
  valuePlaceholder: string;
  hint: string;
}

/**
 * Variables as rows of a name and a value: values are kept exactly as typed (new lines, spaces at
 * either end), every row stays (a second row with the same name is flagged, not dropped), and a
 * problem shows under the name or the value it is about.
 */
export function NameValueRows(props: NameValueRowsProps) {
  const { legend, field, noun, valueLabel, value, onChange, problems, multiline, hint } = props;
  const id = useId();
  const rows = rowsOf(value);
  const keys = Object.keys(value ?? {});
  const save = (next: NameValueRow[]) => onChange(recordOf(next));
  const edit = (index: number, patch: Partial<NameValueRow>) =>
    save(rows.map((row, i) => (i === index ? { ...row, ...patch } : row)));
  return (
    <fieldset className="field-group field-group-wide name-value-rows">
      <legend>{legend}</legend>
      <p className="field-hint" id={`${id}-hint`}>
        {hint}
      </p>
      {rows.length > 0 ? (
        <ol className="nv-list" aria-label={legend}>
          {rows.map((row, index) => {
            const n = index + 1;
            const problem = problems[formatPath([field, keys[index]!])];
            // field-problems.ts starts a name problem with "Name of …"; anything else is about the value.
            const onName = problem !== undefined && problem.startsWith('Name of ');
            const nameId = `${id}-${index}-name`;
            const valueId = `${id}-${index}-value`;
            const ValueInput = multiline ? 'textarea' : 'input';
            return (
              <li key={index} className="nv-row">
                <div className="field">
                  <label htmlFor={nameId} className="field-label">
                    Name
                    <span className="visually-hidden">
                      {' '}
                      of {noun} {n}
                    </span>
                  </label>
                  <input
                    id={nameId}
                    type="text"
                    value={row.name}
                    spellCheck={false}
                    autoComplete="off"
                    placeholder={props.namePlaceholder}
                    aria-invalid={onName ? true : undefined}
                    aria-describedby={onName ? `${nameId}-problem` : undefined}
                    onChange={(event) => edit(index, { name: event.target.value })}
                  />
                  {onName ? (
                    <p id={`${nameId}-problem`} className="field-problem">
                      {problem}
                    </p>
                  ) : null}
                </div>
                <div className="field nv-value">
                  <label htmlFor={valueId} className="field-label">
                    {valueLabel}
                    <span className="visually-hidden">
                      {' '}
                      of {noun} {n}
                    </span>
                  </label>
                  <ValueInput
                    id={valueId}
                    {...(multiline ? { rows: Math.min(6, row.value.split('\n').length) } : { type: 'text' })}
                    value={row.value}
                    spellCheck={false}
                    autoComplete="off"
                    placeholder={props.valuePlaceholder}
                    aria-invalid={problem !== undefined && !onName ? true : undefined}
                    aria-describedby={problem !== undefined && !onName ? `${valueId}-problem` : undefined}
                    onChange={(event: { target: { value: string } }) => edit(index, { value: event.target.value })}
                  />
                  {problem !== undefined && !onName ? (
                    <p id={`${valueId}-problem`} className="field-problem">
                      {problem}
                    </p>
                  ) : null}
                </div>
                <button type="button" className="button-small" onClick={() => save(rows.filter((_, i) => i !== index))}>
                  Remove
                  <span className="visually-hidden">
                    {' '}
                    {noun} {n}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      ) : null}
      <button type="button" className="button-small" onClick={() => save([...rows, { name: '', value: '' }])}>
        Add {noun}
      </button>
    </fieldset>
  );
}
