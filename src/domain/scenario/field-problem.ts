/** A problem with one field of a scenario, as validation reports it (validate-scenario.ts). */
export interface FieldProblem {
  /** Dotted path with indexes: services[0].memoryGiB. Empty for the whole document. */
  path: string;
  message: string;
}

export function formatProblem(problem: FieldProblem): string {
  return problem.path ? `${problem.path}: ${problem.message}` : problem.message;
}
