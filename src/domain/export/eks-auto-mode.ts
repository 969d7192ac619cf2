/**
 * eks/auto-mode/: the cluster-wide objects of the EKS Auto Mode bundle. NodePools (karpenter.sh/v1)
 * that pin each node group of the engine's plan (instance type, capacity type, arch, part-time
 * taint) and cap it at the plan's autoscaling maximum, on the `default` NodeClass the built-in
 * `system` pool keeps in the cluster; and Auto Mode's own load balancing, an IngressClass with the
 * controller `eks.amazonaws.com/alb` and its IngressClassParams. Rules and sources:
 * docs/export-rules.md, "EKS Auto Mode".
 */
import type { ExportContext, NodeGroup } from './export-context.ts';
import { NODE_GROUP_LABEL, PART_TIME_TAINT_KEY, type K8sObject } from './eks-workload.ts';
import { ingressGroupName, INGRESS_CLASS_NAME } from './eks-networking.ts';
import { groupSpotPercent, splitNodes } from '../cost/spot-split.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';

export const AUTO_MODE_NODEPOOLS_PATH = 'eks/auto-mode/nodepools.yaml';
export const AUTO_MODE_INGRESS_CLASS_PATH = 'eks/auto-mode/ingressclass.yaml';

/**
 * The built-in pool the bundle keeps: with at least one built-in pool enabled EKS provisions the
 * `default` NodeClass (and eksctl creates its node role and access entry); `general-purpose` is
 * left off so no pool the estimate does not price takes the pods (EKS User Guide, "Enable or
 * Disable Built-in NodePools"; eksctl docs, "EKS Auto Mode").
 */
export const AUTO_MODE_BUILT_IN_POOLS = ['system'] as const;
/**
 * The NodeClass EKS creates when a built-in pool is enabled; its ephemeral storage, 80 GiB, is the
 * data volume the estimate prices (export-context.ts refuses a plan that needs another size).
 */
export const DEFAULT_NODE_CLASS = 'default';

/** Weights: Karpenter uses the matching NodePool of the highest weight that still has room. */
const ON_DEMAND_WEIGHT = 100;
const SPOT_WEIGHT = 50;
/**
 * One node beyond the priced maximum on the last pool of each group: room for the surge pod of a
 * rolling update and for the replacement node Karpenter starts before it drains a drifted or
 * expired one. It runs for minutes, never in the steady state the estimate prices.
 */
export const AUTO_MODE_SURGE_NODES = 1;

export type CapacityType = 'on-demand' | 'spot';

export interface PoolPlan {
  name: string;
  capacityType: CapacityType;
  /** Nodes of the estimate's plan this pool runs. */
  nodes: number;
  /** Nodes its limits admit. */
  limitNodes: number;
  weight: number;
}

/**
 * How a node group's nodes split between capacity types: the bill's split of the planned nodes
 * (cost/spot-split.ts, the rule the EC2 node groups of the other options follow). The On-Demand pool is preferred and
 * capped at its planned nodes, so the planned count lands exactly as priced; growth toward the
 * autoscaling maximum goes to the Spot pool (all of it Spot-priced, at most what the blended
 * estimate at the maximum assumes).
 */
export function poolPlans(group: NodeGroup, ec2: Scenario['ec2']): PoolPlan[] {
  const { count, maxCount } = group.plan;
  const name = (suffix: string) => `nodes-${group.key}${suffix}`;
  const peak = Math.max(count, maxCount);
  // The bill's split (cost/spot-split.ts): 0% when the type has no Spot price.
  const spotPercent = groupSpotPercent(group.plan, ec2);
  if (spotPercent <= 0)
    return [
      {
        name: name(''),
        capacityType: 'on-demand',
        nodes: count,
        limitNodes: peak + AUTO_MODE_SURGE_NODES,
        weight: ON_DEMAND_WEIGHT,
      },
    ];
  const { onDemand: onDemandNodes, spot: spotNodes } = splitNodes(count, spotPercent);
  const spot: PoolPlan = {
    name: name('-spot'),
    capacityType: 'spot',
    nodes: spotNodes,
    limitNodes: peak - onDemandNodes + AUTO_MODE_SURGE_NODES,
    weight: SPOT_WEIGHT,
  };
  if (spotPercent >= 100 || onDemandNodes === 0) return [spot];
  return [
    {
      name: name(''),
      capacityType: 'on-demand',
      nodes: onDemandNodes,
      limitNodes: onDemandNodes,
      weight: ON_DEMAND_WEIGHT,
    },
    spot,
  ];
}

const ARCH_LABEL = { x86_64: 'amd64', arm64: 'arm64' } as const;

