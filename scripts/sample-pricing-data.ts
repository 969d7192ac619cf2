/**
 * Writes src/domain/pricing/__golden__/pricing-data-sample.json: a sample of figures per region read
 * straight from the shared pricing data files (no generator code involved), for the golden test of
 * the bundled snapshot (src/domain/pricing/bundled-snapshot.test.ts).
 *
 *   npx tsx scripts/sample-pricing-data.ts [path/to/pricing-data]   (default ../shared/pricing-data)
 *
 * null means the data has no figure for the region (the snapshot must then derive it by a rule).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const dataDir = resolve(process.argv[2] ?? join(root, '..', 'shared', 'pricing-data'));
// oxlint-disable-next-line typescript/no-explicit-any
const read = (name: string): any => JSON.parse(readFileSync(join(dataDir, name), 'utf8'));
const fargate = read('fargate.json');
const ec2 = read('ec2-ondemand-linux.json');
const facts = read('ec2-instance-types.json');
const network = read('network.json');
const ebs = read('ebs.json');
const cloudwatch = read('cloudwatch.json');
const eks = read('eks.json');
const spot = read('spot-advisor.json');

const sample: Record<string, unknown> = {};
for (const region of Object.keys(ec2.regions).sort()) {
  const f = fargate.regions[region];
  const n = network.regions[region];
  // Three placeable types (with vCPU, memory and arch), spread over the alphabet, plus m5.large where priced.
  const placeable = Object.keys(ec2.regions[region])
    .filter(
      (type) =>
        facts.types[type]?.vcpu != null && facts.types[type]?.memoryMiB != null && facts.types[type]?.arch != null,
    )
    .sort();
  const types = [
    ...new Set([placeable[0], placeable[Math.floor(placeable.length / 2)], placeable.at(-1), 'm5.large']),
  ].filter((type): type is string => type !== undefined && type in ec2.regions[region]);
  sample[region] = {
    fargate: {
      x86: [f.linuxX86.vcpuHour, f.linuxX86.gbHour],
      arm: [f.linuxArm.vcpuHour, f.linuxArm.gbHour],
      windows: f.windowsX86 ? [f.windowsX86.vcpuHour, f.windowsX86.gbHour, f.windowsX86.osLicenseVcpuHour] : null,
      storage: f.ephemeralStorageGbHour.value,
      spotX86: f.spotLinuxX86Snapshot ? [f.spotLinuxX86Snapshot.vcpuHour, f.spotLinuxX86Snapshot.gbHour] : null,
    },
    eks: [eks.regions[region].clusterHourStandard, eks.regions[region].extendedSupportSurchargeHour],
    nat: [n.natGateway.hour, n.natGateway.perGbProcessed],
    publicIpv4: n.publicIpv4.inUseHour,
    egress: n.internetEgress ? n.internetEgress.tiers.map((t: { perGB: number }) => t.perGB) : null,
    interAz: n.interAz ? n.interAz.perGbEachWay : null,
    gp3: ebs.regions[region] ? ebs.regions[region].gp3GbMonth : null,
    logs: [cloudwatch.regions[region].standardIngestionGb, cloudwatch.regions[region].storageGbMonth],
    ec2: Object.fromEntries(
      types.map((type) => [
        type,
        {
          usdHour: ec2.regions[region][type][0],
          source: ec2.regions[region][type][1],
          spot: spot.regions[region]?.[type] ?? null,
        },
      ]),
    ),
  };
}
const out = join(root, 'src', 'domain', 'pricing', '__golden__', 'pricing-data-sample.json');
writeFileSync(out, `${JSON.stringify({ extracted: fargate.extracted, regions: sample }, null, 1)}\n`);
console.log(`wrote ${out}`);
