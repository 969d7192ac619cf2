/**
 * The cluster add-ons the EKS bundles install with Helm, and the pods each one runs: the AWS Load
 * Balancer Controller (when an ALB is exported, not on Auto Mode, which balances load itself),
 * External Secrets (when a service has secrets), metrics-server (when a service autoscales) and
 * KEDA (when a service has a weekly window). The bundle README's `helm install` commands set each
 * pod's replicas and CPU/memory requests from these constants, so the pods the plan counts are the
 * pods deployed: on EC2 nodes (EKS on EC2, EKS Auto Mode) they are packed on the all-month node
 * group beside CoreDNS, one pod slot each; on EKS on Fargate each pod is billed at its Fargate size.
 * Rules and sources: docs/capacity-rules.md ("Cluster add-ons").
 *
 * Chart versions are pinned (`helm install --version`): the values paths below are those of the
 * cited chart version's values.yaml, read in August 2026.
 */
import type { OptionId } from '../cost/estimate-types.ts';
import { planLoadBalancers } from '../cost/load-balancer-plan.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';

/** One Deployment of an add-on: its replicas and the requests the helm command sets. */
export interface AddOnPod {
  /** Plan key in node layouts, beside "coredns": unique across add-ons. */
  key: string;
  /** What the pod is, for bill lines and the plan's breakdown. */
  label: string;
  replicas: number;
  cpuMillis: number;
  memoryMiB: number;
  /** The chart value that sets the replicas. */
  replicasValue: string;
  /** The chart value holding the requests (`<path>.cpu`, `<path>.memory`). */
  requestsValue: string;
}

export interface EksAddOn {
  id: 'aws-load-balancer-controller' | 'external-secrets' | 'metrics-server' | 'keda';
  /** Name in sentences and bill lines. */
  label: string;
  /** `helm repo add <repoName> <repoUrl>`. */
  repoName: string;
  repoUrl: string;
  /** Chart in that repository, and the pinned version whose values.yaml the figures cite. */
  chart: string;
  chartVersion: string;
  pods: readonly AddOnPod[];
  /**
   * The chart value whose map becomes every pod's nodeSelector (the bundle pins the pods to the
   * node group the plan packs them on; not on Fargate, where a nodeSelector would keep them off).
   */
  nodeSelectorValue: string;
}

/**
 * AWS Load Balancer Controller, chart aws/eks-charts stable/aws-load-balancer-controller 3.5.0
 * (app v3.5.0). values.yaml: `replicaCount: 2`; `resources: {}` (no requests), with the chart's
 * commented suggestion of requests 100m CPU and 128Mi, which the bundle sets explicitly so the
 * scheduler reserves, and the plan counts, a known figure.
 */
export const AWS_LOAD_BALANCER_CONTROLLER: EksAddOn = {
  id: 'aws-load-balancer-controller',
  label: 'AWS Load Balancer Controller',
  repoName: 'eks',
  repoUrl: 'https://aws.github.io/eks-charts',
  chart: 'aws-load-balancer-controller',
  chartVersion: '3.5.0',
  // values.yaml `nodeSelector: {}`, the Deployment's nodeSelector.
  nodeSelectorValue: 'nodeSelector',
  pods: [
    {
      key: 'aws-load-balancer-controller',
      label: 'controller',
      replicas: 2,
      cpuMillis: 100,
      memoryMiB: 128,
      replicasValue: 'replicaCount',
      requestsValue: 'resources.requests',
    },
  ],
};

/**
 * External Secrets Operator, chart external-secrets/external-secrets
 * deploy/charts/external-secrets 2.9.0 (app v2.9.0). values.yaml runs three Deployments, each
 * `replicaCount: 1`: the controller, the webhook (`webhook.create: true`) and the cert-controller
 * (`certController.create: true`); each has `resources: {}` with the commented suggestion of
 * requests 10m CPU and 32Mi, which the bundle sets explicitly.
 */
export const EXTERNAL_SECRETS: EksAddOn = {
  id: 'external-secrets',
  label: 'External Secrets',
  repoName: 'external-secrets',
  repoUrl: 'https://charts.external-secrets.io',
  chart: 'external-secrets',
  chartVersion: '2.9.0',
  // `global.nodeSelector`: the default of all three Deployments' own nodeSelector values.
  nodeSelectorValue: 'global.nodeSelector',
  pods: [
    {
      key: 'external-secrets',
      label: 'controller',
      replicas: 1,
      cpuMillis: 10,
      memoryMiB: 32,
      replicasValue: 'replicaCount',
      requestsValue: 'resources.requests',
    },
    {
      key: 'external-secrets-webhook',
      label: 'webhook',
      replicas: 1,
      cpuMillis: 10,
      memoryMiB: 32,
      replicasValue: 'webhook.replicaCount',
      requestsValue: 'webhook.resources.requests',
    },
    {
      key: 'external-secrets-cert-controller',
      label: 'cert-controller',
      replicas: 1,
      cpuMillis: 10,
      memoryMiB: 32,
      replicasValue: 'certController.replicaCount',
      requestsValue: 'certController.resources.requests',
    },
  ],
};

/**
 * metrics-server, chart kubernetes-sigs/metrics-server charts/metrics-server 3.13.1 (app 0.8.1).
 * values.yaml: `replicas: 1`, `resources.requests` 100m CPU and 200Mi (set again explicitly).
 */
