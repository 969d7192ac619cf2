/**
 * Everything the exporters need about one option, derived once from the scenario and the
 * engine's estimate: per-service facts (names, port, sizes, secrets), node groups from the
 * engine's node plan, and the problems that make an export impossible.
 *
 * Exporters never recompute prices or sizes: Fargate sizes and node plans come from the estimate.
 */
import { unscheduledPartMonthProblems } from '../schedule/part-month.ts';
import { replicasOutsideAutoscalingProblems } from '../cost/autoscaling-range.ts';
import { eksSupportProblem } from './eks-support.ts';
import type { Estimate, NodePlan, OptionEstimate, OptionId } from '../cost/estimate-types.ts';
import type { Scenario, Service } from '../scenario/scenario-schema.ts';
import type { FargateSize } from '../sizing/fargate-sizes.ts';
import { exportSchedule, type ExportSchedule } from '../schedule/export-schedule.ts';
import { parseSecretReference, type SecretReference } from './secret-reference.ts';
import { wholeReplicas } from '../numeric/float-tolerance.ts';
import { EXPORTABLE_OPTION_IDS } from './exportable-options.ts';
import { planLoadBalancers, type LoadBalancerPlan } from '../cost/load-balancer-plan.ts';
import { eksctlNatProblem, natGatewayCount, type NatGatewayCount } from '../cost/nat-gateway-count.ts';
import { MANAGED_NODE_VOLUME_GIB } from '../cost/bill-settings.ts';

/** Names the bundle uses; the bundle README says where to change them. */
export const CLUSTER_NAME = 'app-cluster';
export const NAMESPACE = 'apps';
/** Documented placeholders the bundle README tells the user to fill in. */
export const IMAGE_PLACEHOLDER = 'REPLACE_WITH_IMAGE_URI';
export const ACCOUNT_PLACEHOLDER = 'REPLACE_WITH_ACCOUNT_ID';
export const CERTIFICATE_PLACEHOLDER = 'REPLACE_WITH_CERTIFICATE_ID';
/** Port assumed for a public service that does not name one (the article's port). */
export const DEFAULT_PUBLIC_PORT = 8080;

export { EXPORTABLE_OPTION_IDS } from './exportable-options.ts';

export interface ExportInput {
  scenario: Scenario;
  estimate: Estimate;
  optionId: OptionId;
  /** Link that reopens this scenario in the calculator (the UI passes the page URL). */
  shareUrl: string;
}

export interface EnvironmentVariable {
  name: string;
  value: string;
}

export interface AutoscalingPlan {
  min: number;
  max: number;
  targetCpuPercent: number;
}

/** One node group of an EC2 option, keyed by CPU architecture and GPU need like the engine's plan. */
export interface NodeGroup {
  /** "x86-64", "arm64", "x86-64-gpu": used in resource and node group names. */
  key: string;
  plan: NodePlan;
}

export interface ServicePlan {
  service: Service;
  name: string;
  /** Terraform identifier ("api-service" -> "api_service"). */
  id: string;
  image: string;
  imageIsPlaceholder: boolean;
  port: number | null;
  portAssumed: boolean;
  healthCheckPath: string | null;
  public: boolean;
  host: string | null;
  /** Sorted by name: the ECS provider sorts them too, so plans show no spurious diff (export-rules A9). */
  environment: EnvironmentVariable[];
  secrets: SecretReference[];
  /** Whole tasks or pods to run: the scenario's average replicas rounded up, within the autoscaling range. */
  desiredCount: number;
  autoscaling: AutoscalingPlan | null;
  /** Fargate options: the billed size from the estimate (ECS task size; EKS pod size after the 256 MiB overhead). */
  fargateSize: FargateSize | null;
  /** EC2 options: the node group the engine placed the service on. */
  nodeGroup: NodeGroup | null;
  /** When the service runs: a cron job (no long-running service) or a weekly window; null all month. */
  schedule: ExportSchedule | null;
}

