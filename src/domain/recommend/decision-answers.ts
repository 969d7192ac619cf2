/**
 * The decision guide's questions, as data. The answers travel in share links, so this schema is
 * part of the link format: add values, never rename them.
 *
 * Questions follow the article's decision framework ("Choose ECS when ... / Choose EKS when ...").
 */
import { z } from 'zod';

const triState = z.enum(['unknown', 'yes', 'no']);

export const WORKLOAD_KINDS = ['web', 'batch', 'ml', 'stateful', 'gpu'] as const;
export type WorkloadKind = (typeof WORKLOAD_KINDS)[number];

export const decisionAnswersSchema = z.strictObject({
  /** How much Kubernetes experience the team has. */
  kubernetesSkills: z.enum(['unknown', 'none', 'some', 'strong']).default('unknown'),
  /** Multi-cloud or hybrid cloud is a requirement. */
  multiCloud: triState.default('unknown'),
  /** Needs Kubernetes-specific tooling (Istio, Argo, Karpenter, operators, CRDs). */
  kubernetesTooling: triState.default('unknown'),
  /** Kinds of workload the platform will run. */
  workloadKinds: z.array(z.enum(WORKLOAD_KINDS)).max(WORKLOAD_KINDS.length).default([]),
  teamSize: z.enum(['unknown', 'small', 'medium', 'large']).default('unknown'),
  /** Wants AWS-managed everything with minimal operations work. */
  awsManaged: triState.default('unknown'),
  /** Starting fresh and needs something running fast. */
  startingFresh: triState.default('unknown'),
  /** Needs fine-grained node control (GPU types, Spot strategies, DaemonSets, node access). */
  nodeControl: triState.default('unknown'),
  /**
   * Options the user does not consider, hidden from the results (a view choice that travels in the
   * link with the answers). Plain ids rather than an enum of today's options, so a link made by a
   * version with more options still opens here (ids this version does not know are ignored).
   */
  hiddenOptions: z
    .array(z.string().regex(/^[a-z0-9-]{1,40}$/))
    .max(12)
    .default([]),
});

export type DecisionAnswers = z.output<typeof decisionAnswersSchema>;
export type DecisionAnswersInput = z.input<typeof decisionAnswersSchema>;

export const DEFAULT_ANSWERS: DecisionAnswers = decisionAnswersSchema.parse({});
