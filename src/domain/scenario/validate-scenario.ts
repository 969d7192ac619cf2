/**
 * Turns untrusted input into a Scenario, or into a list of problems that each name the field:
 * `services[0].memoryGiB: must be greater than 0`. Never throws.
 */
import type * as z from 'zod/mini';
import { scenarioSchema, SERVICE_NAME_MAPS, type Scenario } from './scenario-schema.ts';
import { REGION_CATALOG } from '../pricing/region-catalog.ts';
import { MAX_QUOTED_CHARS, quoteText } from '../text/safe-text.ts';
import { migrateScenario } from './migrate-scenario.ts';
import type { RegionSnapshot } from '../pricing/price-snapshot.ts';

import { formatProblem, type FieldProblem } from './field-problem.ts';

export { formatProblem, type FieldProblem };

export type Validation =
  | {
      ok: true;
      scenario: Scenario;
      /** Set when the input was an older format version, upgraded before validation. */ upgradedFrom: number | null;
    }
  | { ok: false; problems: FieldProblem[] };

export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(String(key)) && String(key).length <= MAX_QUOTED_CHARS)
      out += out ? `.${String(key)}` : String(key);
    // Keys come from the input: quoted, escaped and cut, so a path stays one short line.
    else out += `[${quoteText(String(key))}]`;
  }
  return out;
}

const describeType = (value: unknown): string =>
  value === null
    ? 'null'
    : Array.isArray(value)
      ? 'an array'
      : typeof value === 'number' && !Number.isFinite(value)
        ? String(value)
        : typeof value;

/** At most this many unknown keys are named in one message. */
const MAX_LISTED_KEYS = 5;

function listKeys(keys: readonly PropertyKey[]): string {
  const named = keys.slice(0, MAX_LISTED_KEYS).map((k) => quoteText(String(k)));
  const more = keys.length - named.length;
  return `${named.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
}

function messageFor(issue: z.core.$ZodIssue): string {
  // Messages written in the schema start in lower case; zod's own start with a capital ("Invalid input").
  if (/^[a-z0-9]/.test(issue.message)) return issue.message;
  switch (issue.code) {
    case 'invalid_type': {
      const input = (issue as { input?: unknown }).input;
      if (input === undefined) return 'is required';
      const expected =
        issue.expected === 'object' ? 'an object' : issue.expected === 'array' ? 'an array' : `a ${issue.expected}`;
      return `must be ${expected}, not ${describeType(input)}`;
    }
    case 'too_small': {
      if (issue.origin === 'array')
        return `must have at least ${issue.minimum} entr${issue.minimum === 1 ? 'y' : 'ies'}`;
      if (issue.origin === 'string')
        return issue.minimum === 1 ? 'must not be empty' : `must be at least ${issue.minimum} characters`;
      return issue.inclusive ? `must be at least ${issue.minimum}` : `must be greater than ${issue.minimum}`;
    }
    case 'too_big': {
      if (issue.origin === 'array') return `must have at most ${issue.maximum} entries`;
      if (issue.origin === 'string') return `must be at most ${issue.maximum} characters`;
      return issue.inclusive ? `must be at most ${issue.maximum}` : `must be less than ${issue.maximum}`;
    }
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_key':
      return issue.issues[0] ? messageFor(issue.issues[0] as z.core.$ZodIssue) : 'invalid key';
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${listKeys(issue.keys)}`;
    case 'not_multiple_of':
      return Number(issue.divisor) === 1 ? 'must be a whole number' : `must be a multiple of ${issue.divisor}`;
    default:
      return issue.message;
  }
}

const isPlainRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * "__proto__" as a variable name: JSON.parse makes it an own key, but assigning it to a plain
 * object sets the prototype instead, so zod (and any object built from it) would drop it without
 * a word. It is refused, naming the field, instead of being lost.
 */
function protoKeyProblems(input: unknown): FieldProblem[] {
  if (!isPlainRecord(input) || !Array.isArray(input.services)) return [];
  const problems: FieldProblem[] = [];
  input.services.forEach((service: unknown, index) => {
    if (!isPlainRecord(service)) return;
    for (const field of SERVICE_NAME_MAPS) {
      const names = service[field];
      if (isPlainRecord(names) && Object.hasOwn(names, '__proto__')) {
        problems.push({
          path: formatPath(['services', index, field, '__proto__']),
          message:
            '"__proto__" cannot be used as a variable name here (JavaScript objects cannot hold it, so it would be lost); rename the variable',
        });
      }
    }
  });
  return problems;
}

/** Validates the shape and ranges; the region is checked against the regions the snapshot covers. */
export function validateScenario(original: unknown): Validation {
  const { input, upgradedFrom } = migrateScenario(original);
  const lost = protoKeyProblems(input);
  const parsed = scenarioSchema.safeParse(input, { reportInput: true });
  if (!parsed.success || lost.length > 0) {
    const issues = parsed.success ? [] : parsed.error.issues;
    const problems = issues.map((issue) => {
      // int() reports a non-integer as invalid_type "int" in zod 4; say it plainly.
      if (
        issue.code === 'invalid_type' &&
        issue.expected === 'int' &&
        typeof (issue as { input?: unknown }).input === 'number'
      ) {
        return { path: formatPath(issue.path), message: 'must be a whole number' };
      }
      if (issue.code === 'invalid_value' && issue.path.length === 1 && issue.path[0] === 'region') {
        const input = (issue as { input?: unknown }).input;
        return {
          path: 'region',
          message: `unknown region ${typeof input === 'string' ? quoteText(input) : describeType(input)}; known regions: ${REGION_CATALOG.map((r) => r.code).join(', ')}`,
        };
      }
      return { path: formatPath(issue.path), message: messageFor(issue) };
    });
    return { ok: false, problems: dedupe([...lost, ...problems]) };
  }
  return { ok: true, scenario: parsed.data, upgradedFrom };
}

/** Checks what only the region's prices can tell: that listed instance types are sold there. */
export function validateAgainstSnapshot(scenario: Scenario, snapshot: RegionSnapshot): FieldProblem[] {
  const known = new Set(snapshot.ec2.instances.map((i) => i.type));
  return scenario.ec2.instanceTypes.flatMap((type, index) =>
    known.has(type)
      ? []
      : [
          {
            path: `ec2.instanceTypes[${index}]`,
            message: `unknown instance type "${type}" in ${scenario.region} (not in the price data)`,
          },
        ],
  );
}

function dedupe(problems: FieldProblem[]): FieldProblem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const key = formatProblem(p);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
