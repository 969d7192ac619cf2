/** fast-check arbitraries shared by property tests: scenarios the schema accepts. */
import fc from 'fast-check';
import type { ScenarioInput, ServiceInput } from '../scenario/scenario-schema.ts';

export const serviceArb = (index: number): fc.Arbitrary<ServiceInput> =>
  fc.record({
    name: fc.constant(`svc-${index}`),
    vcpu: fc.constantFrom(0.125, 0.25, 0.5, 1, 1.5, 2, 4, 8, 16),
    memoryGiB: fc.constantFrom(0.25, 0.5, 1, 2, 3, 4, 8, 16, 30, 60, 120),
    replicas: fc.oneof(fc.integer({ min: 0, max: 60 }), fc.double({ min: 0, max: 60, noNaN: true })),
    arch: fc.constantFrom('x86_64' as const, 'arm64' as const),
    os: fc.constantFrom('linux' as const, 'linux' as const, 'linux' as const, 'windows' as const),
    ephemeralStorageGiB: fc.integer({ min: 20, max: 200 }),
    gpu: fc.constantFrom(0, 0, 0, 0, 1),
    hoursPerMonth: fc.option(fc.integer({ min: 0, max: 744 }), { nil: undefined }),
  });

export const scenarioArb: fc.Arbitrary<ScenarioInput> = fc
  .integer({ min: 1, max: 4 })
  .chain((count) => fc.tuple(...Array.from({ length: count }, (_, i) => serviceArb(i))))
  .chain((services) =>
    fc.record({
      version: fc.constant(2 as const),
      region: fc.constantFrom('us-east-1', 'eu-west-1', 'ap-south-2'),
      hoursPerMonth: fc.integer({ min: 1, max: 744 }),
      services: fc.constant(services),
      fargate: fc.record({
        spotPercent: fc.integer({ min: 0, max: 100 }),
        savingsPlanDiscountPercent: fc.integer({ min: 0, max: 100 }),
      }),
      ec2: fc.record({
        spotPercent: fc.integer({ min: 0, max: 100 }),
        spotDiscountPercent: fc.integer({ min: 0, max: 100 }),
        savingsPlanDiscountPercent: fc.integer({ min: 0, max: 100 }),
        minNodes: fc.integer({ min: 0, max: 5 }),
        eniTrunking: fc.boolean(),
        prefixDelegation: fc.boolean(),
        ecsNetworkMode: fc.constantFrom('awsvpc' as const, 'bridge' as const),
        daemonsPerNode: fc.array(
          fc.record({
            vcpu: fc.constantFrom(0, 0.05, 0.25, 1),
            memoryGiB: fc.constantFrom(0, 0.1, 0.5, 2),
          }),
          { maxLength: 3 },
        ),
      }),
      eks: fc.record({
        clusters: fc.integer({ min: 1, max: 3 }),
        support: fc.constantFrom('standard' as const, 'extended' as const),
      }),
      extras: fc.record({
        loadBalancers: fc.integer({ min: 0, max: 3 }),
        lcuPerLoadBalancer: fc.double({ min: 0, max: 10, noNaN: true }),
        natGateways: fc.integer({ min: 0, max: 3 }),
        natDataGB: fc.double({ min: 0, max: 10_000, noNaN: true }),
        publicIPv4Addresses: fc.integer({ min: 0, max: 10 }),
      }),
      operations: fc.record({
        hourlyRateUSD: fc.integer({ min: 0, max: 200 }),
        ecsHoursPerMonth: fc.integer({ min: 0, max: 100 }),
        eksHoursPerMonth: fc.integer({ min: 0, max: 100 }),
      }),
    }),
  )
  // A service runs at most the scenario's hours; daemons need unique names.
  .map((scenario) => ({
    ...scenario,
    ec2: {
      ...scenario.ec2,
      daemonsPerNode: scenario.ec2.daemonsPerNode.map((d, i) => ({ name: `daemon-${i}`, ...d })),
    },
    services: scenario.services.map((s) =>
      s.hoursPerMonth === undefined ? s : { ...s, hoursPerMonth: Math.min(s.hoursPerMonth, scenario.hoursPerMonth) },
    ),
  }));

/**
 * For the export's properties: services priced for part of the month without a schedule are
 * refused by the export (schedule/part-month.ts), so their hoursPerMonth is left out; so is
 * extended EKS support, which a new cluster does not bill (export/eks-support.ts).
 */
export const exportScenarioArb: fc.Arbitrary<ScenarioInput> = scenarioArb.map((scenario) => ({
  ...scenario,
  services: scenario.services.map(({ hoursPerMonth: _hours, ...service }) => service),
  ...(scenario.eks ? { eks: { ...scenario.eks, support: 'standard' as const } } : {}),
}));

/**
 * A service with an autoscaling range, its replicas moved into it: the export refuses replicas
 * outside the range (cost/autoscaling-range.ts), and the properties test what it exports.
 */
export function withAutoscaling<S extends { replicas: number }>(
  service: S,
  range: { min: number; max: number; targetCpuPercent?: number },
): S & { autoscaling: typeof range } {
  return { ...service, replicas: Math.min(Math.max(service.replicas, range.min), range.max), autoscaling: range };
}

/**
 * Hosts public services draw from: repeats (which the export refuses: one rule would hide the
 * other), a wildcard, and no host at all (the ALB's default action).
 */
const HOSTS = ['a.example.com', 'b.example.com', 'c.example.com', '*.example.com'] as const;

/**
 * exportScenarioArb with some services public, with or without a host, and a port or the default one.
 * Linux, no GPU, x86 7 times in 8 and at most 100 GiB of storage, so that most scenarios run on every
 * option (Fargate has no GPU or Windows on arm64, EKS on Fargate no arm64): the load balancer and
 * NAT counts are the subject, not the sizes.
 */
export const withPublicServicesArb: fc.Arbitrary<ScenarioInput> = exportScenarioArb.chain((scenario) =>
  fc
    .tuple(
      ...scenario.services.map(() =>
        fc.record({
          public: fc.boolean(),
          host: fc.option(fc.constantFrom(...HOSTS), { nil: undefined }),
          port: fc.option(fc.constantFrom(80, 8080, 9000), { nil: undefined }),
          arch: fc.constantFrom(...Array.from({ length: 7 }, () => 'x86_64' as const), 'arm64' as const),
        }),
      ),
    )
    .map((exposure) => ({
      ...scenario,
      services: scenario.services.map((service, i) => {
        const { public: isPublic, host, port, arch } = exposure[i]!;
        return {
          ...service,
          os: 'linux' as const,
          gpu: 0,
          arch,
          ephemeralStorageGiB: Math.min(service.ephemeralStorageGiB ?? 20, 100),
          public: isPublic,
          ...(host === undefined ? {} : { host }),
          ...(port === undefined ? {} : { port }),
        };
      }),
    })),
);
