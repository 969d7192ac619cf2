/**
 * Security groups, and for each public service an internet-facing ALB with an `ip` target group
 * and HTTP/HTTPS listeners.
 */
import { attr, blank, block, expr, template, type HclBodyItem } from './hcl-writer.ts';
import type { ExportContext, ServicePlan } from './export-context.ts';
import { ecsNetworkModeOf } from './ecs-task-definition.ts';

/** ALB health check: the service's health path, or "/" when it has none. */
export const ALB_HEALTH_CHECK = {
  interval: 15,
  timeout: 5,
  healthyThreshold: 2,
  unhealthyThreshold: 3,
  matcher: '200-399',
} as const;
/** Modern TLS policy (TLS 1.3 and 1.2) for the HTTPS listener. */
const TLS_POLICY = 'ELBSecurityPolicy-TLS13-1-2-2021-06';

const allEgress = () =>
  block(
    'egress',
    [],
    [attr('from_port', 0), attr('to_port', 0), attr('protocol', '-1'), attr('cidr_blocks', ['0.0.0.0/0'])],
  );

export const isExposed = (plan: ServicePlan): plan is ServicePlan & { port: number } =>
  plan.public && plan.port !== null;

/** The listener a service's ECS service must wait for (export-rules A10 "listener ordering"). */
export function listenerDependencies(plan: ServicePlan): string[] {
  if (!isExposed(plan)) return [];
  return plan.host === null
    ? [`aws_lb_listener.${plan.id}_https`]
    : [`aws_lb_listener.${plan.id}_https`, `aws_lb_listener_rule.${plan.id}_host`];
}

export function securityGroupSection(context: ExportContext): HclBodyItem[] {
  const exposed = context.services.filter(isExposed);
  const items: HclBodyItem[] = [];
  for (const plan of exposed) {
    items.push(
      block(
        'resource',
        ['aws_security_group', `${plan.id}_alb`],
        [
          attr('name_prefix', template(expr('var.cluster_name'), `-${plan.name}-alb-`)),
          attr('description', `Load balancer of ${plan.name}`),
          attr('vpc_id', expr('var.vpc_id')),
          blank(),
          ...[80, 443].map((port) =>
            block(
              'ingress',
              [],
              [
                attr('from_port', port),
                attr('to_port', port),
                attr('protocol', 'tcp'),
                attr('cidr_blocks', ['0.0.0.0/0']),
              ],
            ),
          ),
          blank(),
          allEgress(),
        ],
      ),
      blank(),
    );
  }
  // Bridge tasks share their instance's interface, whose group (ecs-terraform-cluster.ts) takes the
  // load balancers' traffic instead.
  if (ecsNetworkModeOf(context) === 'bridge') return items;
  // One group for all tasks: they reach each other, and each ALB reaches its service's port.
  items.push(
    block(
      'resource',
      ['aws_security_group', 'tasks'],
      [
        attr('name_prefix', template(expr('var.cluster_name'), '-tasks-')),
        attr('description', 'ECS tasks'),
        attr('vpc_id', expr('var.vpc_id')),
        blank(),
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
        ...exposed.map((plan) =>
          block(
            'ingress',
            [],
            [
              attr('description', `Load balancer of ${plan.name}`),
              attr('from_port', plan.port),
              attr('to_port', plan.port),
              attr('protocol', 'tcp'),
              attr('security_groups', [expr(`aws_security_group.${plan.id}_alb.id`)]),
            ],
          ),
        ),
        blank(),
        allEgress(),
      ],
    ),
    blank(),
  );
  return items;
}

export function loadBalancerSection(context: ExportContext, plan: ServicePlan): HclBodyItem[] {
  if (!isExposed(plan)) return [];
  const id = plan.id;
  const forward = [attr('type', 'forward'), attr('target_group_arn', expr(`aws_lb_target_group.${id}.arn`))];
  const items: HclBodyItem[] = [
    // Names are left to Terraform: ALB and target group names are limited to 32 characters.
    block(
      'resource',
      ['aws_lb', id],
      [
        attr('internal', false),
        attr('load_balancer_type', 'application'),
        attr('security_groups', [expr(`aws_security_group.${id}_alb.id`)]),
        attr('subnets', expr('var.public_subnet_ids')),
        blank(),
        attr('tags', { Name: template(expr('var.cluster_name'), `-${plan.name}`) }),
      ],
    ),
    blank(),
    // awsvpc tasks register by IP: an "instance" target group is rejected (export-rules A10);
    // bridge tasks register as instance and dynamic port, so they need "instance" (A12).
    block(
      'resource',
      ['aws_lb_target_group', id],
      [
        attr('port', plan.port),
        attr('protocol', 'HTTP'),
        attr('target_type', ecsNetworkModeOf(context) === 'bridge' ? 'instance' : 'ip'),
        attr('vpc_id', expr('var.vpc_id')),
        attr('deregistration_delay', 30),
        blank(),
        block(
          'health_check',
          [],
          [
            attr('path', plan.healthCheckPath ?? '/'),
            attr('matcher', ALB_HEALTH_CHECK.matcher),
            attr('interval', ALB_HEALTH_CHECK.interval),
            attr('timeout', ALB_HEALTH_CHECK.timeout),
            attr('healthy_threshold', ALB_HEALTH_CHECK.healthyThreshold),
            attr('unhealthy_threshold', ALB_HEALTH_CHECK.unhealthyThreshold),
          ],
        ),
        blank(),
        block('lifecycle', [], [attr('create_before_destroy', true)]),
      ],
    ),
    blank(),
    block(
      'resource',
      ['aws_lb_listener', `${id}_http`],
      [
        attr('load_balancer_arn', expr(`aws_lb.${id}.arn`)),
        attr('port', 80),
        attr('protocol', 'HTTP'),
        blank(),
        block(
          'default_action',
          [],
          [
            attr('type', 'redirect'),
            blank(),
            block('redirect', [], [attr('port', '443'), attr('protocol', 'HTTPS'), attr('status_code', 'HTTP_301')]),
          ],
        ),
      ],
    ),
    blank(),
    block(
      'resource',
      ['aws_lb_listener', `${id}_https`],
      [
        attr('load_balancer_arn', expr(`aws_lb.${id}.arn`)),
        attr('port', 443),
        attr('protocol', 'HTTPS'),
        attr('ssl_policy', TLS_POLICY),
        attr('certificate_arn', expr('var.certificate_arn')),
        blank(),
        // With a host, only requests for that host reach the service; others get 404.
        plan.host === null
          ? block('default_action', [], forward)
          : block(
              'default_action',
              [],
              [
                attr('type', 'fixed-response'),
                blank(),
                block(
                  'fixed_response',
                  [],
                  [attr('content_type', 'text/plain'), attr('message_body', 'Not found'), attr('status_code', '404')],
                ),
              ],
            ),
      ],
    ),
    blank(),
  ];
  if (plan.host !== null) {
    items.push(
      block(
        'resource',
        ['aws_lb_listener_rule', `${id}_host`],
        [
          attr('listener_arn', expr(`aws_lb_listener.${id}_https.arn`)),
          attr('priority', 100),
          blank(),
          block('action', [], forward),
          blank(),
          block('condition', [], [block('host_header', [], [attr('values', [plan.host])])]),
        ],
      ),
      blank(),
    );
  }
  return items;
}
