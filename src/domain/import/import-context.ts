/** Shared state of one import: the notes so far, and helpers every format uses the same way. */
import { ENV_KEY } from '../scenario/scenario-schema.ts';
import { parseSecretArn } from '../scenario/secret-arn.ts';
import { IMAGE_PLACEHOLDER } from '../export/export-context.ts';
import { FARGATE_SIZES } from '../sizing/fargate-sizes.ts';
import type { DraftSource, ImportNote, ServiceDraft } from './import-types.ts';
import { shown } from './read-values.ts';

/**
 * Size given to a service whose input states none: the smallest Fargate task (0.25 vCPU, 0.5 GiB),
 * the least any option can run. Always noted, never silent.
 */
export const DEFAULT_IMPORT_SIZE = { vcpu: FARGATE_SIZES[0]!.vcpu, memoryGiB: FARGATE_SIZES[0]!.memoryGiB } as const;

export class ImportContext {
  readonly notes: ImportNote[] = [];
  readonly problems: string[] = [];
  /** Regions the inputs name, in the order found. */
  readonly regions: { region: string; source: DraftSource }[] = [];
  /**
   * Task definitions whose containers send their output to CloudWatch Logs (awslogs). No file says
   * how many GB a month that is, so logs stay unpriced and unexported: one note says so.
   */
  readonly cloudWatchLogSources: DraftSource[] = [];
  /** Public load balancers the inputs create (one per ALB, NLB or LoadBalancer Service). */
  loadBalancers = 0;
  readonly fargateSpotPercents: { value: number; source: DraftSource }[] = [];
  /**
   * EC2 Spot shares: of Auto Scaling groups (100 - on-demand percentage above base), or of a
   * service's ECS Managed Instances capacity provider weights (`via` says which).
   */
  readonly ec2SpotPercents: { value: number; source: DraftSource; via?: string }[] = [];
  /** Per-node daemons (DaemonSets, ECS DAEMON services, Swarm global services): ec2.daemonsPerNode. */
  readonly daemons: { name: string; vcpu: number; memoryGiB: number; source: DraftSource }[] = [];

  /** Records a per-node daemon, with the note that says where it went. */
  daemon(source: DraftSource, name: string, vcpu: number, memoryGiB: number, why: string): void {
    this.daemons.push({ name, vcpu, memoryGiB, source });
    this.note(
      source,
      `${why} (${vcpu} vCPU, ${memoryGiB} GiB): imported as a per-node daemon (ec2.daemonsPerNode), taken from every EC2 node's capacity; Fargate runs no daemons`,
    );
  }

  note(source: DraftSource, message: string): void {
    this.notes.push({ file: source.file, object: source.object, message });
  }

  problem(source: DraftSource, message: string): void {
    this.problems.push([source.file, source.object, message].filter((part) => part !== '').join(': '));
  }

  /** Sets the image unless it is not one the scenario takes, or is the export's placeholder. */
  setImage(draft: ServiceDraft, image: unknown): void {
    if (typeof image !== 'string') return;
    if (image === IMAGE_PLACEHOLDER) {
      this.note(draft.source, `image ${IMAGE_PLACEHOLDER} is this tool's export placeholder: no image is set`);
      return;
    }
    draft.image = image;
  }

  /** Adds one plain variable, or notes why it cannot be carried. */
  addEnvironment(draft: ServiceDraft, name: string, value: unknown): void {
    if (!ENV_KEY.test(name)) {
      this.note(
        draft.source,
        `environment variable ${shown(name)} left out: not a valid variable name for the scenario`,
      );
      return;
    }
    if (value === null || value === undefined) {
      this.note(
        draft.source,
        `environment variable ${name} has no value in the file (taken from elsewhere at run time): left out`,
      );
      return;
    }
    const text =
      typeof value === 'string'
        ? value
        : typeof value === 'number' || typeof value === 'boolean'
          ? String(value)
          : undefined;
    if (text === undefined) {
      this.note(draft.source, `environment variable ${name} left out: its value is not text`);
      return;
    }
    draft.environment = { ...draft.environment, [name]: text };
  }

  /** Adds one secret reference when it is an ARN the scenario accepts, else notes it. */
  addSecret(draft: ServiceDraft, name: string, reference: unknown): void {
    if (!ENV_KEY.test(name)) {
      this.note(draft.source, `secret ${shown(name)} left out: not a valid variable name for the scenario`);
      return;
    }
    const parsed = typeof reference === 'string' ? parseSecretArn(reference) : undefined;
    if (!parsed?.ok) {
      this.note(
        draft.source,
        `secret ${name} (${shown(reference)}) left out: the scenario takes Secrets Manager or SSM Parameter Store ARNs${parsed ? ` (${parsed.problem})` : ''}`,
      );
      return;
    }
    draft.secrets = { ...draft.secrets, [name]: reference as string };
  }
}
