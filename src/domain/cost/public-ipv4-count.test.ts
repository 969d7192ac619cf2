import { describe, expect, it } from 'vitest';
import { ECS_LOAD_BALANCER_ZONES, loadBalancerZoneCount, publicIpv4Count } from './public-ipv4-count.ts';
import { publicIpv4Lines } from './shared-lines.ts';
import { scenarioOf, service } from '../testing/scenario-builders.ts';
import { EU_WEST_1, US_EAST_1 } from '../testing/load-snapshot.ts';

// Three public services with hosts share one ALB; extras.loadBalancers 2 adds a spare.
const threeHostsAndASpare = (region: string, natGateways: number, publicIPv4Addresses: number) =>
  scenarioOf({
    region,
    services: ['a', 'b', 'c'].map((name) => service(name, { public: true, host: `${name}.example.com` })),
    extras: { loadBalancers: 2, natGateways, publicIPv4Addresses },
  });

describe('publicIpv4Count', () => {
  it("ECS: 2 per ALB (the subnets the Terraform requires), your VPC's NAT gateways as set, and the others", () => {
    expect(ECS_LOAD_BALANCER_ZONES).toBe(2);
    // 2 ALBs x 2 zones + 1 NAT gateway + 2 others = 7.
    expect(publicIpv4Count(threeHostsAndASpare('eu-west-1', 1, 2), 'ecs')).toEqual({
      count: 7,
      loadBalancers: 2,
      zonesPerLoadBalancer: 2,
      natGateways: 1,
      others: 2,
    });
  });

  it("EKS: one per zone of eksctl's VPC per ALB (3 in eu-west-1, 2 in us-east-1) and at least one NAT gateway", () => {
    // eu-west-1: 2 ALBs x 3 zones + 1 NAT gateway (0 raised to 1) = 7.
    expect(publicIpv4Count(threeHostsAndASpare('eu-west-1', 0, 0), 'eks')).toMatchObject({
      count: 7,
      zonesPerLoadBalancer: 3,
      natGateways: 1,
    });
    // us-east-1, HighlyAvailable: 2 ALBs x 2 zones + 2 NAT gateways + 1 other = 7.
    expect(publicIpv4Count(threeHostsAndASpare('us-east-1', 2, 1), 'eks')).toMatchObject({
      count: 7,
      zonesPerLoadBalancer: 2,
      natGateways: 2,
    });
    expect([
      loadBalancerZoneCount({ region: 'us-west-1' }, 'eks'),
      loadBalancerZoneCount({ region: 'us-west-1' }, 'ecs'),
    ]).toEqual([2, 2]);
  });

  it('none on ECS without a public service, a load balancer or a NAT gateway', () => {
    const scenario = scenarioOf({ services: [service('worker')], extras: { loadBalancers: 0 } });
    expect(publicIpv4Count(scenario, 'ecs').count).toBe(0);
    expect(publicIpv4Lines(scenario, US_EAST_1, 'ecs')).toEqual([]);
  });
});

describe('publicIpv4Lines', () => {
  it('prices each part on its own line at $0.005 an address-hour, for the whole month', () => {
    const lines = publicIpv4Lines(threeHostsAndASpare('eu-west-1', 0, 2), EU_WEST_1, 'eks');
    expect(lines.map((l) => [l.component, l.quantity, l.unitPriceUSD, l.monthlyUSD])).toEqual([
      [
        "Public IPv4 addresses of the ALBs (2 ALBs x the 3 availability zones of eksctl's VPC; more if an ALB adds nodes under load)",
        4380, // 6 addresses x 730 h
        0.005,
        21.9,
      ],
      ['Public IPv4 address of the NAT gateway (its Elastic IP)', 730, 0.005, 3.65],
      ['Other public IPv4 addresses (extras.publicIPv4Addresses)', 1460, 0.005, 7.3],
    ]);
    expect(lines.every((l) => l.kind === 'public-ipv4' && l.unit === 'address-hours')).toBe(true);
  });

  it('follows hoursPerMonth, as the ALB and NAT gateway hours do', () => {
    const scenario = { ...threeHostsAndASpare('eu-west-1', 3, 0), hoursPerMonth: 100 };
    // ECS: 2 ALBs x 2 zones x 100 h = 400; 3 NAT gateways x 100 h = 300.
    expect(publicIpv4Lines(scenario, EU_WEST_1, 'ecs').map((l) => [l.quantity, l.monthlyUSD])).toEqual([
      [400, 2],
      [300, 1.5],
    ]);
    expect(publicIpv4Lines(scenario, EU_WEST_1, 'ecs')[1]!.component).toBe(
      'Public IPv4 addresses of 3 NAT gateways (an Elastic IP each)',
    );
  });
});
