/**
 * The decision guide's questions, as data. The answers travel in share links, so this schema is
 * part of the link format: add values, never rename them.
 *
 * Questions follow the article's decision framework ("Choose ECS when ... / Choose EKS when ...").
 */
import * as z from 'zod/mini';
import { ANSWER_DEFAULTS as D, DEFAULT_ANSWERS } from './default-answers.ts';
import { COST_PERIOD_IDS } from '../report/cost-periods.ts';

export { DEFAULT_ANSWERS };

const triState = z.enum(['unknown', 'yes', 'no']);

export const WORKLOAD_KINDS = ['web', 'batch', 'ml', 'stateful', 'gpu'] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

export const decisionAnswersSchema = z.strictObject({
  /** How much Kubernetes experience the team has. */
  kubernetesSkills: z._default(z.enum(['unknown', 'none', 'some', 'strong']), D.kubernetesSkills),
  /** Multi-cloud or hybrid cloud is a requirement. */
  multiCloud: z._default(triState, D.multiCloud),
  /** Needs Kubernetes-specific tooling (Istio, Argo, Karpenter, operators, CRDs). */
  kubernetesTooling: z._default(triState, D.kubernetesTooling),
  /** Kinds of workload the platform will run. */
  workloadKinds: z._default(z.array(z.enum(WORKLOAD_KINDS)).check(z.maxLength(WORKLOAD_KINDS.length)), () => [
    ...D.workloadKinds,
  ]),
  teamSize: z._default(z.enum(['unknown', 'small', 'medium', 'large']), D.teamSize),
  /** Wants AWS-managed everything with minimal operations work. */
  awsManaged: z._default(triState, D.awsManaged),
  /** Starting fresh and needs something running fast. */
  startingFresh: z._default(triState, D.startingFresh),
  /** Needs fine-grained node control (GPU types, Spot strategies, DaemonSets, node access). */
  nodeControl: z._default(triState, D.nodeControl),
  /**
   * Options the user does not consider, hidden from the results (a view choice that travels in the
   * link with the answers). Plain ids rather than an enum of today's options, so a link made by a
   * version with more options still opens here (ids this version does not know are ignored).
   */
  hiddenOptions: z._default(z.array(z.string().check(z.regex(/^[a-z0-9-]{1,40}$/))).check(z.maxLength(12)), () => [
    ...D.hiddenOptions,
  ]),
  /** The period totals are shown in (month, year = x12, 3 years = x36): a view choice that travels in the link. */
  costPeriod: z._default(z.enum(COST_PERIOD_IDS), D.costPeriod),
});

export type DecisionAnswers = z.output<typeof decisionAnswersSchema>;
export type DecisionAnswersInput = z.input<typeof decisionAnswersSchema>;
