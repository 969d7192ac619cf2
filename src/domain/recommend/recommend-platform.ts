/**
 * The decision guide: the article's framework ("Choose ECS when ... / Choose EKS when ... / Start
 * with ECS if ...") turned into points, plus the hard facts of the scenario (Fargate has no GPUs;
 * an option that cannot run the workload is never recommended).
 *
 * Each answer that counts adds points to one side and one reason the user can read. Compute has
 * three sides: Fargate, EC2 nodes AWS runs for a fee (ECS Managed Instances, EKS Auto Mode:
 * "managed") and EC2 nodes you run yourself. Ties go to ECS and to the side with less to operate
 * (Fargate, then managed nodes): the article's pragmatic default ("Start with ECS").
 */
import type { Estimate, OptionEstimate, OptionId } from '../cost/estimate-types.ts';
import { OPTION_LABELS } from '../cost/estimate-types.ts';
import type { Scenario } from '../scenario/scenario-schema.ts';
import { roundToCents, formatUSD } from '../money/round-cents.ts';
import type { DecisionAnswers } from './decision-answers.ts';

export type Orchestrator = 'ecs' | 'eks';
export type Compute = 'fargate' | 'managed' | 'ec2';
/** In order of what is left to operate, least first: the order ties are broken in. */
export const COMPUTES: readonly Compute[] = ['fargate', 'managed', 'ec2'];
export const COMPUTE_LABELS: Record<Compute, string> = {
  fargate: 'Fargate',
  managed: 'AWS-managed EC2 nodes',
  ec2: 'self-managed EC2 nodes',
};
export type Side = Orchestrator | Compute;

export interface Reason {
  favours: Side;
  points: number;
  text: string;
}

export interface CostComparison {
  versus: OptionId;
  /** Recommended minus `versus`, USD per month: positive means the recommendation costs more. */
  differenceUSD: number;
}

export interface Recommendation {
  orchestrator: Orchestrator;
  compute: Compute;
  optionId: OptionId;
  points: Record<Side, number>;
  /** Why, in the order the questions are asked; then the scenario's facts and costs. */
  reasons: Reason[];
  /** Set when the option the answers point to cannot run the workload, and what was chosen instead. */
  fallback?: string;
  monthlyUSD: number | null;
  /** Against the cheapest option (absent when the recommendation is the cheapest). */
  vsCheapest?: CostComparison;
  /** Against the cheapest option of the other orchestrator: the cost of choosing ECS over EKS or back. */
  vsOtherOrchestrator?: CostComparison;
}

const OPTION_OF: Record<Orchestrator, Record<Compute, OptionId>> = {
  ecs: { fargate: 'ecs-fargate', managed: 'ecs-managed-instances', ec2: 'ecs-ec2' },
  eks: { fargate: 'eks-fargate', managed: 'eks-auto-mode', ec2: 'eks-ec2' },
};
const optionOf = (orchestrator: Orchestrator, compute: Compute): OptionId => OPTION_OF[orchestrator][compute];

