/**
 * ECS on EC2 and EKS on EC2 node groups.
 *
 * Services are split into node groups by CPU architecture and by GPU need. For each group the
 * engine packs the replicas (first-fit decreasing) onto every candidate instance type, counting
 * what a node really offers (node-capacity.ts), and keeps the cheapest. Candidates are tried in
 * order of a lower bound on their cost, and the search stops when no remaining type can beat the
 * best found: the answer is the same as trying them all.
 *
 * Services that run fewer hours than the month (a nightly batch) need their nodes only while they
 * run: the month is cut into bands by the services' hours, each band is packed with the services
 * running in it, and the node count steps down as they finish (node autoscaling: ECS capacity
 * providers with managed scaling, Cluster Autoscaler or Karpenter). Shorter services are assumed
 * to run at the same time as longer ones, which is the conservative (peak) case.
 */
import type { Scenario, Service } from '../scenario/scenario-schema.ts';
import type { CpuArch, InstanceOffer, RegionSnapshot } from '../pricing/price-snapshot.ts';
import {
  COREDNS_CPU_MILLIS, COREDNS_MEMORY_MIB, COREDNS_REPLICAS, ecsNodeCapacity, eksNodeCapacity, type NodeCapacity,
} from '../capacity/node-capacity.ts';
import { packReplicas, type PackResult, type ReplicaGroup } from '../packing/pack-replicas.ts';
import { discountLine, lineFromFigure, lineFromScenario, totalOf, type CostLine } from './cost-line.ts';
import { controlPlaneLines, networkLines, operationsLine } from './shared-lines.ts';
import { OPTION_LABELS, type NodePlan, type OptionEstimate } from './estimate-types.ts';
import { roundToCents } from '../money/round-cents.ts';

type Platform = 'ecs' | 'eks';

/** Replicas of one service, with the hours a month they run (capped at the scenario's hours). */
interface TimedItem extends ReplicaGroup {
  hours: number;
}

/** A stretch of the month in which the same services run: its length in hours and what runs. */
interface Band {
  hours: number;
  items: ReplicaGroup[];
}

interface GroupSpec {
  arch: CpuArch;
  gpu: boolean;
  services: Service[];
  bands: Band[];
}

interface Candidate {
  offer: InstanceOffer;
  capacity: NodeCapacity;
}

interface BandPlan {
  hours: number;
  nodes: number;
  pack: Extract<PackResult, { ok: true }>;
}

interface Choice extends Candidate {
  bands: BandPlan[];
  nodeHours: number;
}

const EPSILON = 1e-9;

const capacityOf = (platform: Platform, scenario: Scenario, offer: InstanceOffer): NodeCapacity | null => {
  const capacity = platform === 'eks' ? eksNodeCapacity(offer, scenario.ec2.prefixDelegation) : ecsNodeCapacity(offer, scenario.ec2.eniTrunking);
  if (!capacity || capacity.cpuMillis <= 0 || capacity.memoryMiB <= 0 || capacity.slots <= 0) return null;
  return capacity;
};

/**
 * Types the automatic choice considers: no burstable (CPU credits), bare-metal or previous-generation
 * types; for GPU services only NVIDIA GPUs, the ones the ECS GPU-optimized AMI and the EKS accelerated
 * AMI's device plugin schedule.
 */
function isAutomaticCandidate(offer: InstanceOffer, arch: CpuArch, gpu: boolean): boolean {
  if (offer.arch !== arch || offer.burstable || offer.bareMetal || offer.currentGeneration === false) return false;
  return gpu ? offer.gpu > 0 && offer.gpuManufacturer === 'nvidia' : offer.gpu === 0;
}

/** Cuts the month into bands at each service's end hour; each band lists the services still running. */
export function bandsOf(items: readonly TimedItem[], monthHours: number): Band[] {
  const running = items.filter((item) => item.count > 0 && item.hours > 0);
  const ends = [...new Set(running.map((item) => Math.min(item.hours, monthHours)))].sort((a, b) => b - a);
  const points = [monthHours, ...ends.filter((end) => end < monthHours), 0];
  const bands: Band[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i]!;
    const hours = from - points[i + 1]!;
    if (hours <= 0) continue;
    bands.push({ hours, items: running.filter((item) => Math.min(item.hours, monthHours) >= from - EPSILON) });
  }
  return bands;
}

