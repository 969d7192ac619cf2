/**
 * Builds the bundled price snapshot from the shared pricing data set.
 *
 *   npm run snapshot:generate -- [path/to/pricing-data]   (default ../shared/pricing-data)
 *
 * Writes public/pricing/<region>.json (one file per region, so the browser loads only the region
 * in use), public/pricing/index.json and src/domain/pricing/region-catalog.ts. The outputs are
 * committed: the app builds, runs and tests from a plain clone without the shared data.
 *
 * Rules for figures a region lacks (each marked `derived` in the output, and reported by the engine):
 * - Fargate Linux/ARM outside us-east-1: 80% of the region's Linux/x86 rates. AWS prices Graviton
 *   Fargate 20% below x86 (us-east-1 Price List: 0.03238 = 0.8 x 0.04048 per vCPU-hour).
 * - Fargate Spot on ARM: the ARM rate times the region's observed Spot/On-Demand ratio on x86.
 * - Fargate ephemeral storage, ALB, NAT gateway and public IPv4 outside us-east-1: the us-east-1
 *   rate, because the bundled sources give no regional figure.
 * Windows Fargate is priced only where a source gives it (us-east-1); elsewhere it is absent and the
 * engine says so rather than guessing.
 */
import { mkdirSync, readFileSync, writeFileSync, readdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type {
  FargatePrices,
  FargateRatePair,
  InstanceOffer,
  PriceFigure,
  PriceSource,
  RegionSnapshot,
} from '../src/domain/pricing/price-snapshot.ts';
import { loadInstanceCapacityFacts } from './instance-capacity-facts.ts';

const root = resolve(import.meta.dirname, '..');
const dataDir = resolve(process.argv[2] ?? join(root, '..', 'shared', 'pricing-data'));
const outDir = join(root, 'public', 'pricing');

const readJson = (name: string): any => JSON.parse(readFileSync(join(dataDir, name), 'utf8'));
const fargateData = readJson('fargate.json');
const ec2Prices = readJson('ec2-ondemand-linux.json');
const typeFacts = readJson('ec2-instance-types.json');
const capacityFacts = loadInstanceCapacityFacts(dataDir);

/** Region display names, as AWS writes them in the console and the Price List `location` attribute. */
const REGION_NAMES: Record<string, string> = {
  'af-south-1': 'Africa (Cape Town)',
  'ap-east-1': 'Asia Pacific (Hong Kong)',
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

const COMPILED_ON: string = fargateData.extracted; // the day the shared data set was compiled

// Sources cited by the figures below. The us-east-1 extras come from pricing-rules.md S24-S26.
const SOURCES: Record<string, PriceSource> = {
  'aws-price-list-ecs-2025-08-28': {
    title: 'AWS Price List, AmazonECS offer, us-east-1, published 2025-08-28 (verbatim copy in OpenCost test data)',
    repo: fargateData.sources.opencost.repo,
    commit: fargateData.sources.opencost.commit,
    path: fargateData.sources.opencost.path,
    date: '2025-08-28',
  },
  'fargate-page-2021-01': {
    title:
      'Per-region Fargate Linux/x86 On-Demand and Spot prices copied from aws.amazon.com/fargate/pricing in January 2021 (fgcalc)',
    repo: fargateData.sources.fgcalc.repo,
    commit: fargateData.sources.fgcalc.commit,
    path: fargateData.sources.fgcalc.path,
    date: '2021-01',
  },
  'aws-eks-extended-support-blog': {
    title: 'AWS Containers blog: Amazon EKS extended support pricing',
    url: fargateData.sources.awsContainersBlogEksExtendedSupport.url,
    date: '2024-04-01',
    quote:
      'Clusters running on a Kubernetes version in the extended support window will be charged a total of $0.60 per cluster per hour ... you will continue to pay $0.10 per cluster per hour.',
  },
  'ec2-pricing-page-2025-04-04': {
    title: 'JSON behind the AWS EC2 On-Demand pricing page (Linux), copied by ec2.shop',
    repo: ec2Prices.sources.ec2shop.repo,
    commit: ec2Prices.sources.ec2shop.commit,
    date: '2025-04-04',
  },
  'karpenter-price-table-2026-07-20': {
    title: "Karpenter's generated On-Demand price table (from the AWS Price List API), us-east-1 and GovCloud",
    repo: ec2Prices.sources.karpenter.repo,
    commit: ec2Prices.sources.karpenter.commit,
    date: '2026-07-20',
  },
  'aws-ecs-pricing-page': {
    title: 'Amazon ECS pricing page: "There is no additional charge for Amazon ECS orchestration"',
    url: 'https://aws.amazon.com/ecs/pricing/',
    date: '2026-09-20',
  },
  'aws-price-list-elb': {
    title: 'AWS Price List, Application Load Balancer, us-east-1 ($0.0225 per ALB-hour, $0.008 per LCU-hour)',
    url: 'https://aws.amazon.com/elasticloadbalancing/pricing/',
    date: '2026',
  },
  'aws-price-list-nat': {
    title: 'AWS Price List, NAT gateway, us-east-1 ($0.045 per hour, $0.045 per GB processed)',
    url: 'https://aws.amazon.com/vpc/pricing/',
    date: '2026',
  },
  'aws-vpc-public-ipv4': {
    title: 'Amazon VPC pricing, public IPv4 ($0.005 per address-hour since 2024-02-01)',
    url: 'https://aws.amazon.com/vpc/pricing/',
    date: '2024-02-01',
  },
};

const figure = (usd: number, source: string, asOf: string, derived?: string): PriceFigure =>
  derived ? { usd, source, asOf, derived } : { usd, source, asOf };

/** Rounds a derived rate to the 10 decimals the Price List uses, so the files stay readable. */
const tidy = (usd: number): number => Number(usd.toFixed(10));

const US_EAST_1 = fargateData.regions['us-east-1'];

function fargateFor(region: string): FargatePrices | null {
  const entry = fargateData.regions[region];
  if (!entry) return null;
  const odSource = region === 'us-east-1' ? 'aws-price-list-ecs-2025-08-28' : 'fargate-page-2021-01';
  const x86: FargateRatePair = {
    vcpuHour: figure(entry.linuxX86.vcpuHour, odSource, entry.linuxX86.asOf),
    gbHour: figure(entry.linuxX86.gbHour, odSource, entry.linuxX86.asOf),
  };
  const armRule = 'Linux/ARM = 80% of Linux/x86 (AWS prices Graviton Fargate 20% below x86)';
  const arm: FargateRatePair = entry.linuxArm
    ? {
        vcpuHour: figure(entry.linuxArm.vcpuHour, 'aws-price-list-ecs-2025-08-28', entry.linuxArm.asOf),
        gbHour: figure(entry.linuxArm.gbHour, 'aws-price-list-ecs-2025-08-28', entry.linuxArm.asOf),
      }
    : {
        vcpuHour: figure(tidy(entry.linuxX86.vcpuHour * 0.8), odSource, entry.linuxX86.asOf, armRule),
        gbHour: figure(tidy(entry.linuxX86.gbHour * 0.8), odSource, entry.linuxX86.asOf, armRule),
      };
  const win = entry.windowsX86
    ? {
        vcpuHour: figure(entry.windowsX86.vcpuHour, 'aws-price-list-ecs-2025-08-28', entry.windowsX86.asOf),
        gbHour: figure(entry.windowsX86.gbHour, 'aws-price-list-ecs-2025-08-28', entry.windowsX86.asOf),
        osLicenseVcpuHour: figure(
          entry.windowsX86.osLicensePerVcpuHour,
          'aws-price-list-ecs-2025-08-28',
          entry.windowsX86.asOf,
        ),
      }
    : null;
  const storage = entry.ephemeralStorageGbHour ?? US_EAST_1.ephemeralStorageGbHour;
  const storageFigure = figure(
    storage.value,
    'aws-price-list-ecs-2025-08-28',
    storage.asOf,
    entry.ephemeralStorageGbHour
      ? undefined
      : 'us-east-1 rate: the bundled sources give no regional ephemeral storage price',
  );
  const spot = entry.spotLinuxX86Snapshot;
  const spotX86: FargateRatePair | null = spot
    ? {
        vcpuHour: figure(spot.vcpuHour, 'fargate-page-2021-01', spot.asOf),
        gbHour: figure(spot.gbHour, 'fargate-page-2021-01', spot.asOf),
      }
    : null;
  const spotRule = "Linux/ARM rate x the region's Spot/On-Demand ratio observed on Linux/x86";
  const spotArm: FargateRatePair | null = spot
    ? {
        vcpuHour: figure(
          tidy(arm.vcpuHour.usd * (spot.vcpuHour / entry.linuxX86.vcpuHour)),
          'fargate-page-2021-01',
          spot.asOf,
          spotRule,
        ),
        gbHour: figure(
          tidy(arm.gbHour.usd * (spot.gbHour / entry.linuxX86.gbHour)),
          'fargate-page-2021-01',
          spot.asOf,
          spotRule,
        ),
      }
    : null;
  return {
    linuxX86: x86,
    linuxArm: arm,
    windowsX86: win,
    ephemeralStorageGbHour: storageFigure,
    spotLinuxX86: spotX86,
    spotLinuxArm: spotArm,
  };
}

function extrasFor(region: string) {
  const rule = region === 'us-east-1' ? undefined : 'us-east-1 rate: the bundled sources give no regional price';
  return {
    albHour: figure(0.0225, 'aws-price-list-elb', '2026', rule),
    albLcuHour: figure(0.008, 'aws-price-list-elb', '2026', rule),
    natGatewayHour: figure(0.045, 'aws-price-list-nat', '2026', rule),
    natGatewayGb: figure(0.045, 'aws-price-list-nat', '2026', rule),
    publicIpv4Hour: figure(0.005, 'aws-vpc-public-ipv4', '2024-02-01', rule),
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
  const prices: Record<string, number> = ec2Prices.regions[region];
  const offers: InstanceOffer[] = [];
  for (const [type, usdHour] of Object.entries(prices)) {
    const facts = typeFacts.types[type];
    // Types without vCPU, memory or architecture cannot be placed; they are old or odd names.
    if (!facts || facts.vcpu == null || facts.memoryMiB == null || facts.arch == null) continue;
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
    });
  }
  return offers.sort((a, b) => a.type.localeCompare(b.type));
}

function ec2SourceFor(region: string): { source: string; asOf: string } {
  const dates = ec2Prices.regionDataDate[region] as Record<string, string>;
  if (dates.karpenter) return { source: 'karpenter-price-table-2026-07-20', asOf: dates.karpenter.slice(0, 10) };
  return { source: 'ec2-pricing-page-2025-04-04', asOf: dates.ec2shop!.slice(0, 10) };
}

const eksSource = 'aws-eks-extended-support-blog';
rmSync(outDir, { recursive: true, force: true });
mkdirSync(outDir, { recursive: true });
const regions = Object.keys(ec2Prices.regions).sort();
const catalog: { code: string; name: string; fargate: boolean; instanceTypes: number }[] = [];
for (const region of regions) {
  const fargate = fargateFor(region);
  const { source: ec2Source, asOf: ec2AsOf } = ec2SourceFor(region);
  const instances = instancesFor(region);
  const snapshot: RegionSnapshot = {
    formatVersion: 1,
    region,
    regionName: REGION_NAMES[region] ?? region,
    source: 'snapshot',
    asOf: COMPILED_ON,
    currency: 'USD',
    sources: { ...SOURCES, ...capacityFacts.sources },
    fargate,
    eks: {
      clusterHourStandard: figure(fargateData.eks.clusterHourStandard, eksSource, '2024-04-01'),
      clusterHourExtended: figure(fargateData.eks.clusterHourExtendedSupport, eksSource, '2024-04-01'),
    },
    extras: extrasFor(region),
    ec2: {
      source:
        region === 'us-east-1' || region.startsWith('us-gov-')
          ? `${ec2Source} (laid over ec2-pricing-page-2025-04-04)`
          : ec2Source,
      asOf: ec2AsOf,
      instances,
    },
  };
  writeFileSync(join(outDir, `${region}.json`), JSON.stringify(snapshot) + '\n');
  catalog.push({ code: region, name: snapshot.regionName, fargate: fargate !== null, instanceTypes: instances.length });
}
writeFileSync(
  join(outDir, 'index.json'),
  JSON.stringify({ formatVersion: 1, asOf: COMPILED_ON, regions: catalog }, null, 2) + '\n',
);

const catalogTs = `// Generated by scripts/generate-snapshot.ts from the shared pricing data (compiled ${COMPILED_ON}). Do not edit.
/** Regions with a bundled price snapshot: code, display name, whether Fargate is priced there. */
export const SNAPSHOT_AS_OF = ${JSON.stringify(COMPILED_ON)};

export const REGION_CATALOG: readonly { code: string; name: string; fargate: boolean }[] = ${JSON.stringify(
  catalog.map(({ code, name, fargate }) => ({ code, name, fargate })),
  null,
  2,
)};
`;
writeFileSync(join(root, 'src', 'domain', 'pricing', 'region-catalog.ts'), catalogTs);
console.log(`wrote ${regions.length} region snapshots to ${outDir} (${readdirSync(outDir).length} files)`);
