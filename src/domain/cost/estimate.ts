/**
 * Prices one scenario six ways. Pure: same scenario and snapshot, same estimate.
 */
import { addOnPodsText, AWS_LOAD_BALANCER_CONTROLLER, eksAddOnsFor } from '../capacity/eks-add-ons.ts';
import { unscheduledPartMonthWarnings } from '../schedule/part-month.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import type { RegionSnapshot } from '../pricing/price-snapshot.ts';
import { estimateFargateOption } from './fargate-option.ts';
import { estimateEc2Option } from './ec2-option.ts';
import type { Estimate, OptionEstimate, ScheduledServiceHours } from './estimate-types.ts';
import { explainScheduledHours, isCronSchedule, serviceHoursPerMonth } from '../schedule/service-schedule.ts';
import { secretRegionMismatches } from '../scenario/example-values.ts';
import {
  CLUSTER_AUTOSCALER_CPU_MILLIS,
  CLUSTER_AUTOSCALER_MEMORY_MIB,
  CLUSTER_AUTOSCALER_REPLICAS,
  CLUSTER_AUTOSCALER_SCALE_DOWN_UNNEEDED_MINUTES,
} from '../capacity/cluster-autoscaler.ts';
import { linesFromSnapshot, priceDateRange } from './price-dates.ts';
import { loadBalancerWarning, MAX_SERVICES_PER_LOAD_BALANCER, planLoadBalancers } from './load-balancer-plan.ts';
import { eksctlZoneCount, natGatewayWarning } from './nat-gateway-count.ts';
import { ECS_LOAD_BALANCER_ZONES } from './public-ipv4-count.ts';
import { autoscalingRangeWarnings } from './autoscaling-range.ts';
import { DEFAULT_ROOT_VOLUME_GIB, LOG_RETENTION_DAYS, logsPriced, ROOT_VOLUME_TYPE } from './bill-settings.ts';
import { FARGATE_INCLUDED_STORAGE_GIB } from '../sizing/fargate-sizes.ts';
import { MEMTOTAL_RULE } from '../capacity/node-capacity.ts';
import { AUTO_MODE_MAX_PODS } from '../capacity/eks-auto-mode-capacity.ts';
import { MANAGEMENT_FEE_PERCENT } from '../pricing/derived-price-rules.ts';
import { MANAGED_NODE_VOLUME_GIB } from './bill-settings.ts';
import {
  COREDNS_CPU_MILLIS,
  COREDNS_MEMORY_MIB,
  COREDNS_REPLICAS,
  EKS_DEFAULT_DAEMONSETS,
  EKS_KUBE_RESERVED_CPU_BANDS,
  EKS_EVICTION_MIB,
  EKS_KUBE_RESERVED_BASE_MIB,
  EKS_KUBE_RESERVED_MIB_PER_POD,
  EKS_MNG_MAX_PODS,
} from '../capacity/eks-node-capacity.ts';
import { EKS_FARGATE_POD_OVERHEAD_MIB } from '../sizing/fargate-sizes.ts';
import {
  FARGATE_LOG_ROUTER_PLAN_MB,
  LOG_ROUTER_CPU_MILLIS,
  LOG_ROUTER_IMAGE,
  LOG_ROUTER_MEMORY_MIB,
} from '../capacity/log-router.ts';
import {
  DEFAULT_ECS_NETWORK_MODE,
  ECS_CPU_UNITS_PER_VCPU,
  ECS_RESERVED_MEMORY_MIB,
} from '../capacity/ecs-node-capacity.ts';

/**
 * The scenario with every autoscaled service at its autoscaling maximum, or null when none can
 * scale above its replicas.
 */
export function atAutoscalingMaximum(scenario: Scenario): Scenario | null {
  let higher = false;
  const services = scenario.services.map((service) => {
    const max = service.autoscaling?.max;
    if (max === undefined || max <= service.replicas) return service;
    higher = true;
    return { ...service, replicas: max };
  });
  return higher ? { ...scenario, services } : null;
}

