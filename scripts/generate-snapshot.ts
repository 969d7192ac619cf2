/**
 * Builds the bundled price snapshot from the shared pricing data set (v2, its README lists every
 * source, date and cross-check):
 *
 *   npm run snapshot:generate -- [path/to/pricing-data]   (default ../shared/pricing-data)
 *
 * Writes public/pricing/<region>.json (one file per region, so the browser loads only the region
 * in use), public/pricing/index.json and src/domain/pricing/region-catalog.ts, through the same
 * writer as `npm run pricing:refresh` (src/proxy/pricing/pricing-files.ts). The outputs are
 * committed: the app builds, runs and tests from a plain clone without the shared data.
 *
 * Every figure is copied from the data with its source id and date. A figure a region lacks is
 * derived only by a rule of src/domain/pricing/derived-price-rules.ts (docs/pricing-rules.md) and
 * marked `derived`; a figure the data has is never replaced. Without a core compute price (Fargate
 * vCPU/memory, an instance type's On-Demand rate) nothing is derived: the option or type is absent.
 */
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import {
  NEIGHBOUR_REGIONS,
  albFromUsEast1,
  eksExtendedTotal,
  fromNeighbour,
  spotArmFrom,
} from '../src/domain/pricing/derived-price-rules.ts';
import {
  SNAPSHOT_FORMAT_VERSION,
  type EgressTier,
  type FargatePrices,
  type FargateRatePair,
  type InstanceOffer,
  type PriceFigure,
  type PriceSource,
  type RegionSnapshot,
} from '../src/domain/pricing/price-snapshot.ts';
import { renderPricingFiles, writeFilesTogether } from '../src/proxy/pricing/pricing-files.ts';
import { loadInstanceCapacityFacts } from './instance-capacity-facts.ts';

const root = resolve(import.meta.dirname, '..');
const dataDir = resolve(process.argv[2] ?? join(root, '..', 'shared', 'pricing-data'));

// The data files are read as plain JSON; their shapes are described in the data set's README.
/* oxlint-disable typescript/no-explicit-any */
const readJson = (name: string): any => JSON.parse(readFileSync(join(dataDir, name), 'utf8'));
const fargateData = readJson('fargate.json');
const ec2Prices = readJson('ec2-ondemand-linux.json');
const typeFacts = readJson('ec2-instance-types.json');
const network = readJson('network.json');
const ebs = readJson('ebs.json');
const cloudwatch = readJson('cloudwatch.json');
const eksData = readJson('eks.json');
const spotAdvisor = readJson('spot-advisor.json');
const capacityFacts = loadInstanceCapacityFacts(dataDir);
/* oxlint-enable typescript/no-explicit-any */

/** The day the shared data set was extracted: the snapshot's compile date. */
const COMPILED_ON: string = fargateData.extracted;

