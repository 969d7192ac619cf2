/**
 * The options on EC2 nodes: ECS on EC2 and EKS on EC2 node groups, and the AWS-managed nodes of
 * ECS Managed Instances and EKS Auto Mode, which pack the same way on their own node capacity and
 * add a management fee per instance-hour (docs/pricing-rules.md, "AWS-managed nodes").
 *
 * Services are split into node groups by CPU architecture and by GPU need. For each group the
 * engine packs the replicas (first-fit decreasing) onto every candidate instance type, counting
 * what a node really offers (node-capacity.ts), and keeps the cheapest. Candidates are tried in
 * order of a lower bound on their cost, and the search stops when no remaining type can beat the
 * best found: the answer is the same as trying them all.
 *
 * Services that run fewer hours than the month (a nightly batch) get node groups of their own,
 * which run only for those hours and scale to zero in between (Karpenter, Cluster Autoscaler or ECS
 * managed scaling do this), so the always-on services are not priced on batch-sized nodes.
 * `ec2.minNodes` applies to the groups that run all month.
 */
import type { Scenario, Service } from '../scenario/scenario-schema.ts';
import type { CpuArch, InstanceOffer, RegionSnapshot } from '../pricing/price-snapshot.ts';
import type { NodeCapacity, NodeCapacityModel } from '../capacity/node-capacity.ts';
import {
  COREDNS_CPU_MILLIS,
  COREDNS_MEMORY_MIB,
  COREDNS_REPLICAS,
  EKS_MNG_MAX_PODS,
  eksNodeCapacity,
} from '../capacity/eks-node-capacity.ts';
import { DEFAULT_ECS_NETWORK_MODE, ecsNodeCapacity, type EcsNetworkMode } from '../capacity/ecs-node-capacity.ts';
import { AUTO_MODE_MAX_PODS, eksAutoModeNodeCapacity } from '../capacity/eks-auto-mode-capacity.ts';
import { MANAGEMENT_FEE_PERCENT, managementFeeFrom } from '../pricing/derived-price-rules.ts';
import {
  demandOf,
  fitsLargest,
  lowerBoundNodes,
  packReplicas,
  type PackResult,
  type ReplicaGroup,
} from '../packing/pack-replicas.ts';
import { discountLine, lineFromFigure, lineFromScenario, totalOf, type CostLine } from './cost-line.ts';
import { controlPlaneLines, networkLines, operationsLine } from './shared-lines.ts';
import {
  OPTION_LABELS,
  OPTION_PLATFORM,
  isManagedNodeOptionId,
  type Ec2OptionId,
  type NodePlan,
  type OptionEstimate,
} from './estimate-types.ts';
import { roundToCents } from '../money/round-cents.ts';
import { runsPerMonth, serviceHoursPerMonth } from '../schedule/service-schedule.ts';
import {
  CLUSTER_AUTOSCALER_CPU_MILLIS,
  CLUSTER_AUTOSCALER_KEY,
  CLUSTER_AUTOSCALER_MEMORY_MIB,
  CLUSTER_AUTOSCALER_REPLICAS,
  CLUSTER_AUTOSCALER_SCALE_DOWN_UNNEEDED_MINUTES,
} from '../capacity/cluster-autoscaler.ts';
import { floorWhole, wholeReplicas } from '../numeric/float-tolerance.ts';
import {
  DEFAULT_ROOT_VOLUME_GIB,
  GB_MONTH_HOURS,
  HIGH_INTERRUPTION_BAND,
  MANAGED_NODE_VOLUME_GIB,
  ROOT_VOLUME_TYPE,
} from './bill-settings.ts';
import { FARGATE_INCLUDED_STORAGE_GIB } from '../sizing/fargate-sizes.ts';
import { countOf } from '../text/count-words.ts';
import { runsLogRouterDaemonSet } from '../capacity/log-router.ts';
import { eksAddOnsFor } from '../capacity/eks-add-ons.ts';
import { groupSpotPercent, nodeSplitOf, splitNodes } from './spot-split.ts';

/**
 * The options whose node groups the export splits into whole On-Demand and Spot nodes (EKS Auto
 * Mode: an On-Demand and a Spot NodePool, export/eks-auto-mode.ts).
 */
const splitsNodes = (id: Ec2OptionId): boolean => id === 'ecs-ec2' || id === 'eks-ec2' || id === 'eks-auto-mode';

type Platform = 'ecs' | 'eks';

/** The node volume per node when ec2.rootVolumeGiB is absent, for each EC2 option. */
export function defaultNodeVolumeGiB(id: Ec2OptionId): number {
  return isManagedNodeOptionId(id) ? MANAGED_NODE_VOLUME_GIB[id] : DEFAULT_ROOT_VOLUME_GIB[OPTION_PLATFORM[id]];
}

/**
 * The ECS network mode an EC2 option's tasks are packed (and exported) with: ECS Managed Instances
 * runs awsvpc (or host) tasks, never bridge, so its tasks are awsvpc; ECS on EC2 follows
 * ec2.ecsNetworkMode.
 */
