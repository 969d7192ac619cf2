/**
 * The export bundle of one option: every file, in a stable order. Pure: same input, same bytes.
 */
import { prepareExport, type ExportContext, type ExportInput } from './export-context.ts';
import type { ExportFile } from './export-file.ts';
import { taskDefinitionJson } from './ecs-task-definition.ts';
import { ecsTerraformFiles } from './ecs-terraform.ts';
import { eksFiles } from './eks-manifests.ts';
import { bundleReadme } from './bundle-readme.ts';

export type { ExportInput } from './export-context.ts';

/** Thrown when the option cannot be exported as asked; `problems` has one line per reason. */
export class ExportError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(problems.join('\n'));
    this.name = 'ExportError';
    this.problems = problems;
  }
}

/** Every reason the option cannot be exported (empty when it can). */
export function findExportProblems(input: ExportInput): string[] {
  const prepared = prepareExport(input);
  return prepared.ok ? [] : prepared.problems;
}

export const toJsonText = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

function ecsFiles(context: ExportContext): ExportFile[] {
  return [
    ...context.services.map((plan) => ({
      path: `ecs/task-definitions/${plan.name}.json`,
      contents: toJsonText(taskDefinitionJson(context, plan)),
    })),
    ...ecsTerraformFiles(context),
  ];
}

/** Builds the bundle; throws {@link ExportError} listing the problems when the option cannot be exported. */
export function buildExportBundle(input: ExportInput): ExportFile[] {
  const prepared = prepareExport(input);
  if (!prepared.ok) throw new ExportError(prepared.problems);
  const { context } = prepared;
  const files = [
    ...(context.platform === 'ecs' ? ecsFiles(context) : eksFiles(context)),
    // The validated scenario, defaults filled in: estimating it gives this bundle's numbers.
    { path: 'scenario.json', contents: toJsonText(input.scenario) },
  ];
  const readme = { path: 'README.md', contents: '' };
  readme.contents = bundleReadme(context, [readme, ...files]);
  return [readme, ...files];
}
