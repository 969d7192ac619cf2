/**
 * The options the export writes a configuration for, in a module of its own so the page can say
 * which options have an export without loading the export code. Every option exports since ECS
 * Managed Instances and EKS Auto Mode got their bundles, so the list is the option list itself; a
 * new option that has no export yet would be left out here.
 */
import { OPTION_IDS, type OptionId } from '../cost/estimate-types.ts';

export const EXPORTABLE_OPTION_IDS: readonly OptionId[] = OPTION_IDS;

export const isExportable = (id: OptionId): boolean => EXPORTABLE_OPTION_IDS.includes(id);
