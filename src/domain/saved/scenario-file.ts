/**
 * scenario.json as this calculator writes it (the export bundle writes the same): the validated
 * scenario with its defaults filled in, indented JSON. Reading one goes through the scenario
 * validation, which upgrades older formats and names the field of every problem.
 */
import { formatProblem, validateScenario } from '../scenario/validate-scenario.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import { cutText } from '../text/safe-text.ts';

export const scenarioFileText = (scenario: Scenario): string => `${JSON.stringify(scenario, null, 2)}\n`;

/** The most problems a message lists; the rest are counted. */
const PROBLEMS_SHOWN = 5;
/** A scenario file larger than this is refused before parsing (the CLI's import limit is 4 MiB). */
export const MAX_SCENARIO_FILE_CHARS = 4 * 1024 * 1024;

export type ScenarioFileResult =
  { ok: true; scenario: Scenario; upgradedFrom: number | null } | { ok: false; problems: string[] };

export function readScenarioFile(text: string): ScenarioFileResult {
  if (text.length > MAX_SCENARIO_FILE_CHARS)
    return { ok: false, problems: [`the file is larger than ${MAX_SCENARIO_FILE_CHARS / 1024 / 1024} MiB`] };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { ok: false, problems: [`not valid JSON (${cutText((error as Error).message, 120)})`] };
  }
  const result = validateScenario(json);
  if (!result.ok) {
    const shown = result.problems.slice(0, PROBLEMS_SHOWN).map(formatProblem);
    const more = result.problems.length - shown.length;
    return { ok: false, problems: more > 0 ? [...shown, `and ${more} more problems`] : shown };
  }
  return { ok: true, scenario: result.scenario, upgradedFrom: result.upgradedFrom };
}

/** A saved scenario's name from a file name: "checkout.json" gives "checkout". */
export function nameFromFileName(fileName: string): string {
  return fileName.replace(/\.json$/i, '').trim() || 'Imported scenario';
}
