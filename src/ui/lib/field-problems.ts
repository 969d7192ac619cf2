/**
 * Validation problems in the editor's words: each one names the field by its label and, for a
 * service's field, the service ("Replicas of api: must be 0 or more"), never by its path in the
 * scenario format. Each problem belongs to one highlighted field, so "Fix the N highlighted fields"
 * counts what the page highlights. A duplicate service name is flagged on the row the user last
 * renamed (the scenario format flags the later of the two, which may be the row not touched).
 */
import type { FieldProblem } from '../../domain/scenario/validate-scenario.ts';
import { formatPath } from '../../domain/scenario/validate-scenario.ts';
import { SERVICE_NAME } from '../../domain/scenario/scenario-schema.ts';
import type { Scenario } from '../../domain/scenario/scenario-schema.ts';
import {
  DAEMON_FIELD_LABELS,
  ROW_FIELD_LABELS,
  SCENARIO_FIELD_LABELS,
  SERVICE_FIELD_LABELS,
  daemonFieldLabel,
  type RowsField,
} from './field-labels.ts';
import { rowNameProblem, rowsOf } from './name-value-rows.ts';

export interface ShownProblem {
  /** Path of the field in the scenario format (services[0].replicas). */
  path: string;
  /** The message as the page shows it, starting with the field's label. */
  text: string;
}

export interface FieldProblems {
  /** The message shown beside each highlighted field, by path. */
  byPath: ReadonlyMap<string, string>;
  /** One entry per highlighted field, in the order of the form. */
  list: readonly ShownProblem[];
}

const NONE: FieldProblems = { byPath: new Map(), list: [] };

const has = <T extends object>(table: T, key: string): key is Extract<keyof T, string> => Object.hasOwn(table, key);

/** Domain wording to the editor's: bounds as "0 or more", paths as labels. */
export function humanMessage(message: string, describe: (path: string) => string = (p) => p): string {
  let m = message;
  if (/^must be a number, not (NaN|undefined|string)/.test(m)) return 'enter a number';
  if (m === 'is required') return 'enter a value';
  m = m
    .replace(/^must be at least (-?[\d.]+)$/, 'must be $1 or more')
    .replace(/^must be at most (-?[\d.]+)$/, 'must be $1 or less')
    .replace(/^must be greater than (-?[\d.]+)$/, 'must be more than $1')
    .replace(/^must be at least autoscaling\.min$/, 'must be at least the minimum replicas')
    .replace(
      /^must be at most the scenario's hoursPerMonth \((.+)\)$/,
      "must be at most the scenario's $1 hours a month",
    )
    .replace(
      /^must be a valid environment variable name$/,
      'use letters, digits and _ only, starting with a letter or _',
    )
    .replace(
      /^\(([^)]*)\) disagrees with services\[\d+\]\.schedule, which runs ([\d.]+) hours in the scenario's ([\d.]+)-hour month: remove hoursPerMonth or set it to that$/,
      'disagrees with the schedule, which runs $2 hours in the $3-hour month: leave it empty or enter $2',
    )
    .replace(/^duplicates services\[(\d+)\]\.name "(.*)"$/, (_, i: string, name: string) => {
      return `service ${Number(i) + 1} is already named ${name}`;
    })
    .replace(/^duplicates ec2\.daemonsPerNode\[(\d+)\]\.name "(.*)"$/, (_, i: string, name: string) => {
      return `daemon ${Number(i) + 1} is already named ${name}`;
    });
  // Any other path a message quotes is written as the field's label.
  return m.replace(/\b(?:services|ec2|fargate|eks|extras|operations)(?:\[\d+\]|\.[A-Za-z]+)+/g, (p) => describe(p));
}

/** Where a rows field (environment, secrets) keeps each row, by the path its problems carry. */
interface RowPlace {
  service: number;
  field: RowsField;
  row: number;
  nameProblem: string | null;
  name: string;
}

function rowPlaces(scenario: Scenario): Map<string, RowPlace> {
  const places = new Map<string, RowPlace>();
  scenario.services.forEach((service, index) => {
    for (const field of Object.keys(ROW_FIELD_LABELS) as RowsField[]) {
      const record = service[field];
      if (!record || typeof record !== 'object') continue;
      const rows = rowsOf(record);
      Object.keys(record).forEach((key, row) =>
        places.set(formatPath(['services', index, field, key]), {
          service: index,
          field,
          row,
          name: rows[row]!.name,
          nameProblem: rowNameProblem(rows, row),
        }),
      );
    }
  });
  return places;
}

