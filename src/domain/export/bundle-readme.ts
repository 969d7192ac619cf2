/**
 * The bundle's README.md: what each file is, what to fill in, how to apply it, and the option's
 * cost summary with the price date. Text only from the generator, the engine and names the schema
 * restricts, so nothing a user typed can break the Markdown.
 */
import { formatUSD } from '../money/round-cents.ts';
import { priceRangeText } from '../cost/price-dates.ts';
import {
  ACCOUNT_PLACEHOLDER,
  CERTIFICATE_PLACEHOLDER,
  CLUSTER_NAME,
  IMAGE_PLACEHOLDER,
  NAMESPACE,
  type ExportContext,
  type NodeGroup,
} from './export-context.ts';
import { NODE_GROUP_LABEL } from './eks-workload.ts';
import type { ExportFile } from './export-file.ts';
import { eksctlNatModeOf, FARGATE_PROFILE_NAME } from './eksctl-config.ts';
import { EKS_KUBERNETES_VERSION } from './eks-support.ts';
import { albId } from './ecs-terraform-network.ts';
import { ingressGroupName, SPARE_LOAD_BALANCERS_FILE } from './eks-networking.ts';
import { fargateSpotWeight, isManagedInstances } from './ecs-terraform-cluster.ts';
import { awsProviderVersionOf } from './ecs-terraform-settings.ts';
import { managedInstancesReadme } from './bundle-readme-managed-instances.ts';
import { LOG_RETENTION_DAYS, logsPriced } from '../cost/bill-settings.ts';
import { ECS_LOAD_BALANCER_ZONES, publicIpv4Count } from '../cost/public-ipv4-count.ts';
import {
  EKS_LOG_GROUP_NAME,
  exportsLogRouter,
  FARGATE_LOGGING_CONFIGMAP,
  FARGATE_LOGGING_NAMESPACE,
  FARGATE_LOGGING_PATH,
  FARGATE_LOGGING_POLICY_PATH,
  LOG_ROUTER_DAEMONSET_PATH,
} from './eks-log-router.ts';
import {
  FARGATE_LOG_ROUTER_PLAN_MB,
  LOG_ROUTER_CPU_MILLIS,
  LOG_ROUTER_IMAGE,
  LOG_ROUTER_MEMORY_MIB,
} from '../capacity/log-router.ts';
import { ecsNetworkModeOf, logGroupName } from './ecs-task-definition.ts';
import { ECS_RESERVED_MEMORY_MIB } from '../capacity/ecs-node-capacity.ts';
import { fargateSizeText } from '../sizing/fargate-sizes.ts';
import { exampleValues, secretRegionMismatches } from '../scenario/example-values.ts';
import { CLUSTER_AUTOSCALER_PATH } from './eks-cluster-autoscaler.ts';
import {
  addOnHelmSets,
  addOnPodsText,
  eksAddOnsFor,
  FARGATE_EXTERNAL_SECRETS_WEBHOOK_PORT,
  FARGATE_METRICS_SERVER_PORT,
  KEDA,
  KEDA_NAMESPACE,
  nodeGroupPurpose,
  type EksAddOn,
} from '../capacity/eks-add-ons.ts';
import { autoModeAssumptions, autoModeFileText, autoModeNotes } from './bundle-readme-auto-mode.ts';
import {
  CLUSTER_AUTOSCALER_CPU_MILLIS,
  CLUSTER_AUTOSCALER_IMAGE,
  CLUSTER_AUTOSCALER_MEMORY_MIB,
  CLUSTER_AUTOSCALER_SCALE_DOWN_UNNEEDED_MINUTES,
} from '../capacity/cluster-autoscaler.ts';

const cell = (text: string) => text.replace(/\|/g, '\\|');
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
const compact = (n: number) =>
  Number.isInteger(n) ? n.toLocaleString('en-US') : n.toLocaleString('en-US', { maximumFractionDigits: 4 });