export const ecsNetworkModeFor = (id: Ec2OptionId, scenario: Scenario): EcsNetworkMode =>
  id === 'ecs-managed-instances' ? 'awsvpc' : (scenario.ec2.ecsNetworkMode ?? DEFAULT_ECS_NETWORK_MODE);

interface GroupSpec {
  arch: CpuArch;
  gpu: boolean;
  /** Hours a month the group's nodes run: its services' hours. */
  hours: number;
  /** Whether the group runs all month, and so keeps at least ec2.minNodes nodes. */
  fullMonth: boolean;
  /** Runs or windows a month of its scheduled services (the most of any): 0 when none has a schedule. */
  runsPerMonth: number;
  services: Service[];
  items: ReplicaGroup[];
}

interface Candidate {
  offer: InstanceOffer;
  capacity: NodeCapacity;
  /** null when the type offers nothing after the system's share (or its limits are unknown). */
  model: NodeCapacityModel | null;
}

interface Choice extends Candidate {
  pack: Extract<PackResult, { ok: true }>;
  nodes: number;
}

const NO_CAPACITY: NodeCapacity = { cpuMillis: 0, memoryMiB: 0, slots: 0, gpu: 0 };

const capacityOf = (id: Ec2OptionId, scenario: Scenario, offer: InstanceOffer): NodeCapacityModel | null => {
  const daemons = scenario.ec2.daemonsPerNode ?? [];
  const model =
    id === 'eks-auto-mode'
      ? eksAutoModeNodeCapacity(offer, { daemons, logRouter: runsLogRouterDaemonSet(id, scenario) })
      : OPTION_PLATFORM[id] === 'eks'
        ? eksNodeCapacity(offer, {
            prefixDelegation: scenario.ec2.prefixDelegation,
            daemons,
            logRouter: runsLogRouterDaemonSet(id, scenario),
          })
        : ecsNodeCapacity(offer, {
            networkMode: ecsNetworkModeFor(id, scenario),
            eniTrunking: scenario.ec2.eniTrunking,
            daemons,
          });
  if (!model) return null;
  const { capacity } = model;
  if (capacity.cpuMillis <= 0 || capacity.memoryMiB <= 0 || capacity.slots <= 0) return null;
  return model;
};

/**
 * Types the automatic choice considers: no burstable (CPU credits), bare-metal or previous-generation
 * types; for GPU services only NVIDIA GPUs, the ones the ECS GPU-optimized AMI and the EKS accelerated
 * AMI's device plugin schedule.
 */
export function isAutomaticCandidate(offer: InstanceOffer, arch: CpuArch, gpu: boolean): boolean {
  if (offer.arch !== arch || offer.burstable || offer.bareMetal || offer.currentGeneration === false) return false;
  return gpu ? offer.gpu > 0 && offer.gpuManufacturer === 'nvidia' : offer.gpu === 0;
}

/** Node groups by CPU architecture, GPU need and hours a month; all-month groups first. */
function groupServices(id: Ec2OptionId, scenario: Scenario): GroupSpec[] {
  const monthHours = scenario.hoursPerMonth;
  const groups = new Map<string, GroupSpec>();
  for (const service of scenario.services) {
    const gpu = service.gpu > 0;
    const hours = serviceHoursPerMonth(service, monthHours);
    const key = `${service.arch}/${gpu}/${hours}`;
    let group = groups.get(key);
    if (!group) {
      group = {
        arch: service.arch,
        gpu,
        hours,
        fullMonth: hours >= monthHours,
        runsPerMonth: 0,
        services: [],
        items: [],
      };
      groups.set(key, group);
    }
    if (service.schedule)
      group.runsPerMonth = Math.max(group.runsPerMonth, runsPerMonth(service.schedule, monthHours) ?? 0);
    group.services.push(service);
    group.items.push({
      key: service.name,
      cpuMillis: service.vcpu * 1000,
      memoryMiB: service.memoryGiB * 1024,
      gpu: service.gpu,
      // Replicas is an average; nodes must hold the whole tasks or pods, so round up. A service
      // that runs no hours places none.
      count: hours > 0 ? wholeReplicas(service.replicas) : 0,
    });
  }
  // Every group is kept, even one whose services run no whole replica (it gets 0 nodes), so each
  // service has the node group the export places it on and can scale up there.
  const ordered = [...groups.values()].sort(
    (a, b) => b.hours - a.hours || Number(a.gpu) - Number(b.gpu) || (a.arch < b.arch ? -1 : 1),
  );
  // The cluster add-ons the bundle installs with Helm (capacity/eks-add-ons.ts), and on EKS on EC2
  // CoreDNS and the node autoscaler (Auto Mode runs cluster DNS and node autoscaling itself), run
  // all month: on the first all-month CPU group, or on a group of its own when every service runs
  // part of the month (part-time groups are tainted, so no other pod can land there).
  const addOns = eksAddOnsFor(id, scenario);
  if (id === 'eks-ec2' || addOns.length > 0) {
    let home = ordered.find((g) => g.fullMonth && !g.gpu);
    if (!home) {
      home = {
        arch: ordered[0]?.arch ?? 'x86_64',
        gpu: false,
        hours: monthHours,
        fullMonth: true,
        runsPerMonth: 0,
        services: [],
        items: [],
      };
      ordered.unshift(home);
    }
    // The exported Cluster Autoscaler runs beside CoreDNS, one per cluster (cluster-autoscaler.ts).
    const clusterPods = [
      ...(id === 'eks-ec2'
        ? [
            {
              key: CLUSTER_AUTOSCALER_KEY,
              cpuMillis: CLUSTER_AUTOSCALER_CPU_MILLIS,
              memoryMiB: CLUSTER_AUTOSCALER_MEMORY_MIB,
              replicas: CLUSTER_AUTOSCALER_REPLICAS,
            },
            {
              key: 'coredns',
              cpuMillis: COREDNS_CPU_MILLIS,
              memoryMiB: COREDNS_MEMORY_MIB,
              replicas: COREDNS_REPLICAS,
            },
          ]
        : []),
      ...addOns.flatMap((addOn) => addOn.pods),
    ];
    for (const pod of clusterPods)
      home.items.push({
        key: pod.key,
        cpuMillis: pod.cpuMillis,
        memoryMiB: pod.memoryMiB,
        gpu: 0,
        count: pod.replicas * scenario.eks.clusters,
      });
  }
  return ordered;
}

