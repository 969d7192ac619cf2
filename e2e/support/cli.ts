/** Runs the real command line (npx tsx src/cli/main.ts) the way a user would, from the repository root. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { OptionId } from '../pages/calculator-page.ts';

const ROOT = resolve(import.meta.dirname, '..', '..');

export function runCli(args: string[]): string {
  return execFileSync('npx', ['tsx', 'src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
}

/** Writes a scenario to a temporary file and returns its path. */
export function writeScenario(scenario: unknown): string {
  const dir = mkdtempSync(join(tmpdir(), 'calc-e2e-'));
  const path = join(dir, 'scenario.json');
  writeFileSync(path, JSON.stringify(scenario, null, 2));
  return path;
}

/** `cli estimate --json` totals, formatted as the cards show them ("$1,234.56" or "Unavailable"). */
export function cliTotals(scenarioPath: string): Record<OptionId, string> {
  const json = JSON.parse(runCli(['estimate', scenarioPath, '--json'])) as {
    options: { id: OptionId; monthlyUSD: number | null }[];
  };
  const out = {} as Record<OptionId, string>;
  for (const option of json.options) {
    out[option.id] =
      option.monthlyUSD === null
        ? 'Unavailable'
        : `$${option.monthlyUSD.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
  }
  return out;
}
