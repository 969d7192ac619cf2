/**
 * The capacity of ECS Managed Instances: the infrastructure role ECS uses to launch and replace the
 * instances, the instance role and profile the instances run with, and per node group of the
 * engine's plan one capacity provider of the managed-instances kind per purchase option the bill
 * prices (On-Demand, Spot or both). AWS picks, launches, patches and terminates the instances; the
 * provider pins them to the planned instance type and root volume (docs/export-rules.md, "ECS
 * Managed Instances").
 */
import { attr, blank, block, call, expr, template, type HclBodyItem } from './hcl-writer.ts';
import type { ExportContext, NodeGroup } from './export-context.ts';
import {
  CLUSTER_REF,
  instancesSecurityGroup,
  managedCapacityOptions,
  managedProviderId,
  type CapacityOption,
} from './ecs-terraform-cluster.ts';

/** AWS managed policy for the infrastructure role (ECS Developer Guide, "Amazon ECS infrastructure IAM role"). */
export const MANAGED_INSTANCES_INFRASTRUCTURE_POLICY_ARN =
  'arn:aws:iam::aws:policy/AmazonECSInfrastructureRolePolicyForManagedInstances';
/** AWS managed policy for the instance role (ECS Developer Guide, "Amazon ECS Managed Instances instance profile"). */
export const MANAGED_INSTANCES_INSTANCE_POLICY_ARN =
  'arn:aws:iam::aws:policy/AmazonECSInstanceRolePolicyForManagedInstances';
/**
 * The infrastructure policy lets ECS pass only roles named ecsInstanceRole* to the instances
 * (iam:PassRole on arn:aws:iam::*:role/ecsInstanceRole*), so the instance role's name starts so.
 */
export const MANAGED_INSTANCES_ROLE_PREFIX = 'ecsInstanceRole-';

const assumeBy = (service: string) =>
  call('jsonencode', {
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Principal: { Service: service }, Action: 'sts:AssumeRole' }],
  });

function iamResources(): HclBodyItem[] {
  return [
    block(
      'resource',
      ['aws_iam_role', 'ecs_infrastructure'],
      [
        attr('name', template(expr('var.cluster_name'), '-ecs-infrastructure')),
        attr('assume_role_policy', assumeBy('ecs.amazonaws.com')),
      ],
    ),
    blank(),
    block(
      'resource',
      ['aws_iam_role_policy_attachment', 'ecs_infrastructure'],
      [
        attr('role', expr('aws_iam_role.ecs_infrastructure.name')),
        attr('policy_arn', MANAGED_INSTANCES_INFRASTRUCTURE_POLICY_ARN),
      ],
    ),
    blank(),
    block(
      'resource',
      ['aws_iam_role', 'ecs_instance'],
      [
        attr('name', template(MANAGED_INSTANCES_ROLE_PREFIX, expr('var.cluster_name'))),
        attr('assume_role_policy', assumeBy('ec2.amazonaws.com')),
      ],
    ),
    blank(),
    block(
      'resource',
      ['aws_iam_role_policy_attachment', 'ecs_instance'],
      [attr('role', expr('aws_iam_role.ecs_instance.name')), attr('policy_arn', MANAGED_INSTANCES_INSTANCE_POLICY_ARN)],
    ),
    blank(),
    block(
      'resource',
      ['aws_iam_instance_profile', 'ecs_instance'],
      [
        attr('name', template(MANAGED_INSTANCES_ROLE_PREFIX, expr('var.cluster_name'))),
        attr('role', expr('aws_iam_role.ecs_instance.name')),
      ],
    ),
    blank(),
  ];
}

/** Burstable (T) families, which attribute-based selection leaves out unless included. */
const isBurstableType = (type: string) => /^t\d/.test(type);
/** Bare-metal sizes, which attribute-based selection leaves out unless included. */
const isBareMetalType = (type: string) => type.endsWith('.metal') || /\.metal-/.test(type);

/**
 * The instance requirements that pin the planned type: `allowed_instance_types` lists it alone,
 * and the required vCPU and memory ranges are exactly its figures. Burstable and bare-metal types
 * are excluded by default in attribute-based selection, so they are included when planned.
 */
function instanceRequirements(group: NodeGroup): HclBodyItem {
  const { plan } = group;
  return block(
    'instance_requirements',
    [],
    [
      attr('allowed_instance_types', [plan.instanceType]),
      ...(isBurstableType(plan.instanceType) ? [attr('burstable_performance', 'included')] : []),
      ...(isBareMetalType(plan.instanceType) ? [attr('bare_metal', 'included')] : []),
      blank(),
      block('vcpu_count', [], [attr('min', plan.vcpu), attr('max', plan.vcpu)]),
      blank(),
      block('memory_mib', [], [attr('min', plan.memoryMiB), attr('max', plan.memoryMiB)]),
    ],
  );
}

function capacityProvider(group: NodeGroup, option: CapacityOption): HclBodyItem[] {
  const id = managedProviderId(group, option);
  const suffix = option === 'SPOT' ? '-spot' : '';
  return [
    // Names must not start with "aws", "ecs" or "fargate" (export-rules A12): "cp-" prefix.
    block(
      'resource',
      ['aws_ecs_capacity_provider', id],
      [
        attr('name', template('cp-', expr('var.cluster_name'), `-${group.key}${suffix}`)),
        // A Managed Instances capacity provider belongs to one cluster (provider docs).
        attr('cluster', expr(`${CLUSTER_REF}.name`)),
        blank(),
        block(
          'managed_instances_provider',
          [],
          [
            attr('infrastructure_role_arn', expr('aws_iam_role.ecs_infrastructure.arn')),
            blank(),
            block(
              'instance_launch_template',
              [],
              [
                attr('ec2_instance_profile_arn', expr('aws_iam_instance_profile.ecs_instance.arn')),
                // The purchase option the bill prices this share of node-hours at.
                attr('capacity_option_type', option),
                // Detailed monitoring is billed by CloudWatch; the estimate does not price it.
                attr('monitoring', 'BASIC'),
                blank(),
                block(
                  'network_configuration',
                  [],
                  [
                    attr('subnets', expr('var.private_subnet_ids')),
                    attr('security_groups', [expr('aws_security_group.instances.id')]),
                  ],
                ),
                blank(),
                // The gp3 volume per instance the estimate prices (NodePlan.rootVolumeGiB).
                block('storage_configuration', [], [attr('storage_size_gib', group.plan.rootVolumeGiB)]),
                blank(),
                instanceRequirements(group),
              ],
            ),
          ],
        ),
      ],
    ),
    blank(),
  ];
}

/** IAM, the instances' security group and the capacity providers of every node group. */
export function managedInstancesSection(context: ExportContext): HclBodyItem[] {
  return [
    ...iamResources(),
    ...instancesSecurityGroup(context),
    ...context.nodeGroups.flatMap((group) =>
      managedCapacityOptions(context, group).flatMap((option) => capacityProvider(group, option)),
    ),
  ];
}