function costSection(context: ExportContext): string[] {
  const { estimate } = context.input;
  const source = estimate.pricing.source === 'live' ? 'live AWS Price List' : 'the bundled price snapshot';
  const out = [
    '## Estimated monthly cost',
    '',
    `Prices from ${source} (${priceRangeText(estimate.pricing)}), for ${estimate.region} (${estimate.regionName}), ${estimate.hoursPerMonth} hours a month.`,
    '',
    '| Cost line | Quantity x unit price | Monthly |',
    '| --- | --- | ---: |',
    ...context.option.lines.map(
      (l) =>
        `| ${cell(l.component)} | ${compact(l.quantity)} ${cell(l.unit)} x $${l.unitPriceUSD} | ${formatUSD(l.monthlyUSD)} |`,
    ),
    `| **Total** | | **${formatUSD(context.option.monthlyUSD ?? 0)}** |`,
    '',
    // A figure derived by a rule says so (the management fee of the AWS-managed nodes).
    ...context.option.lines.filter((l) => l.derived).map((l) => `- ${l.component} is derived: ${l.derived}.`),
  ];
  for (const plan of context.services) {
    const size = plan.fargateSize;
    if (size) {
      out.push(
        `- ${plan.name}: ${plan.service.vcpu} vCPU / ${compact(plan.service.memoryGiB)} GiB requested, billed as ${fargateSizeText(size)} ${context.platform === 'ecs' ? 'tasks' : 'pods (EKS adds 256 MiB per pod)'}.`,
      );
    }
  }
  for (const group of context.nodeGroups) {
    const p = group.plan;
    out.push(
      `- Nodes: ${p.count} x ${p.instanceType} (${p.vcpu} vCPU, ${compact(p.memoryMiB / 1024)} GiB, ${p.arch}${p.gpu ? ', GPU' : ''}) for ${nodeGroupPurpose(p)}.`,
    );
  }
  out.push('');
  return out;
}

function describeFiles(context: ExportContext, files: readonly ExportFile[]): string[] {
  const what = (path: string): string => {
    if (path === 'README.md') return 'This file.';
    if (path === 'scenario.json')
      return 'The scenario this bundle was made from; `npm run --silent cli -- estimate scenario.json` reproduces the estimate.';
    if (path.startsWith('ecs/task-definitions/'))
      return 'Task definition for `aws ecs register-task-definition --cli-input-json` (the Terraform registers the same one).';
    if (path.endsWith('versions.tf'))
      return `Terraform and AWS provider versions (hashicorp/aws ${awsProviderVersionOf(context)}).`;
    if (path.endsWith('variables.tf'))
      return 'Inputs: region, cluster name, VPC, subnets' + (context.anyPublic ? ', certificate.' : '.');
    if (path.endsWith('main.tf'))
      return (
        'Cluster, capacity, IAM roles, security groups, ' +
        (logsPriced(context.scenario) ? 'log groups, ' : '') +
        'task definitions, services' +
        (context.loadBalancers.count > 0 ? ', load balancers' : '') +
        ', autoscaling.'
      );
    if (path.endsWith('outputs.tf'))
      return (
        'Cluster, task definition ARNs' + (context.loadBalancers.count > 0 ? ' and load balancer DNS names.' : '.')
      );
    const autoModeText = context.autoMode ? autoModeFileText(path) : null;
    if (autoModeText) return autoModeText;
    if (path.endsWith('eksctl.yaml'))
      return `EKS ${EKS_KUBERNETES_VERSION} cluster: ${context.compute === 'ec2' ? 'managed node groups from the node plan' : 'a Fargate profile'}, OIDC provider and IRSA roles.`;
    if (path === CLUSTER_AUTOSCALER_PATH)
      return `Cluster Autoscaler (kube-system): RBAC and its Deployment, ${CLUSTER_AUTOSCALER_SCALE_DOWN_UNNEEDED_MINUTES}-minute scale-down delay; eksctl creates its IRSA service account.`;
    if (path === LOG_ROUTER_DAEMONSET_PATH)
      return `Log router (kube-system): Fluent Bit DaemonSet and its config, shipping the services' container logs to \`${EKS_LOG_GROUP_NAME}\` (${LOG_RETENTION_DAYS}-day retention); eksctl creates its IRSA service account.`;
    if (path === FARGATE_LOGGING_PATH)
      return `Fargate's built-in log router: the \`${FARGATE_LOGGING_NAMESPACE}\` namespace and \`${FARGATE_LOGGING_CONFIGMAP}\` ConfigMap, shipping the services' container logs to \`${EKS_LOG_GROUP_NAME}\` (${LOG_RETENTION_DAYS}-day retention).`;
    if (path === FARGATE_LOGGING_POLICY_PATH)
      return 'IAM policy the Fargate pod execution role needs to write that log group (Apply attaches it).';
    if (path.endsWith('kustomization.yaml')) return 'Lists the manifests; `kubectl apply -k` applies them.';
    if (path.endsWith('namespace.yaml')) return `The \`${NAMESPACE}\` namespace.`;
    if (path.endsWith(SPARE_LOAD_BALANCERS_FILE))
      return 'Ingresses of the spare ALBs `extras.loadBalancers` asks for: each its own IngressGroup, answering 404 on HTTP.';
    const kinds: Record<string, string> = {
      'serviceaccount.yaml': 'ServiceAccount with the IRSA role annotation.',
      'secretstore.yaml': 'External Secrets SecretStore (AWS).',
      'externalsecret.yaml': 'ExternalSecret: copies the AWS secrets into a Kubernetes Secret.',
      'deployment.yaml': 'Deployment: image, resources, probes, environment.',
      'service.yaml': 'ClusterIP Service.',
      'ingress.yaml':
        "Ingress for the AWS Load Balancer Controller: joins its ALB's IngressGroup with a host rule, or as the group's default backend.",
      'hpa.yaml': 'HorizontalPodAutoscaler on CPU.',
      'cronjob.yaml': 'CronJob: the job on its cron (UTC), one run at a time, stopped after its priced minutes.',
      'scaledobject.yaml':
        'KEDA ScaledObject: replicas in the weekly window (UTC), zero outside it, CPU target inside.',
      'pdb.yaml': 'PodDisruptionBudget (one pod down at a time).',
    };
    return kinds[path.split('/').pop()!] ?? '';
  };
  return [
    '## Files',
    '',
    '| File | What it is |',
    '| --- | --- |',
    ...files.map((f) => `| \`${f.path}\` | ${what(f.path)} |`),
    '',
  ];
}

