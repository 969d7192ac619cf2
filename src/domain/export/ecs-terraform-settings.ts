/**
 * versions.tf and variables.tf of the ECS Terraform.
 */
import { attr, blank, block, expr, renderHclFile, type HclBodyItem } from './hcl-writer.ts';
import { CLUSTER_NAME, type ExportContext } from './export-context.ts';
import { ECS_LOAD_BALANCER_ZONES } from '../cost/public-ipv4-count.ts';

/**
 * Provider 5.x: v5.0.0 removed `capacity_providers` from aws_ecs_cluster, which this config never
 * uses (export-rules A8); the offline validation mirror holds aws 5.100.0 (docs/export.md, "How the exports are checked").
 */
export const AWS_PROVIDER_VERSION = '~> 5.0';

/**
 * ECS Managed Instances: `managed_instances_provider` on aws_ecs_capacity_provider arrived in
 * provider 6.15.0 and its `instance_launch_template.capacity_option_type` (On-Demand or Spot) in
 * 6.28.0 (provider CHANGELOG, #45667), so this bundle needs 6.28 or later within 6.x
 * (docs/export-rules.md, "ECS Managed Instances").
 */
export const AWS_PROVIDER_VERSION_MANAGED_INSTANCES = '~> 6.28';

/** The provider constraint of an option's bundle. */
export const awsProviderVersionOf = (context: ExportContext): string =>
  context.option.id === 'ecs-managed-instances' ? AWS_PROVIDER_VERSION_MANAGED_INSTANCES : AWS_PROVIDER_VERSION;

export function versionsTf(version: string = AWS_PROVIDER_VERSION): string {
  return renderHclFile([
    block(
      'terraform',
      [],
      [
        attr('required_version', '>= 1.5.0'),
        blank(),
        block('required_providers', [], [attr('aws', { source: 'hashicorp/aws', version })]),
      ],
    ),
  ]);
}

function variable(name: string, body: HclBodyItem[]): HclBodyItem[] {
  return [block('variable', [name], body), blank()];
}

export function variablesTf(context: ExportContext): string {
  const items: HclBodyItem[] = [
    ...variable('aws_region', [
      attr('description', 'Region to deploy to; the estimate was priced for this region.'),
      attr('type', expr('string')),
      attr('default', context.scenario.region),
    ]),
    ...variable('cluster_name', [
      attr('description', 'ECS cluster name, also the prefix of IAM role and capacity provider names.'),
      attr('type', expr('string')),
      attr('default', CLUSTER_NAME),
      blank(),
      // ECS names allow letters, digits, "-" and "_" (export-rules A8); 20 characters keep IAM
      // role names ("<cluster>-<service>") under IAM's 64.
      block(
        'validation',
        [],
        [
          attr('condition', expr('can(regex("^[A-Za-z0-9_-]{1,20}$", var.cluster_name))')),
          attr('error_message', 'Use 1-20 letters, digits, "-" or "_".'),
        ],
      ),
    ]),
    ...variable('vpc_id', [attr('description', 'VPC for the cluster (fill in).'), attr('type', expr('string'))]),
    ...variable('private_subnet_ids', [
      attr(
        'description',
        'Private subnets (with a NAT gateway or VPC endpoints) for tasks, in at least two Availability Zones (fill in).',
      ),
      attr('type', expr('list(string)')),
    ]),
  ];
  if (context.loadBalancers.count > 0)
    items.push(
      ...variable('public_subnet_ids', [
        attr(
          'description',
          `Public subnets for the load balancers: exactly ${ECS_LOAD_BALANCER_ZONES}, in ${ECS_LOAD_BALANCER_ZONES} different Availability Zones (fill in).`,
        ),
        attr('type', expr('list(string)')),
        blank(),
        // Each internet-facing ALB has a public IPv4 address in every zone it spans (one subnet a
        // zone), and the estimate prices ECS_LOAD_BALANCER_ZONES of them per ALB (public-ipv4-count.ts).
        block(
          'validation',
          [],
          [
            attr('condition', expr(`length(var.public_subnet_ids) == ${ECS_LOAD_BALANCER_ZONES}`)),
            attr(
              'error_message',
              `Give ${ECS_LOAD_BALANCER_ZONES} public subnets, in ${ECS_LOAD_BALANCER_ZONES} different Availability Zones: the estimate prices each ALB's public IPv4 addresses for ${ECS_LOAD_BALANCER_ZONES} zones, and each further zone adds one billed address per ALB.`,
            ),
          ],
        ),
      ]),
    );
  if (context.anyPublic)
    items.push(
      ...variable('certificate_arn', [
        attr('description', "ACM certificate ARN for the HTTPS listeners, covering the services' hosts (fill in)."),
        attr('type', expr('string')),
      ]),
    );
  items.pop();
  return renderHclFile(items);
}
