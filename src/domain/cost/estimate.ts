/**
 * Prices one scenario four ways. Pure: same scenario and snapshot, same estimate.
 */
import type { Scenario } from '../scenario/scenario-schema.ts';
import type { RegionSnapshot } from '../pricing/price-snapshot.ts';
import { estimateFargateOption } from './fargate-option.ts';
import { estimateEc2Option } from './ec2-option.ts';
import type { Estimate, OptionEstimate } from './estimate-types.ts';

export function estimateScenario(scenario: Scenario, snapshot: RegionSnapshot): Estimate {
  const warnings: string[] = [];
  const options: OptionEstimate[] = [
    estimateFargateOption('ecs', scenario, snapshot, warnings),
    estimateEc2Option('ecs', scenario, snapshot, warnings),
    estimateFargateOption('eks', scenario, snapshot, warnings),
    estimateEc2Option('eks', scenario, snapshot, warnings),
  ];
  warnings.push(...derivedPriceWarnings(options), ...autoscalingWarnings(scenario), ...loadBalancerWarnings(scenario));

  let cheapest: OptionEstimate | null = null;
  for (const option of options) {
    if (option.monthlyUSD === null) continue;
    if (!cheapest || option.monthlyUSD < cheapest.monthlyUSD!) cheapest = option;
  }
  const pricing: Estimate['pricing'] = { source: snapshot.source, asOf: snapshot.asOf };
  if (snapshot.reason) pricing.reason = snapshot.reason;
  return {
    region: scenario.region,
    regionName: snapshot.regionName,
    pricing,
    hoursPerMonth: scenario.hoursPerMonth,
    options,
    cheapest: cheapest?.id ?? null,
    warnings: [...new Set(warnings)],
    assumptions: assumptionsFor(scenario),
  };
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

function autoscalingWarnings(scenario: Scenario): string[] {
  return scenario.services.flatMap((service, index) => {
    const a = service.autoscaling;
    if (!a || (service.replicas >= a.min && service.replicas <= a.max)) return [];
    return [
      `services[${index}].replicas (${service.replicas}) is outside its autoscaling range ${a.min}-${a.max}: costs use replicas as the average running count.`,
    ];
  });
}

/** The config export gives every public service its own Application Load Balancer; say when fewer are priced. */
function loadBalancerWarnings(scenario: Scenario): string[] {
  const publicServices = scenario.services.filter((s) => s.public).length;
  if (publicServices <= scenario.extras.loadBalancers) return [];
  return [
    `${publicServices} public service${publicServices > 1 ? 's' : ''} would get ${publicServices > 1 ? 'their own Application Load Balancers' : 'an Application Load Balancer'} in the exported configuration, but extras.loadBalancers prices ${scenario.extras.loadBalancers}: set it to ${publicServices} to include them.`,
  ];
}

function assumptionsFor(scenario: Scenario): string[] {
  const list = [
    `Costs are for ${scenario.hoursPerMonth} hours a month; replicas are the average running count, and each line is rounded to cents before the total, as AWS bills.`,
    'Fargate bills each task or pod at the smallest valid CPU/memory size that covers its request; EKS on Fargate first adds 256 MiB per pod.',
    'EC2 nodes are sized for the replicas rounded up to whole tasks or pods, all running at once; node groups are split by CPU architecture and GPU need. Services that run fewer hours than the month (batch) get node groups of their own that run only those hours; ec2.minNodes applies to the groups that run all month.',
    'EKS nodes lose kube-reserved CPU and memory (11 MiB per max pod + 255 MiB), a 100 MiB eviction threshold, aws-node and kube-proxy (125m CPU, 2 pods) to the system; the cluster runs 2 CoreDNS pods (100m, 70 MiB each).',
    `ECS nodes register 97.5% of their memory (the ECS guide's m4.large example) and hold ${scenario.ec2.eniTrunking ? 'as many awsvpc tasks as they have trunk branch interfaces' : 'one awsvpc task per ENI beyond the primary'}.`,
    'Automatic instance choice skips burstable (T), bare-metal and previous-generation types, and for GPU services takes NVIDIA GPUs only (what the ECS GPU-optimized AMI and the EKS NVIDIA device plugin schedule); list types in ec2.instanceTypes to use others.',
    'Not included: EBS volumes for EC2 nodes, data transfer, CloudWatch logs, ECR storage, and taxes.',
  ];
  if (scenario.ec2.spotPercent > 0)
    list.push(
      `EC2 Spot: ${scenario.ec2.spotPercent}% of node-hours at ${scenario.ec2.spotDiscountPercent}% below On-Demand, as set in the scenario; real Spot prices vary by zone and hour.`,
    );
  if (scenario.fargate.spotPercent > 0)
    list.push(
      "Fargate Spot prices are the region's published Spot rates; Spot tasks can be interrupted with two minutes' notice.",
    );
  return list;
}
