import { SERVICE_FIELD_LABELS, type ServiceField } from '../../lib/field-labels.ts';

/** The problems of one service, keyed by its field path below the service ("vcpu", "autoscaling.max"). */
export type RowProblems = Readonly<Record<string, string>>;

const EMPTY: RowProblems = Object.freeze({});

export function rowProblems(problems: ReadonlyMap<string, string>, index: number): RowProblems {
  const prefix = `services[${index}]`;
  let found: Record<string, string> | null = null;
  for (const [path, message] of problems) {
    if (!path.startsWith(prefix)) continue;
    const rest = path.slice(prefix.length).replace(/^\./, '');
    if (rest !== '' && !/^[.[a-zA-Z]/.test(rest)) continue; // services[1] vs services[10]
    (found ??= {})[rest || '_'] = message;
  }
  return found ?? EMPTY;
}

export function sameProblems(a: RowProblems, b: RowProblems): boolean {
  if (a === b) return true;
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((k) => a[k] === b[k]);
}

/** First problem under a key prefix, for fields that stand for several paths (environment.*, secrets.*). */
export function firstUnder(problems: RowProblems, prefix: string): string | undefined {
  const key = Object.keys(problems).find(
    (k) => k === prefix || k.startsWith(`${prefix}.`) || k.startsWith(`${prefix}[`),
  );
  return key ? `${key === prefix ? '' : `${key.slice(prefix.length + 1)}: `}${problems[key]}` : undefined;
}

/** A service field's label, the one its messages name it by (field-labels.ts), and its message. */
export function serviceField(
  problems: RowProblems,
  field: ServiceField,
): { label: string; problem: string | undefined } {
  return { label: SERVICE_FIELD_LABELS[field], problem: problems[field] };
}
