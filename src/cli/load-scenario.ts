/**
 * Reads and validates a scenario file for the CLI. Every problem becomes one stderr line that
 * names the field; the caller exits with status 2.
 */
import { validateAgainstSnapshot, validateScenario, formatProblem } from '../domain/scenario/validate-scenario.ts';
import type { Scenario } from '../domain/scenario/scenario-schema.ts';
import type { RegionSnapshot } from '../domain/pricing/price-snapshot.ts';
import { UsageError, type CliIo } from './cli-io.ts';

export async function readScenario(io: CliIo, pathOrDash: string | undefined): Promise<Scenario> {
  if (!pathOrDash) throw new UsageError('missing scenario: give a file path, or - for standard input');
  let text: string;
  try {
    text = await io.readInput(pathOrDash);
  } catch (error) {
    throw new UsageError(
      `cannot read ${pathOrDash === '-' ? 'standard input' : pathOrDash}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `${pathOrDash === '-' ? 'standard input' : pathOrDash}: not valid JSON (${(error as Error).message})`,
    );
  }
  const result = validateScenario(json);
  if (!result.ok) throw new UsageError(result.problems.map(formatProblem));
  return result.scenario;
}

export function checkAgainstSnapshot(scenario: Scenario, snapshot: RegionSnapshot): void {
  const problems = validateAgainstSnapshot(scenario, snapshot);
  if (problems.length > 0) throw new UsageError(problems.map(formatProblem));
}
