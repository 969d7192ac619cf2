/**
 * The importer: Kubernetes manifests, ECS task definitions and services, ECS Terraform and Compose
 * files, detected by content, to one scenario in the current format, plus a note for everything
 * assumed, changed or left out. Pure: callers read files, folders and zips and pass their text in.
 */
import type { z } from 'zod';
import {
  DEFAULT_REGION,
  SCENARIO_FORMAT_VERSION,
  serviceSchema,
  type ScenarioInput,
  type ServiceInput,
} from '../scenario/scenario-schema.ts';
import { formatPath, formatProblem, validateScenario } from '../scenario/validate-scenario.ts';
import { REGION_CATALOG } from '../pricing/region-catalog.ts';
import { ImportContext } from './import-context.ts';
import { importCompose, isComposeFile } from './import-compose.ts';
import { ecsServicesOf, importEcs, taskDefinitionOf, type EcsDocument } from './import-ecs.ts';
import { importKubernetes, isKubernetesObject, type KubernetesObject } from './import-kubernetes.ts';
import { importTerraform, inlineContainerDefinitions, type TerraformFile } from './import-terraform.ts';
import type { ImportOptions, ImportResult, ImportSource, ServiceDraft } from './import-types.ts';
import { MAX_FILES, MAX_TOTAL_BYTES } from './import-limits.ts';
import { parseDocuments } from './parse-documents.ts';
import { asArray, asObject, shown, type Json } from './read-values.ts';
import { uniqueServiceName } from './service-names.ts';
import { unzipImportFiles } from './unzip-import-files.ts';

const READABLE = /\.(ya?ml|json|tf)$/i;
const MIB = 1024 * 1024;

interface Collected {
  kubernetes: KubernetesObject[];
  taskDefinitions: EcsDocument[];
  ecsServices: EcsDocument[];
  compose: { file: string; value: Json }[];
  terraform: { path: string; text: string }[];
}

/** This tool's own scenario file, found in export bundles beside what it describes. */
const isScenarioFile = (value: Json): boolean =>
  typeof value.version === 'number' && typeof value.region === 'string' && Array.isArray(value.services);

function classify(file: string, value: unknown, collected: Collected, context: ImportContext): void {
  const object = asObject(value);
  if (Array.isArray(value)) {
    // A JSON array of task definitions or Kubernetes objects.
    for (const item of value) classify(file, item, collected, context);
    return;
  }
  if (!object) {
    context.note({ file, object: '' }, 'holds a document that is not a map: not read');
    return;
  }
  if (isKubernetesObject(object)) {
    if (String(object.kind).endsWith('List') && Array.isArray(object.items)) {
      for (const item of asArray(object.items)) classify(file, item, collected, context);
      return;
    }
    collected.kubernetes.push({ file, value: object });
    return;
  }
  const taskDefinition = taskDefinitionOf(object);
  if (taskDefinition) {
    collected.taskDefinitions.push({ file, value: taskDefinition });
    return;
  }
  const services = ecsServicesOf(object);
  if (services) {
    for (const service of services) collected.ecsServices.push({ file, value: service });
    return;
  }
  if (isScenarioFile(object)) {
    context.note(
      { file, object: '' },
      "is this tool's scenario file: not read (the configuration beside it is); estimate it directly to get its own numbers",
    );
    return;
  }
  if (isComposeFile(object)) {
    collected.compose.push({ file, value: object });
    return;
  }
  context.note(
    { file, object: '' },
    'is not a Kubernetes object, an ECS task definition or service, or a Compose file: not read',
  );
}

/** Expands zips and checks the overall limits; returns the text sources or problems. */
function expand(sources: readonly ImportSource[], context: ImportContext): { path: string; text: string }[] {
  const texts: { path: string; text: string }[] = [];
  for (const source of sources) {
    if ('text' in source) {
      texts.push(source);
      continue;
    }
    const unzipped = unzipImportFiles(source.path, source.bytes);
    if (!unzipped.ok) context.problems.push(unzipped.problem);
    else texts.push(...unzipped.files);
  }
  const total = texts.reduce((sum, t) => sum + t.text.length, 0);
  if (total > MAX_TOTAL_BYTES)
    context.problems.push(
      `the input holds ${(total / MIB).toFixed(1)} MiB; at most ${MAX_TOTAL_BYTES / MIB} MiB are imported`,
    );
  if (texts.length > MAX_FILES)
    context.problems.push(`the input holds ${texts.length} files; at most ${MAX_FILES} are imported`);
  return texts;
}

/** Fields the export uses but pricing does not: a bad one is left out with a note rather than stopping the import. */
const OPTIONAL_FIELDS = new Set(['image', 'port', 'healthCheckPath', 'host', 'environment', 'secrets', 'schedule']);