function groupServices(platform: Platform, scenario: Scenario): GroupSpec[] {
  const groups = new Map<string, { arch: CpuArch; gpu: boolean; services: Service[]; items: TimedItem[] }>();
  for (const service of scenario.services) {
    const gpu = service.gpu > 0;
    const key = `${service.arch}/${gpu}`;
    let group = groups.get(key);
    if (!group) {
      group = { arch: service.arch, gpu, services: [], items: [] };
      groups.set(key, group);
    }
    group.services.push(service);
    group.items.push({
      key: service.name,
      cpuMillis: service.vcpu * 1000,
      memoryMiB: service.memoryGiB * 1024,
      gpu: service.gpu,
      // Replicas is an average; nodes must hold the whole tasks or pods, so round up.
      count: Math.ceil(service.replicas - EPSILON),
      hours: service.hoursPerMonth ?? scenario.hoursPerMonth,
    });
  }
  const ordered = [...groups.values()].sort((a, b) => Number(a.gpu) - Number(b.gpu) || (a.arch < b.arch ? -1 : 1));
  if (platform === 'eks' && ordered[0]) {
    // CoreDNS runs on each cluster's nodes all month.
    ordered[0].items.push({ key: 'coredns', cpuMillis: COREDNS_CPU_MILLIS, memoryMiB: COREDNS_MEMORY_MIB, gpu: 0, count: COREDNS_REPLICAS * scenario.eks.clusters, hours: scenario.hoursPerMonth });
  }
  return ordered.map(({ items, ...rest }) => ({ ...rest, bands: bandsOf(items, scenario.hoursPerMonth) }));
}

/**
 * Candidate types with their node capacity, per snapshot and settings. Capacities do not depend on
 * replicas, so a sweep or an edit of replica counts reuses them instead of recomputing ~1,400 types.
 */
const candidateCache = new WeakMap<RegionSnapshot, Map<string, Candidate[]>>();

function candidatesFor(platform: Platform, scenario: Scenario, snapshot: RegionSnapshot, group: GroupSpec): Candidate[] {
  const listed = scenario.ec2.instanceTypes;
  const key = [platform, scenario.ec2.prefixDelegation, scenario.ec2.eniTrunking, group.arch, group.gpu, ...listed].join('|');
  let perSnapshot = candidateCache.get(snapshot);
  if (!perSnapshot) {
    perSnapshot = new Map();
    candidateCache.set(snapshot, perSnapshot);
  }
  let candidates = perSnapshot.get(key);
  if (!candidates) {
    const offers = listed.length === 0
      ? snapshot.ec2.instances.filter((offer) => isAutomaticCandidate(offer, group.arch, group.gpu))
      : snapshot.ec2.instances.filter((offer) => listed.includes(offer.type) && offer.arch === group.arch && (!group.gpu || offer.gpu > 0));
    candidates = [];
    for (const offer of offers) {
      const capacity = capacityOf(platform, scenario, offer);
      candidates.push({ offer, capacity: capacity ?? { cpuMillis: 0, memoryMiB: 0, slots: 0, gpu: 0 } });
    }
    perSnapshot.set(key, candidates);
  }
  return candidates;
}

/** Demand of one band, for the lower bound on nodes. */
interface Demand {
  cpu: number;
  memory: number;
  slots: number;
  gpu: number;
}

function demandOf(items: readonly ReplicaGroup[]): Demand {
  const demand = { cpu: 0, memory: 0, slots: 0, gpu: 0 };
  for (const item of items) {
    demand.cpu += item.cpuMillis * item.count;
    demand.memory += item.memoryMiB * item.count;
    demand.slots += item.count;
    demand.gpu += item.gpu * item.count;
  }
  return demand;
}

const ratio = (demand: number, cap: number) => (demand <= 0 ? 0 : Math.ceil(demand / cap - 1e-6));

function lowerBoundNodes(d: Demand, c: NodeCapacity): number {
  return Math.max(ratio(d.cpu, c.cpuMillis), ratio(d.memory, c.memoryMiB), ratio(d.slots, c.slots), d.gpu > 0 ? ratio(d.gpu, c.gpu) : 0);
}

