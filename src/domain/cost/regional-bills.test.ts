/**
 * Bills worked out by hand, outside us-east-1, from the rates in the bundled snapshot (which the
 * golden test ties to the shared pricing data). Each expected amount is quantity x unit price,
 * rounded to cents, as written in the comments.
 */
import { describe, expect, it } from 'vitest';
import { estimateScenario } from './estimate.ts';
import type { Estimate, OptionEstimate, OptionId } from './estimate-types.ts';
import { scenarioOf, service } from '../testing/scenario-builders.ts';
import { AP_SOUTH_1, AP_SOUTHEAST_6, EU_WEST_2, SA_EAST_1 } from '../testing/load-snapshot.ts';

const option = (estimate: Estimate, id: OptionId): OptionEstimate => estimate.options.find((o) => o.id === id)!;
const bill = (o: OptionEstimate) => o.lines.map((l) => [l.kind, l.quantity, l.unitPriceUSD, l.monthlyUSD]);

describe('ap-south-1 (Mumbai): Fargate ARM at its published rate, storage above 20 GB, NAT', () => {
  const estimate = estimateScenario(
    scenarioOf({
      region: 'ap-south-1',
      services: [service('api', { arch: 'arm64', vcpu: 1, memoryGiB: 2, replicas: 2, ephemeralStorageGiB: 50 })],
      extras: { natGateways: 1, natDataGB: 100 },
    }),
    AP_SOUTH_1,
  );

  it('bills ECS on Fargate line by line', () => {
    const ecs = option(estimate, 'ecs-fargate');
    expect(bill(ecs)).toEqual([
      ['fargate-vcpu', 1460, 0.02383, 34.79], // 2 tasks x 1 vCPU x 730 h; ARM is 56% of x86 here (the old 80% rule gave 0.034048)
      ['fargate-memory', 2920, 0.00261, 7.62], // 2 x 2 GB x 730 h
      ['fargate-storage', 43800, 0.000127, 5.56], // (50 - 20) GB x 2 x 730 h
      ['ecs-control-plane', 730, 0, 0],
      ['nat-hours', 730, 0.056, 40.88], // Mumbai's NAT rate, not us-east-1's 0.045
      ['nat-data', 100, 0.056, 5.6],
      ['public-ipv4', 730, 0.005, 3.65], // the NAT gateway's Elastic IP, 730 h
    ]);
    expect(ecs.monthlyUSD).toBe(98.1);
    expect(ecs.lines.every((l) => l.derived === undefined)).toBe(true);
  });
});

describe('sa-east-1 (Sao Paulo): EC2 with Spot Advisor prices, EBS, logs and egress tiers', () => {
  const scenario = scenarioOf({
    region: 'sa-east-1',
    services: [service('api', { vcpu: 1, memoryGiB: 2, replicas: 2 })],
    ec2: { instanceTypes: ['m6i.large'], spotPercent: 50, minNodes: 2 },
    extras: { logIngestionGB: 50, internetEgressGB: 12_000 },
  });
  const estimate = estimateScenario(scenario, SA_EAST_1);

  it('bills ECS on EC2 line by line', () => {
    const ecs = option(estimate, 'ecs-ec2');
    expect(bill(ecs)).toEqual([
      ['ec2-instance', 730, 0.153, 111.69], // 2 nodes x 730 h x 50% On-Demand
      ['ec2-spot-instance', 730, 0.0612, 44.68], // 0.153 x (1 - 60% Spot Advisor savings)
      ['ebs-root-volume', 60, 0.152, 9.12], // 30 GiB x 1460 node-hours / 730
      ['ecs-control-plane', 730, 0, 0],
      ['internet-egress', 10240, 0.15, 1536], // first 10 TB
      ['internet-egress', 1760, 0.138, 242.88], // the next 1,760 GB
      ['log-ingestion', 50, 0.9, 45],
      ['log-storage', 49.315068, 0.0408, 2.01], // 50 GB x 30 days x 24 / 730 h
    ]);
    expect(ecs.monthlyUSD).toBe(1991.38);
    expect(ecs.nodes![0]).toMatchObject({ rootVolumeGiB: 30, spotSavingsPercent: 60, spotInterruption: '>20%' });
    const spot = ecs.lines.find((l) => l.kind === 'ec2-spot-instance')!;
    expect(spot).toMatchObject({ source: 'spotAdvisor', asOf: '2025-06-28' });
    expect(spot.derived).toMatch(/60% Spot Instance Advisor savings; interruption >20%/);
    expect(ecs.lines.find((l) => l.kind === 'internet-egress')!.component).toMatch(/no free allowance applied/);
  });

  it('warns about the >20% interruption band, and names the EBS root volume size in the EKS bill (20 GiB)', () => {
    expect(estimate.warnings.some((w) => w.includes('m6i.large Spot capacity is interrupted more than 20%'))).toBe(
      true,
    );
    const eks = option(estimate, 'eks-ec2');
    expect(eks.lines.find((l) => l.kind === 'ebs-root-volume')).toMatchObject({ quantity: 40, monthlyUSD: 6.08 }); // 20 GiB x 1460 / 730 x 0.152
  });

  it('keeps a set Spot discount, as a v1 scenario does (70%)', () => {
    const v1 = scenarioOf({ ...scenario, ec2: { ...scenario.ec2, spotDiscountPercent: 70 } });
    const spot = option(estimateScenario(v1, SA_EAST_1), 'ecs-ec2').lines.find((l) => l.kind === 'ec2-spot-instance')!;
    expect(spot).toMatchObject({ unitPriceUSD: 0.0459, monthlyUSD: 33.51, source: 'scenario' }); // 0.153 x 0.3 x 730
  });
});

