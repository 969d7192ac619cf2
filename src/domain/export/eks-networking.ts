/**
 * Namespace, Service and Ingress (AWS Load Balancer Controller) objects.
 */
import {
  CERTIFICATE_PLACEHOLDER,
  ACCOUNT_PLACEHOLDER,
  NAMESPACE,
  type ExportContext,
  type ServicePlan,
} from './export-context.ts';
import { labelsOf, metadataOf, PORT_NAME, type K8sObject } from './eks-workload.ts';
import { ALB_HEALTH_CHECK } from './ecs-terraform-network.ts';

const SERVICE_PORT = 80;

export function namespace(context: ExportContext): K8sObject {
  return {
    apiVersion: 'v1',
    kind: 'Namespace',
    metadata: {
      name: NAMESPACE,
      // ALB pod readiness gates (target-type ip): a pod counts as ready only once the ALB sees it
      // healthy, so rolling updates never drop traffic (export-rules B2).
      ...(context.anyPublic ? { labels: { 'elbv2.k8s.aws/pod-readiness-gate-inject': 'enabled' } } : {}),
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

/**
 * spec.ingressClassName alb, not the deprecated kubernetes.io/ingress.class annotation; target-type
 * ip, which Fargate requires; every annotation value a string (export-rules B6).
 */
export function ingress(context: ExportContext, plan: ServicePlan): K8sObject | null {
  if (!plan.public || plan.port === null) return null;
  const annotations: Record<string, string> = {
    'alb.ingress.kubernetes.io/scheme': 'internet-facing',
    'alb.ingress.kubernetes.io/target-type': 'ip',
    'alb.ingress.kubernetes.io/healthcheck-path': plan.healthCheckPath ?? '/',
    'alb.ingress.kubernetes.io/success-codes': ALB_HEALTH_CHECK.matcher,
    'alb.ingress.kubernetes.io/listen-ports': JSON.stringify([{ HTTP: 80 }, { HTTPS: 443 }]),
    // The SSL port, not "true"; it must be one of listen-ports.
    'alb.ingress.kubernetes.io/ssl-redirect': '443',
    'alb.ingress.kubernetes.io/certificate-arn': certificateArnPlaceholder(context.scenario.region),
  };
  const rule: Record<string, unknown> = {
    http: {
      paths: [
        { path: '/', pathType: 'Prefix', backend: { service: { name: plan.name, port: { number: SERVICE_PORT } } } },
      ],
    },
  };
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'Ingress',
    metadata: { ...metadataOf(plan), annotations },
    spec: {
      ingressClassName: 'alb',
      rules: [plan.host === null ? rule : { host: plan.host, ...rule }],
    },
  };
}
