/**
 * The EKS Auto Mode parts of the bundle README: what its files are, what AWS runs in the cluster
 * and what you still install, how the NodePools hold the priced plan, and what the plan assumes.
 * Text only from the generator and the engine's plan (export-rules, "EKS Auto Mode").
 */
import { nodeGroupPurpose } from '../capacity/eks-add-ons.ts';
import { MANAGEMENT_FEE_PERCENT } from '../pricing/derived-price-rules.ts';
import type { ExportContext } from './export-context.ts';
import { EKS_KUBERNETES_VERSION } from './eks-support.ts';
import {
  AUTO_MODE_BUILT_IN_POOLS,
  AUTO_MODE_INGRESS_CLASS_PATH,
  AUTO_MODE_NODEPOOLS_PATH,
  AUTO_MODE_SURGE_NODES,
  DEFAULT_NODE_CLASS,
  ingressClassNameOf,
  poolPlans,
} from './eks-auto-mode.ts';

const nodes = (n: number) => `${n} node${n === 1 ? '' : 's'}`;

/** The Files table entry of an Auto Mode file, or null for the files every EKS bundle has. */
export function autoModeFileText(path: string): string | null {
  if (path.endsWith('eksctl.yaml'))
    return `EKS ${EKS_KUBERNETES_VERSION} cluster with Auto Mode (\`autoModeConfig\`: compute, load balancing and block storage run by AWS; built-in pool \`${AUTO_MODE_BUILT_IN_POOLS.join(', ')}\` only), OIDC provider and IRSA roles.`;
  if (path === AUTO_MODE_NODEPOOLS_PATH)
    return `NodePools (karpenter.sh/v1) pinning each node group of the plan: instance type, capacity type, architecture, limits at its autoscaling maximum, on the \`${DEFAULT_NODE_CLASS}\` NodeClass.`;
  if (path === AUTO_MODE_INGRESS_CLASS_PATH)
    return "One IngressClass per ALB the bill prices (`alb-1`, ...; controller `eks.amazonaws.com/alb`) and its IngressClassParams (internet-facing, the ALB's group): the Ingresses of a class share one ALB.";
  if (path.endsWith('/ingress.yaml')) return "Ingress for Auto Mode's load balancing (internet-facing ALB).";
  return null;
}

/** Notes under Apply: what AWS manages, what you install, how the nodes follow the plan. */
export function autoModeNotes(context: ExportContext): string[] {
  const out = [
    '- AWS runs and patches the nodes (Bottlerocket, each replaced after 336 hours by default), node autoscaling, pod networking, CoreDNS, kube-proxy, the EBS CSI driver and load balancing: there is no node group, Cluster Autoscaler, VPC CNI add-on or AWS Load Balancer Controller to install. You still install metrics-server, KEDA and External Secrets where the manifests need them (commands above).',
    `- The \`${AUTO_MODE_BUILT_IN_POOLS.join(', ')}\` pool stays on because EKS then keeps the \`${DEFAULT_NODE_CLASS}\` NodeClass (and eksctl its node role and access entry) that the NodePools use; it starts nodes only for pods that tolerate its \`CriticalAddonsOnly\` taint, which nothing in this bundle does. \`general-purpose\` is off, so only the NodePools below take the pods.`,
    `- The management fee lines are derived (${MANAGEMENT_FEE_PERCENT}% of each type's On-Demand rate, charged on Spot node-hours too; docs/pricing-rules.md): AWS bills its own per-type fee, which in the price data nearly always equals that.`,
    '- With an existing VPC instead of the one eksctl creates, tag its public subnets `kubernetes.io/role/elb: 1` and private ones `kubernetes.io/role/internal-elb: 1`: Auto Mode places load balancers by these tags.',
  ];
  for (const group of context.nodeGroups) {
    const pools = poolPlans(group, context.scenario.ec2);
    const split = pools
      .map(
        (p) =>
          `\`${p.name}\` ${nodes(p.nodes)} ${p.capacityType} (limits ${nodes(p.limitNodes)}${pools.length > 1 ? `, weight ${p.weight}` : ''})`,
      )
      .join(', ');
    out.push(
      `- ${group.plan.instanceType} for ${nodeGroupPurpose(group.plan)}: ${split}; the plan's autoscaling maximum is ${nodes(group.plan.maxCount)}, plus ${nodes(AUTO_MODE_SURGE_NODES)} of room for a rolling update or a node replacement.` +
        (pools.length > 1
          ? ' Karpenter fills the On-Demand pool first (higher weight) up to its planned nodes, so the planned nodes split as priced; growth goes to Spot.'
          : ''),
    );
  }
  const { loadBalancers } = context;
  if (loadBalancers.count > 0)
    out.push(
      `- Load balancers, as priced: ${loadBalancers.loadBalancers
        .map(
          (lb) =>
            `\`${ingressClassNameOf(lb.number)}\` (${lb.spare ? 'spare, answers 404' : [...lb.hostRules.map((r) => r.service), ...(lb.defaultService ? [lb.defaultService] : [])].join(', ')})`,
        )
        .join(
          ', ',
        )}. The Ingresses of one class share its ALB through the IngressClassParams' \`group.name\` (Auto Mode does not read the group annotation), host rules in the plan's order (\`group.order\`) and a service without a host as the default backend.`,
    );
  const partTime = context.nodeGroups.filter((g) => !g.plan.fullMonth);
  if (partTime.length > 0)
    out.push(
      `- Part-time groups (${partTime.map((g) => `nodes-${g.key}`).join(', ')}) start from 0 nodes when their pods are pending and are removed as soon as they are empty (\`consolidateAfter: 0s\`, every empty node at once), as the estimate prices them: for their hours only, with no scale-down delay. Node start and stop take a few minutes that the estimate does not count.`,
    );
  return out;
}

/** Assumptions specific to Auto Mode. */
export function autoModeAssumptions(): string[] {
  return [
    'Pods pick their NodePool by the `cost-calculator/node-group` label and `kubernetes.io/arch`; they carry no `kubernetes.io/os` selector (Auto Mode nodes are all Linux and Auto Mode does not support that label).',
    'Auto Mode consolidates underutilized nodes: with one instance type per pool it can only remove nodes, never move pods to another type, so the bill stays at or below the plan.',
    "The pods of metrics-server, KEDA and External Secrets run on the NodePools' nodes in the room the plan leaves; the plan does not count them.",
    'Auto Mode has no pod readiness gate for its ALB targets, so the namespace carries no readiness-gate label.',
    'Auto Mode keeps no idle nodes, so `ec2.minNodes` does not apply to it: the plan prices only the nodes its pods need.',
  ];
}