/**
 * Candidate types with their node capacity, per snapshot and settings. Capacities do not depend on
 * replicas, so a sweep or an edit of replica counts reuses them instead of recomputing ~1,400 types.
 */
const candidateCache = new WeakMap<RegionSnapshot, Map<string, Candidate[]>>();

function candidatesFor(id: Ec2OptionId, scenario: Scenario, snapshot: RegionSnapshot, group: GroupSpec): Candidate[] {
  const listed = scenario.ec2.instanceTypes;
  const key = [
    id,
    scenario.ec2.prefixDelegation,
    scenario.ec2.eniTrunking,
    ecsNetworkModeFor(id, scenario),
    JSON.stringify(scenario.ec2.daemonsPerNode ?? []),
    runsLogRouterDaemonSet(id, scenario),
    group.arch,
    group.gpu,
    ...listed,
  ].join('|');
  let perSnapshot = candidateCache.get(snapshot);
  if (!perSnapshot) {
    perSnapshot = new Map();
    candidateCache.set(snapshot, perSnapshot);
  }
  let candidates = perSnapshot.get(key);
  if (!candidates) {
    const offers =
      listed.length === 0
        ? snapshot.ec2.instances.filter((offer) => isAutomaticCandidate(offer, group.arch, group.gpu))
        : snapshot.ec2.instances.filter(
            (offer) => listed.includes(offer.type) && offer.arch === group.arch && (!group.gpu || offer.gpu > 0),
          );
    candidates = [];
    for (const offer of offers) {
      const model = capacityOf(id, scenario, offer);
      candidates.push({ offer, capacity: model?.capacity ?? NO_CAPACITY, model });
    }
    perSnapshot.set(key, candidates);
  }
  return candidates;
}

/**
 * The Spot price of a type: the scenario's discount when set, else the type's Spot Instance Advisor
 * savings in the region; null when neither exists (the Spot share is then priced On-Demand).
 */
interface SpotPrice {
  usdHour: number;
  source: string;
  asOf: string | undefined;
  rule: string;
  label: string;
}

const spotUsdAt = (offer: InstanceOffer, savingsPercent: number) =>
  Number((offer.usdHour * (1 - savingsPercent / 100)).toFixed(10));

/** spotPriceOf's hourly figure alone: the instance choice ranks every type by it, so no texts are built. */
function spotUsdHourOf(offer: InstanceOffer, scenario: Scenario, snapshot: RegionSnapshot): number | null {
  const set = scenario.ec2.spotDiscountPercent;
  if (set !== undefined) return spotUsdAt(offer, set);
  if (offer.spotSavingsPercent === null || !snapshot.ec2.spotAdvisor) return null;
  return spotUsdAt(offer, offer.spotSavingsPercent);
}

function spotPriceOf(offer: InstanceOffer, scenario: Scenario, snapshot: RegionSnapshot): SpotPrice | null {
  const set = scenario.ec2.spotDiscountPercent;
  const spotUsd = (savingsPercent: number) => spotUsdAt(offer, savingsPercent);
  if (set !== undefined)
    return {
      usdHour: spotUsd(set),
      source: 'scenario',
      asOf: undefined,
      rule: `On-Demand ${offer.usdHour} x (1 - ${set}% Spot discount set in the scenario)`,
      label: `${set}% below On-Demand`,
    };
  if (offer.spotSavingsPercent === null || !snapshot.ec2.spotAdvisor) return null;
  return {
    usdHour: spotUsd(offer.spotSavingsPercent),
    source: snapshot.ec2.spotAdvisor.source,
    asOf: snapshot.ec2.spotAdvisor.asOf,
    rule: `On-Demand ${offer.usdHour} x (1 - ${offer.spotSavingsPercent}% Spot Instance Advisor savings; interruption ${offer.spotInterruption})`,
    label: `Spot Advisor: ${offer.spotSavingsPercent}% below On-Demand, interruption ${offer.spotInterruption}`,
  };
}