function chooseInstance(scenario: Scenario, candidates: readonly Candidate[], group: GroupSpec): Choice | null {
  const minNodes = scenario.ec2.minNodes;
  const demands = group.bands.map((band) => demandOf(band.items));
  let largestCpu = 0, largestMemory = 0, largestGpu = 0;
  for (const band of group.bands) {
    for (const item of band.items) {
      largestCpu = Math.max(largestCpu, item.cpuMillis);
      largestMemory = Math.max(largestMemory, item.memoryMiB);
      largestGpu = Math.max(largestGpu, item.gpu);
    }
  }
  const ranked: { candidate: Candidate; boundUSD: number }[] = [];
  for (const candidate of candidates) {
    const c = candidate.capacity;
    // A type whose empty node cannot hold the largest replica can never place it.
    if (c.slots < 1 || c.cpuMillis < largestCpu || c.memoryMiB < largestMemory || c.gpu < largestGpu) continue;
    let boundHours = 0;
    group.bands.forEach((band, i) => {
      boundHours += Math.max(lowerBoundNodes(demands[i]!, c), minNodes) * band.hours;
    });
    ranked.push({ candidate, boundUSD: boundHours * candidate.offer.usdHour });
  }
  ranked.sort((a, b) => a.boundUSD - b.boundUSD || (a.candidate.offer.type < b.candidate.offer.type ? -1 : 1));

  let best: Choice | null = null;
  let bestUSD = Infinity;
  for (const { candidate, boundUSD } of ranked) {
    if (boundUSD > bestUSD) break;
    const choice = planBands(candidate, group, minNodes, bestUSD);
    if (!choice) continue;
    const usd = choice.nodeHours * candidate.offer.usdHour;
    if (usd < bestUSD || (usd === bestUSD && best && (choice.nodeHours < best.nodeHours || (choice.nodeHours === best.nodeHours && candidate.offer.type < best.offer.type)))) {
      best = choice;
      bestUSD = usd;
    }
  }
  return best;
}

/** Packs every band on one type; null when a replica does not fit or the type cannot beat `bestUSD`. */
function planBands(candidate: Candidate, group: GroupSpec, minNodes: number, bestUSD: number): Choice | null {
  const { offer, capacity } = candidate;
  const bands: BandPlan[] = [];
  let nodeHours = 0;
  for (const band of group.bands) {
    // With one band, a type needing more nodes than the best answer's cost allows cannot win: stop packing there.
    const limit = group.bands.length === 1 && Number.isFinite(bestUSD)
      ? Math.max(Math.floor(bestUSD / (offer.usdHour * band.hours) + EPSILON), minNodes)
      : Infinity;
    const pack = packReplicas(band.items, capacity, limit);
    if (!pack.ok) return null;
    const nodes = Math.max(pack.nodes, minNodes);
    bands.push({ hours: band.hours, nodes, pack });
    nodeHours += nodes * band.hours;
  }
  return { offer, capacity, bands, nodeHours };
}

function planFrom(choice: Choice, group: GroupSpec, automatic: boolean): NodePlan {
  const { offer, capacity, bands, nodeHours } = choice;
  const peak = bands.reduce<BandPlan | null>((top, band) => (!top || band.nodes > top.nodes ? band : top), null);
  const nodes = peak?.nodes ?? 0;
  let cpu = 0, memory = 0, slots = 0;
  for (const placed of peak?.pack.groups ?? []) {
    cpu += placed.usedPerNode.cpuMillis * placed.nodes;
    memory += placed.usedPerNode.memoryMiB * placed.nodes;
    slots += placed.usedPerNode.slots * placed.nodes;
  }
  const percent = (used: number, perNode: number) => (nodes === 0 || perNode <= 0 ? 0 : Math.round((used / (perNode * nodes)) * 1000) / 10);
  const plan: NodePlan = {
    instanceType: offer.type,
    count: nodes,
    arch: offer.arch,
    gpu: group.gpu,
    vcpu: offer.vcpu,
    memoryMiB: offer.memoryMiB,
    usdHour: offer.usdHour,
    services: group.services.map((s) => s.name),
    choice: automatic ? 'automatic' : 'listed',
    allocatablePerNode: { ...capacity },
    utilization: { cpuPercent: percent(cpu, capacity.cpuMillis), memoryPercent: percent(memory, capacity.memoryMiB), slotsPercent: percent(slots, capacity.slots) },
    minNodesPadding: nodes - (peak?.pack.nodes ?? 0),
    nodeHours,
  };
  if (bands.length > 1) plan.schedule = bands.map((band) => ({ nodes: band.nodes, hours: band.hours }));
  return plan;
}