/** The words for each problem of `problems` about `scenario` (the draft as typed). */
export function describeFieldProblems(
  scenario: Scenario,
  problems: readonly FieldProblem[],
  lastRenamedService: number | null = null,
): FieldProblems {
  if (problems.length === 0) return NONE;
  const services = Array.isArray(scenario.services) ? scenario.services : [];
  const names = services.map((s) => (typeof s?.name === 'string' ? s.name : ''));
  const serviceWord = (i: number) => {
    const name = names[i] ?? '';
    return SERVICE_NAME.test(name) && names.indexOf(name) === names.lastIndexOf(name) ? name : `service ${i + 1}`;
  };
  const places = rowPlaces(scenario);

  const labelOf = (path: string): string => {
    if (has(SCENARIO_FIELD_LABELS, path)) return SCENARIO_FIELD_LABELS[path];
    const row = places.get(path);
    if (row) {
      const labels = ROW_FIELD_LABELS[row.field];
      return row.nameProblem
        ? `${labels.name} of ${labels.kind} ${row.row + 1} of ${serviceWord(row.service)}`
        : `${labels.value} of ${row.name} (${labels.kind} of ${serviceWord(row.service)})`;
    }
    const service = /^services\[(\d+)\](?:\.(.*))?$/.exec(path);
    if (service) {
      const i = Number(service[1]);
      const rest = (service[2] ?? '').replace(/\[\d+\]$/, '');
      if (rest === 'name') return `Name of service ${i + 1}`;
      if (rest === '') return `Service ${i + 1}`;
      const label = has(SERVICE_FIELD_LABELS, rest) ? SERVICE_FIELD_LABELS[rest] : rest;
      return `${label} of ${serviceWord(i)}`;
    }
    const daemon = /^ec2\.daemonsPerNode\[(\d+)\](?:\.(\w+))?$/.exec(path);
    if (daemon) {
      const field = daemon[2] ?? '';
      const index = Number(daemon[1]);
      return has(DAEMON_FIELD_LABELS, field) ? daemonFieldLabel(index, field) : `Daemon ${index + 1}`;
    }
    if (/^ec2\.instanceTypes\[\d+\]$/.test(path)) return SCENARIO_FIELD_LABELS['ec2.instanceTypes'];
    return path === '' ? 'Scenario' : path;
  };
  const describe = (path: string) => {
    const label = labelOf(path);
    return label.charAt(0).toLowerCase() + label.slice(1);
  };

  // The edited row takes the duplicate-name flag from the row the format flagged.
  const moved = problems.map((p) => ({ ...p }));
  if (lastRenamedService !== null) {
    const flagged = moved.find(
      (p) =>
        /^services\[\d+\]\.name$/.test(p.path) &&
        new RegExp(`^duplicates services\\[${lastRenamedService}\\]\\.name `).test(p.message),
    );
    if (flagged && !moved.some((p) => p.path === `services[${lastRenamedService}].name`)) {
      const other = Number(/^services\[(\d+)\]/.exec(flagged.path)![1]);
      flagged.message = `duplicates services[${other}].name "${names[lastRenamedService] ?? ''}"`;
      flagged.path = `services[${lastRenamedService}].name`;
    }
  }

  const byPath = new Map<string, string>();
  const list: ShownProblem[] = [];
  for (const problem of moved) {
    const row = places.get(problem.path);
    const message = row?.nameProblem ?? humanMessage(problem.message, describe);
    // Problems of one field (several days of a weekly window) are one highlighted field.
    const fieldPath = problem.path.replace(/(\.schedule\.weekly\.days)\[\d+\]$/, '$1');
    const text = `${labelOf(fieldPath)}: ${message}`;
    const before = byPath.get(fieldPath);
    if (before === undefined) {
      byPath.set(fieldPath, text);
      list.push({ path: fieldPath, text });
    } else if (!before.includes(message)) {
      const joined = `${before}; ${message}`;
      byPath.set(fieldPath, joined);
      list[list.findIndex((p) => p.path === fieldPath)] = { path: fieldPath, text: joined };
    }
  }
  return { byPath, list };
}