/**
 * Prices the scenario; with `atAutoscalingMax` each option also carries its cost with the
 * autoscaled services at their maxima (a second estimate, so off by default: the CLI, the page and
 * the export ask for it; sweeps only read the totals).
 */
export function estimateScenario(
  scenario: Scenario,
  snapshot: RegionSnapshot,
  { atAutoscalingMax = false }: { atAutoscalingMax?: boolean } = {},
): Estimate {
  const warnings: string[] = [];
  const options: OptionEstimate[] = [
    estimateFargateOption('ecs', scenario, snapshot, warnings),
    estimateEc2Option('ecs-ec2', scenario, snapshot, warnings),
    estimateFargateOption('eks', scenario, snapshot, warnings),
    estimateEc2Option('eks-ec2', scenario, snapshot, warnings),
    estimateEc2Option('ecs-managed-instances', scenario, snapshot, warnings),
    estimateEc2Option('eks-auto-mode', scenario, snapshot, warnings),
  ];
  const peak = atAutoscalingMax ? atAutoscalingMaximum(scenario) : null;
  if (peak) {
    const peakOptions = estimateScenario(peak, snapshot).options;
    for (const option of options) {
      if (option.available)
        option.atAutoscalingMaxUSD = peakOptions.find((o) => o.id === option.id)?.monthlyUSD ?? null;
    }
  }
  warnings.push(
    ...derivedPriceWarnings(options),
    ...autoscalingRangeWarnings(scenario),
    ...networkCountWarnings(scenario),
    ...networkModeWarnings(scenario),
    ...secretRegionMismatches(scenario),
    ...unscheduledPartMonthWarnings(scenario),
  );

  let cheapest: OptionEstimate | null = null;
  for (const option of options) {
    if (option.monthlyUSD === null) continue;
    if (!cheapest || option.monthlyUSD < cheapest.monthlyUSD!) cheapest = option;
  }
  const schedules = scheduledServices(scenario);
  const pricing: Estimate['pricing'] = { source: snapshot.source, asOf: snapshot.asOf, ...priceDateRange(options) };
  if (snapshot.reason) pricing.reason = snapshot.reason;
  if (snapshot.source === 'live') {
    const fromSnapshot = linesFromSnapshot(options);
    if (fromSnapshot.length > 0) {
      pricing.fromSnapshot = fromSnapshot;
      warnings.push(
        `Live prices: the pricing proxy does not fetch these lines, so they use the bundled snapshot's figures (each line names its source and date): ${fromSnapshot.join('; ')}.`,
      );
    }
  }
  return {
    region: scenario.region,
    regionName: snapshot.regionName,
    pricing,
    hoursPerMonth: scenario.hoursPerMonth,
    options,
    cheapest: cheapest?.id ?? null,
    warnings: [...new Set(warnings)],
    assumptions: [
      ...assumptionsFor(scenario),
      ...schedules.map(
        (s) =>
          `Service "${s.service}" runs ${roundHours(s.hoursPerMonth)} hours a month, derived from its schedule: ${s.derived}.`,
      ),
    ],
    ...(schedules.length > 0 ? { schedules } : {}),
  };
}

const roundHours = (hours: number): number => Math.round(hours * 100) / 100;

/** Hours of the services that have a schedule, with how they were derived. */
function scheduledServices(scenario: Scenario): ScheduledServiceHours[] {
  return scenario.services.flatMap((service) => {
    if (!service.schedule) return [];
    const derived = explainScheduledHours(service.schedule, scenario.hoursPerMonth);
    if (derived === null) return [];
    return [
      {
        service: service.name,
        kind: isCronSchedule(service.schedule) ? 'cron' : 'weekly',
        hoursPerMonth: serviceHoursPerMonth(service, scenario.hoursPerMonth),
        derived,
      },
    ];
  });
}

