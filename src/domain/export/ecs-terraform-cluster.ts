/**
 * The ECS cluster and its capacity: FARGATE/FARGATE_SPOT for ECS on Fargate; for ECS on EC2, one
 * launch template, Auto Scaling group and capacity provider per node group of the engine's plan.
 */
import { groupSpotPercent, spotPricedFor } from '../cost/spot-split.ts';
import { attr, blank, block, call, comment, expr, template, type HclBodyItem } from './hcl-writer.ts';
import type { ExportContext, NodeGroup, ServicePlan } from './export-context.ts';
import { ECS_EPHEMERAL_PORT_RANGE, ECS_RESERVED_MEMORY_MIB } from '../capacity/ecs-node-capacity.ts';
import { ecsNetworkModeOf } from './ecs-task-definition.ts';
import { isExposed, LOAD_BALANCERS_SECURITY_GROUP } from './ecs-terraform-network.ts';
import { ROOT_VOLUME_TYPE } from '../cost/bill-settings.ts';

export const CLUSTER_REF = 'aws_ecs_cluster.main';

export interface StrategyItem {
  /** A provider name ("FARGATE") or a reference to an aws_ecs_capacity_provider. */
  provider: string;
  providerIsReference: boolean;
  weight: number;
}

/** Fargate Spot share as a whole-percent weight, as capacity provider weights are integers. */
export function fargateSpotWeight(context: ExportContext): number {
  return Math.round(context.scenario.fargate.spotPercent);
}

/**
 * How a service's tasks split between providers. Fargate: FARGATE and FARGATE_SPOT weighted by the
 * scenario's Spot share; Windows tasks cannot use Fargate Spot (ARM64 tasks can since 2024-09-06), and a
 * zero-weight entry is left out (at least one weight must be positive, A10). EC2: the capacity
 * provider of the node group the engine placed the service on.
 */
export function capacityStrategy(context: ExportContext, plan: ServicePlan | null): StrategyItem[] {
  if (context.compute === 'ec2') {
    const group = plan?.nodeGroup ?? context.nodeGroups[0]!;
    if (isManagedInstances(context)) {
      const [onDemand, spot] = [managedProviderRef(group, 'ON_DEMAND'), managedProviderRef(group, 'SPOT')];
      return splitStrategy(onDemand, spot, managedSpotWeight(context, group), true);
    }
    return [{ provider: `aws_ecs_capacity_provider.${groupId(group)}.name`, providerIsReference: true, weight: 1 }];
  }
  // Fargate Spot runs Linux tasks on x86_64 and, since 2024-09-06, ARM64; never Windows.
  const spotAllowed = !plan || plan.service.os === 'linux';
  return splitStrategy('FARGATE', 'FARGATE_SPOT', spotAllowed ? fargateSpotWeight(context) : 0, false);
}

/** One provider at weight 1 when the Spot weight is 0 or 100 (a zero weight is left out, A10), else both. */
function splitStrategy(onDemand: string, spot: string, spotWeight: number, references: boolean): StrategyItem[] {
  if (spotWeight === 0) return [{ provider: onDemand, providerIsReference: references, weight: 1 }];
  if (spotWeight === 100) return [{ provider: spot, providerIsReference: references, weight: 1 }];
  return [
    { provider: onDemand, providerIsReference: references, weight: 100 - spotWeight },
    { provider: spot, providerIsReference: references, weight: spotWeight },
  ];
}

export const isManagedInstances = (context: ExportContext): boolean => context.option.id === 'ecs-managed-instances';

/** The purchase option of an ECS Managed Instances capacity provider (`capacity_option_type`). */
export type CapacityOption = 'ON_DEMAND' | 'SPOT';

/**
 * The Spot share, as a whole-percent weight, of an ECS Managed Instances node group as the bill
 * prices it: ec2.spotPercent where a Spot price exists for the type (ec2.spotDiscountPercent or a
 * Spot Instance Advisor figure); without one the bill prices the group On-Demand, and so does the
 * export.
 */
export function managedSpotWeight(context: ExportContext, group: NodeGroup): number {
  const { spotPercent } = context.scenario.ec2;
  return spotPricedFor(group.plan, context.scenario.ec2) ? Math.round(spotPercent) : 0;
}

/** The purchase options a Managed Instances node group gets a capacity provider for. */
export function managedCapacityOptions(context: ExportContext, group: NodeGroup): CapacityOption[] {
  const spot = managedSpotWeight(context, group);
  return spot === 0 ? ['ON_DEMAND'] : spot === 100 ? ['SPOT'] : ['ON_DEMAND', 'SPOT'];
}

