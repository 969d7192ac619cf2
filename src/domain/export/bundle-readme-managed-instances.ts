/**
 * The ECS Managed Instances part of the bundle README: what AWS runs for the fee, what the
 * capacity providers still pin, where what AWS launches can differ from the priced node plan, and
 * what the offline checks could not validate (docs/export-rules.md, "ECS Managed Instances").
 */
import type { ExportContext, NodeGroup } from './export-context.ts';
import { managedCapacityOptions, managedProviderId, managedSpotWeight } from './ecs-terraform-cluster.ts';
import { AWS_PROVIDER_VERSION_MANAGED_INSTANCES } from './ecs-terraform-settings.ts';
import { MANAGED_INSTANCES_ROLE_PREFIX } from './ecs-terraform-managed-instances.ts';
import { MANAGEMENT_FEE_PERCENT } from '../pricing/derived-price-rules.ts';
import { formatUSD } from '../money/round-cents.ts';
import { ECS_RESERVED_MEMORY_MIB } from '../capacity/ecs-node-capacity.ts';

/** ECS Managed Instances spreads a service's tasks over at least this many instances in different AZs when it can. */
export const MANAGED_INSTANCES_AZ_SPREAD = 3;

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function feeTotalUSD(context: ExportContext): number {
  return context.option.lines.filter((l) => l.kind === 'management-fee').reduce((sum, l) => sum + l.monthlyUSD, 0);
}

/** Where what the capacity providers launch can differ from the group's priced plan. */
function groupNotes(context: ExportContext, group: NodeGroup): string[] {
  const { plan } = group;
  const providers = managedCapacityOptions(context, group)
    .map((o) => `\`${managedProviderId(group, o)}\` (${o === 'SPOT' ? 'Spot' : 'On-Demand'})`)
    .join(' and ');
  const notes = [
    `- ${group.key}: ${plural(plan.count, 'instance')} of ${plan.instanceType} priced (${plan.services.join(', ')}), up to ${plan.maxCount} at the autoscaling maxima; capacity provider ${providers}, pinned to ${plan.instanceType} with a ${plan.rootVolumeGiB} GiB volume per instance (\`storage_size_gib\`, priced as gp3; AWS's references call it the root, tasks or data volume, and an OS volume beside it, if any, is not priced).`,
  ];
  const spot = managedSpotWeight(context, group);
  if (spot > 0 && spot < 100)
    notes.push(
      `  - The services split their tasks ${spot}% Spot / ${100 - spot}% On-Demand by capacity provider weight (the bill splits node-hours ${spot}/${100 - spot}); each provider packs its own share, so the group can run one instance more than priced per provider.`,
    );
  const widest = Math.max(0, ...context.services.filter((s) => s.nodeGroup === group).map((s) => s.desiredCount));
  const spread = Math.min(widest, MANAGED_INSTANCES_AZ_SPREAD);
  if (spread > plan.count)
    notes.push(
      `  - With subnets in ${MANAGED_INSTANCES_AZ_SPREAD} or more Availability Zones, ECS spreads a service's tasks over up to ${spread} instances before packing them, where the plan packs ${plural(plan.count, 'instance')}; list one subnet in \`private_subnet_ids\` to get the priced packing (at the cost of zone redundancy).`,
    );
  if (!plan.fullMonth)
    notes.push(
      `  - Runs ${plan.hoursPerMonth} hours a month: ECS launches the instances when the tasks start and removes them once idle; the idle time before removal (AWS's default, not published) is not priced.`,
    );
  return notes;
}

export function managedInstancesReadme(context: ExportContext): string[] {
  return [
    '## ECS Managed Instances',
    '',
    '- **What AWS manages**: it launches the EC2 instances the tasks need, registers them with the cluster, patches them (an instance is drained from its 14th day and replaced by its 21st) and terminates idle ones. There is no AMI, Auto Scaling group or SSH/SSM access; instances run Linux only.',
    `- **What you still tune**: the capacity providers pin the instance type, purchase option (\`capacity_option_type\`), volume size, subnets and security group the estimate priced; task sizes, service counts and autoscaling are as for ECS on EC2. Tasks run in awsvpc mode (Managed Instances has no bridge mode). \`ECS_RESERVED_MEMORY\` cannot be set on these instances: the estimate keeps ${ECS_RESERVED_MEMORY_MIB} MiB per instance for the system, as on ECS on EC2, which AWS does not publish for its image (not verified). The instance role is named \`${MANAGED_INSTANCES_ROLE_PREFIX}<cluster>\`: the infrastructure role's managed policy can pass only roles whose names start with \`ecsInstanceRole\`.`,
    `- **Management fee** (derived): ${MANAGEMENT_FEE_PERCENT}% of each instance type's On-Demand rate per instance-hour, On-Demand and Spot alike, ${formatUSD(feeTotalUSD(context))} a month in this estimate. AWS's price data has the per-type fees under labels the calculator's data set could not recover; in us-east-1, 801 of its 879 Managed Instances fees (91%) equal ${MANAGEMENT_FEE_PERCENT}% of the type's On-Demand price after rounding (docs/pricing-rules.md), so check your bill.`,
    '',
    '### What the capacity providers launch',
    '',
    ...context.nodeGroups.flatMap((group) => groupNotes(context, group)),
    '',
    '### Provider version and what could not be validated offline',
    '',
    `- \`versions.tf\` pins hashicorp/aws \`${AWS_PROVIDER_VERSION_MANAGED_INSTANCES}\`: \`managed_instances_provider\` arrived in provider 6.15.0 and its \`capacity_option_type\` in 6.28.0. (The ECS on EC2 and Fargate bundles pin \`~> 5.0\`.)`,
    "- The calculator's offline checks have provider 5.100.0 only, which knows neither the block nor the `MANAGED_INSTANCES` compatibility: `terraform fmt -check` ran on these files, and `terraform validate` ran on them with the `aws_ecs_capacity_provider` resources cut out and `MANAGED_INSTANCES` read as `EC2`. The capacity providers and the task definitions' `requires_compatibilities` were checked only against the provider documentation, field by field; run `terraform validate` after `terraform init` to check them against the real schema.",
    '',
  ];
}