function unavailable(platform: Platform, reason: string): OptionEstimate {
  const id = platform === 'ecs' ? 'ecs-ec2' : 'eks-ec2';
  return { id, label: OPTION_LABELS[id], available: false, monthlyUSD: null, reason, lines: [] };
}

function describeGroup(group: GroupSpec): string {
  return `${group.gpu ? 'GPU ' : ''}${group.arch} services (${group.services.map((s) => s.name).join(', ')})`;
}

export function estimateEc2Option(platform: Platform, scenario: Scenario, snapshot: RegionSnapshot, warnings: string[]): OptionEstimate {
  const windows = scenario.services.find((s) => s.os === 'windows');
  if (windows) return unavailable(platform, `service "${windows.name}" is Windows, and the price data has Linux EC2 prices only`);

  const automatic = scenario.ec2.instanceTypes.length === 0;
  const plans: NodePlan[] = [];
  for (const group of groupServices(platform, scenario)) {
    const candidates = candidatesFor(platform, scenario, snapshot, group);
    if (candidates.length === 0) {
      return unavailable(platform, automatic
        ? `no ${group.gpu ? 'NVIDIA GPU ' : ''}${group.arch} instance type is priced in ${scenario.region}`
        : `none of ec2.instanceTypes suits the ${describeGroup(group)}`);
    }
    const choice = chooseInstance(scenario, candidates, group);
    if (!choice) {
      return unavailable(platform, `no ${automatic ? '' : 'listed '}instance type can hold one replica of each of the ${describeGroup(group)} after ${platform === 'eks' ? 'kubelet reservations, DaemonSets and max pods' : 'the ECS agent and awsvpc ENI limits'}`);
    }
    plans.push(planFrom(choice, group, automatic));
  }

  const lines = nodeLines(scenario, snapshot, plans);
  lines.push(...controlPlaneLines(scenario, snapshot, platform), ...networkLines(scenario, snapshot), ...operationsLine(scenario, platform));
  if (scenario.ec2.prefixDelegation && platform === 'eks' && plans.some((p) => p.allocatablePerNode.slots + 2 === (p.vcpu <= 30 ? 110 : 250))) {
    warnings.push('EKS on EC2: with prefix delegation, max pods per node is capped at 110 (up to 30 vCPUs) or 250, as managed node groups enforce.');
  }
  const id = platform === 'ecs' ? 'ecs-ec2' : 'eks-ec2';
  return { id, label: OPTION_LABELS[id], available: true, monthlyUSD: totalOf(lines), lines, nodes: plans };
}

function nodeLines(scenario: Scenario, snapshot: RegionSnapshot, plans: NodePlan[]): CostLine[] {
  const { spotPercent, spotDiscountPercent, savingsPlanDiscountPercent } = scenario.ec2;
  const spotShare = spotPercent / 100;
  const lines: CostLine[] = [];
  let onDemandUSD = 0;
  for (const plan of plans) {
    const figure = { usd: plan.usdHour, source: snapshot.ec2.source, asOf: snapshot.ec2.asOf };
    const onDemandHours = plan.nodeHours * (1 - spotShare);
    if (onDemandHours > 0) {
      const line = lineFromFigure(`EC2 ${plan.instanceType} On-Demand (Linux)`, onDemandHours, 'instance-hours', figure);
      lines.push(line);
      onDemandUSD += line.monthlyUSD;
    }
    if (plan.nodeHours * spotShare > 0) {
      const spotUSDHour = Number((plan.usdHour * (1 - spotDiscountPercent / 100)).toFixed(10));
      lines.push(lineFromScenario(`EC2 ${plan.instanceType} Spot (${spotDiscountPercent}% below On-Demand)`, plan.nodeHours * spotShare, 'instance-hours', spotUSDHour,
        `On-Demand ${plan.usdHour} x (1 - ${spotDiscountPercent}% Spot discount set in the scenario)`));
    }
  }
  if (savingsPlanDiscountPercent > 0 && onDemandUSD > 0) {
    lines.push(discountLine(`Savings Plan (${savingsPlanDiscountPercent}% off On-Demand EC2)`, roundToCents(onDemandUSD), savingsPlanDiscountPercent));
  }
  return lines;
}