/**
 * Values still from a preset or an example (images, hosts, secret ARNs), and secret ARNs in another
 * region: each names its field (never the value: no typed text reaches this Markdown), so the user
 * fixes the scenario and exports again.
 */
function exampleValueLines(context: ExportContext): string[] {
  const lines = exampleValues(context.scenario).map(
    (v) => `- \`${v.path}\` is ${v.why}: put your own value in the scenario and export again.`,
  );
  for (const message of secretRegionMismatches(context.scenario)) lines.push(`- ${message}`);
  return lines;
}

/** What the schedules do on ECS, and what the job's container must do itself. */
function ecsScheduleNotes(context: ExportContext): string[] {
  const notes: string[] = [];
  for (const plan of context.services) {
    if (plan.schedule?.kind === 'cron') {
      notes.push(
        `- ${plan.name} is a cron job: EventBridge Scheduler runs ${plan.desiredCount} task${plan.desiredCount === 1 ? '' : 's'} on \`${plan.schedule.awsCron}\` (UTC), with no ECS service. ECS has no run deadline: the container must exit within ${plan.schedule.runMinutes} minutes, the time the estimate prices.`,
      );
    } else if (plan.schedule?.kind === 'weekly') {
      notes.push(
        `- ${plan.name} runs in a weekly window: Application Auto Scaling scheduled actions raise it at \`${plan.schedule.start.awsCron}\` and set it to 0 at \`${plan.schedule.end.awsCron}\` (UTC). Applied outside the window, it starts with ${plan.desiredCount} task${plan.desiredCount === 1 ? '' : 's'} until the next closing time.`,
      );
    }
  }
  return notes.length > 0 ? ['## Schedules', '', ...notes, ''] : [];
}

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * The ALBs and NAT gateways the bill prices, and where the bundle creates each: the same counts
 * (cost/load-balancer-plan.ts, cost/nat-gateway-count.ts). Services are named, hosts are not.
 */