/** What one node-hour costs with a Spot share (0-1): On-Demand and Spot blended. */
function blendedUsdHour(offer: InstanceOffer, scenario: Scenario, snapshot: RegionSnapshot, share: number): number {
  if (share === 0) return offer.usdHour;
  const spot = spotUsdHourOf(offer, scenario, snapshot) ?? offer.usdHour;
  return offer.usdHour * (1 - share) + spot * share;
}

/**
 * What a type's nodes bill an hour, for the instance choice: `hourUSD` per node at the blended
 * Spot share (a lower bound of the real figure, used to rank and prune), and `costOf` for a whole
 * number of nodes, split into On-Demand and Spot nodes where the option's node groups are split
 * (spot-split.ts): rounding in favour of On-Demand never makes n nodes cost less than n x hourUSD.
 */
interface NodePricing {
  hourUSD: (offer: InstanceOffer) => number;
  costOf: (offer: InstanceOffer, nodes: number) => number;
}

/** Root volume per node: the setting (or the platform default), grown by the extra ephemeral storage its tasks or pods hold. */
function rootVolumeFor(id: Ec2OptionId, scenario: Scenario, layout: NodePlan['layout']): number {
  const base = defaultNodeVolumeGiB(id);
  const storageOf = new Map(
    scenario.services.map((s) => [s.name, s.ephemeralStorageGiB - FARGATE_INCLUDED_STORAGE_GIB]),
  );
  let extra = 0;
  for (const node of layout) {
    let onNode = 0;
    for (const [name, replicas] of Object.entries(node.replicas))
      onNode += replicas * Math.max(0, storageOf.get(name) ?? 0);
    extra = Math.max(extra, onNode);
  }
  return Math.max(scenario.ec2.rootVolumeGiB ?? base, base + extra);
}

function chooseInstance(
  candidates: readonly Candidate[],
  group: GroupSpec,
  minNodes: number,
  pricing: NodePricing,
): Choice | null {
  const demand = demandOf(group.items);
  // The type must also hold one replica of each service that may scale up to its autoscaling
  // maximum (even one whose average rounds to 0), or its node group could never grow to it.
  const peakDemand = demandOf(itemsAtAutoscalingMax(group));
  const ranked: Ranked[] = [];
  let cheapestBound: Ranked | undefined;
  for (const candidate of candidates) {
    if (!fitsLargest(demand, candidate.capacity) || !fitsLargest(peakDemand, candidate.capacity)) continue;
    const hourUSD = pricing.hourUSD(candidate.offer);
    const entry = {
      candidate,
      hourUSD,
      boundUSD: Math.max(lowerBoundNodes(demand, candidate.capacity), minNodes) * hourUSD,
    };
    ranked.push(entry);
    if (!cheapestBound || compareRanked(entry, cheapestBound) < 0) cheapestBound = entry;
  }

  // The answer is the cheapest packing (then fewest nodes, then type name); a type whose lower
  // bound already costs more than some packing found cannot be it. Packing the type with the
  // cheapest bound first gives such a figure, so only the types within it are sorted and packed:
  // the same answer as packing every type in bound order, without sorting all of them.
  const state: { best: Choice | null; bestUSD: number } = { best: null, bestUSD: Infinity };
  if (cheapestBound) considerPacking(cheapestBound, group, minNodes, pricing, state);
  const contenders = Number.isFinite(state.bestUSD)
    ? ranked.filter((entry) => entry.boundUSD <= state.bestUSD && entry !== cheapestBound)
    : ranked.filter((entry) => entry !== cheapestBound);
  contenders.sort(compareRanked);
  for (const entry of contenders) {
    if (entry.boundUSD > state.bestUSD) break;
    considerPacking(entry, group, minNodes, pricing, state);
  }
  return state.best;
}

interface Ranked {
  candidate: Candidate;
  /** What one node-hour of the type bills at least (NodePricing.hourUSD). */
  hourUSD: number;
  /** The fewest nodes any packing could use, times hourUSD. */
  boundUSD: number;
}

const compareRanked = (a: Ranked, b: Ranked): number =>
  a.boundUSD - b.boundUSD || (a.candidate.offer.type < b.candidate.offer.type ? -1 : 1);

/** Packs one type and keeps it when it beats the best so far (cheaper, then fewer nodes, then type name). */
function considerPacking(
  { candidate: { offer, capacity, model }, hourUSD }: Ranked,
  group: GroupSpec,
  minNodes: number,
  pricing: NodePricing,
  state: { best: Choice | null; bestUSD: number },
): void {
  // A type needing more nodes than the best answer's cost allows cannot win: stop packing there.
  const limit = Number.isFinite(state.bestUSD) ? Math.max(floorWhole(state.bestUSD / hourUSD), minNodes) : Infinity;
  const pack = packReplicas(group.items, capacity, limit);
  if (!pack.ok) return;
  const nodes = Math.max(pack.nodes, minNodes);
  const usd = pricing.costOf(offer, nodes);
  const { best, bestUSD } = state;
  if (
    usd < bestUSD ||
    (usd === bestUSD && best && (nodes < best.nodes || (nodes === best.nodes && offer.type < best.offer.type)))
  ) {
    state.best = { offer, capacity, model, pack, nodes };
    state.bestUSD = usd;
  }
}

