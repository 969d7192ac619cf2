import { describe, expect, it } from 'vitest';
import { eksctlNatProblem, eksctlZoneCount, natGatewayCount } from './nat-gateway-count.ts';

const scenario = (natGateways: number, region = 'eu-west-1') => ({
  region,
  extras: { natGateways } as Parameters<typeof natGatewayCount>[0]['extras'],
});

describe('natGatewayCount', () => {
  it('ECS: as set (the Terraform uses your VPC and creates none)', () => {
    for (const n of [0, 1, 2, 7])
      expect(natGatewayCount(scenario(n), 'ecs')).toMatchObject({ count: n, eksctlMode: null });
  });

  it('EKS: at least 1, as eksctl Single or one per zone of its VPC (HighlyAvailable)', () => {
    expect(natGatewayCount(scenario(0), 'eks')).toMatchObject({ count: 1, requested: 0, eksctlMode: 'Single' });
    expect(natGatewayCount(scenario(1), 'eks')).toMatchObject({ count: 1, eksctlMode: 'Single' });
    expect(natGatewayCount(scenario(3), 'eks')).toMatchObject({ count: 3, eksctlMode: 'HighlyAvailable' });
    expect(natGatewayCount(scenario(2, 'us-east-1'), 'eks')).toMatchObject({ count: 2, eksctlMode: 'HighlyAvailable' });
    expect(natGatewayCount(scenario(2), 'eks')).toMatchObject({ count: 2, eksctlMode: null });
  });

  it('refuses, naming the field, a count eksctl cannot create', () => {
    expect(eksctlNatProblem(scenario(0))).toBeNull();
    expect(eksctlNatProblem(scenario(3))).toBeNull();
    expect(eksctlNatProblem(scenario(2))).toBe(
      'extras.natGateways: eksctl creates 1 NAT gateway (vpc.nat.gateway Single) or one per availability zone of its VPC (HighlyAvailable: 3 in eu-west-1), not 2; set extras.natGateways to 1 or 3',
    );
    expect(eksctlNatProblem(scenario(3, 'us-east-1'))).toMatch(/HighlyAvailable: 2 in us-east-1\), not 3/);
    expect([eksctlZoneCount('us-east-1'), eksctlZoneCount('us-west-1'), eksctlZoneCount('ap-south-1')]).toEqual([
      2, 2, 3,
    ]);
  });
});