function networkSection(context: ExportContext): string[] {
  const { loadBalancers: albs, natGateways: nat } = context;
  const out = ['## Load balancers and NAT gateways', ''];
  if (albs.count === 0)
    out.push('No service is public and `extras.loadBalancers` is 0: no load balancer is priced or created.');
  else {
    out.push(
      `The estimate prices ${count(albs.count, 'Application Load Balancer', 'Application Load Balancers')} (its ALB-hours and LCU-hours lines), and this bundle creates exactly ${albs.count === 1 ? 'that one' : 'those'}, internet-facing:`,
      '',
    );
    for (const lb of albs.loadBalancers) {
      const name = context.platform === 'ecs' ? `\`aws_lb.${albId(lb)}\`` : `IngressGroup \`${ingressGroupName(lb)}\``;
      if (lb.spare) {
        out.push(
          `- ALB ${lb.number} (${name}): a spare, as \`extras.loadBalancers\` asks for ${albs.requested}; its HTTP listener answers 404.`,
        );
        continue;
      }
      // By service, never by host: no typed text reaches this Markdown.
      const rules = lb.hostRules.map((r) => r.service);
      const fallback =
        lb.defaultService === null ? 'other requests get 404' : `other requests go to ${lb.defaultService}`;
      out.push(
        `- ALB ${lb.number} (${name}): ${rules.length > 0 ? `a host rule for each of ${rules.join(', ')} (its \`host\`); ${fallback}` : `all requests go to ${lb.defaultService}`}. HTTP redirects to HTTPS.`,
      );
    }
    if (albs.requested < albs.needed)
      out.push(
        '',
        `\`extras.loadBalancers\` is ${albs.requested}; the public services need ${albs.needed}, so ${albs.needed} ${albs.needed === 1 ? 'is' : 'are'} priced.`,
      );
    if (albs.forHostlessServices > 0)
      out.push(
        '',
        `A listener has one default action, so each public service without a \`host\` after the first has an ALB of its own; give them hosts to share one.`,
      );
  }
  out.push('');
  if (context.platform === 'ecs') {
    out.push(
      `This Terraform creates no NAT gateway: the tasks run in \`private_subnet_ids\` of your VPC, which reach ECR, ${logsPriced(context.scenario) ? 'CloudWatch Logs, ' : ''}Secrets Manager and public registries through your NAT gateways or VPC endpoints. The estimate prices ${count(nat.count, 'NAT gateway', 'NAT gateways')} (\`extras.natGateways\`) and ${context.scenario.extras.natDataGB} GB of NAT data (\`extras.natDataGB\`) as the part of that VPC's NAT this workload pays for; VPC endpoints are not priced.`,
    );
  } else {
    const mode = eksctlNatModeOf(context);
    out.push(
      `eksctl creates a new VPC with \`vpc.nat.gateway: ${mode}\`: ${mode === 'Single' ? '1 NAT gateway' : `one NAT gateway in each of its ${nat.count} availability zones`}, as the estimate prices${nat.requested < nat.count ? ` (\`extras.natGateways\` is ${nat.requested}; the ${context.compute === 'fargate' ? 'Fargate pods' : 'nodes'} run in the VPC's private subnets and reach ECR, public images and the cluster endpoint only through a NAT gateway, so ${nat.count} is priced)` : ''}. NAT data is priced as \`extras.natDataGB\` (${context.scenario.extras.natDataGB} GB). With an existing VPC (\`vpc.subnets\`), eksctl creates no NAT gateway; set \`extras.natGateways\` to the part of that VPC's NAT this workload pays for.`,
    );
    if (mode === 'HighlyAvailable')
      out.push(
        '',
        `eksctl picks ${nat.count} availability zones in ${context.scenario.region}; where your account has fewer, it creates one NAT gateway per zone it finds.`,
      );
  }
  out.push('', ...publicIpv4Paragraph(context), '');
  return out;
}

/** The public IPv4 addresses the bill prices, part by part, as the bundle creates them (cost/public-ipv4-count.ts). */
function publicIpv4Paragraph(context: ExportContext): string[] {
  const ips = publicIpv4Count(context.scenario, context.platform);
  const parts: string[] = [];
  if (ips.loadBalancers > 0)
    parts.push(
      context.platform === 'ecs'
        ? `${ips.zonesPerLoadBalancer} for each ALB, one in each Availability Zone of \`public_subnet_ids\` (its validation asks for exactly ${ips.zonesPerLoadBalancer} subnets, in different zones)`
        : `${ips.zonesPerLoadBalancer} for each ALB, placed in the public subnet of each of the ${ips.zonesPerLoadBalancer} availability zones of eksctl's VPC`,
    );
  if (ips.natGateways > 0)
    parts.push(
      `${count(ips.natGateways, "for the NAT gateway's Elastic IP", "for the NAT gateways' Elastic IPs, one each")}${context.platform === 'ecs' ? " (your VPC's, priced as `extras.natGateways`)" : ''}`,
    );
  if (ips.others > 0) parts.push(`${ips.others} more set in \`extras.publicIPv4Addresses\``);
  const where =
    context.platform === 'ecs'
      ? context.compute === 'fargate'
        ? 'The tasks run in private subnets (`assign_public_ip = false`) and get none.'
        : isManagedInstances(context)
          ? 'The tasks and instances run in private subnets and get none.'
          : 'The tasks and instances run in private subnets (the launch template sets `associate_public_ip_address = false`) and get none.'
      : 'The nodes and pods run in private subnets (`privateNetworking`) and get none.';
  if (ips.count === 0) return [`No public IPv4 address is priced or created. ${where}`];
  return [
    `The estimate prices ${count(ips.count, 'public IPv4 address', 'public IPv4 addresses')}, which AWS bills per hour whatever holds them: ${parts.join('; ')}. ${where}${ips.loadBalancers > 0 ? ' An ALB under heavy load adds nodes, each with one more address, which the estimate cannot foresee.' : ''}`,
  ];
}

function ecsSteps(context: ExportContext): string[] {
  const placeholders = context.services.filter((s) => s.imageIsPlaceholder).map((s) => s.name);
  const fill = [
    '## Fill in',
    '',
    '- `ecs/terraform/terraform.tfvars` (create it): `vpc_id`, `private_subnet_ids` (private subnets with a NAT gateway or VPC endpoints, two or more Availability Zones)' +
      (context.loadBalancers.count > 0
        ? `, \`public_subnet_ids\` (${ECS_LOAD_BALANCER_ZONES} public subnets in ${ECS_LOAD_BALANCER_ZONES} Availability Zones: the ALBs' addresses are priced for ${ECS_LOAD_BALANCER_ZONES})`
        : '') +
      (context.anyPublic ? ' and `certificate_arn` (an ACM certificate for the hosts).' : '.'),
  ];
  if (placeholders.length > 0)
    fill.push(
      `- The image of ${placeholders.join(', ')}: replace \`${IMAGE_PLACEHOLDER}\` in \`ecs/terraform/main.tf\` and the task definition JSON.`,
    );
  fill.push(...exampleValueLines(context));
  fill.push(
    `- Only for the JSON task definitions used without Terraform: replace \`${ACCOUNT_PLACEHOLDER}\` in the role ARNs (the roles are the ones the Terraform creates)${logsPriced(context.scenario) ? ` and create the log groups \`${logGroupName('<service>')}\` first` : ''}.`,
    '- Secrets encrypted with a customer managed KMS key also need `kms:Decrypt` on the execution role.',
    '',
    '## Apply',
    '',
    '```sh',
    'cd ecs/terraform',
    "cat > terraform.tfvars <<'EOF'",
    'vpc_id             = "vpc-0123456789abcdef0"',
    'private_subnet_ids = ["subnet-aaaa", "subnet-bbbb"]',
  );
  if (context.loadBalancers.count > 0) fill.push('public_subnet_ids  = ["subnet-cccc", "subnet-dddd"]');
  if (context.anyPublic) fill.push('certificate_arn    = "arn:aws:acm:REGION:ACCOUNT:certificate/ID"');
  fill.push('EOF', 'terraform init', 'terraform plan -out=tfplan', 'terraform apply tfplan', '```', '');
  if (context.anyPublic)
    fill.push(
      "Then point each host's DNS record at its ALB's `alb_<n>_dns_name` output (see Load balancers and NAT gateways).",
      '',
    );
  fill.push(...ecsScheduleNotes(context));
  return fill;
}