/** Region display names, as the AWS console writes them. */
const REGION_NAMES: Record<string, string> = {
  'af-south-1': 'Africa (Cape Town)',
  'ap-east-1': 'Asia Pacific (Hong Kong)',
  'ap-east-2': 'Asia Pacific (Taipei)',
  'ap-northeast-1': 'Asia Pacific (Tokyo)',
  'ap-northeast-2': 'Asia Pacific (Seoul)',
  'ap-northeast-3': 'Asia Pacific (Osaka)',
  'ap-south-1': 'Asia Pacific (Mumbai)',
  'ap-south-2': 'Asia Pacific (Hyderabad)',
  'ap-southeast-1': 'Asia Pacific (Singapore)',
  'ap-southeast-2': 'Asia Pacific (Sydney)',
  'ap-southeast-3': 'Asia Pacific (Jakarta)',
  'ap-southeast-4': 'Asia Pacific (Melbourne)',
  'ap-southeast-5': 'Asia Pacific (Malaysia)',
  'ap-southeast-6': 'Asia Pacific (New Zealand)',
  'ap-southeast-7': 'Asia Pacific (Thailand)',
  'ca-central-1': 'Canada (Central)',
  'ca-west-1': 'Canada West (Calgary)',
  'eu-central-1': 'Europe (Frankfurt)',
  'eu-central-2': 'Europe (Zurich)',
  'eu-north-1': 'Europe (Stockholm)',
  'eu-south-1': 'Europe (Milan)',
  'eu-south-2': 'Europe (Spain)',
  'eu-west-1': 'Europe (Ireland)',
  'eu-west-2': 'Europe (London)',
  'eu-west-3': 'Europe (Paris)',
  'il-central-1': 'Israel (Tel Aviv)',
  'me-central-1': 'Middle East (UAE)',
  'me-south-1': 'Middle East (Bahrain)',
  'mx-central-1': 'Mexico (Central)',
  'sa-east-1': 'South America (Sao Paulo)',
  'us-east-1': 'US East (N. Virginia)',
  'us-east-2': 'US East (Ohio)',
  'us-gov-east-1': 'AWS GovCloud (US-East)',
  'us-gov-west-1': 'AWS GovCloud (US-West)',
  'us-west-1': 'US West (N. California)',
  'us-west-2': 'US West (Oregon)',
};
const day = (iso: string): string => iso.slice(0, 10);
const repoOf = (entry: { repo: string }): string => entry.repo;
const commitOf = (entry: { commit: string }): string => entry.commit.split(' ')[0]!;
const pathOf = (entry: { path: string | string[] }): string =>
  Array.isArray(entry.path) ? entry.path.join(', ') : entry.path;

function sourceFrom(
  entry: { repo: string; commit: string; path: string | string[] },
  title: string,
  date: string,
): PriceSource {
  return { title, repo: repoOf(entry), commit: commitOf(entry), path: pathOf(entry), date };
}

/**
 * The sources a snapshot may cite, keyed by the data set's own source ids. Dates: the data date the
 * README gives for each (for lamngockhuong's EC2 transform, the file's commit date, as it has no
 * manifest; for the Spot Advisor copy, its commit date, as the AWS file has no date).
 */
const SOURCES: Record<string, PriceSource> = {
  karpenter: sourceFrom(
    ec2Prices.sources.karpenter,
    "Karpenter's On-Demand price table generated from the AWS Price List API (us-east-1, GovCloud)",
    day(ec2Prices.sources.karpenter.dataDate['us-east-1']),
  ),
  awsSamples: sourceFrom(
    ec2Prices.sources.awsSamples,
    'EC2 On-Demand Linux prices from the AWS Price List API (aws-samples ECS Managed Instances calculator)',
    day(ec2Prices.sources.awsSamples.dataDate),
  ),
  lamngockhuong: sourceFrom(
    ec2Prices.sources.lamngockhuong,
    "EC2 On-Demand Linux prices: transform of the AWS EC2 pricing page's data file (dated by the file's commit)",
    day(ec2Prices.sources.lamngockhuong.fileCommit.date),
  ),
  ec2shop: sourceFrom(
    ec2Prices.sources.ec2shop,
    'The JSON behind the AWS EC2 On-Demand pricing page (Linux), copied by ec2.shop',
    day(ec2Prices.sources.ec2shop.dataDate[0]),
  ),
  lkEcs: sourceFrom(
    fargateData.sources.lkEcs,
    'The data file the AWS Fargate pricing page loads (meteredUnitMaps ecs.json)',
    day(fargateData.sources.lkEcs.dataDate),
  ),
  fgcalc: sourceFrom(
    fargateData.sources.fgcalc,
    'Fargate Spot per region, copied from aws.amazon.com/fargate/pricing in January 2021 (fgcalc)',
    fargateData.sources.fgcalc.dataDate,
  ),
  lkEks: sourceFrom(
    eksData.sources.lkEks,
    'The data file the AWS EKS pricing page loads (meteredUnitMaps eks.json)',
    day(eksData.sources.lkEks.dataDate),
  ),
  lkNat: sourceFrom(
    network.sources.lkNat,
    'The data file the AWS VPC pricing page loads for NAT gateways (meteredUnitMaps natgateway.json)',
    day(network.sources.lkNat.dataDate),
  ),
  lkVpc: sourceFrom(
    network.sources.lkVpc,
    'The data file the AWS VPC pricing page loads for public IPv4 addresses (meteredUnitMaps vpc.json)',
    day(network.sources.lkVpc.dataDate),
  ),
  coroot: sourceFrom(
    network.sources.coroot,
    'Internet egress tiers (AWSDataTransfer "AWS Outbound") from the Infracost price dump, built by coroot',
    network.sources.coroot.dataDate,
  ),
  corootConstant: {
    ...sourceFrom(
      network.sources.corootConstant,
      "Inter-AZ transfer, $0.01 per GB each way: a constant in coroot's code, not a price file (pricing-data README, gap 4)",
      // The code line as deployed by the coroot build of this date.
      network.sources.coroot.dataDate,
    ),
    quote: network.sources.corootConstant.code,
  },
  ec2shopEbs: sourceFrom(
    ebs.sources.ec2shopEbs,
    'The data file the AWS EBS pricing page loads (meteredUnitMaps ebs.json), copied by ec2.shop',
    day(ebs.sources.ec2shopEbs.dataDate),
  ),
  lkCloudWatch: sourceFrom(
    cloudwatch.sources.lkCloudWatch,
    'The data file the AWS CloudWatch pricing page loads (meteredUnitMaps cloudwatch.json)',
    day(cloudwatch.sources.lkCloudWatch.dataDate),
  ),
  spotAdvisor: sourceFrom(
    spotAdvisor.source,
    'AWS Spot Instance Advisor data (Linux savings over On-Demand and interruption frequency), copied by spotinfo',
    day(spotAdvisor.source.fileCommit.date),
  ),
  'aws-ecs-pricing-page': {
    title: 'Amazon ECS pricing page: "There is no additional charge for Amazon ECS orchestration"',
    url: 'https://aws.amazon.com/ecs/pricing/',
    date: '2026-09-20',
  },
  // docs/pricing-rules.md S24: the only ALB prices in the reference data, us-east-1.
  'aws-price-list-elb': {
    title: 'AWS Price List, Application Load Balancer, us-east-1 ($0.0225 per ALB-hour, $0.008 per LCU-hour)',
    url: 'https://aws.amazon.com/elasticloadbalancing/pricing/',
    date: '2026',
  },
};