/**
 * A group whose services run no whole replica needs no node to price, but the type still matters:
 * its node group is where they land when they scale up. The type must hold one replica of each
 * service (and of its autoscaling maximum's largest replica); among those, the cheapest bill wins
 * (the minimum nodes), then the cheapest node-hour, as that is what a scale-up costs. Ranking by a
 * packing of replicas that do not run would price nodes the bill never buys, and a forced type
 * could then beat the automatic choice.
 */
function chooseFor(
  candidates: readonly Candidate[],
  group: GroupSpec,
  minNodes: number,
  pricing: NodePricing,
): Choice | null {
  if (group.items.some((item) => item.count > 0)) return chooseInstance(candidates, group, minNodes, pricing);
  const sizing = demandOf(itemsAtAutoscalingMax(group).map((item) => ({ ...item, count: Math.max(1, item.count) })));
  let best: Choice | null = null;
  let bestUSD = Infinity;
  let bestHourUSD = Infinity;
  for (const { offer, capacity, model } of candidates) {
    if (!fitsLargest(sizing, capacity)) continue;
    const pack = packReplicas(group.items, capacity);
    if (!pack.ok) continue;
    const nodes = Math.max(pack.nodes, minNodes);
    const hourUSD = pricing.hourUSD(offer);
    const usd = pricing.costOf(offer, nodes);
    const better =
      usd < bestUSD ||
      (usd === bestUSD &&
        (hourUSD < bestHourUSD || (hourUSD === bestHourUSD && best !== null && offer.type < best.offer.type)));
    if (better) {
      best = { offer, capacity, model, pack, nodes };
      bestUSD = usd;
      bestHourUSD = hourUSD;
    }
  }
  return best;
}

function planFrom(
  id: Ec2OptionId,
  scenario: Scenario,
  choice: Choice,
  group: GroupSpec,
  automatic: boolean,
): Omit<NodePlan, 'maxCount'> {
  const { offer, capacity, model, pack, nodes } = choice;
  // The Cluster Autoscaler's scale-down delay applies to the node groups EKS on EC2 exports; Auto
  // Mode's own Karpenter is not modelled with a delay.
  const delay = scaleDownDelayHours(id === 'eks-ec2' ? 'eks' : 'ecs', scenario, group);
  let cpu = 0,
    memory = 0,
    slots = 0;
  for (const placed of pack.groups) {
    cpu += placed.usedPerNode.cpuMillis * placed.nodes;
    memory += placed.usedPerNode.memoryMiB * placed.nodes;
    slots += placed.usedPerNode.slots * placed.nodes;
  }
  const percent = (used: number, perNode: number) =>
    nodes === 0 || perNode <= 0 ? 0 : Math.round((used / (perNode * nodes)) * 1000) / 10;
  const layout = pack.groups.map((placed) => ({
    nodes: placed.nodes,
    replicas: placed.perNode,
    used: placed.usedPerNode,
  }));
  return {
    instanceType: offer.type,
    count: nodes,
    arch: offer.arch,
    gpu: group.gpu,
    vcpu: offer.vcpu,
    memoryMiB: offer.memoryMiB,
    usdHour: offer.usdHour,
    priceSource: offer.source,
    priceAsOf: offer.asOf,
    services: group.services.map((s) => s.name),
    choice: automatic ? 'automatic' : 'listed',
    allocatablePerNode: { ...capacity },
    utilization: {
      cpuPercent: percent(cpu, capacity.cpuMillis),
      memoryPercent: percent(memory, capacity.memoryMiB),
      slotsPercent: percent(slots, capacity.slots),
    },
    breakdown: model!.breakdown,
    layout,
    rootVolumeGiB: rootVolumeFor(id, scenario, layout),
    spotSavingsPercent: offer.spotSavingsPercent,
    spotInterruption: offer.spotInterruption,
    minNodesPadding: nodes - pack.nodes,
    hoursPerMonth: group.hours,
    scaleDownDelayHours: delay,
    fullMonth: group.fullMonth,
    nodeHours: nodes * (group.hours + delay),
  };
}

/**
 * Hours a month each node of a part-time group runs after its services stop: on EKS, the exported
 * Cluster Autoscaler removes a node only once it has been unneeded for its scale-down delay, after
 * every run or window (cluster-autoscaler.ts). Never beyond the month. ECS managed scaling's own
 * scale-in timing is not counted (the estimate's assumptions say so).
 */
function scaleDownDelayHours(platform: Platform, scenario: Scenario, group: GroupSpec): number {
  if (platform !== 'eks' || group.fullMonth || group.runsPerMonth <= 0) return 0;
  const delay = (group.runsPerMonth * CLUSTER_AUTOSCALER_SCALE_DOWN_UNNEEDED_MINUTES) / 60;
  return Math.min(delay, Math.max(0, scenario.hoursPerMonth - group.hours));
}

/**
 * Nodes of the chosen type the group needs when every autoscaled service runs its autoscaling
 * maximum, packed as the plan is: the most its node group must be able to grow to.
 */