function eksSteps(context: ExportContext): string[] {
  const withoutSecrets = context.services.filter((s) => s.secrets.length === 0);
  const placeholders = context.services.filter((s) => s.imageIsPlaceholder).map((s) => s.name);
  const fargate = context.compute === 'fargate';
  const out = [
    '## Fill in',
    '',
    `- \`${ACCOUNT_PLACEHOLDER}\` in the ServiceAccount annotations${context.anyPublic ? ' and Ingress certificate ARNs' : ''}: your AWS account id (command below).`,
  ];
  if (context.anyPublic)
    out.push(
      `- \`${CERTIFICATE_PLACEHOLDER}\` in each \`ingress.yaml\`: the id of an ACM certificate covering the host.`,
    );
  if (placeholders.length > 0)
    out.push(`- The image of ${placeholders.join(', ')}: replace \`${IMAGE_PLACEHOLDER}\` in its \`deployment.yaml\`.`);
  out.push(...exampleValueLines(context));
  if (withoutSecrets.length > 0) {
    out.push(
      `- IAM roles for ${withoutSecrets.map((s) => s.name).join(', ')} (their ServiceAccounts name \`${CLUSTER_NAME}-<service>\`): create each with your app's policy, e.g. \`eksctl create iamserviceaccount --cluster ${CLUSTER_NAME} --namespace ${NAMESPACE} --name <service> --role-name ${CLUSTER_NAME}-<service> --role-only --attach-policy-arn <policy ARN> --approve\`.`,
    );
  }
  out.push(
    '- eksctl creates a new VPC; to use an existing one, add a `vpc.subnets` section to `eks/cluster/eksctl.yaml`.',
    '',
    '## Apply',
    '',
    '```sh',
    'eksctl create cluster -f eks/cluster/eksctl.yaml',
    `grep -rl ${ACCOUNT_PLACEHOLDER} eks | xargs sed -i "s/${ACCOUNT_PLACEHOLDER}/$(aws sts get-caller-identity --query Account --output text)/g"`,
  );
  // Fargate's log router reads its ConfigMap only when a pod starts: set it up before any pod.
  const logRouter = exportsLogRouter(context);
  if (logRouter && fargate) {
    out.push(
      `kubectl apply -f ${FARGATE_LOGGING_PATH}`,
      `aws iam put-role-policy --policy-name ${CLUSTER_NAME}-log-router --policy-document file://${FARGATE_LOGGING_POLICY_PATH} --role-name "$(aws eks describe-fargate-profile --cluster-name ${CLUSTER_NAME} --fargate-profile-name ${FARGATE_PROFILE_NAME} --query fargateProfile.podExecutionRoleArn --output text | cut -d/ -f2)"`,
    );
  }
  if (logRouter && !fargate) out.push(`kubectl apply -f ${LOG_ROUTER_DAEMONSET_PATH}`);
  // The add-ons, with the replicas and requests the estimate counts (capacity/eks-add-ons.ts).
  const weekly = context.services.some((s) => s.schedule?.kind === 'weekly');
  const autoscaled = context.services.some((s) => s.autoscaling);
  const addOns = eksAddOnsFor(context.option.id, context.scenario);
  for (const addOn of addOns) out.push(`helm repo add ${addOn.repoName} ${addOn.repoUrl}`);
  for (const addOn of addOns) out.push(helmInstall(context, addOn));
  if (context.autoMode) out.push('kubectl apply -f eks/auto-mode/');
  else if (!fargate) out.push(`kubectl apply -f ${CLUSTER_AUTOSCALER_PATH}`);
  out.push(`kubectl apply -k eks/manifests`, `kubectl get ingress,pods -n ${NAMESPACE}`, '```', '');
  const notes: string[] = [];
  if (fargate)
    notes.push(
      `- On Fargate, the add-ons run in \`kube-system\`${addOns.includes(KEDA) ? ` and KEDA in \`${KEDA_NAMESPACE}\`` : ''}, which the Fargate profile covers; metrics-server and the External Secrets webhook move off port 10250, which Fargate reserves for the kubelet.`,
    );
  if (addOns.length > 0) {
    const home = addOnNodeGroup(context, addOns[0]!);
    const where = fargate
      ? 'each pod billed on Fargate at its size, as the estimate prices it'
      : `pinned by \`${NODE_GROUP_LABEL}\` to ${home ? (context.autoMode ? `NodePool \`nodes-${home.key}\`` : `\`ng-${home.key}\``) : 'the all-month group'}, the all-month group the estimate packs them on, one pod slot each`;
    notes.push(
      `- The add-ons' pods run with the replicas and requests their \`helm install\` sets (${where}): ${addOns.map((a) => `${a.label} ${a.chartVersion} (${addOnPodsText(a)})`).join('; ')}. Changing those values changes the bill.`,
    );
  }
  notes.push("- The `sed -i` line is GNU sed; on macOS write `sed -i ''`.");
  if (context.autoMode) notes.push(...autoModeNotes(context));
  else if (!fargate) {
    const partTime = context.nodeGroups.filter((g) => !g.plan.fullMonth);
    notes.push(
      `- Cluster Autoscaler (\`${CLUSTER_AUTOSCALER_IMAGE}\`, ${CLUSTER_AUTOSCALER_CPU_MILLIS}m CPU, ${CLUSTER_AUTOSCALER_MEMORY_MIB} MiB, counted in the node plan) grows each node group up to its \`maxSize\` and removes a node ${CLUSTER_AUTOSCALER_SCALE_DOWN_UNNEEDED_MINUTES} minutes after it is no longer needed (\`--scale-down-unneeded-time\`)` +
        (partTime.length > 0
          ? `, so the part-time groups (${partTime.map((g) => `ng-${g.key}`).join(', ')}) run from 0 nodes only for their runs plus that delay, as priced.`
          : '.') +
        ' It finds the groups by their `k8s.io/cluster-autoscaler/*` tags; eksctl copies the labels and taints to the Auto Scaling groups (`propagateASGTags`) so it can scale a group up from 0.',
    );
  }
  if (logRouter)
    notes.push(
      fargate
        ? `- Logs: Fargate's log router (run by AWS in each pod, not billed; AWS suggests leaving it up to ${FARGATE_LOG_ROUTER_PLAN_MB.typical} MB of the pod's memory) sends the \`${NAMESPACE}\` pods' output to \`${EKS_LOG_GROUP_NAME}\`, which it creates with ${LOG_RETENTION_DAYS}-day retention, as priced. It reads \`${FARGATE_LOGGING_CONFIGMAP}\` when a pod starts, so pods started before it log nowhere: restart them.`
        : `- Logs: Fluent Bit (\`${LOG_ROUTER_IMAGE}\`, ${LOG_ROUTER_CPU_MILLIS}m CPU and ${LOG_ROUTER_MEMORY_MIB} MiB on every node, counted in the node plan) sends the \`${NAMESPACE}\` pods' output to \`${EKS_LOG_GROUP_NAME}\`, which it creates with ${LOG_RETENTION_DAYS}-day retention, as priced; its IRSA role may write that log group only.`,
      "- The retention applies when the log group is created: if it already exists, set it with `aws logs put-retention-policy`. Renaming the namespace in kustomization.yaml also means changing the log router's file pattern.",
    );
  if (autoscaled)
    notes.push(
      "- The HorizontalPodAutoscalers need metrics-server, which the bundle installs with Helm: eksctl's own default metrics-server add-on (eksctl 0.201.0 and later) is turned off with the other defaults (`addonsConfig.disableDefaultAddons`), and `eks/cluster/eksctl.yaml` lists the add-ons it keeps.",
    );
  if (weekly)
    notes.push(
      '- The ScaledObjects need KEDA (2.x, with the cron trigger): it scales those Deployments to zero outside their window and creates their HPAs itself, so they have no HPA and no `replicas` of their own.',
    );
  if (context.services.some((s) => s.schedule?.kind === 'cron'))
    notes.push(
      '- CronJobs run in UTC (`timeZone: Etc/UTC`, Kubernetes 1.27 or later), never two runs at once, and stop a run after its priced minutes (`activeDeadlineSeconds`).',
    );
  if (context.anyPublic)
    notes.push("- Point each host's DNS record at the ALB address that `kubectl get ingress` shows.");
  if (notes.length > 0) out.push(...notes, '');
  return out;
}