function finishService(draft: ServiceDraft, name: string, context: ImportContext): ServiceInput | undefined {
  const { source, ...fields } = draft;
  const service: Record<string, unknown> = { ...fields, name };
  for (let attempt = 0; attempt < 2; attempt++) {
    const parsed = serviceSchema.safeParse(service);
    if (parsed.success) return service as ServiceInput;
    const fatal: string[] = [];
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0]);
      if (OPTIONAL_FIELDS.has(field) && attempt === 0) {
        context.note(source, `${formatPath(issue.path)} ${shown(service[field])} left out: ${issue.message}`);
        delete service[field];
      } else
        fatal.push(
          `${formatPath(issue.path)} ${shown(issue.path.reduce<unknown>((v, k) => asObject(v)?.[String(k)], service))}: ${messageOf(issue)}`,
        );
    }
    if (fatal.length > 0) {
      for (const line of fatal) context.problem(source, line);
      return undefined;
    }
  }
  return undefined;
}

/** The schema's own wording for ranges, as the estimate command prints it. */
function messageOf(issue: z.core.$ZodIssue): string {
  if (issue.code === 'too_big') return `must be at most ${String(issue.maximum)}`;
  if (issue.code === 'too_small')
    return issue.inclusive
      ? `must be at least ${String(issue.minimum)}`
      : `must be greater than ${String(issue.minimum)}`;
  return issue.message;
}

const REGION_CODES = new Set(REGION_CATALOG.map((r) => r.code));

function chooseRegion(options: ImportOptions, context: ImportContext): string {
  if (options.region !== undefined) {
    if (!REGION_CODES.has(options.region))
      context.problems.push(`--region: ${shown(options.region)} is not a region with a price snapshot`);
    return options.region;
  }
  const named = context.regions.filter((r) => REGION_CODES.has(r.region));
  for (const r of context.regions.filter((r) => !REGION_CODES.has(r.region)))
    context.note(r.source, `names region ${shown(r.region)}, which has no price snapshot: not used`);
  const first = named[0];
  if (!first) {
    context.note(
      { file: '', object: '' },
      `no region named in the input: ${DEFAULT_REGION} assumed (choose one with --region)`,
    );
    return DEFAULT_REGION;
  }
  const others = [...new Set(named.map((r) => r.region))].filter((r) => r !== first.region);
  context.note(
    first.source,
    `region ${first.region}, as named here${others.length > 0 ? `; the input also names ${others.join(', ')}` : ''}`,
  );
  return first.region;
}

