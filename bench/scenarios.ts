/** Scenarios the benchmarks price: one small service, and a 50-service platform of mixed sizes. */
import type { ScenarioInput } from '../src/domain/scenario/scenario-schema.ts';

export const ONE_SERVICE: ScenarioInput = {
  version: 2,
  region: 'us-east-1',
  services: [{ name: 'api-service', vcpu: 0.5, memoryGiB: 1, replicas: 2 }],
  extras: { loadBalancers: 1 },
};

const SIZES: [vcpu: number, memoryGiB: number][] = [
  [0.25, 0.5],
  [0.5, 1],
  [1, 2],
  [1, 4],
  [2, 4],
  [0.25, 1],
  [2, 8],
  [4, 8],
];

export const FIFTY_SERVICES: ScenarioInput = {
  version: 2,
  region: 'us-east-1',
  services: Array.from({ length: 50 }, (_, i) => {
    const [vcpu, memoryGiB] = SIZES[i % SIZES.length]!;
    return {
      name: `svc-${String(i + 1).padStart(2, '0')}`,
      vcpu,
      memoryGiB,
      replicas: 1 + (i % 6),
      arch: i % 5 === 4 ? ('arm64' as const) : ('x86_64' as const),
    };
  }),
  extras: { loadBalancers: 2, natGateways: 2, natDataGB: 500 },
};