function itemsAtAutoscalingMax(group: GroupSpec): ReplicaGroup[] {
  // A service priced for no hours places no replica, but its group must still hold its replicas
  // (and maximum) if it runs: the export deploys them.
  const peak = new Map(
    group.services.map((s) => [s.name, Math.max(wholeReplicas(s.replicas), s.autoscaling?.max ?? 0)]),
  );
  return group.items.map((item) => ({ ...item, count: Math.max(item.count, peak.get(item.key) ?? 0) }));
}

function nodesAtAutoscalingMax(choice: Choice, group: GroupSpec): number {
  const items = itemsAtAutoscalingMax(group);
  if (items.every((item, i) => item.count === group.items[i]!.count)) return choice.nodes;
  const peak = packReplicas(items, choice.capacity);
  return peak.ok ? Math.max(choice.nodes, peak.nodes) : choice.nodes;
}

function unavailable(id: Ec2OptionId, reason: string): OptionEstimate {
  return { id, label: OPTION_LABELS[id], available: false, monthlyUSD: null, reason, lines: [] };
}

/** Rule-derived node figures of the chosen types, listed as the standards ask for derived figures. */
function derivedCapacityWarnings(label: string, plans: NodePlan[]): string[] {
  const out: string[] = [];
  for (const plan of plans) {
    const { breakdown } = plan;
    if (breakdown.memTotalRule)
      out.push(
        `${label}: ${plan.instanceType} MemTotal ${breakdown.memTotalMiB} MiB is derived (${breakdown.memTotalRule}).`,
      );
    if (breakdown.slotsRule)
      out.push(
        `${label}: ${plan.instanceType} holds ${countOf(breakdown.slots, 'task')}, derived (${breakdown.slotsRule}).`,
      );
  }
  return out;
}

const gib = (mib: number) => `${Math.round((mib / 1024) * 100) / 100} GiB`;
const vcpus = (millis: number) => `${Math.round(millis) / 1000} vCPU`;

/**
 * Why no candidate type can run a group: the first service that fits none of them, or that no
 * single type holds them all, with the largest type tried and what it has left per node.
 */
function whyNothingFits(
  platform: Platform,
  candidates: readonly Candidate[],
  group: GroupSpec,
  automatic: boolean,
): string {
  const which = automatic ? '' : 'listed ';
  const slotWord = platform === 'eks' ? 'pod' : 'task';
  const largest = [...candidates].sort(
    (a, b) =>
      b.offer.memoryMiB - a.offer.memoryMiB ||
      b.offer.vcpu - a.offer.vcpu ||
      b.capacity.memoryMiB - a.capacity.memoryMiB ||
      (a.offer.type < b.offer.type ? -1 : 1),
  )[0]!;
  const left = largest.model
    ? `leaves ${vcpus(largest.capacity.cpuMillis)}, ${gib(largest.capacity.memoryMiB)}, ${countOf(largest.capacity.slots, `${slotWord} slot`)}${largest.capacity.gpu > 0 ? ` and ${countOf(largest.capacity.gpu, 'GPU')}` : ''} per node after the system's share`
    : `has nothing left per node after the system's share${platform === 'ecs' ? '' : ' (or its max pods are unknown)'}`;
  const fits = (c: Candidate, item: ReplicaGroup) =>
    c.capacity.slots >= 1 &&
    c.capacity.cpuMillis >= item.cpuMillis &&
    c.capacity.memoryMiB >= item.memoryMiB &&
    c.capacity.gpu >= item.gpu;
  const misfit = group.items.find((item) => item.count > 0 && !candidates.some((c) => fits(c, item)));
  if (misfit) {
    const ask = `${vcpus(misfit.cpuMillis)}, ${gib(misfit.memoryMiB)}${misfit.gpu > 0 ? `, ${countOf(misfit.gpu, 'GPU')}` : ''}`;
    const who = group.services.some((s) => s.name === misfit.key) ? `service "${misfit.key}"` : `the ${misfit.key} pod`;
    return `${who} (${ask} per ${slotWord}) fits no ${which}${group.gpu ? 'GPU ' : ''}${group.arch} instance type: the largest tried, ${largest.offer.type}, ${left}`;
  }
  return `no single ${which}instance type holds one replica of each of the ${describeGroup(group)}: the largest tried, ${largest.offer.type}, ${left}`;
}

function describeGroup(group: GroupSpec): string {
  const names = group.services.map((s) => s.name);
  return names.length === 0
    ? `cluster pods (${group.items.map((item) => item.key).join(', ')})`
    : `${group.gpu ? 'GPU ' : ''}${group.arch} services (${names.join(', ')})`;
}