function answerReasons(a: DecisionAnswers): Reason[] {
  const r: Reason[] = [];
  const add = (favours: Side, points: number, text: string) => r.push({ favours, points, text });
  if (a.kubernetesSkills === 'none')
    add('ecs', 2, 'The team has no Kubernetes experience, and ECS has far less to learn.');
  if (a.kubernetesSkills === 'some') add('eks', 1, 'The team has some Kubernetes experience.');
  if (a.kubernetesSkills === 'strong') add('eks', 2, 'The team already has strong Kubernetes skills.');
  if (a.multiCloud === 'yes')
    add(
      'eks',
      3,
      'Multi-cloud or hybrid is a requirement: the same Kubernetes manifests run elsewhere, while ECS is AWS-only.',
    );
  if (a.multiCloud === 'no') add('ecs', 1, 'AWS lock-in is acceptable.');
  if (a.kubernetesTooling === 'yes')
    add('eks', 3, 'You need Kubernetes tooling (Istio, Argo, Karpenter, operators), which runs only on Kubernetes.');
  if (a.kubernetesTooling === 'no') add('ecs', 1, 'No Kubernetes-specific tooling is needed.');
  const kinds = new Set(a.workloadKinds);
  if (kinds.has('web')) add('ecs', 1, 'Straightforward web services are what ECS handles well.');
  if (kinds.has('batch'))
    add('fargate', 1, 'Batch jobs on Fargate are billed only while they run, with no nodes to scale down.');
  if (kinds.has('ml')) add('eks', 1, 'ML training benefits from Kubernetes operators and schedulers.');
  if (kinds.has('stateful')) add('eks', 1, 'Stateful services, CRDs and operators are better served by Kubernetes.');
  if (kinds.has('gpu')) {
    add('eks', 1, 'GPU workloads get fuller support on EKS (device plugins, GPU node pools).');
    add('ec2', 3, 'GPU workloads need EC2 instances: Fargate has no GPUs.');
    add(
      'managed',
      3,
      'ECS Managed Instances and EKS Auto Mode run GPU instances too, with AWS patching the nodes and their drivers.',
    );
  }
  if (a.teamSize === 'small') {
    add('ecs', 1, 'A small team feels the operational overhead of Kubernetes most.');
    add('fargate', 1, 'A small team is spared capacity planning and node patching on Fargate.');
    add('managed', 1, 'A small team is spared node patching and replacement on AWS-managed instances.');
  }
  if (a.teamSize === 'large') add('eks', 1, 'A large team can staff Kubernetes operations.');
  if (a.awsManaged === 'yes') {
    add('ecs', 2, 'You want AWS-managed everything with minimal operations work.');
    add('fargate', 2, 'Fargate removes servers from the picture entirely.');
    add(
      'managed',
      1,
      'ECS Managed Instances and EKS Auto Mode leave the EC2 instances to AWS (provisioning, patching, replacement) for a fee.',
    );
  }
  if (a.startingFresh === 'yes') {
    add(
      'ecs',
      1,
      'Starting fresh: ECS gets something running fast, and you can migrate to EKS later if you outgrow it.',
    );
    add('fargate', 1, 'Starting fresh: Fargate needs no capacity planning.');
  }
  if (a.nodeControl === 'yes') {
    add('eks', 1, 'Fine-grained node control (GPU types, Spot strategies) is where EKS shines.');
    add('ec2', 2, 'Node-level control (SSH, custom AMIs, your own node agents) needs EC2 nodes you run yourself.');
    add(
      'managed',
      1,
      'AWS-managed nodes still let you choose instance types, GPUs and Spot, but give no SSH access or custom AMI.',
    );
  }
  return r;
}

function scenarioReasons(scenario: Scenario | null): Reason[] {
  const gpu = scenario?.services.find((s) => s.gpu > 0);
  return gpu
    ? [
        { favours: 'ec2', points: 100, text: `Service "${gpu.name}" needs GPUs, which only EC2 instances have.` },
        {
          favours: 'managed',
          points: 100,
          text: `ECS Managed Instances and EKS Auto Mode can run "${gpu.name}" on GPU instances AWS manages.`,
        },
      ]
    : [];
}

/** One point to the cheapest compute of the orchestrator, against the next cheapest. */
function costReason(orchestrator: Orchestrator, byId: Map<OptionId, OptionEstimate>): Reason[] {
  const priced = COMPUTES.flatMap((compute) => {
    const usd = byId.get(optionOf(orchestrator, compute))?.monthlyUSD;
    return usd == null ? [] : [{ compute, usd }];
  }).sort((a, b) => a.usd - b.usd);
  const [cheapest, next] = priced;
  if (!cheapest || !next || Math.abs(next.usd - cheapest.usd) < 0.005) return [];
  const saving = formatUSD(roundToCents(next.usd - cheapest.usd));
  return [
    {
      favours: cheapest.compute,
      points: 1,
      text: `${OPTION_LABELS[optionOf(orchestrator, cheapest.compute)]} is ${saving} a month cheaper than ${OPTION_LABELS[optionOf(orchestrator, next.compute)]}, the next cheapest ${orchestrator.toUpperCase()} option, for this scenario.`,
    },
  ];
}

const sum = (reasons: readonly Reason[], side: Side) =>
  reasons.reduce((total, r) => total + (r.favours === side ? r.points : 0), 0);

