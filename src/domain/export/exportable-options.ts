/**
 * The options the export writes a configuration for, in a module of its own so the page can say
 * which options have an export without loading the export code.
 */
import type { OptionId } from '../cost/estimate-types.ts';

export const EXPORTABLE_OPTION_IDS: readonly OptionId[] = [
  'ecs-fargate',
  'ecs-ec2',
  'eks-fargate',
  'eks-ec2',
  'ecs-managed-instances',
  'eks-auto-mode',
];

export const isExportable = (id: OptionId): boolean => EXPORTABLE_OPTION_IDS.includes(id);