export function estimateEc2Option(
  id: Ec2OptionId,
  scenario: Scenario,
  snapshot: RegionSnapshot,
  warnings: string[],
): OptionEstimate {
  const platform = OPTION_PLATFORM[id];
  const label = OPTION_LABELS[id];
  const windows = scenario.services.find((s) => s.os === 'windows');
  if (windows)
    return unavailable(
      id,
      isManagedNodeOptionId(id)
        ? `service "${windows.name}" is Windows, and ${label} runs Linux instances only`
        : `service "${windows.name}" is Windows, and the price data has Linux EC2 prices only`,
    );

  const automatic = scenario.ec2.instanceTypes.length === 0;
  const plans: NodePlan[] = [];
  for (const group of groupServices(id, scenario)) {
    const candidates = candidatesFor(id, scenario, snapshot, group);
    if (candidates.length === 0) {
      return unavailable(
        id,
        automatic
          ? `no ${group.gpu ? 'NVIDIA GPU ' : ''}${group.arch} instance type is priced in ${scenario.region}`
          : `none of ec2.instanceTypes suits the ${describeGroup(group)}`,
      );
    }
    // Types are ranked by what a node-hour bills: the blended On-Demand/Spot price (with a Spot
    // share) plus its root volume at the base size (the growth for tasks' storage follows the packing).
    // The AWS-managed options add their fee, which follows the On-Demand rate on Spot hours too.
    // Node groups of ECS and EKS on EC2 split into whole On-Demand and Spot nodes, as billed.
    const rootVolumeUsdHour =
      ((scenario.ec2.rootVolumeGiB ?? defaultNodeVolumeGiB(id)) * snapshot.storage.gp3GbMonth.usd) / GB_MONTH_HOURS;
    const feeShare = isManagedNodeOptionId(id) ? MANAGEMENT_FEE_PERCENT / 100 : 0;
    const split = splitsNodes(id);
    const spotShareOf = (offer: InstanceOffer) =>
      split ? groupSpotPercent(offer, scenario.ec2) / 100 : scenario.ec2.spotPercent / 100;
    const extraUsdHour = (offer: InstanceOffer) => offer.usdHour * feeShare + rootVolumeUsdHour;
    const hourUSD = (offer: InstanceOffer) =>
      blendedUsdHour(offer, scenario, snapshot, spotShareOf(offer)) + extraUsdHour(offer);
    const pricing: NodePricing = {
      hourUSD,
      costOf: (offer, nodes) => {
        if (!split) return nodes * hourUSD(offer);
        const { onDemand, spot } = splitNodes(nodes, groupSpotPercent(offer, scenario.ec2));
        const spotUsd = spot > 0 ? (spotUsdHourOf(offer, scenario, snapshot) ?? offer.usdHour) : 0;
        return onDemand * offer.usdHour + spot * spotUsd + nodes * extraUsdHour(offer);
      },
    };
    // ECS Managed Instances and EKS Auto Mode keep no minimum node count: AWS removes idle
    // instances (docs/capacity-rules.md, "Minimum nodes"), so ec2.minNodes applies only to the
    // node groups and Auto Scaling groups the user runs.
    const minNodes = group.fullMonth && !isManagedNodeOptionId(id) ? scenario.ec2.minNodes : 0;
    const choice = chooseFor(candidates, group, minNodes, pricing);
    if (!choice) return unavailable(id, whyNothingFits(platform, candidates, group, automatic));
    plans.push({
      ...planFrom(id, scenario, choice, group, automatic),
      maxCount: nodesAtAutoscalingMax(choice, group),
    });
  }

  const lines = nodeLines(scenario, snapshot, plans, warnings, label, splitsNodes(id));
  if (isManagedNodeOptionId(id)) lines.push(...managementFeeLines(plans, label));
  lines.push(
    ...rootVolumeLines(snapshot, plans, id === 'eks-auto-mode' ? `EBS ${ROOT_VOLUME_TYPE} data volumes` : undefined),
  );
  if (id === 'ecs-ec2' && plans.some((p) => p.rootVolumeGiB < DEFAULT_ROOT_VOLUME_GIB.ecs))
    warnings.push(
      `ECS on EC2: ec2.rootVolumeGiB is below the ECS-optimized AMI's ${DEFAULT_ROOT_VOLUME_GIB.ecs} GiB root volume; instances launched from the exported template would fail to start.`,
    );
  lines.push(
    ...controlPlaneLines(scenario, snapshot, platform),
    ...networkLines(scenario, snapshot, platform),
    ...operationsLine(scenario, platform),
  );
  // The cap applies whenever the ENI or prefix-delegation figure is above it (large types hit it
  // without prefix delegation too), so the warning follows the plans, not the setting.
  const cappedTypes = plans.filter((p) => p.breakdown.slotsCappedAt !== undefined).map((p) => p.instanceType);
  if (id === 'eks-ec2' && cappedTypes.length > 0) {
    warnings.push(
      `EKS on EC2 (${[...new Set(cappedTypes)].join(', ')}): max pods per node is capped at ${EKS_MNG_MAX_PODS.upTo30Vcpu} (up to ${EKS_MNG_MAX_PODS.vcpuThreshold} vCPUs) or ${EKS_MNG_MAX_PODS.above30Vcpu}, as managed node groups enforce.`,
    );
  }
  if (id === 'eks-auto-mode' && cappedTypes.length > 0) {
    warnings.push(
      `EKS Auto Mode (${[...new Set(cappedTypes)].join(', ')}): max pods per node is capped at ${AUTO_MODE_MAX_PODS}, whatever the instance size.`,
    );
  }
  warnings.push(...derivedCapacityWarnings(label, plans));
  return { id, label, available: true, monthlyUSD: totalOf(lines), lines, nodes: plans };
}

