/**
 * eks/cluster/eksctl.yaml: the EKS cluster with managed node groups from the engine's node plan
 * (EKS on EC2) or a Fargate profile for the namespace (EKS on Fargate), and IRSA roles.
 */
import { CLUSTER_NAME, NAMESPACE, type ExportContext, type NodeGroup } from './export-context.ts';
import { irsaRoleName, NODE_GROUP_LABEL, PART_TIME_TAINT_KEY } from './eks-workload.ts';

import { ROOT_VOLUME_TYPE } from '../cost/bill-settings.ts';
import type { EksctlNatMode } from '../cost/nat-gateway-count.ts';
import { AUTO_DISCOVERY_TAGS, CLUSTER_AUTOSCALER_NAME, SYSTEM_NAMESPACE } from './eks-cluster-autoscaler.ts';
import { exportsLogRouter, logRouterServiceAccount } from './eks-log-router.ts';
import { groupSpotPercent, splitNodes } from '../cost/spot-split.ts';
import { AUTO_MODE_BUILT_IN_POOLS } from './eks-auto-mode.ts';
import { EKS_KUBERNETES_VERSION, EKS_UPGRADE_SUPPORT_TYPE } from './eks-support.ts';
import { eksAddOnsFor, KEDA, KEDA_NAMESPACE } from '../capacity/eks-add-ons.ts';

/** The EKS on Fargate profile (the bundle README names it to find its pod execution role). */
export const FARGATE_PROFILE_NAME = `fp-${NAMESPACE}`;

interface ManagedNodeGroup {
  name: string;
  instanceType?: string;
  instanceTypes?: string[];
  amiFamily: 'AmazonLinux2023';
  minSize: number;
  desiredCapacity: number;
  maxSize: number;
  /** The root volume the estimate prices (NodePlan.rootVolumeGiB), gp3. */
  volumeSize: number;
  volumeType: string;
  privateNetworking: true;
  spot?: true;
  /** The plan's group name: pods select their group with it. */
  labels: Record<string, string>;
  /** Part-month groups only: keeps every pod but the group's own (and DaemonSets) off it. */
  taints?: { key: string; value: string; effect: 'NoSchedule' }[];
  /** Set with prefix delegation: the max pods the estimate packed against (VPC CNI prefixes, capped at 110/250). */
  maxPodsPerNode?: number;
  /** Cluster Autoscaler's auto-discovery tags on the node group (and so its Auto Scaling group). */
  tags: Record<string, string>;
  /**
   * eksctl copies the labels and taints to the Auto Scaling group as Cluster Autoscaler
   * node-template tags, so it can scale a group up from 0 nodes knowing which pods fit there.
   */
  propagateASGTags: true;
}

/**
 * One managed node group per node group of the plan (instance type and count from the engine).
 * A managed node group is all On-Demand or all Spot, so the scenario's EC2 Spot share splits the
 * nodes between two groups, by the rule the bill prices them with (cost/spot-split.ts: On-Demand
 * rounded up, as EC2 Auto Scaling does).
 */
function managedNodeGroups(context: ExportContext, group: NodeGroup): ManagedNodeGroup[] {
  const { plan } = group;
  const spotPercent = groupSpotPercent(plan, context.scenario.ec2);
  const { onDemand: onDemandNodes, spot: spotNodes } = splitNodes(plan.count, spotPercent);
  const base = {
    amiFamily: 'AmazonLinux2023' as const,
    volumeSize: plan.rootVolumeGiB,
    volumeType: ROOT_VOLUME_TYPE,
    privateNetworking: true as const,
    labels: { [NODE_GROUP_LABEL]: group.key },
    tags: { ...AUTO_DISCOVERY_TAGS },
    propagateASGTags: true as const,
    ...(plan.fullMonth
      ? {}
      : { taints: [{ key: PART_TIME_TAINT_KEY, value: group.key, effect: 'NoSchedule' as const }] }),
    ...(context.scenario.ec2.prefixDelegation ? { maxPodsPerNode: plan.breakdown.slots } : {}),
  };
  // The maxima reach the nodes the autoscaling maxima need (plan.maxCount), split like the nodes
  // (the split grows with the count, so each maximum is at least its group's nodes); together the
  // groups can always grow to it (docs/export-rules.md, "Node groups").
  const hasSpotGroup = spotNodes > 0;
  const hasOnDemandGroup = onDemandNodes > 0 || !hasSpotGroup;
  const atMax = splitNodes(plan.maxCount, spotPercent);
  const spotMax = !hasSpotGroup ? 0 : hasOnDemandGroup ? atMax.spot : plan.maxCount;
  const onDemandMax = Math.max(onDemandNodes, plan.maxCount - spotMax);
  const sized = (desired: number, min: number, peak: number) => ({
    minSize: min,
    desiredCapacity: desired,
    maxSize: Math.max(1, desired * 2, peak),
  });
  const groups: ManagedNodeGroup[] = [];
  if (hasOnDemandGroup) {
    // Groups of services that run part of the month scale to zero between runs.
    const min = plan.fullMonth ? Math.min(context.scenario.ec2.minNodes, onDemandNodes) : 0;
    groups.push({
      name: `ng-${group.key}`,
      instanceType: plan.instanceType,
      ...base,
      ...sized(onDemandNodes, min, onDemandMax),
    });
  }
  if (spotNodes > 0) {
    groups.push({
      name: `ng-${group.key}-spot`,
      instanceTypes: [plan.instanceType],
      ...base,
      ...sized(spotNodes, 0, spotMax),
      spot: true,
    });
  }
  return groups;
}

