/**
 * The NAT gateways each platform's export runs with: the count the bill prices
 * (docs/export-rules.md "NAT gateways", docs/pricing-rules.md "Shared lines").
 *
 * - ECS: the Terraform runs in the user's VPC (`var.vpc_id`, private subnets) and creates no NAT
 *   gateway; `extras.natGateways` is the NAT of that VPC the tasks use, priced as set.
 * - EKS: eksctl creates a new VPC and puts the nodes (`privateNetworking`) and Fargate pods (Fargate
 *   accepts only private subnets) in its private subnets, which reach ECR, public registries and the
 *   cluster's public endpoint only through a NAT gateway. eksctl creates none (`Disable`), one
 *   (`Single`, its default) or one per availability zone of the VPC (`HighlyAvailable`) (eksctl
 *   user guide, "VPC Configuration", NAT Gateway). So the EKS count is `extras.natGateways` raised
 *   to 1, and a count eksctl cannot create is refused by the export.
 */
import type { Scenario } from '../scenario/scenario-schema.ts';

/** What eksctl's `vpc.nat.gateway` is set to for a count it can create. */
export type EksctlNatMode = 'Single' | 'HighlyAvailable';

/**
 * Availability zones of the VPC eksctl creates: 3 (eksctl's RecommendedAvailabilityZones), but 2 in
 * us-east-1, where eksctl picks MinRequiredAvailabilityZones (pkg/az/az.go, randomSelectionOfZones),
 * and 2 in us-west-1, where new accounts see two zones (AWS Global Infrastructure page) and eksctl
 * avoids usw1-az2 (pkg/az/az.go, zoneIDsToAvoid). `HighlyAvailable` puts one NAT gateway in the
 * public subnet of each (pkg/cfn/builder/vpc_ipv4.go, haNAT).
 */
export function eksctlZoneCount(region: string): number {
  return region === 'us-east-1' || region === 'us-west-1' ? 2 : 3;
}

export interface NatGatewayCount {
  /** NAT gateways priced (and, on EKS, exported). */
  count: number;
  /** `extras.natGateways` as set. */
  requested: number;
  /** eksctl's NAT mode for the count (EKS only); null when eksctl cannot create that many. */
  eksctlMode: EksctlNatMode | null;
  /** How the count was reached, for the bill line. */
  text: string;
}

export function natGatewayCount(
  scenario: Pick<Scenario, 'extras' | 'region'>,
  platform: 'ecs' | 'eks',
): NatGatewayCount {
  const requested = scenario.extras.natGateways;
  if (platform === 'ecs')
    return {
      count: requested,
      requested,
      eksctlMode: null,
      text: `extras.natGateways: your VPC's, which the ECS export uses and does not create`,
    };
  const count = Math.max(1, requested);
  const zones = eksctlZoneCount(scenario.region);
  const eksctlMode: EksctlNatMode | null = count === 1 ? 'Single' : count === zones ? 'HighlyAvailable' : null;
  const text =
    requested === 0
      ? `eksctl's new VPC needs one for its private subnets: extras.natGateways 0 raised to 1, vpc.nat.gateway Single`
      : eksctlMode === 'Single'
        ? `eksctl's new VPC, vpc.nat.gateway Single`
        : eksctlMode === 'HighlyAvailable'
          ? `eksctl's new VPC, vpc.nat.gateway HighlyAvailable: one in each of its ${zones} availability zones`
          : `extras.natGateways; eksctl creates 1 or ${zones} here, so the export refuses ${count}`;
  return { count, requested, eksctlMode, text };
}

/** The estimate's warning when the EKS options price more NAT gateways than `extras.natGateways`; null otherwise. */
export function natGatewayWarning(scenario: Pick<Scenario, 'extras' | 'region'>): string | null {
  const eks = natGatewayCount(scenario, 'eks');
  if (eks.count === eks.requested) return null;
  return `extras.natGateways is ${eks.requested}, but the EKS export's eksctl creates a new VPC whose nodes and Fargate pods run in private subnets, which reach ECR, public images and the cluster endpoint through a NAT gateway: the EKS options price ${eks.count} (vpc.nat.gateway Single). The ECS options price ${eks.requested}: their Terraform uses your VPC and its NAT.`;
}

/** Why eksctl cannot create the priced count, naming the field; null when it can. */
export function eksctlNatProblem(scenario: Pick<Scenario, 'extras' | 'region'>): string | null {
  const eks = natGatewayCount(scenario, 'eks');
  if (eks.eksctlMode !== null) return null;
  const zones = eksctlZoneCount(scenario.region);
  return `extras.natGateways: eksctl creates 1 NAT gateway (vpc.nat.gateway Single) or one per availability zone of its VPC (HighlyAvailable: ${zones} in ${scenario.region}), not ${eks.count}; set extras.natGateways to 1 or ${zones}`;
}
