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
import * as z from 'zod/mini';
import english from 'zod/v4/locales/en.js';
import { SNAPSHOT_FORMAT_VERSION, type RegionSnapshot } from './price-snapshot.ts';

const usd = z.number().check(z.minimum(0)); // zod 4 numbers reject Infinity and NaN already
const text = () => z.string().check(z.minLength(1));
const whole = () => z.int().check(z.minimum(0));

const figure = z.object({
  usd,
  source: text(),
  asOf: text(),
  derived: z.optional(z.string()),
});

const ratePair = z.object({ vcpuHour: figure, gbHour: figure });

const instanceOffer = z.object({
  type: text(),
  vcpu: z.number().check(z.positive()),
  memoryMiB: z.number().check(z.positive()),
  arch: z.enum(['x86_64', 'arm64']),
  gpu: whole(),
  gpuManufacturer: z.nullable(z.string()),
  enis: z.nullable(whole()),
  ipv4PerEni: z.nullable(whole()),
  branchEnis: z.nullable(whole()),
  maxPods: z.nullable(whole()),
  burstable: z.boolean(),
  bareMetal: z.boolean(),
  currentGeneration: z.nullable(z.boolean()),
  memTotalMiB: z.nullable(z.number().check(z.positive())),
  enisAllCards: z.nullable(whole()),
  ecsGuideTasks: z.nullable(z.object({ withoutTrunking: whole(), withTrunking: z.nullable(whole()) })),
  usdHour: usd,
  source: text(),
  asOf: text(),
  // Can be negative: the advisor lists ca-central-1 p5.48xlarge at -62% (Spot above On-Demand).
  spotSavingsPercent: z.nullable(z.number().check(z.maximum(100))),
  spotInterruption: z.nullable(z.string()),
});

const priceSource = z.object({
  title: z.string(),
  url: z.optional(z.string()),
  repo: z.optional(z.string()),
  commit: z.optional(z.string()),
  path: z.optional(z.string()),
  date: z.optional(z.string()),
  quote: z.optional(z.string()),
});

const shape = z.object({
  formatVersion: z.literal(SNAPSHOT_FORMAT_VERSION),
  region: text(),
  regionName: z.string(),
  source: z.enum(['snapshot', 'live']),
  asOf: text(),
  reason: z.optional(z.string()),
  currency: z.literal('USD'),
  sources: z.record(z.string(), priceSource),
  fargate: z.nullable(
    z.object({
      linuxX86: ratePair,
      linuxArm: z.nullable(ratePair),
      windowsX86: z.nullable(z.extend(ratePair, { osLicenseVcpuHour: figure })),
      ephemeralStorageGbHour: z.nullable(figure),
      spotLinuxX86: z.nullable(ratePair),
      spotLinuxArm: z.nullable(ratePair),
    }),
  ),
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
      .array(
        z.object({
          fromGB: z.number().check(z.minimum(0)),
          toGB: z.nullable(z.number().check(z.positive())),
          perGb: figure,
        }),
      )
      .check(z.minLength(1)),
    crossAzGbEachWay: figure,
  }),
  ec2: z.object({
    source: text(),
    asOf: text(),
    spotAdvisor: z.nullable(z.object({ source: text(), asOf: text() })),
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

export const regionSnapshotSchema = shape.check(
  z.superRefine((snapshot, ctx) => {
    const { sources, ...rest } = snapshot;
    for (const ref of sourceReferences(rest, [], [])) {
      if (!Object.hasOwn(sources, ref.id))
        ctx.addIssue({ code: 'custom', path: ref.path, message: `source "${ref.id}" is not a key of sources` });
    }
  }),
);

/**
 * Returns the value as a snapshot, or throws an Error whose one-line message names the first
 * field that is wrong (for example `ec2.instances.3.usdHour: Invalid input: expected number`).
 * With `region`, a snapshot of another region is refused too.
 */
export function parseRegionSnapshot(value: unknown, region?: string): RegionSnapshot {
  // zod/mini carries no messages; the English locale words this parse's issues as zod always did.
  const result = regionSnapshotSchema.safeParse(value, { error: english().localeError });
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
