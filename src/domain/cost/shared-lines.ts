/**
 * Lines every option shares (load balancers, NAT, public IPv4, data transfer, CloudWatch Logs) and
 * the team-time line.
 */
import type { Scenario } from '../scenario/scenario-schema.ts';
import type { RegionSnapshot } from '../pricing/price-snapshot.ts';
import { categoryOfKind } from './line-kinds.ts';
import { GB_MONTH_HOURS, LOG_RETENTION_DAYS, logsPriced } from './bill-settings.ts';
import { lineFromFigure, lineFromScenario, withoutEmptyLines, type CostLine } from './cost-line.ts';
import { loadBalancerCountText, planLoadBalancers } from './load-balancer-plan.ts';
import { natGatewayCount } from './nat-gateway-count.ts';
import { publicIpv4Count } from './public-ipv4-count.ts';

/**
 * Load balancers as the export deploys them (load-balancer-plan.ts: one count for the bill and
 * every exporter), NAT gateways as each platform's export runs with them (nat-gateway-count.ts);
 * each line says how its count was reached.
 */
export function networkLines(scenario: Scenario, snapshot: RegionSnapshot, platform: 'ecs' | 'eks'): CostLine[] {
  const { extras, hoursPerMonth } = scenario;
  const p = snapshot.extras;
  const albs = planLoadBalancers(scenario);
  const albText = loadBalancerCountText(albs);
  const nat = natGatewayCount(scenario, platform);
  return withoutEmptyLines([
    lineFromFigure(
      'alb-hours',
      `Application Load Balancer hours (${albText})`,
      albs.count * hoursPerMonth,
      'ALB-hours',
      p.albHour,
    ),
    lineFromFigure(
      'alb-lcu',
      `Application Load Balancer capacity units (${extras.lcuPerLoadBalancer} LCU x ${albs.count === 1 ? '1 ALB' : `${albs.count} ALBs`})`,
      albs.count * extras.lcuPerLoadBalancer * hoursPerMonth,
      'LCU-hours',
      p.albLcuHour,
    ),
    lineFromFigure(
      'nat-hours',
      `NAT gateway hours (${nat.count}: ${nat.text})`,
      nat.count * hoursPerMonth,
      'NAT gateway-hours',
      p.natGatewayHour,
    ),
    lineFromFigure('nat-data', 'NAT gateway data processed', extras.natDataGB, 'GB', p.natGatewayGb),
    ...publicIpv4Lines(scenario, snapshot, platform),
    ...transferLines(scenario, snapshot),
    ...logLines(scenario, snapshot),
  ]);
}

/**
 * Public IPv4 addresses as the export holds them (public-ipv4-count.ts): the ALBs' (one per
 * availability zone each), the NAT gateways' Elastic IPs, and `extras.publicIPv4Addresses`, a line
 * each so every count can be checked against what the bundle creates.
 */
export function publicIpv4Lines(scenario: Scenario, snapshot: RegionSnapshot, platform: 'ecs' | 'eks'): CostLine[] {
  const ips = publicIpv4Count(scenario, platform);
  const { hoursPerMonth } = scenario;
  const price = snapshot.extras.publicIpv4Hour;
  const zones =
    platform === 'ecs'
      ? `${ips.zonesPerLoadBalancer} availability zones, the public subnets the Terraform requires`
      : `the ${ips.zonesPerLoadBalancer} availability zones of eksctl's VPC`;
  const albs = ips.loadBalancers === 1 ? '1 ALB' : `${ips.loadBalancers} ALBs`;
  const nats =
    ips.natGateways === 1 ? 'the NAT gateway (its Elastic IP)' : `${ips.natGateways} NAT gateways (an Elastic IP each)`;
  return withoutEmptyLines([
    lineFromFigure(
      'public-ipv4',
      `Public IPv4 addresses of the ALBs (${albs} x ${zones}; more if an ALB adds nodes under load)`,
      ips.loadBalancers * ips.zonesPerLoadBalancer * hoursPerMonth,
      'address-hours',
      price,
    ),
    lineFromFigure(
      'public-ipv4',
      `Public IPv4 address${ips.natGateways === 1 ? '' : 'es'} of ${nats}`,
      ips.natGateways * hoursPerMonth,
      'address-hours',
      price,
    ),
    lineFromFigure(
      'public-ipv4',
      'Other public IPv4 addresses (extras.publicIPv4Addresses)',
      ips.others * hoursPerMonth,
      'address-hours',
      price,
    ),
  ]);
}

const tierName = (fromGB: number, toGB: number | null): string => {
  const tb = (gb: number) => `${Number((gb / 1024).toFixed(3))} TB`;
  if (fromGB === 0 && toGB !== null) return `first ${tb(toGB)}`;
  return toGB === null ? `above ${tb(fromGB)}` : `${tb(fromGB)} to ${tb(toGB)}`;
};

/**
 * Internet egress on the region's monthly tiers, one line per tier used, with no free allowance
 * (AWS's 100 GB a month is per account, shared by everything in it); cross-AZ traffic is billed on
 * both sides, so each GB is two GB of the each-way rate.
 */
export function transferLines(scenario: Scenario, snapshot: RegionSnapshot): CostLine[] {
  const lines: CostLine[] = [];
  const egress = scenario.extras.internetEgressGB;
  for (const tier of snapshot.transfer.internetEgressTiers) {
    const upper = tier.toGB ?? Infinity;
    const inTier = Math.min(egress, upper) - tier.fromGB;
    if (inTier <= 0) continue;
    lines.push(
      lineFromFigure(
        'internet-egress',
        `Internet egress (${tierName(tier.fromGB, tier.toGB)} a month; no free allowance applied)`,
        inTier,
        'GB',
        tier.perGb,
      ),
    );
  }
  const crossAz = scenario.extras.crossAzGB;
  if (crossAz > 0)
    lines.push(
      lineFromFigure(
        'cross-az-transfer',
        'Cross-AZ data transfer (charged out and in)',
        crossAz * 2,
        'GB (each side)',
        snapshot.transfer.crossAzGbEachWay,
      ),
    );
  return lines;
}

/**
 * CloudWatch Logs: ingestion per GB, and storage for the exported retention. At a steady rate, the
 * log groups hold the last LOG_RETENTION_DAYS of logs, that is ingestion x days x 24 / 730 GB on
 * average through the month, priced as ingested (AWS bills the compressed size, so this is an upper bound).
 */
export function logLines(scenario: Scenario, snapshot: RegionSnapshot): CostLine[] {
  if (!logsPriced(scenario)) return [];
  const gb = scenario.extras.logIngestionGB;
  return [
    lineFromFigure('log-ingestion', 'CloudWatch Logs ingestion (Standard)', gb, 'GB', snapshot.logs.ingestionGb),
    lineFromFigure(
      'log-storage',
      `CloudWatch Logs storage (${LOG_RETENTION_DAYS}-day retention)`,
      (gb * LOG_RETENTION_DAYS * 24) / GB_MONTH_HOURS,
      'GB-months',
      snapshot.logs.storageGbMonth,
    ),
  ];
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