function derivedPriceWarnings(options: OptionEstimate[]): string[] {
  const out: string[] = [];
  for (const option of options) {
    for (const line of option.lines) {
      if (line.derived && line.source !== 'scenario')
        out.push(`Derived price: "${line.component}" at $${line.unitPriceUSD} (${line.derived}).`);
    }
  }
  return out;
}

/** Say when the services need more ALBs, or the EKS export more NAT gateways, than the scenario sets (they are priced as deployed). */
function networkCountWarnings(scenario: Scenario): string[] {
  const out: string[] = [];
  const albs = loadBalancerWarning(planLoadBalancers(scenario));
  if (albs) out.push(albs);
  const nat = natGatewayWarning(scenario);
  if (nat) out.push(nat);
  return out;
}

/** "6% of core 1, 1% of core 2, 0.5% of cores 3-4, 0.25% of every core above 4", from the bands. */
function cpuBandsText(): string {
  let first = 1;
  return EKS_KUBE_RESERVED_CPU_BANDS.map(([cores, share]) => {
    const pct = `${Math.round(share * 10000) / 100}%`;
    const text = !Number.isFinite(cores)
      ? `${pct} of every core above ${first - 1}`
      : cores === 1
        ? `${pct} of core ${first}`
        : `${pct} of cores ${first}-${first + cores - 1}`;
    first += cores;
    return text;
  }).join(', ');
}

function ecsSlotsAssumption(scenario: Scenario): string {
  if ((scenario.ec2.ecsNetworkMode ?? DEFAULT_ECS_NETWORK_MODE) === 'bridge')
    return 'run tasks in bridge mode: no ENI limit, one dynamic host port per task';
  return scenario.ec2.eniTrunking
    ? "hold the ECS guide's awsvpc task limit with ENI trunking (for types it does not list, the VPC branch-interface count, marked derived)"
    : "hold one awsvpc task per ENI beyond the primary, on all network cards (the ECS guide's table where it lists the type)";
}

function daemonAssumption(scenario: Scenario): string[] {
  const daemons = scenario.ec2.daemonsPerNode ?? [];
  if (daemons.length === 0) return [];
  return [
    `Every EC2 node also runs ${daemons.map((d) => `${d.name} (${d.vcpu} vCPU, ${d.memoryGiB} GiB)`).join(', ')} (ec2.daemonsPerNode), one task or pod each.`,
  ];
}

/**
 * The node autoscalers the EC2 exports rely on, and what their scale-down costs: stated for every
 * scenario (the EKS one), and for part-time groups how their delay is counted.
 */
function nodeAutoscalerAssumptions(scenario: Scenario): string[] {
  const monthHours = scenario.hoursPerMonth;
  const partTime = scenario.services.filter((s) => serviceHoursPerMonth(s, monthHours) < monthHours);
  const out = [
    `EKS on EC2: the export installs Cluster Autoscaler (${CLUSTER_AUTOSCALER_REPLICAS} pod per cluster, ${CLUSTER_AUTOSCALER_CPU_MILLIS}m CPU, ${CLUSTER_AUTOSCALER_MEMORY_MIB} MiB, counted beside CoreDNS); it removes a node once it has been unneeded for ${CLUSTER_AUTOSCALER_SCALE_DOWN_UNNEEDED_MINUTES} minutes (--scale-down-unneeded-time, its default, set explicitly in the export), so each node of a part-time group is priced ${CLUSTER_AUTOSCALER_SCALE_DOWN_UNNEEDED_MINUTES} more minutes after every run or window of its services' schedules.`,
  ];
  if (partTime.length > 0) {
    out.push(
      "ECS on EC2: part-time node groups are priced for their services' hours only; the minutes ECS managed scaling takes to scale in after a run (its CloudWatch alarm, managed by AWS) are not counted.",
    );
    const unscheduled = partTime.filter((s) => !s.schedule).map((s) => s.name);
    if (unscheduled.length > 0)
      out.push(
        `${unscheduled.join(', ')}: hoursPerMonth without a schedule, so the number of runs is unknown and no scale-down delay is counted for ${unscheduled.length === 1 ? 'it' : 'them'}; the export refuses ${unscheduled.length === 1 ? 'it' : 'them'} until ${unscheduled.length === 1 ? 'it has' : 'they have'} a schedule.`,
      );
  }
  return out;
}

