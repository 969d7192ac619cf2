/**
 * The wording of field problems (ui/lib/field-problems.ts, with the variable-row rules; the labels
 * it names fields by are the fields' own, ui/lib/field-labels.ts, which the editor shows on the
 * first screen) loads as its own chunk right after the first paint, which does not need it: the first
 * screen's JavaScript has a budget (README, Benchmarks). Until it is there (a moment, and only
 * when a field is wrong that early) the fields show the scenario format's own message.
 */
import { chunkQueryOptions } from '../lib/chunk-query.ts';
import type { FieldProblem } from '../../domain/scenario/validate-scenario.ts';
import type { FieldProblems } from '../lib/field-problems.ts';
import type { DraftScenario } from '../../state/scenario-draft.ts';

export type DescribeFieldProblems = (
  scenario: DraftScenario,
  problems: readonly FieldProblem[],
  lastRenamedService: number | null,
) => FieldProblems;

export const fieldWordsQueryOptions = chunkQueryOptions(
  'field-words',
  'the wording of field messages',
  async (): Promise<{ describe: DescribeFieldProblems }> => {
    const { describeFieldProblems } = await import('../lib/field-problems.ts');
    return { describe: describeFieldProblems };
  },
  2,
);

/** The scenario format's messages, one per problem, while the wording loads (or if it failed to). */
export function plainFieldProblems(problems: readonly FieldProblem[]): FieldProblems {
  const capital = (m: string) => m.charAt(0).toUpperCase() + m.slice(1);
  return {
    byPath: new Map(problems.map((p) => [p.path, capital(p.message)])),
    list: problems.map((p) => ({ path: p.path, text: capital(p.message) })),
  };
}