const figure = (usd: number, source: string): PriceFigure => {
  const date = SOURCES[source]?.date;
  if (date === undefined) throw new Error(`no source "${source}" for a figure`);
  return { usd, source, asOf: date };
};

function fargateFor(region: string): FargatePrices | null {
  const entry = fargateData.regions[region];
  if (!entry?.linuxX86) return null;
  const pair = (rates: { vcpuHour: number; gbHour: number; source: string }): FargateRatePair => ({
    vcpuHour: figure(rates.vcpuHour, rates.source),
    gbHour: figure(rates.gbHour, rates.source),
  });
  const x86 = pair(entry.linuxX86);
  const arm = entry.linuxArm ? pair(entry.linuxArm) : null;
  const win = entry.windowsX86
    ? {
        ...pair(entry.windowsX86),
        osLicenseVcpuHour: figure(entry.windowsX86.osLicenseVcpuHour, entry.windowsX86.source),
      }
    : null;
  const storage = entry.ephemeralStorageGbHour
    ? figure(entry.ephemeralStorageGbHour.value, entry.ephemeralStorageGbHour.source)
    : null;
  const spotX86 = entry.spotLinuxX86Snapshot ? pair(entry.spotLinuxX86Snapshot) : null;
  return {
    linuxX86: x86,
    linuxArm: arm,
    windowsX86: win,
    ephemeralStorageGbHour: storage,
    spotLinuxX86: spotX86,
    spotLinuxArm: spotX86 && arm ? spotArmFrom(arm, spotX86, x86) : null,
  };
}

/** A region's own figure, or its neighbour's marked derived; throws when neither exists (the data has changed). */
function ownOrNeighbour<T>(
  region: string,
  read: (region: string) => T | undefined,
  restate: (value: T, neighbour: string) => T,
): T {
  const own = read(region);
  if (own !== undefined) return own;
  const neighbour = NEIGHBOUR_REGIONS[region];
  const borrowed = neighbour === undefined ? undefined : read(neighbour);
  if (neighbour === undefined || borrowed === undefined)
    throw new Error(`${region}: figure missing and no neighbour rule covers it`);
  return restate(borrowed, neighbour);
}