export interface ExportContext {
  input: ExportInput;
  scenario: Scenario;
  option: OptionEstimate;
  platform: 'ecs' | 'eks';
  compute: 'fargate' | 'ec2';
  /** EKS Auto Mode: AWS runs the EC2 nodes (NodePools instead of node groups, no add-ons to install). */
  autoMode: boolean;
  services: ServicePlan[];
  nodeGroups: NodeGroup[];
  /** Some service is public: the HTTPS listeners need a certificate. */
  anyPublic: boolean;
  /** The ALBs the bill prices, which the export deploys (cost/load-balancer-plan.ts). */
  loadBalancers: LoadBalancerPlan;
  /** The NAT gateways the bill prices for this platform (cost/nat-gateway-count.ts). */
  natGateways: NatGatewayCount;
}

export type PreparedExport = { ok: true; context: ExportContext } | { ok: false; problems: string[] };

/**
 * What kustomize (`kubectl apply -k`) refuses to read even as a YAML escape: DEL, the C1 controls
 * other than NEL, U+FFFE and U+FFFF ("yaml: control characters are not allowed"; kubectl 1.32,
 * kustomize 5.5, checked by eks-kustomize.test.ts). Kubernetes itself would take them.
 */
export const KUSTOMIZE_UNREADABLE = /[\u007f-\u0084\u0086-\u009f\ufffe\uffff]/;
/**
 * What kustomize reads but writes back changed: NEL becomes a space, and LS and PS are written raw
 * in a folded scalar that YAML readers fold (same test).
 */
export const KUSTOMIZE_CHANGED = /[\u0085\u2028\u2029]/;

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** x86-64, arm64-gpu, x86-64-62h (a group that runs only part of the month; '.' becomes 'p'). */
export function nodeGroupKey(plan: Pick<NodePlan, 'arch' | 'gpu' | 'fullMonth' | 'hoursPerMonth'>): string {
  const hours = plan.fullMonth ? '' : `-${String(plan.hoursPerMonth).replace('.', 'p')}h`;
  return `${plan.arch === 'arm64' ? 'arm64' : 'x86-64'}${plan.gpu ? '-gpu' : ''}${hours}`;
}

/** User strings of a service with the path the problem messages name. */
function userStrings(service: Service, index: number): { path: string; value: string }[] {
  const at = `services[${index}]`;
  const out: { path: string; value: string }[] = [];
  if (service.image !== undefined) out.push({ path: `${at}.image`, value: service.image });
  if (service.healthCheckPath !== undefined)
    out.push({ path: `${at}.healthCheckPath`, value: service.healthCheckPath });
  if (service.host !== undefined) out.push({ path: `${at}.host`, value: service.host });
  for (const [key, value] of Object.entries(service.environment ?? {}))
    out.push({ path: `${at}.environment.${key}`, value });
  for (const [key, value] of Object.entries(service.secrets ?? {})) out.push({ path: `${at}.secrets.${key}`, value });
  return out;
}