/**
 * The management fee of ECS Managed Instances and EKS Auto Mode: one line per instance type, for
 * every node-hour of it, On-Demand and Spot alike, at 12% of the type's On-Demand rate (derived).
 */
function managementFeeLines(plans: NodePlan[], label: string): CostLine[] {
  const byType = new Map<string, { plan: NodePlan; nodeHours: number }>();
  for (const plan of plans) {
    const seen = byType.get(plan.instanceType);
    if (seen) seen.nodeHours += plan.nodeHours;
    else byType.set(plan.instanceType, { plan, nodeHours: plan.nodeHours });
  }
  return [...byType.values()]
    .filter(({ nodeHours }) => nodeHours > 0)
    .map(({ plan, nodeHours }) =>
      lineFromFigure(
        'management-fee',
        `${label} management fee (${plan.instanceType})`,
        nodeHours,
        'instance-hours',
        managementFeeFrom(
          { usd: plan.usdHour, source: plan.priceSource, asOf: plan.priceAsOf },
          label,
          plan.instanceType,
        ),
      ),
    );
}

/** gp3 root volumes: one line per node group, GiB-months prorated by its node-hours. */
function rootVolumeLines(snapshot: RegionSnapshot, plans: NodePlan[], what?: string): CostLine[] {
  return plans
    .filter((plan) => plan.nodeHours > 0)
    .map((plan) =>
      lineFromFigure(
        'ebs-root-volume',
        `${what ?? `EBS ${ROOT_VOLUME_TYPE} root volumes`} (${plan.rootVolumeGiB} GiB per ${plan.instanceType} node)`,
        (plan.rootVolumeGiB * plan.nodeHours) / GB_MONTH_HOURS,
        'GiB-months',
        snapshot.storage.gp3GbMonth,
      ),
    );
}

/**
 * Instance lines per node group. ECS and EKS on EC2 price whole On-Demand and Spot nodes, split as
 * their exports deploy them (spot-split.ts); the AWS-managed options price the Spot share of
 * node-hours, as AWS places their tasks and pods by capacity provider weight or NodePool.
 */
function nodeLines(
  scenario: Scenario,
  snapshot: RegionSnapshot,
  plans: NodePlan[],
  warnings: string[],
  label: string,
  byWholeNodes: boolean,
): CostLine[] {
  const { spotPercent, savingsPlanDiscountPercent } = scenario.ec2;
  const spotShare = spotPercent / 100;
  const lines: CostLine[] = [];
  let onDemandUSD = 0;
  for (const plan of plans) {
    const figure = { usd: plan.usdHour, source: plan.priceSource, asOf: plan.priceAsOf };
    const offer = snapshot.ec2.instances.find((o) => o.type === plan.instanceType)!;
    const spot = spotShare > 0 ? spotPriceOf(offer, scenario, snapshot) : null;
    if (spotShare > 0 && !spot)
      warnings.push(
        `${label}: the Spot Instance Advisor has no figure for ${plan.instanceType} in ${scenario.region}, so its Spot share is priced On-Demand; set ec2.spotDiscountPercent to price it.`,
      );
    if (spot && spot.source !== 'scenario' && plan.spotInterruption === HIGH_INTERRUPTION_BAND)
      warnings.push(
        `${label}: ${plan.instanceType} Spot capacity is interrupted more than 20% of the time in ${scenario.region} (Spot Instance Advisor); expect replacements.`,
      );
    // Hours each node of the group runs; the split gives the On-Demand and Spot nodes.
    const perNodeHours = plan.hoursPerMonth + plan.scaleDownDelayHours;
    const spotHours = !spot
      ? 0
      : byWholeNodes
        ? nodeSplitOf(plan, scenario.ec2).spot * perNodeHours
        : plan.nodeHours * spotShare;
    const onDemandHours = plan.nodeHours - spotHours;
    if (onDemandHours > 0) {
      const line = lineFromFigure(
        'ec2-instance',
        `EC2 ${plan.instanceType} On-Demand (Linux)`,
        onDemandHours,
        'instance-hours',
        figure,
      );
      lines.push(line);
      onDemandUSD += line.monthlyUSD;
    }
    if (spot && spotHours > 0) {
      const component = `EC2 ${plan.instanceType} Spot (${spot.label})`;
      lines.push(
        spot.source === 'scenario'
          ? lineFromScenario('ec2-spot-instance', component, spotHours, 'instance-hours', spot.usdHour, spot.rule)
          : lineFromFigure('ec2-spot-instance', component, spotHours, 'instance-hours', {
              usd: spot.usdHour,
              source: spot.source,
              asOf: spot.asOf!,
              derived: spot.rule,
            }),
      );
    }
  }
  if (savingsPlanDiscountPercent > 0 && onDemandUSD > 0) {
    lines.push(
      discountLine(
        'ec2-savings-plan',
        `Savings Plan (${savingsPlanDiscountPercent}% off On-Demand EC2)`,
        roundToCents(onDemandUSD),
        savingsPlanDiscountPercent,
      ),
    );
  }
  return lines;
}
