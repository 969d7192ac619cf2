/**
 * The decision guide's answers before the user gives any: the schema's defaults
 * (decision-answers.ts reads them from here) and the page's first state, which needs them before
 * the schema (and zod) have loaded.
 */
import type { DecisionAnswers } from './decision-answers.ts';

/** Literal values, so the schema can take them as its defaults (the schema's type derives from them). */
export const ANSWER_DEFAULTS = {
  kubernetesSkills: 'unknown',
  multiCloud: 'unknown',
  kubernetesTooling: 'unknown',
  workloadKinds: [],
  teamSize: 'unknown',
  awsManaged: 'unknown',
  startingFresh: 'unknown',
  nodeControl: 'unknown',
  hiddenOptions: [],
  costPeriod: 'month',
} as const;

export const DEFAULT_ANSWERS: DecisionAnswers = {
  ...ANSWER_DEFAULTS,
  workloadKinds: [...ANSWER_DEFAULTS.workloadKinds],
  hiddenOptions: [...ANSWER_DEFAULTS.hiddenOptions],
};