/** The node group the estimate packed the add-on's pods on; null on Fargate. */
function addOnNodeGroup(context: ExportContext, addOn: EksAddOn): NodeGroup | null {
  const key = addOn.pods[0]!.key;
  return context.nodeGroups.find((g) => g.plan.layout.some((entry) => (entry.replicas[key] ?? 0) > 0)) ?? null;
}

/**
 * `helm install` of one add-on: its pinned chart version, and `--set` flags for the replicas and
 * requests the estimate counts (capacity/eks-add-ons.ts), plus what the cluster needs of it.
 */
function helmInstall(context: ExportContext, addOn: EksAddOn): string {
  const fargate = context.compute === 'fargate';
  const base = `helm install ${addOn.chart} ${addOn.repoName}/${addOn.chart} --version ${addOn.chartVersion}`;
  // On nodes, pinned to the group the plan packs them on, as Cluster Autoscaler is.
  const group = addOnNodeGroup(context, addOn);
  const sets = [
    ...addOnHelmSets(addOn),
    ...(group ? [`--set ${addOn.nodeSelectorValue}.${NODE_GROUP_LABEL}=${group.key}`] : []),
  ].join(' ');
  switch (addOn.id) {
    case 'aws-load-balancer-controller':
      return (
        `${base} -n kube-system --set clusterName=${CLUSTER_NAME} --set serviceAccount.create=false --set serviceAccount.name=aws-load-balancer-controller` +
        (fargate ? ` --set region=${context.scenario.region} --set vpcId=<VPC id from eksctl>` : '') +
        ` ${sets}`
      );
    case 'external-secrets':
      // Fargate reserves port 10250, the chart's default webhook port (external-secrets issue #1981).
      return `${base} -n ${fargate ? 'kube-system' : 'external-secrets --create-namespace'}${fargate ? ` --set webhook.port=${FARGATE_EXTERNAL_SECRETS_WEBHOOK_PORT}` : ''} ${sets}`;
    case 'metrics-server':
      return `${base} -n kube-system${fargate ? ` --set containerPort=${FARGATE_METRICS_SERVER_PORT}` : ''} ${sets}`;
    case 'keda':
      return `${base} -n ${KEDA_NAMESPACE} --create-namespace ${sets}`;
  }
}

