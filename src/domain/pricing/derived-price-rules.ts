/**
 * The written rules for figures a region's price data lacks (docs/pricing-rules.md, "Derived
 * figures"). The snapshot generator, the refresh script and the live normalizer all derive through
 * these functions, so a derived figure always carries the same rule text, and a test can check that
 * every `derived` figure in a snapshot names one of these rules.
 *
 * What is never derived: a figure the data has (no rule replaces a real price), and a core compute
 * price (Fargate vCPU/memory, EC2 On-Demand): without one the option or instance is unavailable.
 * The old "Fargate Linux/ARM = 80% of x86" rule is gone: the 2025-10-27 AWS page data gives ARM
 * rates for every region, and they are not 80% everywhere (ap-south-1: 56%).
 */
import type { FargateRatePair, PriceFigure } from './price-snapshot.ts';

/**
 * For regions without an EBS, internet egress or inter-AZ figure in the data: the region whose rate
 * is used, the geographically nearest one that has the figure (pricing-data README, known gaps 4-5).
 */
export const NEIGHBOUR_REGIONS: Readonly<Record<string, string>> = {
  'ap-east-2': 'ap-east-1', // Taipei: Hong Kong
  'ap-southeast-5': 'ap-southeast-1', // Malaysia: Singapore
  'ap-southeast-6': 'ap-southeast-2', // New Zealand: Sydney
  'ap-southeast-7': 'ap-southeast-1', // Thailand: Singapore
  'ca-west-1': 'ca-central-1', // Calgary: Canada Central (inter-AZ only)
  'mx-central-1': 'us-east-2', // Mexico: Ohio
};

/** The region that has no ALB price of its own uses this one's (the only ALB price in the data). */
export const ALB_PRICE_REGION = 'us-east-1';

export const DERIVED_RULE_TEXT = {
  neighbour: (region: string, neighbour: string) =>
    `${neighbour} rate: the price data has no ${region} figure, so the nearest region's is used`,
  albFromUsEast1: `${ALB_PRICE_REGION} rate: the price data has no per-region load balancer prices`,
  spotArm: "Linux/ARM rate x the region's Fargate Spot/On-Demand ratio observed on Linux/x86",
  eksExtendedSum: 'standard cluster-hour + the extended-support surcharge per cluster-hour',
  managementFee: (service: string, type: string, onDemandUsd: number) =>
    `${MANAGEMENT_FEE_PERCENT}% of the ${type} On-Demand rate $${onDemandUsd}: ${service}'s per-type fee is not labelled in the price data, where in us-east-1 ${MANAGEMENT_FEE_MATCH.autoModePercent}% of the EKS Auto Mode fees and ${MANAGEMENT_FEE_MATCH.managedInstancesPercent}% of the ECS Managed Instances fees equal ${MANAGEMENT_FEE_PERCENT}% of the type's On-Demand price`,
} as const;

/**
 * ECS Managed Instances and EKS Auto Mode bill a management fee per instance-hour, by instance type.
 * The price data has those fees only under unlabelled keys, and 99.9% of the Auto Mode fees and 91%
 * of the Managed Instances fees there equal 12% of a type's On-Demand price after rounding (shared
 * pricing-data README, eks.json), so the fee is 12% of the type's On-Demand rate, marked derived.
 * The fee is the same on Spot instances: it follows the On-Demand price, not the price paid.
 */
export const MANAGEMENT_FEE_PERCENT = 12;

/**
 * How many of the us-east-1 fees in the price data equal MANAGEMENT_FEE_PERCENT of On-Demand after
 * rounding to 5 decimals: 851 of 852 Auto Mode fees and 801 of 879 Managed Instances fees (shared
 * pricing-data README, eks.json; docs/pricing-rules.md). The fee lines quote them.
 */
export const MANAGEMENT_FEE_MATCH = { autoModePercent: 99.9, managedInstancesPercent: 91 } as const;

/** The management fee per instance-hour of a type, from its On-Demand figure. */
export function managementFeeFrom(onDemand: PriceFigure, service: string, type: string): PriceFigure {
  return {
    usd: tidyRate((onDemand.usd * MANAGEMENT_FEE_PERCENT) / 100),
    source: onDemand.source,
    asOf: onDemand.asOf,
    derived: DERIVED_RULE_TEXT.managementFee(service, type, onDemand.usd),
  };
}

/** Every rule text a bundled figure may carry in `region`. */
export function derivedRuleTextsFor(region: string): string[] {
  const texts: string[] = [
    DERIVED_RULE_TEXT.albFromUsEast1,
    DERIVED_RULE_TEXT.spotArm,
    DERIVED_RULE_TEXT.eksExtendedSum,
  ];
  const neighbour = NEIGHBOUR_REGIONS[region];
  if (neighbour) texts.push(DERIVED_RULE_TEXT.neighbour(region, neighbour));
  return texts;
}

/** Rounds a derived rate to the 10 decimals the Price List uses, so files stay readable. */
export const tidyRate = (usd: number): number => Number(usd.toFixed(10));

/** A neighbour region's figure, restated as derived for `region`. */
export function fromNeighbour(figure: PriceFigure, region: string, neighbour: string): PriceFigure {
  return {
    usd: figure.usd,
    source: figure.source,
    asOf: figure.asOf,
    derived: DERIVED_RULE_TEXT.neighbour(region, neighbour),
  };
}

/** The us-east-1 load balancer figure, restated as derived for another region. */
export function albFromUsEast1(figure: PriceFigure): PriceFigure {
  return { usd: figure.usd, source: figure.source, asOf: figure.asOf, derived: DERIVED_RULE_TEXT.albFromUsEast1 };
}

/**
 * Fargate Spot on ARM: the page data has no Spot rates, and the 2021 table only x86 ones, so the ARM
 * rate is scaled by the region's x86 Spot/On-Demand ratio.
 */
export function spotArmFrom(arm: FargateRatePair, spotX86: FargateRatePair, x86: FargateRatePair): FargateRatePair {
  const scaled = (armFigure: PriceFigure, spot: PriceFigure, onDemand: PriceFigure): PriceFigure => ({
    usd: tidyRate(armFigure.usd * (spot.usd / onDemand.usd)),
    source: spot.source,
    asOf: spot.asOf,
    derived: DERIVED_RULE_TEXT.spotArm,
  });
  return {
    vcpuHour: scaled(arm.vcpuHour, spotX86.vcpuHour, x86.vcpuHour),
    gbHour: scaled(arm.gbHour, spotX86.gbHour, x86.gbHour),
  };
}

/** EKS extended support: AWS prices it as a surcharge on top of the standard cluster-hour. */
export function eksExtendedTotal(standard: PriceFigure, surcharge: PriceFigure): PriceFigure {
  return {
    usd: tidyRate(standard.usd + surcharge.usd),
    source: surcharge.source,
    asOf: standard.asOf > surcharge.asOf ? standard.asOf : surcharge.asOf,
    derived: DERIVED_RULE_TEXT.eksExtendedSum,
  };
}