export async function importScenario(
  sources: readonly ImportSource[],
  options: ImportOptions = {},
): Promise<ImportResult> {
  const context = new ImportContext();
  const texts = expand(sources, context);
  if (context.problems.length > 0) return { ok: false, problems: context.problems, notes: context.notes };

  const collected: Collected = { kubernetes: [], taskDefinitions: [], ecsServices: [], compose: [], terraform: [] };
  for (const { path, text } of texts) {
    if (/\.tf$/i.test(path)) {
      collected.terraform.push({ path, text });
      continue;
    }
    if (text.trim() === '') {
      context.note({ file: path, object: '' }, 'is empty');
      continue;
    }
    const parsed = parseDocuments(path, text);
    // Formats are told apart by content, so every file is tried; in a folder or zip, a file that is
    // neither YAML nor JSON and is not named so (a README, a script) is passed over with a note.
    const incidental = texts.length > 1 && !READABLE.test(path);
    if (!parsed.ok && incidental) {
      context.note({ file: path, object: '' }, 'not YAML, JSON or Terraform: not read');
      continue;
    }
    if (!parsed.ok) {
      context.problems.push(parsed.problem);
      continue;
    }
    if (incidental && parsed.documents.every((d) => asObject(d) === undefined && !Array.isArray(d))) {
      context.note({ file: path, object: '' }, 'not YAML, JSON or Terraform: not read');
      continue;
    }
    for (const value of parsed.documents) classify(path, value, collected, context);
  }

  const terraform: TerraformFile[] = [];
  if (collected.terraform.length > 0 && !options.parseTerraform) {
    context.note(
      { file: collected.terraform.map((t) => t.path).join(', '), object: '' },
      'Terraform is read by the command line (cli import), which has an HCL parser: desired counts, autoscaling and hosts here are not read',
    );
  }
  for (const { path, text } of options.parseTerraform ? collected.terraform : []) {
    try {
      terraform.push({ file: path, json: await options.parseTerraform!(path, text) });
    } catch (error) {
      context.problems.push(
        `${path}: not valid Terraform (${String((error as Error).message ?? error).split('\n')[0]})`,
      );
    }
  }
  if (options.parseTerraform && terraform.length > 0)
    await inlineContainerDefinitions(terraform, options.parseTerraform);
  if (context.problems.length > 0) return { ok: false, problems: context.problems, notes: context.notes };

  const families = new Set(collected.taskDefinitions.map((t) => String(t.value.family ?? '')));
  const fromTerraform =
    terraform.length > 0 ? importTerraform(terraform, families, context) : { taskDefinitions: [], services: [] };
  const drafts: ServiceDraft[] = [
    ...importKubernetes(collected.kubernetes, context),
    ...importEcs(
      [...collected.taskDefinitions, ...fromTerraform.taskDefinitions],
      [...collected.ecsServices, ...fromTerraform.services],
      context,
    ),
    ...collected.compose.flatMap(({ file, value }) => importCompose(file, value, context)),
  ];
  if (context.problems.length > 0) return { ok: false, problems: context.problems, notes: context.notes };
  if (drafts.length === 0) {
    const files = [...new Set(texts.map((t) => t.path))];
    return {
      ok: false,
      problems: [
        `no services found in ${files.length === 1 ? files[0] : `${files.length} files`}: expected Kubernetes workloads, ECS task definitions or a Compose file`,
      ],
      notes: context.notes,
    };
  }

  const taken = new Set<string>();
  const services: ServiceInput[] = [];
  for (const draft of drafts) {
    const name = uniqueServiceName(draft.name, taken);
    if (name !== draft.name)
      context.note(
        draft.source,
        `named ${name}: ${shown(draft.name)} is ${isValidName(draft.name) ? 'taken by another service' : 'not a valid scenario service name (1-40 lowercase letters, digits and "-")'}`,
      );
    const service = finishService(draft, name, context);
    if (service) services.push(service);
  }
  const daemonNames = new Set<string>();
  const daemonsPerNode = context.daemons.map((daemon) => {
    const name = uniqueServiceName(daemon.name, daemonNames);
    if (name !== daemon.name) context.note(daemon.source, `daemon named ${name}`);
    return { name, vcpu: daemon.vcpu, memoryGiB: daemon.memoryGiB };
  });
  const region = chooseRegion(options, context);
  if (context.problems.length > 0) return { ok: false, problems: context.problems, notes: context.notes };

  const scenario: ScenarioInput = {
    version: SCENARIO_FORMAT_VERSION,
    region,
    services,
  };
  const ec2Spot = context.ec2SpotPercents;
  const ec2SpotPercent =
    ec2Spot.length > 0
      ? Math.round((ec2Spot.reduce((sum, s) => sum + s.value, 0) / ec2Spot.length) * 100) / 100
      : undefined;
  if (ec2SpotPercent !== undefined && (ec2SpotPercent > 0 || new Set(ec2Spot.map((s) => s.value)).size > 1))
    context.note(
      ec2Spot[0]!.source,
      ec2Spot.some((s) => s.via)
        ? `${ec2Spot.find((s) => s.via)!.via} put ${ec2SpotPercent}% of tasks on Spot${new Set(ec2Spot.map((s) => s.value)).size > 1 ? ' (the average of different shares)' : ''}: ec2.spotPercent ${ec2SpotPercent}`
        : new Set(ec2Spot.map((s) => s.value)).size > 1
          ? `Auto Scaling groups run different Spot shares: ec2.spotPercent ${ec2SpotPercent}, their average`
          : `the Auto Scaling group runs ${ec2SpotPercent}% of its nodes on Spot: ec2.spotPercent ${ec2SpotPercent}`,
    );
  if (daemonsPerNode.length > 0 || ec2SpotPercent !== undefined)
    scenario.ec2 = {
      ...(daemonsPerNode.length > 0 ? { daemonsPerNode } : {}),
      ...(ec2SpotPercent !== undefined ? { spotPercent: ec2SpotPercent } : {}),
    };
  const spot = context.fargateSpotPercents;
  if (spot.length > 0) {
    const mean = Math.round((spot.reduce((sum, s) => sum + s.value, 0) / spot.length) * 100) / 100;
    scenario.fargate = { spotPercent: mean };
    const distinct = new Set(spot.map((s) => s.value));
    if (mean > 0 || distinct.size > 1)
      context.note(
        spot[0]!.source,
        distinct.size > 1
          ? `services split tasks between FARGATE and FARGATE_SPOT differently: fargate.spotPercent ${mean}, their average`
          : `capacity provider weights put ${mean}% of tasks on FARGATE_SPOT: fargate.spotPercent ${mean}`,
      );
  }
  if (context.loadBalancers > 0) {
    scenario.extras = { loadBalancers: context.loadBalancers };
    context.note(
      { file: '', object: '' },
      `${context.loadBalancers} public load balancer${context.loadBalancers === 1 ? '' : 's'} in the input: extras.loadBalancers ${context.loadBalancers}`,
    );
  }
  // The exports ship logs only when extras.logIngestionGB prices them (cost/bill-settings.ts
  // logsPriced): without this note, an import of task definitions that log would export without.
  const logging = context.cloudWatchLogSources[0];
  if (logging)
    context.note(
      logging,
      'sends container output to CloudWatch Logs (awslogs), but no file says how many GB a month: extras.logIngestionGB stays 0, so the estimate prices no logs and the exports ship none; set it to price them and export log groups',
    );
  const validated = validateScenario(scenario);
  if (!validated.ok) return { ok: false, problems: validated.problems.map(formatProblem), notes: context.notes };
  return { ok: true, scenario: validated.scenario, notes: context.notes };
}

const isValidName = (name: string): boolean => serviceSchema.shape.name.safeParse(name).success;