/**
 * The log router the EKS exports install when logs are priced, and what it takes: a pod on every
 * EC2 node (counted), nothing billed on Fargate (AWS runs it in the pod's VM).
 */
function logRouterAssumptions(scenario: Scenario): string[] {
  if (!logsPriced(scenario)) return [];
  return [
    `EKS on EC2: logs are priced, so the export installs Fluent Bit (${LOG_ROUTER_IMAGE}) as a DaemonSet that ships the services' container logs to one CloudWatch log group with ${LOG_RETENTION_DAYS}-day retention; its pod on every node requests ${LOG_ROUTER_CPU_MILLIS}m CPU and ${LOG_ROUTER_MEMORY_MIB} MiB and takes a pod slot, counted in each node's breakdown.`,
    `EKS on Fargate: the export configures Fargate's built-in log router (ConfigMap aws-logging in the aws-observability namespace) with the same retention. AWS runs it inside each pod's Fargate VM and bills nothing for it, as the pod's size comes from its requests plus ${EKS_FARGATE_POD_OVERHEAD_MIB} MiB; AWS suggests leaving up to ${FARGATE_LOG_ROUTER_PLAN_MB.typical} MB of the pod's memory for it (${FARGATE_LOG_ROUTER_PLAN_MB.highThroughput} MB at very high log rates), which the estimate does not add.`,
  ];
}

/**
 * The add-ons the EKS bundles install with Helm (capacity/eks-add-ons.ts), and where the estimate
 * counts their pods.
 */
function addOnAssumptions(scenario: Scenario): string[] {
  const addOns = eksAddOnsFor('eks-ec2', scenario);
  if (addOns.length === 0) return [];
  const listed = addOns.map(
    (a) =>
      `${a.label} ${a.chartVersion} (${addOnPodsText(a)}${a === AWS_LOAD_BALANCER_CONTROLLER ? '; not on EKS Auto Mode, which balances load itself' : ''})`,
  );
  return [
    `EKS add-ons: the EKS exports install ${listed.join(', ')} with Helm, each pod's replicas and requests set in its helm command; EKS on EC2 and EKS Auto Mode pack them on the all-month node group (one pod slot each, beside CoreDNS and Cluster Autoscaler on EKS on EC2), and EKS on Fargate bills each pod at its Fargate size (requests + ${EKS_FARGATE_POD_OVERHEAD_MIB} MiB), all month, per cluster.`,
  ];
}

/** Bridge mode is an ECS on EC2 setting: say where it does not apply. */
function networkModeWarnings(scenario: Scenario): string[] {
  if (scenario.ec2.ecsNetworkMode !== 'bridge') return [];
  const out = [
    'ec2.ecsNetworkMode "bridge" applies to ECS on EC2 only: ECS on Fargate runs awsvpc tasks (Fargate requires it), ECS Managed Instances supports awsvpc and host but not bridge (its tasks are priced as awsvpc), and the EKS options ignore it.',
  ];
  if (scenario.ec2.eniTrunking)
    out.push('ec2.eniTrunking adds awsvpc task interfaces, so it does not apply to ECS on EC2 in bridge mode.');
  return out;
}