function assumptions(context: ExportContext): string[] {
  const out: string[] = [];
  for (const plan of context.services) {
    if (plan.portAssumed) out.push(`${plan.name} is public but names no port: port ${plan.port} is assumed.`);
    if (plan.port !== null && plan.healthCheckPath === null)
      out.push(
        `${plan.name} names no health check path: ${context.platform === 'ecs' ? 'the load balancer checks "/" and ECS runs no container health check' : 'probes only open a TCP connection'}.`,
      );
    if (plan.service.replicas !== Math.ceil(plan.service.replicas))
      out.push(`${plan.name}: ${plan.service.replicas} average replicas run as ${plan.desiredCount}.`);
    if (context.platform === 'eks' && plan.autoscaling && plan.autoscaling.min < 1)
      out.push(`${plan.name}: the HorizontalPodAutoscaler keeps at least 1 pod (0 needs an alpha feature gate).`);
  }
  if (context.platform === 'ecs' && context.compute === 'fargate' && context.scenario.fargate.spotPercent > 0) {
    out.push(
      `Fargate Spot: ${fargateSpotWeight(context)}% of Linux tasks, x86 and ARM64 alike (capacity provider weights are whole percents; ARM64 needs platform version 1.4.0 or later); Windows tasks cannot use Fargate Spot.`,
    );
  }
  if (context.platform === 'ecs' && context.compute === 'ec2' && !isManagedInstances(context)) {
    out.push(
      `The instances set ECS_RESERVED_MEMORY=${ECS_RESERVED_MEMORY_MIB} in /etc/ecs/ecs.config, as the estimate assumes; tasks run in ${ecsNetworkModeOf(context)} mode${ecsNetworkModeOf(context) === 'bridge' ? ' with dynamic host ports (the instances accept the load balancers on 32768-65535)' : ''}.`,
    );
  }
  // What is priced is what is shipped: without logs priced the task definitions have no
  // logConfiguration, and the user must know where their output went and how to get it back.
  if (context.platform === 'ecs' && !logsPriced(context.scenario))
    out.push(
      `The tasks' output is not sent to CloudWatch Logs, because the scenario prices none (\`extras.logIngestionGB\` is 0): the task definitions have no \`logConfiguration\` and the Terraform creates no log groups. Set \`extras.logIngestionGB\` to the GB a month the services log and export again: the estimate then prices the logs and the bundle sends each service's output with \`awslogs\` to a log group \`${logGroupName('<service>')}\` with ${LOG_RETENTION_DAYS}-day retention.`,
    );
  if (context.platform === 'eks' && !logsPriced(context.scenario))
    out.push(
      `The pods' output is not sent to CloudWatch Logs, because the scenario prices none (\`extras.logIngestionGB\` is 0): the bundle has no log router (${context.compute === 'fargate' ? `no \`${FARGATE_LOGGING_CONFIGMAP}\` ConfigMap` : 'no Fluent Bit DaemonSet'}), so a pod's output is what \`kubectl logs\` shows while the pod exists. Set \`extras.logIngestionGB\` to the GB a month the services log and export again: the estimate then prices the logs and the bundle ships the \`${NAMESPACE}\` pods' output to \`${EKS_LOG_GROUP_NAME}\` with ${LOG_RETENTION_DAYS}-day retention.`,
    );
  if (context.platform === 'ecs' && context.compute === 'ec2') {
    const daemons = context.scenario.ec2.daemonsPerNode ?? [];
    if (daemons.length > 0)
      out.push(
        `The node plan leaves room on every instance for ${daemons.map((d) => `${d.name} (${d.vcpu} vCPU, ${d.memoryGiB} GiB)`).join(', ')}; deploy them yourself (this bundle does not define them).`,
      );
  }
  if (context.platform === 'eks') {
    out.push(
      `Kubernetes ${EKS_KUBERNETES_VERSION} (use the newest version EKS offers in standard support; \`eksctl utils describe-cluster-versions\` lists them), cluster \`${CLUSTER_NAME}\`, namespace \`${NAMESPACE}\` (rename it in kustomization.yaml${context.compute === 'fargate' ? ' and the Fargate profile' : ''}).`,
    );
    out.push("Pods request exactly the scenario's vCPU and memory, with equal limits (Guaranteed QoS).");
    if (context.autoMode) out.push(...autoModeAssumptions());
  } else {
    out.push(`Cluster \`${CLUSTER_NAME}\` (Terraform variable \`cluster_name\`).`);
  }
  if (context.nodeGroups.some((g) => g.plan.arch === 'arm64' && g.plan.gpu))
    out.push(
      'No ECS-optimized arm64 GPU AMI is published: the arm64 GPU nodes use the arm64 AMI and need NVIDIA drivers added.',
    );
  return ['## Assumptions', '', ...out.map((line) => `- ${line}`), ''];
}