describe('eu-west-2 (London): Windows on Fargate, cross-AZ, EKS root volumes grown for pod storage', () => {
  it('bills Windows on ECS Fargate with the OS licence and cross-AZ on both sides', () => {
    const estimate = estimateScenario(
      scenarioOf({
        region: 'eu-west-2',
        services: [service('web', { os: 'windows', vcpu: 1, memoryGiB: 2, replicas: 1 })],
        extras: { crossAzGB: 500 },
      }),
      EU_WEST_2,
    );
    expect(bill(option(estimate, 'ecs-fargate'))).toEqual([
      ['fargate-vcpu', 730, 0.053544, 39.09],
      ['fargate-windows-license', 730, 0.046, 33.58],
      ['fargate-memory', 1460, 0.0058765, 8.58],
      ['ecs-control-plane', 730, 0, 0],
      ['cross-az-transfer', 1000, 0.01, 10], // 500 GB x 2 sides
    ]);
    expect(option(estimate, 'ecs-fargate').monthlyUSD).toBe(91.25);
  });

  it('grows the node root volume to hold the pods storage above 20 GiB', () => {
    const estimate = estimateScenario(
      scenarioOf({
        region: 'eu-west-2',
        services: [service('api', { arch: 'arm64', replicas: 2, ephemeralStorageGiB: 40 })],
        ec2: { instanceTypes: ['m6g.large'], minNodes: 2 },
      }),
      EU_WEST_2,
    );
    const eks = option(estimate, 'eks-ec2');
    // Both pods share one node: 20 GiB default + 2 x (40 - 20) GiB = 60 GiB, on both nodes of the group.
    expect(eks.nodes![0]).toMatchObject({ count: 2, rootVolumeGiB: 60 });
    expect(eks.lines.find((l) => l.kind === 'ebs-root-volume')).toMatchObject({
      quantity: 120, // 60 GiB x 1460 node-hours / 730
      unitPriceUSD: 0.0928,
      monthlyUSD: 11.14,
    });
  });
});

describe('ap-southeast-6 (New Zealand): derived figures are named, and a type without Spot Advisor data stays On-Demand', () => {
  it('uses the nearest region for EBS and egress, says so, and prices the Spot share On-Demand', () => {
    const estimate = estimateScenario(
      scenarioOf({
        region: 'ap-southeast-6',
        services: [service('api', { vcpu: 1, memoryGiB: 2 })],
        ec2: { instanceTypes: ['m6i.large'], spotPercent: 50 },
        extras: { internetEgressGB: 100 },
      }),
      AP_SOUTHEAST_6,
    );
    const ecs = option(estimate, 'ecs-ec2');
    expect(ecs.lines.filter((l) => l.kind.startsWith('ec2-')).map((l) => l.kind)).toEqual(['ec2-instance']);
    expect(ecs.lines.find((l) => l.kind === 'ec2-instance')!.quantity).toBe(1460);
    expect(estimate.warnings.some((w) => w.includes('no figure for m6i.large in ap-southeast-6'))).toBe(true);
    const ebs = ecs.lines.find((l) => l.kind === 'ebs-root-volume')!;
    expect(ebs.derived).toBe(
      "ap-southeast-2 rate: the price data has no ap-southeast-6 figure, so the nearest region's is used",
    );
    expect(estimate.warnings.some((w) => w.startsWith('Derived price: "EBS gp3 root volumes'))).toBe(true);
  });
});
