/**
 * What the page validates with, as one chunk (zod, the scenario schema and its rules, the decision
 * answers' schema): loaded by validation-loader.ts, outside the first screen's JavaScript.
 */
export { validateAgainstSnapshot, validateScenario } from '../domain/scenario/validate-scenario.ts';
export { decisionAnswersSchema } from '../domain/recommend/decision-answers.ts';
