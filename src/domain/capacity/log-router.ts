/**
 * The log router the EKS exports install when the bill prices CloudWatch Logs
 * (`extras.logIngestionGB > 0`), so the logs priced are the logs shipped: on EC2 nodes a Fluent
 * Bit DaemonSet (AWS for Fluent Bit), whose pod on every node is counted in the node plan; on
 * Fargate the log router AWS runs in each pod's VM, configured by a ConfigMap. Rules and sources:
 * docs/capacity-rules.md ("Log router") and docs/export-rules.md ("Logs").
 */
import type { OptionId } from '../cost/estimate-types.ts';
import { logsPriced } from '../cost/bill-settings.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import type { SystemShare } from './node-capacity.ts';

/**
 * AWS for Fluent Bit, pinned: release 3.5.10 (Fluent Bit v5.1.5), the latest on
 * github.com/aws/aws-for-fluent-bit/releases when this was written (2026-12). Multi-arch (x86_64
 * and arm64), from the ECR Public gallery AWS documents for it.
 */
export const LOG_ROUTER_IMAGE = 'public.ecr.aws/aws-observability/aws-for-fluent-bit:3.5.10';

/**
 * Requests and memory limit of AWS's own Helm chart for this image (aws/eks-charts,
 * stable/aws-for-fluent-bit/values.yaml: requests 50m CPU and 50Mi, limit 250Mi). The scheduler
 * reserves the requests on every node, so the plan counts those. (CloudWatch's Container Insights
 * manifest asks 500m and 100Mi, but it runs three pipelines: application, host and data-plane
 * logs; this router ships the services' container logs only.)
 */
export const LOG_ROUTER_CPU_MILLIS = 50;
export const LOG_ROUTER_MEMORY_MIB = 50;
export const LOG_ROUTER_MEMORY_LIMIT_MIB = 250;

/** Name of the DaemonSet, its ServiceAccount and config, in kube-system. */
export const LOG_ROUTER_NAME = 'fluent-bit';

/**
 * Memory AWS suggests planning for the Fargate log router inside each pod ("up to 50 MB", up to
 * 100 MB for very high log throughput: EKS User Guide, "Start AWS Fargate logging for your
 * cluster", Size considerations). Fargate bills the pod's size from its requests plus 256 MiB and
 * does not add the log router, so it is not priced: it is stated as an assumption.
 */
export const FARGATE_LOG_ROUTER_PLAN_MB = { typical: 50, highThroughput: 100 } as const;

/**
 * The options whose export runs the Fluent Bit DaemonSet on its nodes when logs are priced. EKS
 * Auto Mode is not here yet: its export does not install the router, so its plan does not count
 * it; the Auto Mode export adds it here when it calls eks-log-router.ts.
 */
export const LOG_ROUTER_DAEMONSET_OPTIONS: ReadonlySet<OptionId> = new Set<OptionId>(['eks-ec2', 'eks-auto-mode']);

/** Whether the option's nodes each run a log router pod for this scenario. */
export function runsLogRouterDaemonSet(id: OptionId, scenario: Scenario): boolean {
  return LOG_ROUTER_DAEMONSET_OPTIONS.has(id) && logsPriced(scenario);
}

/** What the DaemonSet takes from every node: its requests and one pod slot (it counts against max pods). */
export const LOG_ROUTER_SHARE: SystemShare = {
  name: `DaemonSet ${LOG_ROUTER_NAME} (log router, as logs are priced)`,
  cpuMillis: LOG_ROUTER_CPU_MILLIS,
  memoryMiB: LOG_ROUTER_MEMORY_MIB,
  slots: 1,
};
