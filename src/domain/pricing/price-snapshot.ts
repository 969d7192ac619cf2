/**
 * The price snapshot of one region: the only price input the engine reads.
 *
 * The bundled files under public/pricing/ and the proxy's live answers share this shape, so the
 * engine never knows (or cares) where a figure came from; each figure says so itself.
 */

/** One price with its provenance. `usd` is per `unit` (for example per vCPU-hour). */
export interface PriceFigure {
  usd: number;
  /** Key into {@link RegionSnapshot.sources}. */
  source: string;
  /** When the figure was published or observed: YYYY-MM-DD, or YYYY-MM where the source only gives a month. */
  asOf: string;
  /** Set when the figure is computed by a documented rule instead of read from a source: the rule. */
  derived?: string;
}

export interface FargateRatePair {
  vcpuHour: PriceFigure;
  gbHour: PriceFigure;
}

export interface FargateWindowsRates extends FargateRatePair {
  /** Windows Server licence, charged per vCPU-hour on top of the vCPU rate. */
  osLicenseVcpuHour: PriceFigure;
}

export interface FargatePrices {
  linuxX86: FargateRatePair;
  linuxArm: FargateRatePair | null;
  windowsX86: FargateWindowsRates | null;
  /** Per GiB-hour of configured ephemeral storage above the 20 GiB included with every task or pod. */
  ephemeralStorageGbHour: PriceFigure | null;
  spotLinuxX86: FargateRatePair | null;
  spotLinuxArm: FargateRatePair | null;
}

export interface EksPrices {
  clusterHourStandard: PriceFigure;
  /** The total per cluster-hour while the Kubernetes version is in extended support (standard fee included). */
  clusterHourExtended: PriceFigure;
}

export interface ExtraPrices {
  albHour: PriceFigure;
  albLcuHour: PriceFigure;
  natGatewayHour: PriceFigure;
  natGatewayGb: PriceFigure;
  publicIpv4Hour: PriceFigure;
}

/** EBS, for the root volumes of EC2 nodes. */
export interface StoragePrices {
  /** gp3, per GB-month (AWS bills GB-months pro rata by the hour). */
  gp3GbMonth: PriceFigure;
}

/** CloudWatch Logs, Standard log class. */
export interface LogPrices {
  ingestionGb: PriceFigure;
  /** Stored (archived) log data, per GB-month. */
  storageGbMonth: PriceFigure;
}

/** One tier of internet egress: the rate for the GB of a month between fromGB and toGB. */
export interface EgressTier {
  fromGB: number;
  /** null for the open-ended last tier. */
  toGB: number | null;
  perGb: PriceFigure;
}

export interface TransferPrices {
  /** Data transfer out to the internet, tiers in ascending order starting at 0 GB. */
  internetEgressTiers: EgressTier[];
  /** Data transfer between availability zones of the region, per GB, charged on each side. */
  crossAzGbEachWay: PriceFigure;
}

export type CpuArch = 'x86_64' | 'arm64';