function assumptionsFor(scenario: Scenario): string[] {
  const list = [
    `Costs are for ${scenario.hoursPerMonth} hours a month; replicas are the average running count, and each line is rounded to cents before the total, as AWS bills.`,
    `Fargate bills each task or pod at the smallest valid CPU/memory size that covers its request; EKS on Fargate first adds ${EKS_FARGATE_POD_OVERHEAD_MIB} MiB per pod.`,
    'EC2 nodes are sized for the replicas rounded up to whole tasks or pods, all running at once; node groups are split by CPU architecture and GPU need. Services that run fewer hours than the month (batch) get node groups of their own that run only those hours; ec2.minNodes applies to the groups that run all month, and not to ECS Managed Instances or EKS Auto Mode, which keep no idle instances.',
    `EC2 node memory is MemTotal, as the kubelet and the ECS agent register it: measured per type (Bottlerocket, 2023), or where never measured nominal - ${MEMTOTAL_RULE.baseMiB} MiB - ${MEMTOTAL_RULE.nominalShare * 100}% (marked derived).`,
    `EKS nodes (AL2023 managed node groups) lose kube-reserved memory (${EKS_KUBE_RESERVED_MIB_PER_POD} MiB x the default network card's ENI-limited max pods + ${EKS_KUBE_RESERVED_BASE_MIB} MiB, whatever max pods is set to), kube-reserved CPU (${cpuBandsText()}), a ${EKS_EVICTION_MIB} MiB eviction threshold, and ${EKS_DEFAULT_DAEMONSETS.map((d) => `${d.name.replace('DaemonSet ', '')} (${d.cpuMillis}m)`).join(' and ')} on every node; max pods is the ENI limit${scenario.ec2.prefixDelegation ? ' or the prefix-delegation figure' : ''}, capped at ${EKS_MNG_MAX_PODS.upTo30Vcpu} (${EKS_MNG_MAX_PODS.above30Vcpu} above ${EKS_MNG_MAX_PODS.vcpuThreshold} vCPUs); the cluster runs ${COREDNS_REPLICAS} CoreDNS pods (${COREDNS_CPU_MILLIS}m, ${COREDNS_MEMORY_MIB} MiB each).`,
    `ECS instances register vCPU x ${ECS_CPU_UNITS_PER_VCPU} CPU units and MemTotal - ${ECS_RESERVED_MEMORY_MIB} MiB (ECS_RESERVED_MEMORY, which the export sets in the instances' user data), and ${ecsSlotsAssumption(scenario)}.`,
    ...daemonAssumption(scenario),
    ...nodeAutoscalerAssumptions(scenario),
    ...logRouterAssumptions(scenario),
    ...addOnAssumptions(scenario),
    `ECS Managed Instances and EKS Auto Mode: AWS chooses, launches, patches and replaces the instances, for a management fee per instance-hour of ${MANAGEMENT_FEE_PERCENT}% of the type's On-Demand rate (derived: the price data does not label the per-type fees), charged on Spot instances too and not reduced by the Savings Plan discount. ECS Managed Instances packs tasks as ECS on EC2 does (awsvpc, no bridge) and has no control-plane charge; EKS Auto Mode includes the EKS cluster fee.`,
    `EKS Auto Mode nodes run Bottlerocket with prefix delegation: max pods is ENIs x ((IPv4 per ENI - 1) x 16) + 2, capped at ${AUTO_MODE_MAX_PODS}; kube-reserved memory ${EKS_KUBE_RESERVED_MIB_PER_POD} MiB x that max pods + ${EKS_KUBE_RESERVED_BASE_MIB} MiB, CPU by the same bands, a ${EKS_EVICTION_MIB} MiB eviction threshold. VPC CNI, kube-proxy, CoreDNS and AWS's other components run in the node, so no DaemonSet or CoreDNS pods are packed; what they use beyond kube-reserved is not published. Each node bills a ${scenario.ec2.rootVolumeGiB ?? MANAGED_NODE_VOLUME_GIB['eks-auto-mode']} GiB ${ROOT_VOLUME_TYPE} data volume (the NodeClass's ephemeral storage); its small OS volume is not priced.`,
    'Automatic instance choice skips burstable (T), bare-metal and previous-generation types, and for GPU services takes NVIDIA GPUs only (what the ECS GPU-optimized AMI and the EKS NVIDIA device plugin schedule); list types in ec2.instanceTypes to use others.',
    `EC2 nodes have a ${ROOT_VOLUME_TYPE} root volume each (${scenario.ec2.rootVolumeGiB === undefined ? `${DEFAULT_ROOT_VOLUME_GIB.ecs} GiB on ECS, ${DEFAULT_ROOT_VOLUME_GIB.eks} GiB on EKS` : `${scenario.ec2.rootVolumeGiB} GiB`}, grown by the storage above ${FARGATE_INCLUDED_STORAGE_GIB} GiB of the tasks or pods a node holds), billed per GiB-month for the hours the node runs; the export creates them at that size.`,
    logsPriced(scenario)
      ? `CloudWatch Logs: extras.logIngestionGB is billed on every option at the region's Standard ingestion rate, plus storage of ${LOG_RETENTION_DAYS} days of it (the retention the export sets), as ingested.`
      : `CloudWatch Logs: extras.logIngestionGB is 0, so no logs are priced and the exports ship none (ECS tasks get no log configuration or log groups, EKS no log router); set it to price the services' logs, which the exports then send to log groups with ${LOG_RETENTION_DAYS}-day retention.`,
    "Internet egress is billed on the region's monthly tiers with no free allowance (the 100 GB a month AWS gives is per account, shared by everything in it); cross-AZ traffic is billed on both sides.",
    `Application Load Balancers: public services share one internet-facing ALB with host rules, one service without a host taking its default action; each further public service without a host gets its own ALB, and an ALB holds at most ${MAX_SERVICES_PER_LOAD_BALANCER} services. extras.loadBalancers is the total, raised to what the services need; ALBs beyond that are exported as spares answering 404. Every option prices and exports the same ALBs, each at extras.lcuPerLoadBalancer LCUs.`,
    "NAT gateways: the ECS exports run in your VPC and create none, so the ECS options price extras.natGateways as your VPC's NAT the tasks use (private subnets need a NAT gateway or VPC endpoints, which are not priced); the EKS exports' eksctl creates a new VPC with private subnets for nodes and Fargate pods, so the EKS options price at least 1 (vpc.nat.gateway Single, or HighlyAvailable with one per availability zone).",
    `Public IPv4 addresses, billed per address-hour: each internet-facing ALB has one per availability zone it spans (${ECS_LOAD_BALANCER_ZONES} on ECS, the public subnets the Terraform asks for; ${eksctlZoneCount(scenario.region)} on EKS, eksctl's VPC in ${scenario.region}), at least, as an ALB adds nodes under load; each priced NAT gateway holds one Elastic IP; extras.publicIPv4Addresses adds any others. Tasks, pods and nodes run in private subnets and have none.`,
    'Not included: ECR storage, EBS snapshots, requests to other AWS services, and taxes.',
  ];
  if (scenario.ec2.spotPercent > 0)
    list.push(
      scenario.ec2.spotDiscountPercent === undefined
        ? `EC2 Spot: a ${scenario.ec2.spotPercent}% share at each type's Spot Instance Advisor savings in the region (Linux, the trailing month when the advisor data was taken); automatic choice ranks types by the blended On-Demand/Spot price. Real Spot prices vary by zone and hour.`
        : `EC2 Spot: a ${scenario.ec2.spotPercent}% share at ${scenario.ec2.spotDiscountPercent}% below On-Demand, as set in the scenario; real Spot prices vary by zone and hour.`,
      `EC2 Spot on ECS and EKS on EC2: each node group runs whole nodes, On-Demand = its nodes x ${Math.round(100 - scenario.ec2.spotPercent)}% rounded up (as EC2 Auto Scaling rounds) and the rest Spot (at 50% Spot, 3 nodes are 2 On-Demand and 1 Spot); the bill prices those nodes and the export deploys them. ECS Managed Instances and EKS Auto Mode price the Spot share of node-hours.`,
    );
  if (scenario.fargate.spotPercent > 0)
    list.push(
      "Fargate Spot prices are the region's published Spot rates; Spot tasks can be interrupted with two minutes' notice.",
    );
  return list;
}
