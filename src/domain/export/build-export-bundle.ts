import type { Estimate, OptionId } from '../cost/estimate-types.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import type { ExportFile } from './export-file.ts';

export interface ExportBundleInput {
  scenario: Scenario;
  estimate: Estimate;
  optionId: OptionId;
  shareUrl: string;
}

/** Builds every file of the bundle for one option, in a stable order. */
export function buildExportBundle(input: ExportBundleInput): ExportFile[] {
  return [
    { path: 'README.md', contents: `# ${input.optionId} bundle\n\nShare link: ${input.shareUrl}\n` },
    { path: 'scenario.json', contents: `${JSON.stringify(input.scenario, null, 2)}\n` },
  ];
}
