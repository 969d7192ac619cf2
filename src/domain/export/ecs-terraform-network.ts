/**
 * Security groups, the Application Load Balancers of the load balancer plan (one count for the
 * bill and the export: cost/load-balancer-plan.ts), and per public service an `ip` target group
 * reached by its ALB's default action or a host rule.
 */
import { attr, blank, block, expr, template, type HclBodyItem } from './hcl-writer.ts';
import type { ExportContext, ServicePlan } from './export-context.ts';
import { ecsNetworkModeOf } from './ecs-task-definition.ts';
import { loadBalancerOf, type PlannedLoadBalancer } from '../cost/load-balancer-plan.ts';

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

/** The one security group of every ALB the export makes. */
export const LOAD_BALANCERS_SECURITY_GROUP = 'aws_security_group.load_balancers';

/** Terraform name of an ALB of the plan: alb_1, alb_2, ... */
export const albId = (lb: PlannedLoadBalancer): string => `alb_${lb.number}`;

/** The ALB serving a public service, and its host rule (none when it takes the default action). */
export function placementOf(context: ExportContext, plan: ServicePlan): ReturnType<typeof loadBalancerOf> {
  return isExposed(plan) ? loadBalancerOf(context.loadBalancers, plan.name) : null;
}

/** The listener (and rule) a service's ECS service must wait for (export-rules A10 "listener ordering"). */
export function listenerDependencies(context: ExportContext, plan: ServicePlan): string[] {
  const placed = placementOf(context, plan);
  if (!placed) return [];
  const listener = `aws_lb_listener.${albId(placed.lb)}_https`;
  return placed.rule === null ? [listener] : [listener, `aws_lb_listener_rule.${plan.id}_host`];
}

/** Task ports the ALBs reach, one rule per port (a security group refuses duplicate rules). */
function exposedPorts(context: ExportContext): { port: number; names: string[] }[] {
  const ports = new Map<number, string[]>();
  for (const plan of context.services.filter(isExposed))
    ports.set(plan.port, [...(ports.get(plan.port) ?? []), plan.name]);
  return [...ports].map(([port, names]) => ({ port, names })).sort((a, b) => a.port - b.port);
}

export function securityGroupSection(context: ExportContext): HclBodyItem[] {
  const items: HclBodyItem[] = [];
  if (context.loadBalancers.count > 0) {
    items.push(
      block(
        'resource',
        ['aws_security_group', 'load_balancers'],
        [
          attr('name_prefix', template(expr('var.cluster_name'), '-alb-')),
          attr('description', 'Application Load Balancers'),
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
  // One group for all tasks: they reach each other, and the ALBs reach the services' ports.
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
        ...exposedPorts(context).map(({ port, names }) =>
          block(
            'ingress',
            [],
            [
              attr('description', `Load balancers to ${names.join(', ')}`),
              attr('from_port', port),
              attr('to_port', port),
              attr('protocol', 'tcp'),
              attr('security_groups', [expr(`${LOAD_BALANCERS_SECURITY_GROUP}.id`)]),
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

/** The ALB's port-80 listener with its one default action (a redirect to HTTPS, or 404 on a spare). */
const httpListener = (id: string, defaultAction: HclBodyItem) =>
  block(
    'resource',
    ['aws_lb_listener', `${id}_http`],
    [
      attr('load_balancer_arn', expr(`aws_lb.${id}.arn`)),
      attr('port', 80),
      attr('protocol', 'HTTP'),
      blank(),
      defaultAction,
    ],
  );

const notFound = () =>
  block(
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
  );

const forwardTo = (plan: ServicePlan) => [
  attr('type', 'forward'),
  attr('target_group_arn', expr(`aws_lb_target_group.${plan.id}.arn`)),
];

/**
 * Every ALB of the plan: internet-facing, in the public subnets. One serving services redirects
 * HTTP to HTTPS, and its HTTPS listener forwards to its default service or answers 404 (host rules
 * sit with their services' target groups); a spare has one HTTP listener that answers 404.
 */
export function loadBalancersSection(context: ExportContext): HclBodyItem[] {
  const items: HclBodyItem[] = [];
  for (const lb of context.loadBalancers.loadBalancers) {
    const id = albId(lb);
    // Names are left to Terraform: ALB names are limited to 32 characters.
    items.push(
      block(
        'resource',
        ['aws_lb', id],
        [
          attr('internal', false),
          attr('load_balancer_type', 'application'),
          attr('security_groups', [expr(`${LOAD_BALANCERS_SECURITY_GROUP}.id`)]),
          attr('subnets', expr('var.public_subnet_ids')),
          blank(),
          attr('tags', { Name: template(expr('var.cluster_name'), `-alb-${lb.number}${lb.spare ? '-spare' : ''}`) }),
        ],
      ),
      blank(),
    );
    if (lb.spare) {
      items.push(httpListener(id, notFound()), blank());
      continue;
    }
    const defaultPlan = context.services.find((s) => s.name === lb.defaultService) ?? null;
    items.push(
      httpListener(
        id,
        block(
          'default_action',
          [],
          [
            attr('type', 'redirect'),
            blank(),
            block('redirect', [], [attr('port', '443'), attr('protocol', 'HTTPS'), attr('status_code', 'HTTP_301')]),
          ],
        ),
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
          // Requests no host rule takes go to the service without a host, or get 404.
          defaultPlan ? block('default_action', [], forwardTo(defaultPlan)) : notFound(),
        ],
      ),
      blank(),
    );
  }
  return items;
}

/** A public service's target group, and its host rule on its ALB's HTTPS listener. */
export function targetGroupSection(context: ExportContext, plan: ServicePlan): HclBodyItem[] {
  const placed = placementOf(context, plan);
  if (!placed || !isExposed(plan)) return [];
  const items: HclBodyItem[] = [
    // awsvpc tasks register by IP: an "instance" target group is rejected (export-rules A10);
    // bridge tasks register as instance and dynamic port, so they need "instance" (A12).
    block(
      'resource',
      ['aws_lb_target_group', plan.id],
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
  ];
  if (placed.rule) {
    items.push(
      block(
        'resource',
        ['aws_lb_listener_rule', `${plan.id}_host`],
        [
          attr('listener_arn', expr(`aws_lb_listener.${albId(placed.lb)}_https.arn`)),
          attr('priority', placed.rule.priority),
          blank(),
          block('action', [], forwardTo(plan)),
          blank(),
          block('condition', [], [block('host_header', [], [attr('values', [placed.rule.host])])]),
        ],
      ),
      blank(),
    );
  }
  return items;
}
