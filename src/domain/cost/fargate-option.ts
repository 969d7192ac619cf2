/**
 * ECS on Fargate and EKS on Fargate.
 *
 * Fargate bills the rounded-up task or pod size per vCPU-hour and GB-hour, plus configured
 * ephemeral storage above 20 GB. Lines are aggregated by usage type, as on an AWS bill.
 */
import type { Scenario, Service } from '../scenario/scenario-schema.ts';
import type { FargatePrices, FargateRatePair, PriceFigure, RegionSnapshot } from '../pricing/price-snapshot.ts';
import {
  ECS_FARGATE_MAX_STORAGE_GIB,
  EKS_FARGATE_POD_OVERHEAD_MIB,
  largestFargateSizeText,
  EKS_FARGATE_MAX_STORAGE_GIB,
  FARGATE_INCLUDED_STORAGE_GIB,
  sizeEcsFargateTask,
  sizeEksFargatePod,
  type FargateSize,
} from '../sizing/fargate-sizes.ts';
import { COREDNS_CPU_MILLIS, COREDNS_MEMORY_MIB, COREDNS_REPLICAS } from '../capacity/eks-node-capacity.ts';
import { addOnPodCount, eksAddOnsFor } from '../capacity/eks-add-ons.ts';
import { discountLine, lineFromFigure, totalOf, type CostLine } from './cost-line.ts';
import type { LineKind } from './line-kinds.ts';
import { controlPlaneLines, networkLines, operationsLine } from './shared-lines.ts';
import { OPTION_LABELS, type FargatePlacement, type OptionEstimate } from './estimate-types.ts';
import { roundToCents, sumCents } from '../money/round-cents.ts';
import { serviceHoursPerMonth } from '../schedule/service-schedule.ts';

type Platform = 'ecs' | 'eks';

/** The service's hours in the scenario's month: from its schedule, its hoursPerMonth, or all month. */
export function serviceHours(scenario: Scenario, service: Service): number {
  return serviceHoursPerMonth(service, scenario.hoursPerMonth);
}

function unavailable(platform: Platform, reason: string): OptionEstimate {
  const id = platform === 'ecs' ? 'ecs-fargate' : 'eks-fargate';
  return { id, label: OPTION_LABELS[id], available: false, monthlyUSD: null, reason, lines: [] };
}

/** Why a service cannot run on this Fargate flavour, or null when it can. */
function blockerFor(platform: Platform, service: Service, prices: FargatePrices, region: string): string | null {
  if (service.gpu > 0) return `service "${service.name}" needs GPUs, and Fargate has none`;
  if (platform === 'eks') {
    if (service.arch === 'arm64')
      return `service "${service.name}" is arm64, and EKS on Fargate runs only Linux/x86 pods`;
    if (service.os === 'windows')
      return `service "${service.name}" is Windows, and EKS on Fargate runs only Linux pods`;
    if (service.ephemeralStorageGiB > EKS_FARGATE_MAX_STORAGE_GIB)
      return `service "${service.name}" asks for ${service.ephemeralStorageGiB} GiB of ephemeral storage; EKS Fargate pods take at most ${EKS_FARGATE_MAX_STORAGE_GIB} GiB`;
  } else {
    if (service.os === 'windows' && service.arch === 'arm64')
      return `service "${service.name}" is Windows on arm64, which Fargate does not offer`;
    if (service.os === 'windows' && !prices.windowsX86)
      return `no Windows Fargate price for ${region} in the price data`;
    if (service.ephemeralStorageGiB > ECS_FARGATE_MAX_STORAGE_GIB)
      return `service "${service.name}" asks for more than ${ECS_FARGATE_MAX_STORAGE_GIB} GiB of ephemeral storage`;
  }
  if (service.arch === 'arm64' && !prices.linuxArm) return `no Linux/ARM Fargate price for ${region} in the price data`;
  return null;
}

function sizeFor(platform: Platform, service: Service): FargateSize | null {
  return platform === 'eks'
    ? sizeEksFargatePod(service.vcpu, service.memoryGiB)
    : sizeEcsFargateTask(service.vcpu, service.memoryGiB, service.os);
}

interface Accumulated {
  kind: LineKind;
  component: string;
  unit: string;
  figure: PriceFigure;
  quantity: number;
  /** Counted in the Compute Savings Plan base (vCPU and memory). */
  savingsPlanEligible: boolean;
}

class LineAccumulator {
  private readonly byComponent = new Map<string, Accumulated>();
  add(
    kind: LineKind,
    component: string,
    unit: string,
    figure: PriceFigure,
    quantity: number,
    savingsPlanEligible: boolean,
  ): void {
    if (quantity === 0) return;
    const existing = this.byComponent.get(component);
    if (existing) existing.quantity += quantity;
    else this.byComponent.set(component, { kind, component, unit, figure, quantity, savingsPlanEligible });
  }
  lines(): { lines: CostLine[]; savingsPlanBaseUSD: number } {
    const lines: CostLine[] = [];
    let base = 0;
    for (const entry of this.byComponent.values()) {
      const line = lineFromFigure(entry.kind, entry.component, entry.quantity, entry.unit, entry.figure);
      lines.push(line);
      if (entry.savingsPlanEligible) base += line.monthlyUSD;
    }
    return { lines, savingsPlanBaseUSD: roundToCents(base) };
  }
}