/** Recommends one of the six options from the answers, the scenario and its estimate (both may be missing). */
export function recommendPlatform(
  answers: DecisionAnswers,
  scenario: Scenario | null,
  estimate: Estimate | null,
): Recommendation {
  const byId = new Map<OptionId, OptionEstimate>((estimate?.options ?? []).map((o) => [o.id, o]));
  const runs = (id: OptionId) => !estimate || byId.get(id)?.available === true;

  const reasons = [...answerReasons(answers), ...scenarioReasons(scenario)];
  let orchestrator: Orchestrator = sum(reasons, 'eks') > sum(reasons, 'ecs') ? 'eks' : 'ecs';
  if (sum(reasons, 'ecs') === 0 && sum(reasons, 'eks') === 0) {
    reasons.push({
      favours: 'ecs',
      points: 0,
      text: "No answer tips the balance yet, so the article's default applies: start with ECS, the pragmatic choice.",
    });
  }
  let fallback: string | undefined;
  const other = (o: Orchestrator): Orchestrator => (o === 'ecs' ? 'eks' : 'ecs');
  const anyRuns = (o: Orchestrator) => COMPUTES.some((c) => runs(optionOf(o, c)));
  if (!anyRuns(orchestrator) && anyRuns(other(orchestrator))) {
    fallback = `Neither ${orchestrator.toUpperCase()} option can run this workload, so ${other(orchestrator).toUpperCase()} is recommended instead.`;
    orchestrator = other(orchestrator);
  }

  reasons.push(...costReason(orchestrator, byId));
  // Most points first; ties in COMPUTES order (least to operate first). The sort is stable.
  const ranked = [...COMPUTES].sort((a, b) => sum(reasons, b) - sum(reasons, a));
  let compute: Compute = ranked[0]!;
  const preferred = optionOf(orchestrator, compute);
  if (!runs(preferred)) {
    const alternative = ranked.find((c) => runs(optionOf(orchestrator, c)));
    if (alternative) {
      const why = byId.get(preferred)?.reason;
      fallback = `${OPTION_LABELS[preferred]} cannot run this workload${why ? ` (${why})` : ''}, so ${OPTION_LABELS[optionOf(orchestrator, alternative)]} is recommended instead.`;
      compute = alternative;
    }
  }

  const optionId = optionOf(orchestrator, compute);
  const recommendation: Recommendation = {
    orchestrator,
    compute,
    optionId,
    reasons,
    points: {
      ecs: sum(reasons, 'ecs'),
      eks: sum(reasons, 'eks'),
      fargate: sum(reasons, 'fargate'),
      managed: sum(reasons, 'managed'),
      ec2: sum(reasons, 'ec2'),
    },
    monthlyUSD: byId.get(optionId)?.monthlyUSD ?? null,
  };
  if (fallback) recommendation.fallback = fallback;
  const mine = recommendation.monthlyUSD;
  if (mine !== null && estimate) {
    const compare = (versus: OptionId | null | undefined): CostComparison | undefined => {
      const theirs = versus ? byId.get(versus)?.monthlyUSD : null;
      return versus && theirs != null ? { versus, differenceUSD: roundToCents(mine - theirs) } : undefined;
    };
    const vsCheapest = estimate.cheapest !== optionId ? compare(estimate.cheapest) : undefined;
    if (vsCheapest) recommendation.vsCheapest = vsCheapest;
    const rivals = estimate.options.filter(
      (o) => COMPUTES.some((c) => optionOf(other(orchestrator), c) === o.id) && o.monthlyUSD !== null,
    );
    rivals.sort((x, y) => x.monthlyUSD! - y.monthlyUSD!);
    const vsOther = compare(rivals[0]?.id);
    if (vsOther) recommendation.vsOtherOrchestrator = vsOther;
  }
  return recommendation;
}

/** "$12.30 a month more than EKS on EC2" / "$5.00 a month less than ..." / "the same as ...". */
export function describeComparison(comparison: CostComparison): string {
  const label = OPTION_LABELS[comparison.versus];
  if (Math.abs(comparison.differenceUSD) < 0.005) return `the same as ${label}`;
  const amount = formatUSD(Math.abs(comparison.differenceUSD));
  return `${amount} a month ${comparison.differenceUSD > 0 ? 'more' : 'less'} than ${label}`;
}