/** One EC2 instance type priced in the region: facts from DescribeInstanceTypes, VPC limits and the price. */
export interface InstanceOffer {
  type: string;
  vcpu: number;
  memoryMiB: number;
  arch: CpuArch;
  gpu: number;
  /** "nvidia", "amd", "habana"... for types with GPUs or accelerators counted in `gpu`; null without. */
  gpuManufacturer: string | null;
  /** ENIs on the default network card (what the VPC CNI and the ECS agent use); null when unknown. */
  enis: number | null;
  ipv4PerEni: number | null;
  /** Branch interfaces for ENI trunking; null when the type cannot trunk. */
  branchEnis: number | null;
  /** VPC CNI max pods without prefix delegation (ENIs x (IPv4 per ENI - 1) + 2); null when unknown. */
  maxPods: number | null;
  burstable: boolean;
  bareMetal: boolean;
  /** false for previous-generation types; null when the sources do not say. */
  currentGeneration: boolean | null;
  /**
   * Memory the kernel reports (/proc/meminfo MemTotal), which the kubelet and the ECS agent
   * register, measured on this type; null when never measured (the engine then applies the rule
   * in docs/capacity-rules.md and says so).
   */
  memTotalMiB: number | null;
  /** ENIs on all network cards (ECS counts them all for awsvpc tasks); null when unknown. */
  enisAllCards: number | null;
  /** The ECS Developer Guide's awsvpc tasks per instance, without and with ENI trunking; null when not listed. */
  ecsGuideTasks: { withoutTrunking: number; withTrunking: number | null } | null;
  /** On-Demand Linux, shared tenancy, USD per instance-hour. */
  usdHour: number;
  /** Key into {@link RegionSnapshot.sources} for usdHour. */
  source: string;
  /** The date of usdHour's source. */
  asOf: string;
  /** Spot Instance Advisor: Spot's savings over On-Demand, percent; null when the advisor has no figure. */
  spotSavingsPercent: number | null;
  /** Spot Instance Advisor: frequency of interruption band ("<5%", "5-10%", ... ">20%"); null without a figure. */
  spotInterruption: string | null;
}

export interface Ec2Prices {
  /** The source of most of the region's On-Demand prices (each offer names its own). */
  source: string;
  asOf: string;
  /** The Spot Instance Advisor data behind the offers' Spot figures; null where the advisor covers no type. */
  spotAdvisor: { source: string; asOf: string } | null;
  instances: InstanceOffer[];
}

export interface PriceSource {
  title: string;
  url?: string;
  repo?: string;
  commit?: string;
  path?: string;
  date?: string;
  quote?: string;
}

/** The `sources` key of every figure read live from the AWS Price List (normalize-price-list.ts). */
export const PRICE_LIST_SOURCE_ID = 'aws-price-list-api';

/** Version of the snapshot format; 2 added per-offer sources, Spot Advisor, EBS, logs and transfer. */
export const SNAPSHOT_FORMAT_VERSION = 2;

export interface RegionSnapshot {
  formatVersion: typeof SNAPSHOT_FORMAT_VERSION;
  region: string;
  regionName: string;
  /** "snapshot" for the bundled files, "live" for the proxy's Price List answers. */
  source: 'snapshot' | 'live';
  /** The day the snapshot was compiled (bundled) or the price list was published (live). */
  asOf: string;
  /** Why a live request fell back to the snapshot, when it did. */
  reason?: string;
  currency: 'USD';
  sources: Record<string, PriceSource>;
  /** null where Fargate is not priced in the region. */
  fargate: FargatePrices | null;
  eks: EksPrices;
  extras: ExtraPrices;
  storage: StoragePrices;
  logs: LogPrices;
  transfer: TransferPrices;
  ec2: Ec2Prices;
}

/** Every figure in a snapshot that was derived by rule, with the path that names it. */
export function listDerivedFigures(snapshot: RegionSnapshot): { path: string; figure: PriceFigure }[] {
  const found: { path: string; figure: PriceFigure }[] = [];
  const visit = (value: unknown, path: string): void => {
    if (value === null || typeof value !== 'object') return;
    if (Array.isArray(value)) return;
    const record = value as Record<string, unknown>;
    if (typeof record.usd === 'number' && typeof record.source === 'string') {
      if (typeof record.derived === 'string') found.push({ path, figure: record as unknown as PriceFigure });
      return;
    }
    for (const [key, child] of Object.entries(record)) visit(child, path ? `${path}.${key}` : key);
  };
  visit(
    {
      fargate: snapshot.fargate,
      eks: snapshot.eks,
      extras: snapshot.extras,
      storage: snapshot.storage,
      logs: snapshot.logs,
      transfer: {
        crossAzGbEachWay: snapshot.transfer.crossAzGbEachWay,
        ...Object.fromEntries(
          snapshot.transfer.internetEgressTiers.map((tier, i) => [`internetEgressTiers.${i}`, tier.perGb]),
        ),
      },
    },
    '',
  );
  return found;
}