/** Read access to a service's secrets for its IRSA role (ESO reads them with it) (export-rules B9). */
function secretsPolicy(secrets: ExportContext['services'][number]['secrets']): Record<string, unknown> {
  const statements: Record<string, unknown>[] = [];
  const manager = [...new Set(secrets.filter((s) => s.service === 'secretsmanager').flatMap((s) => s.iamResources))];
  const parameters = [...new Set(secrets.filter((s) => s.service === 'ssm').flatMap((s) => s.iamResources))];
  if (manager.length > 0) {
    statements.push({
      Effect: 'Allow',
      Action: [
        'secretsmanager:GetSecretValue',
        'secretsmanager:DescribeSecret',
        'secretsmanager:ListSecretVersionIds',
        'secretsmanager:GetResourcePolicy',
      ],
      Resource: manager,
    });
  }
  if (parameters.length > 0)
    statements.push({ Effect: 'Allow', Action: ['ssm:GetParameter', 'ssm:GetParameters'], Resource: parameters });
  return { Version: '2012-10-17', Statement: statements };
}

/** `vpc.nat.gateway` for the priced count: Single (1) or HighlyAvailable (one per availability zone). */
export function eksctlNatModeOf(context: ExportContext): EksctlNatMode {
  const mode = context.natGateways.eksctlMode;
  if (mode === null) throw new Error(`eksctl cannot create ${context.natGateways.count} NAT gateways`);
  return mode;
}

/**
 * The EKS add-ons eksctl installs by default apart from metrics-server (vpc-cni, kube-proxy,
 * coredns: api.KnownAddons with IsDefault), listed because the bundle turns the defaults off
 * (`addonsConfig.disableDefaultAddons`). With the VPC CNI listed, eksctl still gives it an IRSA
 * role with AmazonEKS_CNI_Policy (setRecommendedPoliciesForIRSA), as for the default one. On
 * Fargate the cluster gets the same three as eksctl's defaults would give it; CoreDNS is the one
 * its pods use (priced: fargate-coredns lines).
 */
export const DEFAULT_NETWORKING_ADD_ONS = ['vpc-cni', 'kube-proxy', 'coredns'] as const;

function networkingAddOns(vpcCniEnv: Record<string, string> | null): Record<string, unknown>[] {
  return DEFAULT_NETWORKING_ADD_ONS.map((name) =>
    name === 'vpc-cni' && vpcCniEnv ? { name, configurationValues: JSON.stringify({ env: vpcCniEnv }) } : { name },
  );
}