/** Resource label of a Managed Instances capacity provider: the group's id, "_spot" for the Spot one. */
export const managedProviderId = (group: NodeGroup, option: CapacityOption): string =>
  option === 'SPOT' ? `${groupId(group)}_spot` : groupId(group);

const managedProviderRef = (group: NodeGroup, option: CapacityOption) =>
  `aws_ecs_capacity_provider.${managedProviderId(group, option)}.name`;

export function strategyBlocks(type: string, items: StrategyItem[]): HclBodyItem[] {
  return items.map((item) =>
    block(
      type,
      [],
      [
        attr('capacity_provider', item.providerIsReference ? expr(item.provider) : item.provider),
        attr('weight', item.weight),
        attr('base', 0),
      ],
    ),
  );
}

export const groupId = (group: NodeGroup): string => group.key.replace(/-/g, '_');

/** ECS-optimized Amazon Linux 2023 AMI parameters (export-rules A7; ECS guide "Retrieving ECS-optimized AMI metadata"). */
function amiParameter(group: NodeGroup): string {
  if (group.plan.arch === 'arm64') return '/aws/service/ecs/optimized-ami/amazon-linux-2023/arm64/recommended/image_id';
  if (group.plan.gpu) return '/aws/service/ecs/optimized-ami/amazon-linux-2023/gpu/recommended/image_id';
  return '/aws/service/ecs/optimized-ami/amazon-linux-2023/recommended/image_id';
}

