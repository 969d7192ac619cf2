/**
 * The node autoscaler the EKS on EC2 export installs: Cluster Autoscaler on the managed node
 * groups' Auto Scaling groups. Its pod is counted in the node plan like CoreDNS, and its
 * scale-down delay in the node-hours of part-time groups (docs/capacity-rules.md, "Node
 * autoscaler"). The export writes these same values.
 */

/**
 * Image: the Cluster Autoscaler minor version must match the cluster's Kubernetes minor version
 * (Cluster Autoscaler README, "Releases"); eksctl-config.ts creates 1.34 clusters.
 */
export const CLUSTER_AUTOSCALER_IMAGE = 'registry.k8s.io/autoscaling/cluster-autoscaler:v1.34.3';

/** One replica (it elects a leader; more only wait), as in the project's AWS example manifest. */
export const CLUSTER_AUTOSCALER_REPLICAS = 1;

/**
 * Requests (equal to limits) of the AWS example manifest, cluster-autoscaler-autodiscover.yaml in
 * kubernetes/autoscaler: 100m CPU and 600Mi memory.
 */
export const CLUSTER_AUTOSCALER_CPU_MILLIS = 100;
export const CLUSTER_AUTOSCALER_MEMORY_MIB = 600;

/**
 * How long a node must be unneeded before Cluster Autoscaler removes it: the
 * `--scale-down-unneeded-time` default of 10 minutes (Cluster Autoscaler FAQ, "How does scale-down
 * work?"), written explicitly in the exported args so the priced delay is the deployed one.
 */
export const CLUSTER_AUTOSCALER_SCALE_DOWN_UNNEEDED_MINUTES = 10;

/** Plan key of the autoscaler's pod in node layouts, beside "coredns". */
export const CLUSTER_AUTOSCALER_KEY = 'cluster-autoscaler';

/**
 * The scale-down delay a part-time node group pays, in words for the CLI table and the page:
 * "" when there is none.
 */
export function scaleDownDelayPhrase(scaleDownDelayHours: number): string {
  if (scaleDownDelayHours <= 0) return '';
  const hours = Math.round(scaleDownDelayHours * 100) / 100;
  return ` + ${hours} h of scale-down delay (Cluster Autoscaler removes a node ${CLUSTER_AUTOSCALER_SCALE_DOWN_UNNEEDED_MINUTES} minutes after its pods stop)`;
}