export function eksctlConfig(context: ExportContext): Record<string, unknown> {
  const serviceAccounts: Record<string, unknown>[] = [];
  // Auto Mode runs load balancing and node scaling itself: no controller roles to create.
  if (context.loadBalancers.count > 0 && !context.autoMode) {
    serviceAccounts.push({
      metadata: { name: 'aws-load-balancer-controller', namespace: 'kube-system' },
      wellKnownPolicies: { awsLoadBalancerController: true },
    });
  }
  if (context.compute === 'ec2' && !context.autoMode) {
    // Cluster Autoscaler's role: eksctl's autoScaler policy (describe and resize the Auto Scaling
    // groups, describe node groups and instance types).
    serviceAccounts.push({
      metadata: { name: CLUSTER_AUTOSCALER_NAME, namespace: SYSTEM_NAMESPACE },
      wellKnownPolicies: { autoScaler: true },
    });
    // The log router's role, limited to its log group, when logs are priced (eks-log-router.ts).
    if (exportsLogRouter(context)) serviceAccounts.push(logRouterServiceAccount(context.scenario.region));
  }
  // eksctl needs a policy for every IRSA role it creates, so only services with secrets get one
  // here; the README says how to create the others' roles (roleOnly: the manifests create the
  // ServiceAccounts with the matching annotation).
  for (const plan of context.services.filter((s) => s.secrets.length > 0)) {
    serviceAccounts.push({
      metadata: { name: plan.name, namespace: NAMESPACE },
      roleName: irsaRoleName(plan),
      roleOnly: true,
      attachPolicy: secretsPolicy(plan.secrets),
    });
  }
  const config: Record<string, unknown> = {
    apiVersion: 'eksctl.io/v1alpha5',
    kind: 'ClusterConfig',
    metadata: { name: CLUSTER_NAME, region: context.scenario.region, version: EKS_KUBERNETES_VERSION },
    // Standard support, kept at the end of the version's standard support (eks-support.ts).
    upgradePolicy: { supportType: EKS_UPGRADE_SUPPORT_TYPE },
    // IRSA needs the cluster's OIDC provider (export-rules B3).
    iam: { withOIDC: true, ...(serviceAccounts.length > 0 ? { serviceAccounts } : {}) },
    // eksctl's new VPC gets the NAT gateways the bill prices (cost/nat-gateway-count.ts; prepareExport
    // refuses a count eksctl cannot create).
    vpc: { nat: { gateway: eksctlNatModeOf(context) } },
  };
  // eksctl 0.201.0 and later also install the metrics-server EKS add-on by default on every new
  // cluster, Auto Mode included (eksctl PR #8118; api.KnownAddons marks it IsDefault and
  // IsDefaultAutoMode): pods the estimate would not price, beside the bundle's own metrics-server
  // (`helm install`, counted: capacity/eks-add-ons.ts). disableDefaultAddons stops every default
  // add-on (pkg/actions/addon/tasks.go), so the bundle lists the networking ones it needs itself
  // (DEFAULT_NETWORKING_ADD_ONS); Auto Mode runs those in the node and needs none.
  config.addonsConfig = { disableDefaultAddons: true };
  if (context.autoMode) {
    // Auto Mode (eksctl's autoModeConfig: compute, load balancing and block storage on). Only the
    // built-in system pool: it keeps the default NodeClass, node role and access entry that the
    // bundle's NodePools use (docs/export-rules.md, "EKS Auto Mode"). No node groups and no VPC
    // CNI settings, which Auto Mode does not read.
    config.autoModeConfig = { enabled: true, nodePools: [...AUTO_MODE_BUILT_IN_POOLS] };
  } else if (context.compute === 'ec2') {
    // The estimate packed pods against prefix-delegation max pods when it is on: turn it on in the
    // VPC CNI add-on, or the nodes keep the ENI-based limit and pods stay Pending.
    config.addons = networkingAddOns(
      context.scenario.ec2.prefixDelegation ? { ENABLE_PREFIX_DELEGATION: 'true', WARM_PREFIX_TARGET: '1' } : null,
    );
    config.managedNodeGroups = context.nodeGroups.flatMap((group) => managedNodeGroups(context, group));
  } else {
    // The namespace's pods, CoreDNS and the add-ons in kube-system, and KEDA in its own namespace
    // (all priced by the estimate, capacity/eks-add-ons.ts) run on Fargate: a pod no profile
    // selects stays Pending on a cluster without nodes.
    config.addons = networkingAddOns(null);
    const keda = eksAddOnsFor(context.option.id, context.scenario).includes(KEDA);
    config.fargateProfiles = [
      {
        name: FARGATE_PROFILE_NAME,
        selectors: [
          { namespace: NAMESPACE },
          { namespace: 'kube-system' },
          ...(keda ? [{ namespace: KEDA_NAMESPACE }] : []),
        ],
      },
    ];
  }
  return config;
}