function addCompute(
  acc: LineAccumulator,
  label: string,
  rates: FargateRatePair,
  size: FargateSize,
  taskHours: number,
  spot: boolean,
): void {
  // Only On-Demand vCPU and memory count towards the Compute Savings Plan base.
  const eligible = !spot;
  const [vcpuKind, memoryKind] = spot
    ? (['fargate-spot-vcpu', 'fargate-spot-memory'] as const)
    : (['fargate-vcpu', 'fargate-memory'] as const);
  acc.add(vcpuKind, `Fargate vCPU (${label})`, 'vCPU-hours', rates.vcpuHour, size.vcpu * taskHours, eligible);
  acc.add(memoryKind, `Fargate memory (${label})`, 'GiB-hours', rates.gbHour, size.memoryGiB * taskHours, eligible);
}

export function estimateFargateOption(
  platform: Platform,
  scenario: Scenario,
  snapshot: RegionSnapshot,
  warnings: string[],
): OptionEstimate {
  const prices = snapshot.fargate;
  if (!prices) return unavailable(platform, `Fargate prices for ${scenario.region} are not in the price data`);

  const spotShare = platform === 'ecs' ? scenario.fargate.spotPercent / 100 : 0;
  const acc = new LineAccumulator();
  const sizes: FargatePlacement[] = [];
  for (const service of scenario.services) {
    const blocker = blockerFor(platform, service, prices, scenario.region);
    if (blocker) return unavailable(platform, blocker);
    const size = sizeFor(platform, service);
    if (!size) {
      const extra = platform === 'eks' ? ` after EKS adds ${EKS_FARGATE_POD_OVERHEAD_MIB} MiB per pod` : '';
      const largest =
        service.os === 'windows'
          ? `the largest Windows Fargate size, ${largestFargateSizeText('windows')}`
          : `the largest Fargate size, ${largestFargateSizeText('linux')}`;
      return unavailable(
        platform,
        `service "${service.name}" (${service.vcpu} vCPU, ${service.memoryGiB} GiB${extra}) is larger than ${largest}`,
      );
    }
    sizes.push({
      service: service.name,
      requested: { vcpu: service.vcpu, memoryGiB: service.memoryGiB },
      billed: size,
    });
    const taskHours = service.replicas * serviceHours(scenario, service);

    if (service.os === 'windows') {
      // Windows tasks cannot use Fargate Spot (ECS Developer Guide); they always run On-Demand.
      const win = prices.windowsX86!;
      acc.add('fargate-vcpu', 'Fargate vCPU (Windows/x86)', 'vCPU-hours', win.vcpuHour, size.vcpu * taskHours, true);
      acc.add(
        'fargate-windows-license',
        'Fargate Windows OS licence',
        'vCPU-hours',
        win.osLicenseVcpuHour,
        size.vcpu * taskHours,
        false,
      );
      acc.add(
        'fargate-memory',
        'Fargate memory (Windows/x86)',
        'GiB-hours',
        win.gbHour,
        size.memoryGiB * taskHours,
        true,
      );
    } else {
      const arm = service.arch === 'arm64';
      const onDemand = arm ? prices.linuxArm! : prices.linuxX86;
      // Fargate Spot runs Linux tasks on x86_64 and, since 2024-09-06, on ARM64 (platform 1.4.0+;
      // docs/capacity-rules.md); the ARM Spot rate is derived where the data has none.
      const spot = arm ? prices.spotLinuxArm : prices.spotLinuxX86;
      const label = arm ? 'Linux/ARM' : 'Linux/x86';
      const spotTaskHours = spot ? taskHours * spotShare : 0;
      addCompute(acc, label, onDemand, size, taskHours - spotTaskHours, false);
      if (spot && spotTaskHours > 0) addCompute(acc, `Spot, ${label}`, spot, size, spotTaskHours, true);
    }
    const extraStorage = service.ephemeralStorageGiB - FARGATE_INCLUDED_STORAGE_GIB;
    if (extraStorage > 0 && prices.ephemeralStorageGbHour) {
      acc.add(
        'fargate-storage',
        `Fargate ephemeral storage above ${FARGATE_INCLUDED_STORAGE_GIB} GiB`,
        'GiB-hours',
        prices.ephemeralStorageGbHour,
        extraStorage * taskHours,
        false,
      );
    }
  }

  if (platform === 'ecs' && spotShare > 0) {
    if (!prices.spotLinuxX86)
      warnings.push(
        `No Fargate Spot price for ${scenario.region} in the price data: ECS on Fargate is priced On-Demand.`,
      );
    if (scenario.services.some((s) => s.os === 'windows'))
      warnings.push('Windows tasks cannot use Fargate Spot: they are priced On-Demand.');
    if (!prices.spotLinuxArm && scenario.services.some((s) => s.os === 'linux' && s.arch === 'arm64'))
      warnings.push(
        `No Fargate Spot price for Linux/ARM in ${scenario.region} in the price data: arm64 tasks are priced On-Demand.`,
      );
  }
  if (platform === 'eks' && scenario.fargate.spotPercent > 0) {
    warnings.push(
      'EKS on Fargate has no Spot capacity: its pods are priced On-Demand (the Fargate Spot share applies to ECS only).',
    );
  }

  const { lines, savingsPlanBaseUSD: servicesBaseUSD } = acc.lines();
  // The cluster's own pods (CoreDNS, the add-ons) are On-Demand Fargate usage like the services',
  // so the Compute Savings Plan covers them too.
  const clusterPodLines =
    platform === 'eks' ? [...coreDnsOnFargateLines(scenario, prices), ...addOnsOnFargateLines(scenario, prices)] : [];
  lines.push(...clusterPodLines);
  const savingsPlanBaseUSD = sumCents([servicesBaseUSD, ...clusterPodLines.map((l) => l.monthlyUSD)]);
  const savings = scenario.fargate.savingsPlanDiscountPercent;
  if (savings > 0 && savingsPlanBaseUSD > 0) {
    lines.push(
      discountLine(
        'fargate-savings-plan',
        `Compute Savings Plan (${savings}% off On-Demand Fargate vCPU and memory)`,
        savingsPlanBaseUSD,
        savings,
      ),
    );
  }
  lines.push(
    ...controlPlaneLines(scenario, snapshot, platform),
    ...networkLines(scenario, snapshot, platform),
    ...operationsLine(scenario, platform),
  );
  const id = platform === 'ecs' ? 'ecs-fargate' : 'eks-fargate';
  return { id, label: OPTION_LABELS[id], available: true, monthlyUSD: totalOf(lines), lines, fargateSizes: sizes };
}

