/**
 * Reads and validates a scenario file for the CLI. Every problem becomes one stderr line that
 * names the field; the caller exits with status 2.
 */
import { validateAgainstSnapshot, validateScenario, formatProblem } from '../domain/scenario/validate-scenario.ts';
import type { Scenario } from '../domain/scenario/scenario-schema.ts';
import type { RegionSnapshot } from '../domain/pricing/price-snapshot.ts';
import { UsageError, type CliIo } from './cli-io.ts';
import { echo } from './terminal-text.ts';
import { migrateScenario, SCENARIO_FORMAT_VERSION } from '../domain/scenario/migrate-scenario.ts';

/** Cuts what V8's JSON.parse message quotes of the input. */
const MAX_PARSE_MESSAGE_CHARS = 160;

/**
 * Reads and validates one scenario. With `nameFile` (commands that read two, such as diff), each
 * problem line starts with the file it is about: "after.json: services[0].vcpu: ...".
 */
export async function readScenario(
  io: CliIo,
  pathOrDash: string | undefined,
  options: { nameFile?: boolean } = {},
): Promise<Scenario> {
  return (await readScenarioDocument(io, pathOrDash, options)).scenario;
}

/**
 * The validated scenario and the document it was read from, upgraded to the current format when
 * older: what the advice's JSON Patches apply to.
 */
export async function readScenarioDocument(
  io: CliIo,
  pathOrDash: string | undefined,
  { nameFile = false }: { nameFile?: boolean } = {},
): Promise<{ scenario: Scenario; document: unknown }> {
  if (!pathOrDash) throw new UsageError('missing scenario: give a file path, or - for standard input');
  const source = scenarioSource(pathOrDash);
  let text: string;
  try {
    text = await io.readInput(pathOrDash);
  } catch (error) {
    throw new UsageError(
      `cannot read ${source}: ${(error as NodeJS.ErrnoException).code ?? echo((error as Error).message)}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    // The message quotes part of the input: cut here, escaped when printed.
    const reason = (error as Error).message.slice(0, MAX_PARSE_MESSAGE_CHARS);
    throw new UsageError(
      `${source}: not valid JSON (${reason}${reason.length < (error as Error).message.length ? '…' : ''})`,
    );
  }
  const result = validateScenario(json);
  const prefix = nameFile ? `${source}: ` : '';
  if (!result.ok) throw new UsageError(result.problems.map((p) => prefix + formatProblem(p)));
  // Said on stderr, so --json output stays one document: the file itself is not rewritten.
  if (result.upgradedFrom !== null)
    io.stderr(
      `note: ${source} is scenario format ${result.upgradedFrom}; it was read as format ${SCENARIO_FORMAT_VERSION} and prices as before (scenario.json files this tool writes use format ${SCENARIO_FORMAT_VERSION})\n`,
    );
  return { scenario: result.scenario, document: migrateScenario(json).input };
}

/** The name a problem line gives a scenario argument: the path as given, or "standard input". */
export function scenarioSource(pathOrDash: string): string {
  return pathOrDash === '-' ? 'standard input' : echo(pathOrDash);
}

export function checkAgainstSnapshot(scenario: Scenario, snapshot: RegionSnapshot, source?: string): void {
  const problems = validateAgainstSnapshot(scenario, snapshot);
  const prefix = source === undefined ? '' : `${source}: `;
  if (problems.length > 0) throw new UsageError(problems.map((p) => prefix + formatProblem(p)));
}
