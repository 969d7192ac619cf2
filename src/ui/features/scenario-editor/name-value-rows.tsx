import { useId } from 'react';
import { formatPath } from '../../../domain/scenario/validate-scenario.ts';
import { recordOf, rowsOf, type NameValueRow } from '../../lib/name-value-rows.ts';
import type { RowProblems } from './row-problems.ts';
import { ROW_FIELD_LABELS, type RowsField } from '../../lib/field-labels.ts';
import { FieldFrame } from '../../components/field-frame.tsx';

export interface NameValueRowsProps {
  /** The service field the rows edit: its labels (field-labels.ts) and where its problems are. */
  field: RowsField;
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
  const { field, value, onChange, problems, multiline, hint } = props;
  const { legend, row: noun, name: nameLabel, value: valueLabel } = ROW_FIELD_LABELS[field];
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
            const onName = problem !== undefined && problem.startsWith(`${nameLabel} of `);
            const ValueInput = multiline ? 'textarea' : 'input';
            const of = (
              <span className="visually-hidden">
                {' '}
                of {noun} {n}
              </span>
            );
            return (
              <li key={index} className="nv-row">
                <FieldFrame
                  label={
                    <>
                      {nameLabel}
                      {of}
                    </>
                  }
                  problem={onName ? problem : undefined}
                >
                  {(control) => (
                    <input
                      {...control}
                      type="text"
                      value={row.name}
                      spellCheck={false}
                      autoComplete="off"
                      placeholder={props.namePlaceholder}
                      onChange={(event) => edit(index, { name: event.target.value })}
                    />
                  )}
                </FieldFrame>
                <FieldFrame
                  className="nv-value"
                  label={
                    <>
                      {valueLabel}
                      {of}
                    </>
                  }
                  problem={onName ? undefined : problem}
                >
                  {(control) => (
                    <ValueInput
                      {...control}
                      {...(multiline ? { rows: Math.min(6, row.value.split('\n').length) } : { type: 'text' })}
                      value={row.value}
                      spellCheck={false}
                      autoComplete="off"
                      placeholder={props.valuePlaceholder}
                      onChange={(event: { target: { value: string } }) => edit(index, { value: event.target.value })}
                    />
                  )}
                </FieldFrame>
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