/** The limits of `nodes` nodes of the group's single instance type (capacity, not allocatable). */
function limitsOf(group: NodeGroup, nodes: number): Record<string, string> {
  return { cpu: String(nodes * group.plan.vcpu), memory: `${nodes * group.plan.memoryMiB}Mi` };
}

function nodePool(group: NodeGroup, pool: PoolPlan): K8sObject {
  const { plan } = group;
  return {
    apiVersion: 'karpenter.sh/v1',
    kind: 'NodePool',
    metadata: { name: pool.name },
    spec: {
      template: {
        // Pods select their group by this label, as on the EKS on EC2 node groups.
        metadata: { labels: { [NODE_GROUP_LABEL]: group.key } },
        spec: {
          nodeClassRef: { group: 'eks.amazonaws.com', kind: 'NodeClass', name: DEFAULT_NODE_CLASS },
          requirements: [
            { key: 'node.kubernetes.io/instance-type', operator: 'In', values: [plan.instanceType] },
            { key: 'karpenter.sh/capacity-type', operator: 'In', values: [pool.capacityType] },
            { key: 'kubernetes.io/arch', operator: 'In', values: [ARCH_LABEL[plan.arch]] },
          ],
          ...(plan.fullMonth ? {} : { taints: [{ key: PART_TIME_TAINT_KEY, value: group.key, effect: 'NoSchedule' }] }),
        },
      },
      disruption: {
        // Empty nodes go at once, all together: the estimate prices part-time groups for their
        // hours only, with no scale-down delay. Other disruptions keep Auto Mode's 10% budget.
        consolidationPolicy: 'WhenEmptyOrUnderutilized',
        consolidateAfter: '0s',
        budgets: [
          { nodes: '100%', reasons: ['Empty'] },
          { nodes: '10%', reasons: ['Underutilized', 'Drifted'] },
        ],
      },
      limits: limitsOf(group, pool.limitNodes),
      weight: pool.weight,
    },
  };
}

/** Every NodePool of the bundle, in the plan's group order. */
export function autoModeNodePools(context: ExportContext): K8sObject[] {
  return context.nodeGroups.flatMap((group) =>
    poolPlans(group, context.scenario.ec2).map((pool) => nodePool(group, pool)),
  );
}

/** The IngressClass (and IngressClassParams) of the plan's ALB number `n`: alb-1, alb-2, ... */
export const ingressClassNameOf = (n: number): string => `${INGRESS_CLASS_NAME}-${n}`;
const GROUP_ANNOTATION = 'alb.ingress.kubernetes.io/group.name';
/**
 * Per ALB of the bill's plan (cost/load-balancer-plan.ts), spares included: IngressClassParams
 * (eks.amazonaws.com/v1, cluster-scoped) with the ALB's group, and the IngressClass that hands its
 * Ingresses to Auto Mode's load balancing (EKS User Guide, "Create an IngressClass to configure an
 * Application Load Balancer"). Auto Mode groups Ingresses into one ALB by the IngressClassParams'
 * `group.name` only (it does not support the group.name annotation on an Ingress), so each
 * planned ALB has a class of its own. Auto Mode reads no annotations on the IngressClass.
 */
export function autoModeIngressClasses(context: ExportContext): K8sObject[] {
  return context.loadBalancers.loadBalancers.flatMap((lb) => [
    {
      apiVersion: 'eks.amazonaws.com/v1',
      kind: 'IngressClassParams',
      metadata: { name: ingressClassNameOf(lb.number) },
      spec: { scheme: 'internet-facing', group: { name: ingressGroupName(lb) } },
    },
    {
      apiVersion: 'networking.k8s.io/v1',
      kind: 'IngressClass',
      metadata: { name: ingressClassNameOf(lb.number) },
      spec: {
        controller: 'eks.amazonaws.com/alb',
        parameters: {
          apiGroup: 'eks.amazonaws.com',
          kind: 'IngressClassParams',
          name: ingressClassNameOf(lb.number),
        },
      },
    },
  ]);
}

/**
 * An Ingress of the EKS export on Auto Mode: the same object in the class of the ALB whose group
 * it joins (the service's ALB, or a spare one), without the group annotation, which Auto Mode does
 * not support (it groups by the class's IngressClassParams only).
 */
export function autoModeIngress(context: ExportContext, base: K8sObject | null): K8sObject | null {
  if (!base) return null;
  const metadata = base.metadata as { annotations?: Record<string, string> };
  const { [GROUP_ANNOTATION]: group, ...annotations } = metadata.annotations ?? {};
  const lb = context.loadBalancers.loadBalancers.find((candidate) => ingressGroupName(candidate) === group);
  if (!lb) return base;
  return {
    ...base,
    metadata: { ...base.metadata, annotations },
    spec: { ...(base.spec as Record<string, unknown>), ingressClassName: ingressClassNameOf(lb.number) },
  };
}
