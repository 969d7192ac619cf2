/**
 * The public IPv4 addresses a scenario's export runs with, each billed per address-hour
 * (docs/pricing-rules.md "Shared lines", docs/export-rules.md "Public IPv4 addresses").
 *
 * - Every internet-facing ALB has a node in each Availability Zone it is enabled in ("ELB creates a
 *   load balancer node in each zone that you specify": Application Load Balancers user guide,
 *   "Subnets for your load balancer"), and each internet-facing node has a public IPv4 address,
 *   which is charged like any other (AWS News Blog, "New – AWS Public IPv4 Address Charge + Public
 *   IP Insights", 2023-07-28: addresses used by AWS services such as Elastic Load Balancing). An
 *   ALB takes one subnet per zone. The ECS Terraform
 *   puts its ALBs in `var.public_subnet_ids`, held to ECS_LOAD_BALANCER_ZONES subnets by a variable
 *   validation (two is the fewest an ALB accepts); on EKS the load balancer controller (or Auto
 *   Mode) puts them in the public subnets of eksctl's VPC, one per zone (eksctlZoneCount).
 *   A node count grows with traffic, so this is the fewest addresses an ALB has.
 * - Every NAT gateway the bill prices holds one Elastic IP (Amazon VPC user guide, "NAT gateways":
 *   a public NAT gateway needs an Elastic IP; eksctl allocates one per NAT gateway it creates).
 * - `extras.publicIPv4Addresses`: any others the workload holds (a bastion, an NLB), priced as set.
 *
 * Nodes, Fargate tasks and pods get none: the exports run them in private subnets
 * (`assign_public_ip = false` on ECS Fargate, eksctl `privateNetworking`).
 */
import type { Scenario } from '../scenario/scenario-schema.ts';
import { planLoadBalancers } from './load-balancer-plan.ts';
import { eksctlZoneCount, natGatewayCount } from './nat-gateway-count.ts';

/**
 * Availability Zones of the ECS export's ALBs: 2, the fewest an ALB accepts ("You must specify
 * subnets from at least two Availability Zones", "only one subnet per Availability Zone": Elastic
 * Load Balancing API reference, CreateLoadBalancer, Subnets). The Terraform's `public_subnet_ids`
 * validation asks for exactly this many subnets, so the ALBs span exactly this many zones.
 */
export const ECS_LOAD_BALANCER_ZONES = 2;

export interface PublicIpv4Count {
  /** Addresses priced in all: the sum of the three parts below. */
  count: number;
  /** Internet-facing ALBs exported (load-balancer-plan.ts). */
  loadBalancers: number;
  /** Availability Zones (and so addresses) per ALB. */
  zonesPerLoadBalancer: number;
  /** NAT gateways priced (nat-gateway-count.ts), one Elastic IP each. */
  natGateways: number;
  /** `extras.publicIPv4Addresses` as set. */
  others: number;
}

/** Availability Zones each exported ALB spans on the platform's export. */
export function loadBalancerZoneCount(scenario: Pick<Scenario, 'region'>, platform: 'ecs' | 'eks'): number {
  return platform === 'ecs' ? ECS_LOAD_BALANCER_ZONES : eksctlZoneCount(scenario.region);
}

export function publicIpv4Count(
  scenario: Pick<Scenario, 'services' | 'extras' | 'region'>,
  platform: 'ecs' | 'eks',
): PublicIpv4Count {
  const loadBalancers = planLoadBalancers(scenario).count;
  const zonesPerLoadBalancer = loadBalancerZoneCount(scenario, platform);
  const natGateways = natGatewayCount(scenario, platform).count;
  const others = scenario.extras.publicIPv4Addresses;
  return {
    count: loadBalancers * zonesPerLoadBalancer + natGateways + others,
    loadBalancers,
    zonesPerLoadBalancer,
    natGateways,
    others,
  };
}
