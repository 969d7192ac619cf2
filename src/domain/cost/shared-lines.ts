/**
 * Lines every option shares (load balancers, NAT, public IPv4) and the team-time line.
 */
import type { Scenario } from '../scenario/scenario-schema.ts';
import type { RegionSnapshot } from '../pricing/price-snapshot.ts';
import { categoryOfKind } from './line-kinds.ts';
import { lineFromFigure, lineFromScenario, withoutEmptyLines, type CostLine } from './cost-line.ts';

export function networkLines(scenario: Scenario, snapshot: RegionSnapshot): CostLine[] {
  const { extras, hoursPerMonth } = scenario;
  const p = snapshot.extras;
  return withoutEmptyLines([
    lineFromFigure(
      'alb-hours',
      'Application Load Balancer hours',
      extras.loadBalancers * hoursPerMonth,
      'ALB-hours',
      p.albHour,
    ),
    lineFromFigure(
      'alb-lcu',
      'Application Load Balancer capacity units',
      extras.loadBalancers * extras.lcuPerLoadBalancer * hoursPerMonth,
      'LCU-hours',
      p.albLcuHour,
    ),
    lineFromFigure(
      'nat-hours',
      'NAT gateway hours',
      extras.natGateways * hoursPerMonth,
      'NAT gateway-hours',
      p.natGatewayHour,
    ),
    lineFromFigure('nat-data', 'NAT gateway data processed', extras.natDataGB, 'GB', p.natGatewayGb),
    lineFromFigure(
      'public-ipv4',
      'Public IPv4 addresses',
      extras.publicIPv4Addresses * hoursPerMonth,
      'address-hours',
      p.publicIpv4Hour,
    ),
  ]);
}

/** The team's time to run the platform, priced only when the scenario gives an hourly rate. */
export function operationsLine(scenario: Scenario, platform: 'ecs' | 'eks'): CostLine[] {
  const { hourlyRateUSD, ecsHoursPerMonth, eksHoursPerMonth } = scenario.operations;
  if (hourlyRateUSD <= 0) return [];
  const hours = platform === 'ecs' ? ecsHoursPerMonth : eksHoursPerMonth;
  return withoutEmptyLines([
    lineFromScenario(
      'team-time',
      `Team time operating ${platform.toUpperCase()}`,
      hours,
      'person-hours',
      hourlyRateUSD,
      'hourly rate and hours set in the scenario',
    ),
  ]);
}

export function controlPlaneLines(scenario: Scenario, snapshot: RegionSnapshot, platform: 'ecs' | 'eks'): CostLine[] {
  if (platform === 'ecs') {
    // ECS orchestration is free ("There is no additional charge for Amazon ECS orchestration"); the
    // zero line keeps that fact visible next to EKS's cluster fee.
    return [
      {
        kind: 'ecs-control-plane',
        category: categoryOfKind('ecs-control-plane'),
        component: 'ECS control plane (no charge)',
        quantity: scenario.hoursPerMonth,
        unit: 'cluster-hours',
        unitPriceUSD: 0,
        monthlyUSD: 0,
        source: 'aws-ecs-pricing-page',
      },
    ];
  }
  const { clusters, support } = scenario.eks;
  const figure = support === 'extended' ? snapshot.eks.clusterHourExtended : snapshot.eks.clusterHourStandard;
  return withoutEmptyLines([
    lineFromFigure(
      'eks-control-plane',
      `EKS cluster (${support} support)`,
      clusters * scenario.hoursPerMonth,
      'cluster-hours',
      figure,
    ),
  ]);
}