function stringProblems(service: Service, index: number, platform: 'ecs' | 'eks'): string[] {
  const problems: string[] = [];
  for (const { path, value } of userStrings(service, index)) {
    // A lone UTF-16 surrogate has no UTF-8 form: no file can carry it.
    const unreadable = platform === 'eks' ? KUSTOMIZE_UNREADABLE.exec(value) : null;
    const changed = platform === 'eks' ? KUSTOMIZE_CHANGED.exec(value) : null;
    if (LONE_SURROGATE.test(value))
      problems.push(`${path}: contains an unpaired UTF-16 surrogate, which no UTF-8 file can hold`);
    else if (unreadable) {
      const code = `U+${unreadable[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
      problems.push(
        `${path}: contains ${code}, which kustomize (kubectl apply -k) refuses to read (it refuses DEL, C1 control characters other than NEL, U+FFFE and U+FFFF); remove it`,
      );
    } else if (changed) {
      const code = `U+${changed[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
      problems.push(
        `${path}: contains ${code}, which kustomize (kubectl apply -k) silently changes (NEL becomes a space, LS and PS line breaks); remove it`,
      );
    }
    // Terraform reads every string as Unicode NFC (HCL and cty normalize), so it would silently
    // change a decomposed string; refuse rather than export something else than was typed.
    else if (platform === 'ecs' && value.normalize('NFC') !== value) {
      problems.push(
        `${path}: is not in Unicode normalization form C; Terraform converts every string to NFC, so the exported Terraform would change it. Write it in composed form (for example "é" as one character).`,
      );
    }
  }
  return problems;
}

function planService(
  context: { option: OptionEstimate; nodeGroups: NodeGroup[] },
  service: Service,
  index: number,
  problems: string[],
): ServicePlan {
  const at = `services[${index}]`;
  const environment = Object.entries(service.environment ?? {})
    .map(([name, value]) => ({ name, value }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const secrets: SecretReference[] = [];
  for (const [name, arn] of Object.entries(service.secrets ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const parsed = parseSecretReference(name, arn);
    if (parsed.ok) secrets.push(parsed.reference);
    else problems.push(`${at}.secrets.${name}: ${parsed.problem}`);
    if (service.environment && Object.hasOwn(service.environment, name)) {
      problems.push(`${at}.secrets.${name}: is also set in environment; a container gets each variable once`);
    }
  }

  // Rounded as the estimate rounds them (ec2-option.ts), so the export runs what is priced.
  const replicas = wholeReplicas(service.replicas);
  const a = service.autoscaling;
  const autoscaling = a ? { min: a.min, max: a.max, targetCpuPercent: a.targetCpuPercent } : null;
  const desiredCount = autoscaling ? Math.min(Math.max(replicas, autoscaling.min), autoscaling.max) : replicas;

  const schedule = service.schedule ? exportSchedule(service.schedule) : null;
  if (schedule?.kind === 'cron') {
    // A job runs and exits: nothing for a load balancer or CPU target tracking to act on.
    if (service.public)
      problems.push(
        `${at}.public: a cron job runs and exits, so it cannot sit behind a load balancer; set public to false`,
      );
    if (service.autoscaling)
      problems.push(
        `${at}.autoscaling: a cron job starts replicas tasks or pods on each run; remove autoscaling (or use a weekly schedule)`,
      );
  }

  const port = service.port ?? (service.public ? DEFAULT_PUBLIC_PORT : null);
  const fargate = context.option.fargateSizes?.find((f) => f.service === service.name)?.billed ?? null;
  const group = context.nodeGroups.find((g) => g.plan.services.includes(service.name)) ?? null;
  if (context.option.fargateSizes && !fargate)
    problems.push(`${at}: the estimate has no Fargate size for "${service.name}"; estimate this scenario again`);
  if (context.option.nodes && !group)
    problems.push(`${at}: the estimate's node plan does not place "${service.name}"; estimate this scenario again`);

  return {
    service,
    name: service.name,
    id: service.name.replace(/-/g, '_'),
    image: service.image ?? IMAGE_PLACEHOLDER,
    imageIsPlaceholder: service.image === undefined,
    port,
    portAssumed: service.port === undefined && port !== null,
    // A health path without a port has nothing to probe.
    healthCheckPath: port === null ? null : (service.healthCheckPath ?? null),
    public: service.public,
    host: service.host ?? null,
    environment,
    secrets,
    desiredCount,
    autoscaling,
    fargateSize: fargate,
    nodeGroup: group,
    schedule,
  };
}

/**
 * Public services sharing an ALB are told apart by host: two with the same host would have one
 * rule hide the other (ALB host conditions ignore case; the schema already holds hosts lowercase).
 */
function hostProblems(scenario: Scenario): string[] {
  const firstWith = new Map<string, number>();
  const problems: string[] = [];
  scenario.services.forEach((service, index) => {
    if (!service.public || service.host === undefined) return;
    const first = firstWith.get(service.host);
    if (first === undefined) firstWith.set(service.host, index);
    else
      problems.push(
        `services[${index}].host: "${scenario.services[first]!.name}" (services[${first}]) is public with the same host, and the load balancer would send every request for it there; give each public service its own host`,
      );
  });
  return problems;
}

/**
 * The EKS Auto Mode export puts the nodes on the `default` NodeClass, whose ephemeral storage (the
 * data volume the estimate prices) is 80 GiB; a plan that needs another size is refused, naming
 * the fields, until the export writes NodeClasses of its own (docs/export-rules.md, "EKS Auto Mode").
 */
function autoModeVolumeProblems(nodeGroups: readonly NodeGroup[]): string[] {
  const size = MANAGED_NODE_VOLUME_GIB['eks-auto-mode'];
  const other = [...new Set(nodeGroups.map((g) => g.plan.rootVolumeGiB).filter((gib) => gib !== size))];
  if (other.length === 0) return [];
  return [
    `ec2.rootVolumeGiB: the EKS Auto Mode export runs the nodes on the default NodeClass, whose ephemeral storage is ${size} GiB, but the estimate prices ${other.map((gib) => `${gib} GiB`).join(' and ')} per node (from ec2.rootVolumeGiB, or from services' ephemeralStorageGiB above 20 GiB on one node); the export does not write a NodeClass of another size yet, so leave ec2.rootVolumeGiB empty and keep the pods' extra storage within ${size} GiB a node`,
  ];
}

/** Derives the export context, or lists every reason the option cannot be exported as asked. */
export function prepareExport(input: ExportInput): PreparedExport {
  const { scenario, estimate, optionId } = input;
  const option = estimate.options.find((o) => o.id === optionId);
  if (!option) return { ok: false, problems: [`the estimate has no option "${optionId}"`] };
  if (!EXPORTABLE_OPTION_IDS.includes(optionId))
    return {
      ok: false,
      problems: [
        `${option.label}: the export does not write this option's configuration yet; it exports ${EXPORTABLE_OPTION_IDS.join(', ')}`,
      ],
    };
  if (!option.available)
    return { ok: false, problems: [`${option.label} cannot run this scenario: ${option.reason ?? 'unavailable'}`] };
  if (estimate.region !== scenario.region) {
    return {
      ok: false,
      problems: [
        `the estimate is for ${estimate.region} but the scenario is for ${scenario.region}; estimate this scenario again`,
      ],
    };
  }

  const platform = optionId.startsWith('ecs') ? 'ecs' : 'eks';
  const compute = optionId.endsWith('fargate') ? 'fargate' : 'ec2';
  const nodeGroups = (option.nodes ?? []).map((plan) => ({ key: nodeGroupKey(plan), plan }));
  const problems: string[] = [];
  const services = scenario.services.map((service, index) => {
    problems.push(...stringProblems(service, index, platform));
    return planService({ option, nodeGroups }, service, index, problems);
  });
  problems.push(...hostProblems(scenario));
  // Priced for part of the month with no schedule: nothing to deploy it as priced.
  problems.push(...unscheduledPartMonthProblems(scenario));
  // eksctl creates the VPC and its NAT gateways: only the counts it can create are exported.
  const natProblem = platform === 'eks' ? eksctlNatProblem(scenario) : null;
  if (natProblem) problems.push(natProblem);
  const supportProblem = platform === 'eks' ? eksSupportProblem(scenario) : null;
  if (supportProblem) problems.push(supportProblem);
  problems.push(...replicasOutsideAutoscalingProblems(scenario));
  const autoMode = optionId === 'eks-auto-mode';
  if (autoMode) problems.push(...autoModeVolumeProblems(nodeGroups));
  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    context: {
      input,
      scenario,
      option,
      platform,
      compute,
      autoMode,
      services,
      nodeGroups,
      anyPublic: services.some((s) => s.public && s.port !== null),
      loadBalancers: planLoadBalancers(scenario),
      natGateways: natGatewayCount(scenario, platform),
    },
  };
}