function regionSections(region: string): Pick<RegionSnapshot, 'eks' | 'extras' | 'storage' | 'logs' | 'transfer'> {
  const eks = eksData.regions[region];
  const net = network.regions[region];
  const logs = cloudwatch.regions[region];
  const standard = figure(eks.clusterHourStandard, eks.source);
  const albHour = figure(0.0225, 'aws-price-list-elb');
  const albLcuHour = figure(0.008, 'aws-price-list-elb');
  const outsideUsEast1 = region !== 'us-east-1';
  const egress = ownOrNeighbour<EgressTier[]>(
    region,
    (r) =>
      network.regions[r]?.internetEgress?.tiers.map(
        (tier: { fromGB: number; toGB: number | null; perGB: number }): EgressTier => ({
          fromGB: tier.fromGB,
          toGB: tier.toGB,
          perGb: figure(tier.perGB, network.regions[r].internetEgress.source),
        }),
      ),
    (tiers, neighbour) => tiers.map((tier) => ({ ...tier, perGb: fromNeighbour(tier.perGb, region, neighbour) })),
  );
  const interAz = ownOrNeighbour<PriceFigure>(
    region,
    (r) => {
      const entry = network.regions[r]?.interAz;
      return entry ? figure(entry.perGbEachWay, entry.source) : undefined;
    },
    (value, neighbour) => fromNeighbour(value, region, neighbour),
  );
  const gp3 = ownOrNeighbour<PriceFigure>(
    region,
    (r) => {
      const entry = ebs.regions[r];
      return entry ? figure(entry.gp3GbMonth, entry.source) : undefined;
    },
    (value, neighbour) => fromNeighbour(value, region, neighbour),
  );
  return {
    eks: {
      clusterHourStandard: standard,
      clusterHourExtended: eksExtendedTotal(standard, figure(eks.extendedSupportSurchargeHour, eks.source)),
    },
    extras: {
      albHour: outsideUsEast1 ? albFromUsEast1(albHour) : albHour,
      albLcuHour: outsideUsEast1 ? albFromUsEast1(albLcuHour) : albLcuHour,
      natGatewayHour: figure(net.natGateway.hour, net.natGateway.source),
      natGatewayGb: figure(net.natGateway.perGbProcessed, net.natGateway.source),
      publicIpv4Hour: figure(net.publicIpv4.inUseHour, net.publicIpv4.source),
    },
    storage: { gp3GbMonth: gp3 },
    logs: {
      ingestionGb: figure(logs.standardIngestionGb, logs.source),
      storageGbMonth: figure(logs.storageGbMonth, logs.source),
    },
    transfer: { internetEgressTiers: egress, crossAzGbEachWay: interAz },
  };
}

/**
 * GPU makers for the older families whose source rows lack the label: p2, p3, g2 and g3 carry
 * NVIDIA GPUs (K80, V100, GRID K520, M60) and dl1 Habana Gaudi accelerators, per the EC2
 * accelerated-computing instance pages.
 */
