/**
 * Namespace, Service and Ingress (AWS Load Balancer Controller) objects: the ALBs of the load
 * balancer plan (cost/load-balancer-plan.ts), one IngressGroup each.
 */
import {
  CERTIFICATE_PLACEHOLDER,
  ACCOUNT_PLACEHOLDER,
  CLUSTER_NAME,
  NAMESPACE,
  type ExportContext,
  type ServicePlan,
} from './export-context.ts';
import { labelsOf, metadataOf, PORT_NAME, type K8sObject } from './eks-workload.ts';
import { ALB_HEALTH_CHECK } from './ecs-terraform-network.ts';
import { loadBalancerOf, type PlannedLoadBalancer } from '../cost/load-balancer-plan.ts';

const SERVICE_PORT = 80;
/** The IngressClass the Ingresses name: the AWS Load Balancer Controller's, or Auto Mode's own (eks-auto-mode.ts). */
export const INGRESS_CLASS_NAME = 'alb';

export function namespace(context: ExportContext): K8sObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: NAMESPACE,
      // ALB pod readiness gates (target-type ip): a pod counts as ready only once the ALB sees it
      // healthy, so rolling updates never drop traffic (export-rules B2). Auto Mode's load
      // balancing has no such gate (aws/containers-roadmap#2511), so its bundle does not ask.
      ...(context.anyPublic && !context.autoMode
        ? { labels: { 'elbv2.k8s.aws/pod-readiness-gate-inject': 'enabled' } }
        : {}),
    },
  };
}

export function service(plan: ServicePlan): K8sObject | null {
  if (plan.port === null) return null;
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: metadataOf(plan),
    spec: {
      // ClusterIP is enough with target-type ip (export-rules B5).
      type: 'ClusterIP',
      selector: labelsOf(plan),
      ports: [{ name: PORT_NAME, port: SERVICE_PORT, targetPort: PORT_NAME, protocol: 'TCP' }],
    },
  };
}

export const certificateArnPlaceholder = (region: string): string =>
  `arn:aws:acm:${region}:${ACCOUNT_PLACEHOLDER}:certificate/${CERTIFICATE_PLACEHOLDER}`;

/** The IngressGroup of an ALB of the plan: its Ingresses make one ALB (export-rules B6). */
export const ingressGroupName = (lb: PlannedLoadBalancer): string => `${CLUSTER_NAME}-alb-${lb.number}`;

/** Ingresses of the spare ALBs, relative to eks/manifests/. */
export const SPARE_LOAD_BALANCERS_FILE = 'spare-load-balancers.yaml';

/** The fixed-response action a spare ALB's default backend names (`use-annotation`). */
const NOT_FOUND_ACTION = 'response-404';

/**
 * spec.ingressClassName alb, not the deprecated kubernetes.io/ingress.class annotation; target-type
 * ip, which Fargate requires; every annotation value a string (export-rules B6). The Ingress joins
 * its ALB's IngressGroup: a service with a host adds a host rule, the service without one is the
 * group's default backend (the controller allows one per group).
 */
export function ingress(context: ExportContext, plan: ServicePlan): K8sObject | null {
  if (!plan.public || plan.port === null) return null;
  const placed = loadBalancerOf(context.loadBalancers, plan.name);
  if (!placed) return null;
  const annotations: Record<string, string> = {
    'alb.ingress.kubernetes.io/group.name': ingressGroupName(placed.lb),
    // The controller orders a group's rules by group.order: the plan's priorities, as on ECS.
    ...(placed.rule ? { 'alb.ingress.kubernetes.io/group.order': String(placed.rule.priority) } : {}),
    'alb.ingress.kubernetes.io/scheme': 'internet-facing',
    'alb.ingress.kubernetes.io/target-type': 'ip',
    'alb.ingress.kubernetes.io/healthcheck-path': plan.healthCheckPath ?? '/',
    'alb.ingress.kubernetes.io/success-codes': ALB_HEALTH_CHECK.matcher,
    'alb.ingress.kubernetes.io/listen-ports': JSON.stringify([{ HTTP: 80 }, { HTTPS: 443 }]),
    // The SSL port, not "true"; it must be one of listen-ports.
    'alb.ingress.kubernetes.io/ssl-redirect': '443',
    'alb.ingress.kubernetes.io/certificate-arn': certificateArnPlaceholder(context.scenario.region),
  };
  const backend = { service: { name: plan.name, port: { number: SERVICE_PORT } } };
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { ...metadataOf(plan), annotations },
    spec: {
      ingressClassName: INGRESS_CLASS_NAME,
      ...(placed.rule === null
        ? { defaultBackend: backend }
        : { rules: [{ host: placed.rule.host, http: { paths: [{ path: '/', pathType: 'Prefix', backend }] } }] }),
    },
  };
}

/**
 * The ALBs `extras.loadBalancers` asks for beyond what the services need: one Ingress each, in a
 * group of its own, whose HTTP listener answers 404 (a fixed-response action named by the default
 * backend, AWS Load Balancer Controller annotations, "actions").
 */
export function spareLoadBalancerIngresses(context: ExportContext): K8sObject[] {
  return context.loadBalancers.loadBalancers
    .filter((lb) => lb.spare)
    .map((lb) => ({
      apiVersion: 'networking.k8s.io/v1',
      kind: 'Ingress',
      metadata: {
        name: `spare-alb-${lb.number}`,
        namespace: NAMESPACE,
        annotations: {
          'alb.ingress.kubernetes.io/group.name': ingressGroupName(lb),
          'alb.ingress.kubernetes.io/scheme': 'internet-facing',
          'alb.ingress.kubernetes.io/listen-ports': JSON.stringify([{ HTTP: 80 }]),
          [`alb.ingress.kubernetes.io/actions.${NOT_FOUND_ACTION}`]: JSON.stringify({
            type: 'fixed-response',
            fixedResponseConfig: { contentType: 'text/plain', statusCode: '404', messageBody: 'Not found' },
          }),
        },
      },
      spec: {
        ingressClassName: 'alb',
        defaultBackend: { service: { name: NOT_FOUND_ACTION, port: { name: 'use-annotation' } } },
      },
    }));
}