const ASSUME_EC2 = call('jsonencode', {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

/** Ingress of the instances' group in bridge mode: the cluster itself, and each ALB on the dynamic ports. */
function bridgeIngress(context: ExportContext): HclBodyItem[] {
  return [
    block(
      'ingress',
      [],
      [
        attr('description', 'Tasks of this cluster'),
        attr('from_port', 0),
        attr('to_port', 65535),
        attr('protocol', 'tcp'),
        attr('self', true),
      ],
    ),
    // The ALBs reach the tasks on their dynamic host ports (export-rules A12).
    ...(context.loadBalancers.count > 0 && context.services.some(isExposed)
      ? [
          block(
            'ingress',
            [],
            [
              attr('description', 'Load balancers (dynamic host ports)'),
              attr('from_port', ECS_EPHEMERAL_PORT_RANGE.from),
              attr('to_port', ECS_EPHEMERAL_PORT_RANGE.to),
              attr('protocol', 'tcp'),
              attr('security_groups', [expr(`${LOAD_BALANCERS_SECURITY_GROUP}.id`)]),
            ],
          ),
        ]
      : []),
  ];
}

function instanceRole(context: ExportContext): HclBodyItem[] {
  return [
    block(
      'resource',
      ['aws_iam_role', 'ecs_instance'],
      [attr('name', template(expr('var.cluster_name'), '-ecs-instance')), attr('assume_role_policy', ASSUME_EC2)],
    ),
    blank(),
    block(
      'resource',
      ['aws_iam_role_policy_attachment', 'ecs_instance'],
      [
        attr('role', expr('aws_iam_role.ecs_instance.name')),
        attr('policy_arn', 'arn:aws:iam::aws:policy/service-role/AmazonEC2ContainerServiceforEC2Role'),
      ],
    ),
    blank(),
    block(
      'resource',
      ['aws_iam_instance_profile', 'ecs_instance'],
      [
        attr('name', template(expr('var.cluster_name'), '-ecs-instance')),
        attr('role', expr('aws_iam_role.ecs_instance.name')),
      ],
    ),
    blank(),
    ...instancesSecurityGroup(context),
  ];
}

/** The instances' own security group (primary interface), shared by ECS on EC2 and ECS Managed Instances. */
export function instancesSecurityGroup(context: ExportContext): HclBodyItem[] {
  const bridge = ecsNetworkModeOf(context) === 'bridge';
  return [
    // awsvpc tasks have their own interfaces and security group; the instances' own interface only
    // needs to reach ECS, ECR and CloudWatch. Bridge tasks share it, so it also takes the cluster's
    // own traffic and each load balancer's on the dynamic host ports (export-rules A12).
    block(
      'resource',
      ['aws_security_group', 'instances'],
      [
        attr('name_prefix', template(expr('var.cluster_name'), '-instances-')),
        attr('description', 'ECS container instances (primary interface)'),
        attr('vpc_id', expr('var.vpc_id')),
        blank(),
        ...(bridge ? bridgeIngress(context) : []),
        block(
          'egress',
          [],
          [attr('from_port', 0), attr('to_port', 0), attr('protocol', '-1'), attr('cidr_blocks', ['0.0.0.0/0'])],
        ),
      ],
    ),
    blank(),
  ];
}

function nodeGroupResources(context: ExportContext, group: NodeGroup): HclBodyItem[] {
  const id = groupId(group);
  const { plan } = group;
  // Sized from the engine's node plan: it runs plan.count nodes; the maximum reaches the nodes the
  // autoscaling maxima need (plan.maxCount, same type and packing) and leaves room for rolling
  // deployments (200 %), and must be above 0 (export-rules A12; docs/export-rules.md "Node groups").
  // Groups of services that run part of the month scale to zero between runs.
  const minSize = plan.fullMonth ? Math.min(context.scenario.ec2.minNodes, plan.count) : 0;
  const maxSize = Math.max(1, plan.count * 2, plan.maxCount);
  // The Spot share as the bill prices this group (cost/spot-split.ts): Auto Scaling turns the
  // whole On-Demand percentage into nodes, rounding up in favour of On-Demand, as the bill does;
  // a type without a Spot price is priced, and launched, On-Demand.
  const spotPercent = groupSpotPercent(plan, context.scenario.ec2);
  const launchTemplateRef = [attr('id', expr(`aws_launch_template.${id}.id`)), attr('version', '$Latest')];
  const launch: HclBodyItem[] =
    spotPercent > 0
      ? [
          block(
            'mixed_instances_policy',
            [],
            [
              block(
                'instances_distribution',
                [],
                [
                  attr('on_demand_base_capacity', 0),
                  attr('on_demand_percentage_above_base_capacity', 100 - spotPercent),
                  attr('spot_allocation_strategy', 'price-capacity-optimized'),
                ],
              ),
              blank(),
              block(
                'launch_template',
                [],
                [
                  block(
                    'launch_template_specification',
                    [],
                    [attr('launch_template_id', expr(`aws_launch_template.${id}.id`)), attr('version', '$Latest')],
                  ),
                ],
              ),
            ],
          ),
        ]
      : [block('launch_template', [], launchTemplateRef)];

  return [
    block('data', ['aws_ssm_parameter', `ecs_ami_${id}`], [attr('name', amiParameter(group))]),
    blank(),
    block(
      'resource',
      ['aws_launch_template', id],
      [
        attr('name_prefix', template(expr('var.cluster_name'), `-${group.key}-`)),
        attr('image_id', expr(`data.aws_ssm_parameter.ecs_ami_${id}.value`)),
        attr('instance_type', plan.instanceType),
        // No public IPv4 address, whatever the subnet's auto-assign setting: the estimate prices
        // none for the instances (cost/public-ipv4-count.ts). The security group moves here, as EC2
        // refuses instance-level groups beside a network interface.
        block(
          'network_interfaces',
          [],
          [
            attr('associate_public_ip_address', false),
            attr('security_groups', [expr('aws_security_group.instances.id')]),
          ],
        ),
        // The root volume the estimate prices (NodePlan.rootVolumeGiB); /dev/xvda is the
        // ECS-optimized Amazon Linux AMI's root device.
        block(
          'block_device_mappings',
          [],
          [
            attr('device_name', '/dev/xvda'),
            blank(),
            block(
              'ebs',
              [],
              [
                attr('volume_size', plan.rootVolumeGiB),
                attr('volume_type', ROOT_VOLUME_TYPE),
                attr('delete_on_termination', true),
                attr('encrypted', true),
              ],
            ),
          ],
        ),
        // The ECS agent joins the cluster named in /etc/ecs/ecs.config (export-rules A12) and keeps
        // ECS_RESERVED_MEMORY MiB out of what it registers, as the estimate assumes.
        attr(
          'user_data',
          call(
            'base64encode',
            template(
              '#!/bin/bash\necho ECS_CLUSTER=',
              expr(`${CLUSTER_REF}.name`),
              ` >> /etc/ecs/ecs.config\necho ECS_RESERVED_MEMORY=${ECS_RESERVED_MEMORY_MIB} >> /etc/ecs/ecs.config\n`,
            ),
          ),
        ),
        blank(),
        block('iam_instance_profile', [], [attr('arn', expr('aws_iam_instance_profile.ecs_instance.arn'))]),
        blank(),
        block('metadata_options', [], [attr('http_tokens', 'required')]),
      ],
    ),
    blank(),
    block(
      'resource',
      ['aws_autoscaling_group', id],
      [
        attr('name_prefix', template(expr('var.cluster_name'), `-${group.key}-`)),
        attr('vpc_zone_identifier', expr('var.private_subnet_ids')),
        attr('min_size', minSize),
        attr('max_size', maxSize),
        attr('desired_capacity', plan.count),
        // Required by managed termination protection (export-rules A12).
        attr('protect_from_scale_in', true),
        blank(),
        ...launch,
        blank(),
        // Without this tag Terraform and ECS managed scaling fight over the group (export-rules A12).
        block('tag', [], [attr('key', 'AmazonECSManaged'), attr('value', 'true'), attr('propagate_at_launch', true)]),
        blank(),
        block('lifecycle', [], [attr('ignore_changes', [expr('desired_capacity')])]),
      ],
    ),
    blank(),
    // Names must not start with "aws", "ecs" or "fargate" (export-rules A12): "cp-" prefix.
    block(
      'resource',
      ['aws_ecs_capacity_provider', id],
      [
        attr('name', template('cp-', expr('var.cluster_name'), `-${group.key}`)),
        blank(),
        block(
          'auto_scaling_group_provider',
          [],
          [
            attr('auto_scaling_group_arn', expr(`aws_autoscaling_group.${id}.arn`)),
            attr('managed_termination_protection', 'ENABLED'),
            blank(),
            block(
              'managed_scaling',
              [],
              [
                attr('status', 'ENABLED'),
                attr('target_capacity', 100),
                attr('minimum_scaling_step_size', 1),
                attr('maximum_scaling_step_size', 10),
              ],
            ),
          ],
        ),
      ],
    ),
    blank(),
  ];
}

/**
 * The cluster, its capacity and the association. `managedInstances` holds the ECS Managed Instances
 * resources (ecs-terraform-managed-instances.ts), passed in so this module stays below that one.
 */
export function clusterSection(context: ExportContext, managedInstances: HclBodyItem[] = []): HclBodyItem[] {
  const items: HclBodyItem[] = [
    block(
      'resource',
      ['aws_ecs_cluster', 'main'],
      [
        attr('name', expr('var.cluster_name')),
        blank(),
        // Container Insights bills custom metrics and performance-log ingestion the estimate does
        // not price, so it is written off explicitly (an account default could turn it on).
        block('setting', [], [attr('name', 'containerInsights'), attr('value', 'disabled')]),
      ],
    ),
    blank(),
  ];
  if (context.compute === 'ec2') {
    // Trunking only adds awsvpc interfaces; bridge tasks use none.
    if (context.scenario.ec2.eniTrunking && ecsNetworkModeOf(context) === 'awsvpc') {
      items.push(
        comment(
          'ENI trunking (as the estimate assumed): more awsvpc tasks per instance. This is an account-wide default for the region.',
        ),
        block(
          'resource',
          ['aws_ecs_account_setting_default', 'awsvpc_trunking'],
          [attr('name', 'awsvpcTrunking'), attr('value', 'enabled')],
        ),
        blank(),
      );
    }
    if (isManagedInstances(context)) items.push(...managedInstances);
    else {
      items.push(...instanceRole(context));
      for (const group of context.nodeGroups) items.push(...nodeGroupResources(context, group));
    }
  }
  // Providers are associated with the cluster here, never on aws_ecs_cluster (removed in provider
  // v5) (export-rules A8).
  const managed = isManagedInstances(context)
    ? context.nodeGroups.flatMap((g) =>
        managedCapacityOptions(context, g).map((o) => `aws_ecs_capacity_provider.${managedProviderId(g, o)}`),
      )
    : [];
  const providers =
    context.compute === 'fargate'
      ? ['FARGATE', 'FARGATE_SPOT']
      : isManagedInstances(context)
        ? managed.map((ref) => expr(`${ref}.name`))
        : context.nodeGroups.map((g) => expr(`aws_ecs_capacity_provider.${groupId(g)}.name`));
  items.push(
    block(
      'resource',
      ['aws_ecs_cluster_capacity_providers', 'main'],
      [
        attr('cluster_name', expr(`${CLUSTER_REF}.name`)),
        attr('capacity_providers', providers),
        blank(),
        ...strategyBlocks('default_capacity_provider_strategy', capacityStrategy(context, null)),
        // A change of capacity_option_type replaces a Managed Instances capacity provider, which AWS
        // cannot delete while it is associated: re-create the association with it (provider docs,
        // aws_ecs_capacity_provider).
        ...(managed.length > 0
          ? [
              blank(),
              block(
                'lifecycle',
                [],
                [
                  attr(
                    'replace_triggered_by',
                    managed.map((ref) => expr(ref)),
                  ),
                ],
              ),
            ]
          : []),
      ],
    ),
    blank(),
  );
  return items;
}
