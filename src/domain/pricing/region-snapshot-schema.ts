/**
 * The one validation of a price snapshot, whoever reads it: the bundled files (CLI, proxy and
 * browser, through load-region-snapshot.ts), the pricing proxy's answers and its disk cache. A value
 * read from outside is checked before the engine touches it: a file or proxy answer with something
 * else is reported, not priced.
 *
 * Beyond the shape: every `source` id anywhere in the snapshot (figures, `ec2.source`, and any field
 * added later) must be a key of `sources`, so every price can be traced to where it came from. The
 * top-level `source` ("snapshot" or "live") says where the whole snapshot came from and is no id.
 */
import { z } from 'zod';
import { SNAPSHOT_FORMAT_VERSION, type RegionSnapshot } from './price-snapshot.ts';

const usd = z.number().min(0); // zod 4 numbers reject Infinity and NaN already

const figure = z.object({
  usd,
  source: z.string().min(1),
  asOf: z.string().min(1),
  derived: z.string().optional(),
});

const ratePair = z.object({ vcpuHour: figure, gbHour: figure });

const instanceOffer = z.object({
  type: z.string().min(1),
  vcpu: z.number().positive(),
  memoryMiB: z.number().positive(),
  arch: z.enum(['x86_64', 'arm64']),
  gpu: z.number().int().min(0),
  gpuManufacturer: z.string().nullable(),
  enis: z.number().int().min(0).nullable(),
  ipv4PerEni: z.number().int().min(0).nullable(),
  branchEnis: z.number().int().min(0).nullable(),
  maxPods: z.number().int().min(0).nullable(),
  burstable: z.boolean(),
  bareMetal: z.boolean(),
  currentGeneration: z.boolean().nullable(),
  memTotalMiB: z.number().positive().nullable(),
  enisAllCards: z.number().int().min(0).nullable(),
  ecsGuideTasks: z
    .object({ withoutTrunking: z.number().int().min(0), withTrunking: z.number().int().min(0).nullable() })
    .nullable(),
  usdHour: usd,
  source: z.string().min(1),
  asOf: z.string().min(1),
  // Can be negative: the advisor lists ca-central-1 p5.48xlarge at -62% (Spot above On-Demand).
  spotSavingsPercent: z.number().max(100).nullable(),
  spotInterruption: z.string().nullable(),
});

const priceSource = z.object({
  title: z.string(),
  url: z.string().optional(),
  repo: z.string().optional(),
  commit: z.string().optional(),
  path: z.string().optional(),
  date: z.string().optional(),
  quote: z.string().optional(),
});

const shape = z.object({
  formatVersion: z.literal(SNAPSHOT_FORMAT_VERSION),
  region: z.string().min(1),
  regionName: z.string(),
  source: z.enum(['snapshot', 'live']),
  asOf: z.string().min(1),
  reason: z.string().optional(),
  currency: z.literal('USD'),
  sources: z.record(z.string(), priceSource),
  fargate: z
    .object({
      linuxX86: ratePair,
      linuxArm: ratePair.nullable(),
      windowsX86: ratePair.extend({ osLicenseVcpuHour: figure }).nullable(),
      ephemeralStorageGbHour: figure.nullable(),
      spotLinuxX86: ratePair.nullable(),
      spotLinuxArm: ratePair.nullable(),
    })
    .nullable(),
  eks: z.object({ clusterHourStandard: figure, clusterHourExtended: figure }),
  extras: z.object({
    albHour: figure,
    albLcuHour: figure,
    natGatewayHour: figure,
    natGatewayGb: figure,
    publicIpv4Hour: figure,
  }),
  storage: z.object({ gp3GbMonth: figure }),
  logs: z.object({ ingestionGb: figure, storageGbMonth: figure }),
  transfer: z.object({
    internetEgressTiers: z
      .array(z.object({ fromGB: z.number().min(0), toGB: z.number().positive().nullable(), perGb: figure }))
      .min(1),
    crossAzGbEachWay: figure,
  }),
  ec2: z.object({
    source: z.string().min(1),
    asOf: z.string().min(1),
    spotAdvisor: z.object({ source: z.string().min(1), asOf: z.string().min(1) }).nullable(),
    instances: z.array(instanceOffer),
  }),
});

/** Every `source` string below the top level, with where it is, for the reference check. */
function sourceReferences(value: unknown, path: (string | number)[], out: { path: (string | number)[]; id: string }[]) {
  if (Array.isArray(value)) value.forEach((item, i) => sourceReferences(item, [...path, i], out));
  else if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'source' && typeof child === 'string' && path.length > 0)
        out.push({ path: [...path, key], id: child });
      else sourceReferences(child, [...path, key], out);
    }
  }
  return out;
}

export const regionSnapshotSchema = shape.superRefine((snapshot, ctx) => {
  const { sources, ...rest } = snapshot;
  for (const ref of sourceReferences(rest, [], [])) {
    if (!Object.hasOwn(sources, ref.id))
      ctx.addIssue({ code: 'custom', path: ref.path, message: `source "${ref.id}" is not a key of sources` });
  }
});

/**
 * Returns the value as a snapshot, or throws an Error whose one-line message names the first
 * field that is wrong (for example `ec2.instances.3.usdHour: Invalid input: expected number`).
 * With `region`, a snapshot of another region is refused too.
 */
export function parseRegionSnapshot(value: unknown, region?: string): RegionSnapshot {
  const result = regionSnapshotSchema.safeParse(value);
  if (result.success) {
    if (region !== undefined && result.data.region !== region)
      throw new Error(`not a region price snapshot of ${region}: it holds the prices of ${result.data.region}`);
    return result.data as RegionSnapshot;
  }
  const issue = result.error.issues[0];
  const where = issue && issue.path.length > 0 ? issue.path.map(String).join('.') : '(top level)';
  const extra = result.error.issues.length > 1 ? ` (and ${result.error.issues.length - 1} more problems)` : '';
  throw new Error(`not a region price snapshot: ${where}: ${issue?.message ?? 'invalid'}${extra}`);
}