const GPU_MAKERS_BY_FAMILY: Record<string, string> = {
  p2: 'nvidia',
  p3: 'nvidia',
  p3dn: 'nvidia',
  g2: 'nvidia',
  g3: 'nvidia',
  g3s: 'nvidia',
  dl1: 'habana',
};
function instancesFor(region: string): InstanceOffer[] {
  const prices: Record<string, [number, string]> = ec2Prices.regions[region];
  const advisor: Record<string, { savingsPercent: number; interruption: string }> = spotAdvisor.regions[region] ?? {};
  const offers: InstanceOffer[] = [];
  for (const [type, [usdHour, source]] of Object.entries(prices)) {
    const facts = typeFacts.types[type];
    // Types without vCPU, memory or architecture cannot be placed; they are old or odd names.
    if (!facts || facts.vcpu == null || facts.memoryMiB == null || facts.arch == null) continue;
    const spot = advisor[type];
    offers.push({
      type,
      vcpu: facts.vcpu,
      memoryMiB: facts.memoryMiB,
      arch: facts.arch,
      gpu: facts.gpu ?? 0,
      gpuManufacturer:
        (facts.gpu ?? 0) > 0 ? (facts.gpuManufacturer ?? GPU_MAKERS_BY_FAMILY[facts.family] ?? null) : null,
      enis: facts.maxEnisDefaultCard ?? null,
      ipv4PerEni: facts.ipv4PerEni ?? null,
      branchEnis: facts.trunkingCompatible ? (facts.branchInterfaces ?? null) : null,
      maxPods: facts.maxPodsVpcCni ?? null,
      burstable: facts.burstable === true,
      bareMetal: facts.bareMetal === true,
      currentGeneration: facts.currentGeneration ?? null,
      ...capacityFacts.factsFor(type, facts),
      usdHour,
      source,
      asOf: figure(usdHour, source).asOf,
      spotSavingsPercent: spot ? spot.savingsPercent : null,
      spotInterruption: spot ? spot.interruption : null,
    });
  }
  return offers.sort((a, b) => a.type.localeCompare(b.type));
}

/** The source most of the region's offers cite, with its date. */
function mainSource(instances: readonly InstanceOffer[]): { source: string; asOf: string } {
  const counts = new Map<string, number>();
  for (const offer of instances) counts.set(offer.source, (counts.get(offer.source) ?? 0) + 1);
  const [source] = [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))[0]!;
  return { source, asOf: SOURCES[source]!.date! };
}

/**
 * The sources a region's figures cite (so every cited id is a key), plus the sources of the instance
 * capacity facts (MemTotal, the ECS trunking table), which back facts rather than prices.
 */
function citedSources(snapshot: Omit<RegionSnapshot, 'sources'>): Record<string, PriceSource> {
  const cited = new Set<string>(['aws-ecs-pricing-page']); // the ECS control-plane line cites it
  const visit = (value: unknown): void => {
    if (!value || typeof value !== 'object') return;
    if (Array.isArray(value)) return value.forEach(visit);
    const record = value as Record<string, unknown>;
    if (typeof record.source === 'string' && record.source in SOURCES) cited.add(record.source);
    Object.values(record).forEach(visit);
  };
  visit(snapshot);
  return { ...Object.fromEntries([...cited].sort().map((id) => [id, SOURCES[id]!])), ...capacityFacts.sources };
}

const snapshots: RegionSnapshot[] = [];
for (const region of Object.keys(ec2Prices.regions).sort()) {
  const instances = instancesFor(region);
  const withoutSources: Omit<RegionSnapshot, 'sources'> = {
    formatVersion: SNAPSHOT_FORMAT_VERSION,
    region,
    regionName: REGION_NAMES[region] ?? fargateData.regions[region]?.name ?? region,
    source: 'snapshot',
    asOf: COMPILED_ON,
    currency: 'USD',
    fargate: fargateFor(region),
    ...regionSections(region),
    ec2: {
      ...mainSource(instances),
      spotAdvisor: spotAdvisor.regions[region] ? { source: 'spotAdvisor', asOf: SOURCES.spotAdvisor!.date! } : null,
      instances,
    },
  };
  const { fargate, eks, extras, storage, logs, transfer, ec2, ...head } = withoutSources;
  snapshots.push({
    ...head,
    sources: citedSources(withoutSources),
    fargate,
    eks,
    extras,
    storage,
    logs,
    transfer,
    ec2,
  });
}

const files = renderPricingFiles(snapshots, COMPILED_ON, {
  pricingDir: join(root, 'public', 'pricing'),
  catalogModule: join(root, 'src', 'domain', 'pricing', 'region-catalog.ts'),
  generatedBy: 'scripts/generate-snapshot.ts from the shared pricing data',
});
await writeFilesTogether(files, { removeOtherJsonIn: join(root, 'public', 'pricing') });
console.log(`wrote ${snapshots.length} region snapshots and ${files.length - snapshots.length} index files`);
