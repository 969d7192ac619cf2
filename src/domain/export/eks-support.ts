/**
 * The Kubernetes version and support the EKS bundles' cluster runs, and the support they can deploy
 * as priced (docs/export-rules.md "EKS support"). A new cluster starts on EKS_KUBERNETES_VERSION, in
 * standard support. The EKS API's default upgrade policy is EXTENDED, which at the end of the
 * version's 14 months of standard support moves the cluster to the extended-support rate; the
 * eksctl config sets STANDARD, so AWS upgrades the cluster instead and it keeps the standard rate
 * (EKS user guide, "View current cluster upgrade policy"; eksctl reads `upgradePolicy` from the
 * config file since its PR #8577, merged 2025-11-05). A scenario priced at the extended rate cannot
 * be deployed by a new cluster, so the export refuses it, naming the field.
 */
import type { Scenario } from '../scenario/scenario-schema.ts';

/**
 * Kubernetes version of the new cluster, written as a quoted string: a plain 1.30 would be read as
 * the float 1.3 (export-rules B10). The bundle README says to pick a newer one if EKS offers it.
 */
export const EKS_KUBERNETES_VERSION = '1.34';

/** eksctl `upgradePolicy.supportType`: upgraded by AWS at the end of standard support, never billed extended. */
export const EKS_UPGRADE_SUPPORT_TYPE = 'STANDARD';

/** Why an EKS bundle cannot deploy the support the scenario prices; null when it can. */
export function eksSupportProblem(scenario: Pick<Scenario, 'eks'>): string | null {
  if (scenario.eks.support !== 'extended') return null;
  return `eks.support: the scenario prices extended support, but the bundle creates a new cluster on Kubernetes ${EKS_KUBERNETES_VERSION}, in standard support, with upgradePolicy ${EKS_UPGRADE_SUPPORT_TYPE}, so it bills the standard rate (extended support is billed only on a version past its standard support); set eks.support to "standard" to export, and the estimate then prices what the cluster bills`;
}