/**
 * A Fargate-only EKS cluster also runs CoreDNS on Fargate: 2 pods of 100m / 70 MiB, which with the
 * 256 MiB pod overhead round up to 0.25 vCPU / 0.5 GB each, per cluster, all month.
 */
function coreDnsOnFargateLines(scenario: Scenario, prices: FargatePrices): CostLine[] {
  const size = sizeEksFargatePod(COREDNS_CPU_MILLIS / 1000, COREDNS_MEMORY_MIB / 1024)!;
  const podHours = COREDNS_REPLICAS * scenario.eks.clusters * scenario.hoursPerMonth;
  if (podHours === 0) return [];
  return [
    lineFromFigure(
      'fargate-coredns-vcpu',
      `CoreDNS pods on Fargate, vCPU (${COREDNS_REPLICAS} x ${size.vcpu} vCPU per cluster)`,
      size.vcpu * podHours,
      'vCPU-hours',
      prices.linuxX86.vcpuHour,
    ),
    lineFromFigure(
      'fargate-coredns-memory',
      `CoreDNS pods on Fargate, memory (${COREDNS_REPLICAS} x ${size.memoryGiB} GiB per cluster)`,
      size.memoryGiB * podHours,
      'GiB-hours',
      prices.linuxX86.gbHour,
    ),
  ];
}

/**
 * The add-on pods the bundle installs with Helm (capacity/eks-add-ons.ts) run on Fargate too, in
 * namespaces the Fargate profile covers: each pod billed at the smallest Fargate size covering its
 * requests plus the 256 MiB pod overhead, per cluster, all month. One vCPU and one memory line per
 * add-on.
 */
function addOnsOnFargateLines(scenario: Scenario, prices: FargatePrices): CostLine[] {
  const clusterHours = scenario.eks.clusters * scenario.hoursPerMonth;
  if (clusterHours === 0) return [];
  const lines: CostLine[] = [];
  for (const addOn of eksAddOnsFor('eks-fargate', scenario)) {
    let vcpu = 0;
    let memoryGiB = 0;
    const sizes = new Map<string, number>();
    for (const pod of addOn.pods) {
      const size = sizeEksFargatePod(pod.cpuMillis / 1000, pod.memoryMiB / 1024)!;
      vcpu += size.vcpu * pod.replicas;
      memoryGiB += size.memoryGiB * pod.replicas;
      const text = `${size.vcpu} vCPU / ${size.memoryGiB} GiB`;
      sizes.set(text, (sizes.get(text) ?? 0) + pod.replicas);
    }
    const each = [...sizes].map(([text, count]) => `${count} x ${text}`).join(', ');
    const pods = addOnPodCount(addOn);
    lines.push(
      lineFromFigure(
        'fargate-add-on-vcpu',
        `${addOn.label} pods on Fargate, vCPU (${pods === 1 ? '1 pod' : `${pods} pods`}: ${each} per cluster)`,
        vcpu * clusterHours,
        'vCPU-hours',
        prices.linuxX86.vcpuHour,
      ),
      lineFromFigure(
        'fargate-add-on-memory',
        `${addOn.label} pods on Fargate, memory (${pods === 1 ? '1 pod' : `${pods} pods`}: ${each} per cluster)`,
        memoryGiB * clusterHours,
        'GiB-hours',
        prices.linuxX86.gbHour,
      ),
    );
  }
  return lines;
}
