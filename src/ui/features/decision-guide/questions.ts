/** The decision guide's questions and answer labels, in the order of the article's framework. */
import type { DecisionAnswers, WorkloadKind } from '../../../domain/recommend/decision-answers.ts';

export type SingleQuestionKey = Exclude<keyof DecisionAnswers, 'workloadKinds' | 'hiddenOptions'>;

export interface SingleQuestion<K extends SingleQuestionKey = SingleQuestionKey> {
  key: K;
  text: string;
  options: readonly { value: DecisionAnswers[K]; label: string }[];
}

const yesNo = [
  { value: 'unknown', label: 'Not sure' },
  { value: 'yes', label: 'Yes' },
  { value: 'no', label: 'No' },
] as const;

export const QUESTIONS: readonly SingleQuestion[] = [
  {
    key: 'kubernetesSkills',
    text: 'How much Kubernetes experience does the team have?',
    options: [
      { value: 'unknown', label: 'Not sure' },
      { value: 'none', label: 'None' },
      { value: 'some', label: 'Some' },
      { value: 'strong', label: 'Strong' },
    ],
  },
  { key: 'multiCloud', text: 'Is multi-cloud or hybrid cloud a requirement?', options: yesNo },
  {
    key: 'kubernetesTooling',
    text: 'Do you need Kubernetes tooling (Istio, Argo, Karpenter, operators, CRDs)?',
    options: yesNo,
  },
  {
    key: 'teamSize',
    text: 'How large is the team that will run the platform?',
    options: [
      { value: 'unknown', label: 'Not sure' },
      { value: 'small', label: 'Small' },
      { value: 'medium', label: 'Medium' },
      { value: 'large', label: 'Large' },
    ],
  },
  {
    key: 'awsManaged',
    text: 'Do you want AWS to manage as much as possible, with minimal operations work?',
    options: yesNo,
  },
  { key: 'startingFresh', text: 'Are you starting fresh and need something running fast?', options: yesNo },
  {
    key: 'nodeControl',
    text: 'Do you need fine-grained node control (GPU types, Spot strategies, node access)?',
    options: yesNo,
  },
] as SingleQuestion[];

export const WORKLOAD_KIND_LABELS: Record<WorkloadKind, string> = {
  web: 'Web services and APIs',
  batch: 'Batch jobs',
  ml: 'ML training',
  stateful: 'Stateful services',
  gpu: 'GPU workloads',
};
