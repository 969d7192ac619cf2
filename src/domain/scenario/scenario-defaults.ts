/**
 * Every default of scenario format v2, in one place (v1's differences: migrate-scenario.ts). The schema fills them (scenario-schema.ts),
 * share links leave them out (share-codec.ts), the editor starts new rows from them, and the
 * JSON Schema publishes them, all from these objects.
 */
import { FARGATE_INCLUDED_STORAGE_GIB } from '../sizing/fargate-sizes.ts';

/** Hours in an average month: 365 x 24 / 12. AWS and Infracost use the same figure. */
export const HOURS_PER_MONTH = 730;

/** The most services one scenario holds (the schema's limit; the editor's Add button stops there). */
export const MAX_SERVICES = 200;

/** Optional service fields a service gets when it leaves them out. */
export const SERVICE_DEFAULTS = {
  arch: 'x86_64',
  os: 'linux',
  // Whole GiB; Fargate includes 20 GiB, so the default adds no charge.
  ephemeralStorageGiB: FARGATE_INCLUDED_STORAGE_GIB,
  gpu: 0,
  public: false,
} as const;

export const AUTOSCALING_DEFAULTS = { targetCpuPercent: 70 } as const;

/** The sections a scenario may leave out, each with every field it defaults. */
export const SECTION_DEFAULTS = {
  fargate: { spotPercent: 0, savingsPlanDiscountPercent: 0 },
  ec2: {
    instanceTypes: [] as readonly string[],
    spotPercent: 0,
    // No spotDiscountPercent: absent means each type's Spot Instance Advisor savings (v1 defaulted to 70).
    savingsPlanDiscountPercent: 0,
    minNodes: 2,
    eniTrunking: false,
    prefixDelegation: false,
  },
  eks: { clusters: 1, support: 'standard' },
  extras: {
    loadBalancers: 0,
    lcuPerLoadBalancer: 1,
    natGateways: 0,
    natDataGB: 0,
    publicIPv4Addresses: 0,
    logIngestionGB: 0,
    internetEgressGB: 0,
    crossAzGB: 0,
  },
  operations: { hourlyRateUSD: 0, ecsHoursPerMonth: 8, eksHoursPerMonth: 40 },
} as const;

export type SectionName = keyof typeof SECTION_DEFAULTS;