export const METRICS_SERVER: EksAddOn = {
  id: 'metrics-server',
  label: 'metrics-server',
  repoName: 'metrics-server',
  repoUrl: 'https://kubernetes-sigs.github.io/metrics-server/',
  chart: 'metrics-server',
  chartVersion: '3.13.1',
  nodeSelectorValue: 'nodeSelector',
  pods: [
    {
      key: 'metrics-server',
      label: 'metrics-server',
      replicas: 1,
      cpuMillis: 100,
      memoryMiB: 200,
      replicasValue: 'replicas',
      requestsValue: 'resources.requests',
    },
  ],
};

/**
 * KEDA, chart kedacore/charts keda 2.20.2 (app 2.20.2). values.yaml runs the operator
 * (`operator.replicaCount: 1`), the metrics API server (`metricsServer.replicaCount: 1`) and the
 * admission webhooks (`webhooks.enabled: true`, `webhooks.replicaCount: 1`), each requesting 100m
 * CPU and 100Mi (`resources.operator`, `resources.metricServer`, `resources.webhooks`; set again
 * explicitly).
 */
export const KEDA: EksAddOn = {
  id: 'keda',
  label: 'KEDA',
  repoName: 'kedacore',
  repoUrl: 'https://kedacore.github.io/charts',
  chart: 'keda',
  chartVersion: '2.20.2',
  // Top-level `nodeSelector`: the default of operator.*, metricsServer.* and webhooks.nodeSelector.
  nodeSelectorValue: 'nodeSelector',
  pods: [
    {
      key: 'keda-operator',
      label: 'operator',
      replicas: 1,
      cpuMillis: 100,
      memoryMiB: 100,
      replicasValue: 'operator.replicaCount',
      requestsValue: 'resources.operator.requests',
    },
    {
      key: 'keda-metrics-apiserver',
      label: 'metrics API server',
      replicas: 1,
      cpuMillis: 100,
      memoryMiB: 100,
      replicasValue: 'metricsServer.replicaCount',
      requestsValue: 'resources.metricServer.requests',
    },
    {
      key: 'keda-admission-webhooks',
      label: 'admission webhooks',
      replicas: 1,
      cpuMillis: 100,
      memoryMiB: 100,
      replicasValue: 'webhooks.replicaCount',
      requestsValue: 'resources.webhooks.requests',
    },
  ],
};

/** The namespace KEDA is installed in (its chart's documented default); on Fargate a profile selector covers it. */
export const KEDA_NAMESPACE = 'keda';

const EKS_OPTIONS: ReadonlySet<OptionId> = new Set<OptionId>(['eks-ec2', 'eks-fargate', 'eks-auto-mode']);

/**
 * The add-ons the option's bundle installs for this scenario, in install order. The same rules as
 * the bundle README's install steps (export/bundle-readme.ts reads this list).
 */
export function eksAddOnsFor(id: OptionId, scenario: Pick<Scenario, 'services' | 'extras'>): EksAddOn[] {
  if (!EKS_OPTIONS.has(id)) return [];
  const out: EksAddOn[] = [];
  // Auto Mode runs load balancing itself: no controller to install.
  if (id !== 'eks-auto-mode' && planLoadBalancers(scenario).count > 0) out.push(AWS_LOAD_BALANCER_CONTROLLER);
  if (scenario.services.some((s) => Object.keys(s.secrets ?? {}).length > 0)) out.push(EXTERNAL_SECRETS);
  if (scenario.services.some((s) => s.autoscaling)) out.push(METRICS_SERVER);
  if (scenario.services.some((s) => s.schedule !== undefined && 'weekly' in s.schedule)) out.push(KEDA);
  return out;
}

/** Pods of one add-on per cluster. */
export const addOnPodCount = (addOn: EksAddOn): number => addOn.pods.reduce((n, pod) => n + pod.replicas, 0);

/** `--set` flags that pin an add-on's replicas and requests to the figures above. */
export function addOnHelmSets(addOn: EksAddOn): string[] {
  return addOn.pods.flatMap((pod) => [
    `--set ${pod.replicasValue}=${pod.replicas}`,
    `--set ${pod.requestsValue}.cpu=${pod.cpuMillis}m`,
    `--set ${pod.requestsValue}.memory=${pod.memoryMiB}Mi`,
  ]);
}

/** "2 x 100m CPU / 128 MiB" style summary of an add-on's pods, for the README and assumptions. */
export function addOnPodsText(addOn: EksAddOn): string {
  return addOn.pods
    .map(
      (pod) =>
        `${addOn.pods.length > 1 ? `${pod.label} ` : ''}${pod.replicas} x ${pod.cpuMillis}m CPU / ${pod.memoryMiB} MiB`,
    )
    .join(', ');
}

/**
 * Fargate reserves port 10250 for the kubelet, which is the default port of metrics-server
 * (`containerPort: 10250`) and of the External Secrets webhook (`webhook.port: 10250`): on EKS on
 * Fargate the bundle moves them (external-secrets issue #1981; the EKS Blueprints add-ons use
 * 9443 for the webhook on Fargate, terraform-aws-eks-blueprints-addons PR #373).
 */
export const FARGATE_METRICS_SERVER_PORT = 10251;
export const FARGATE_EXTERNAL_SECRETS_WEBHOOK_PORT = 9443;

/**
 * What a node group of a plan is for, in words: its services, or for a group of its own that holds
 * only the cluster's pods (CoreDNS, Cluster Autoscaler, the add-ons) their plan keys.
 */
export function nodeGroupPurpose(plan: {
  services: readonly string[];
  layout: readonly { replicas: Readonly<Record<string, number>> }[];
}): string {
  if (plan.services.length > 0) return plan.services.join(', ');
  const keys = [...new Set(plan.layout.flatMap((part) => Object.keys(part.replicas)))];
  return `the cluster's own pods (${keys.join(', ')})`;
}
