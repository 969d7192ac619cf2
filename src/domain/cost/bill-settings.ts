/**
 * Settings the bill and the export share, in one place (docs/pricing-rules.md): what is priced is
 * what is exported, and the texts shown to users read these same constants.
 */
import type { Scenario } from '../scenario/scenario-schema.ts';

/**
 * The one rule for CloudWatch Logs: the bill prices them when the scenario ingests any, and only
 * then do the exports ship logs (ECS log groups and awslogs, the EKS log router), so a scenario
 * that prices none deploys nothing that CloudWatch would bill (docs/export-rules.md, "Logs").
 */
export function logsPriced(scenario: Scenario): boolean {
  return scenario.extras.logIngestionGB > 0;
}

/** Days the exported CloudWatch log groups keep their logs (`retention_in_days`), and the storage priced for it. */
export const LOG_RETENTION_DAYS = 30;

/**
 * Root volume per EC2 node when ec2.rootVolumeGiB is absent: the ECS-optimized AMI's 30 GiB root
 * volume and the EKS managed node group's 20 GiB default disk size (docs/capacity-rules.md).
 */
export const DEFAULT_ROOT_VOLUME_GIB = { ecs: 30, eks: 20 } as const;

/**
 * The node volume the AWS-managed node options bill when ec2.rootVolumeGiB is absent: EKS Auto
 * Mode's NodeClass ephemeral storage default of 80 GiB (EKS User Guide, "Create a Node Class"), and
 * for ECS Managed Instances the ECS-optimized AMI's 30 GiB, which the export writes as the capacity
 * provider's storage size (docs/pricing-rules.md, "AWS-managed nodes").
 */
export const MANAGED_NODE_VOLUME_GIB = { 'ecs-managed-instances': 30, 'eks-auto-mode': 80 } as const;

/** Root volumes are gp3, which the export writes and the snapshot prices. */
export const ROOT_VOLUME_TYPE = 'gp3';

/** Hours in the average month AWS prorates GB-months over (365 x 24 / 12). */
export const GB_MONTH_HOURS = 730;

/** The Spot Instance Advisor band above which a node group's Spot share is warned about. */
export const HIGH_INTERRUPTION_BAND = '>20%';