export function bundleReadme(context: ExportContext, files: readonly ExportFile[]): string {
  const title = `# ${context.option.label}: ${plural(context.services.length, 'service')} in ${context.scenario.region}`;
  const lines = [
    title,
    '',
    ...(context.input.shareUrl
      ? [
          'Generated by the ECS vs EKS cost calculator from `scenario.json`. Reopen this scenario in the calculator:',
          '',
          // Angle-bracket autolink; characters that would end it are percent-encoded.
          `<${context.input.shareUrl.replace(/[<>\s]/g, (ch) => encodeURIComponent(ch))}>`,
          '',
        ]
      : [
          'Generated by the ECS vs EKS cost calculator from `scenario.json`. The scenario is too large for a share link;',
          '`npm run --silent cli -- estimate scenario.json` reproduces the estimate.',
          '',
        ]),
    ...costSection(context),
    ...describeFiles(context, files),
    ...networkSection(context),
    ...(context.platform === 'ecs' ? ecsSteps(context) : eksSteps(context)),
    ...(isManagedInstances(context) ? managedInstancesReadme(context) : []),
    ...assumptions(context),
    '## Checked when generated',
    '',
    (isManagedInstances(context)
      ? "The calculator's tests check bundles like this one: JSON parses, task definitions type-check against the AWS SDK, Terraform parses with HashiCorp's HCL parser and passes `terraform fmt -check`, and `terraform validate` (AWS provider 5.x) passes on everything but the capacity providers (above). User text is escaped for each file type."
      : "The calculator's tests check bundles like this one: JSON parses, task definitions type-check against the AWS SDK and use valid Fargate sizes, Terraform passes `terraform fmt -check` and `terraform validate` (AWS provider 5.x), and Kubernetes objects pass the Kubernetes OpenAPI schemas. User text is escaped for each file type.") +
      (context.autoMode
        ? " NodePools, IngressClassParams and eksctl's `autoModeConfig` have no offline schema: they are checked field by field against the fields Karpenter v1, the EKS User Guide and eksctl document."
        : ''),
    '',
  ];
  return lines.join('\n');
}
