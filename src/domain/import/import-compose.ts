/**
 * Docker Compose and Swarm stack files (compose-spec; version 2 and 3 files) to service drafts.
 * Sizes: deploy.resources.reservations (what the scheduler reserves), else deploy.resources.limits,
 * else the service-level cpus / mem_reservation / mem_limit of version 2 files. A service with none
 * gets the stated default size, with a note.
 */
import { DEFAULT_IMPORT_SIZE, type ImportContext } from './import-context.ts';
import type { ServiceDraft } from './import-types.ts';
import {
  asArray,
  asNumber,
  asObject,
  asObjects,
  asString,
  healthPathOfCommand,
  shown,
  tidy,
  type Json,
} from './read-values.ts';
import { composeCpus, composeMemoryGiB } from './quantities.ts';

/** A Compose file: a `services` mapping of objects, and no Kubernetes or ECS shape. */
export function isComposeFile(value: Json): boolean {
  const services = asObject(value.services);
  return (
    services !== undefined &&
    typeof value.apiVersion !== 'string' &&
    Object.values(services).every((service) => service === null || asObject(service) !== undefined)
  );
}

/** The container port of a Compose port entry: "8080:80" -> 80, "127.0.0.1:8080:80/tcp" -> 80, { target: 80 } -> 80. */
export function containerPortOf(entry: unknown): { port?: number; published: boolean } {
  const long = asObject(entry);
  if (long) return { port: asNumber(long.target), published: long.published !== undefined };
  const text = typeof entry === 'number' ? String(entry) : asString(entry);
  if (text === undefined) return { published: false };
  const parts = text.replace(/\/(tcp|udp|sctp)$/i, '').split(':');
  const container = parts[parts.length - 1]!.split('-')[0]!;
  return { port: asNumber(container), published: parts.length > 1 };
}

function size(service: Json, draft: ServiceDraft, context: ImportContext): void {
  const resources = asObject(asObject(service.deploy)?.resources) ?? {};
  const reservations = asObject(resources.reservations) ?? {};
  const limits = asObject(resources.limits) ?? {};
  const pick = (
    label: string,
    candidates: [string, unknown][],
    parse: (raw: unknown) => { ok: boolean; value?: number; problem?: string },
  ): number | undefined => {
    for (const [where, raw] of candidates) {
      if (raw === undefined || raw === null) continue;
      const parsed = parse(raw);
      if (!parsed.ok) {
        context.problem(draft.source, `${where}: ${parsed.problem}`);
        return undefined;
      }
      if (where !== candidates[0]![0]) context.note(draft.source, `${label} from ${where} (no ${candidates[0]![0]})`);
      return parsed.value;
    }
    return undefined;
  };
  const cpu = pick(
    'CPU',
    [
      ['deploy.resources.reservations.cpus', reservations.cpus],
      ['deploy.resources.limits.cpus', limits.cpus],
      ['cpus', service.cpus],
    ],
    composeCpus,
  );
  const memory = pick(
    'memory',
    [
      ['deploy.resources.reservations.memory', reservations.memory],
      ['deploy.resources.limits.memory', limits.memory],
      ['mem_reservation', service.mem_reservation],
      ['mem_limit', service.mem_limit],
    ],
    composeMemoryGiB,
  );
  if (cpu !== undefined && cpu > 0) draft.vcpu = tidy(cpu);
  else
    context.note(
      draft.source,
      `no CPU reservation or limit: ${DEFAULT_IMPORT_SIZE.vcpu} vCPU assumed (the smallest Fargate size)`,
    );
  if (memory !== undefined && memory > 0) draft.memoryGiB = tidy(memory);
  else
    context.note(
      draft.source,
      `no memory reservation or limit: ${DEFAULT_IMPORT_SIZE.memoryGiB} GiB assumed (the smallest Fargate size)`,
    );

  for (const device of asObjects(reservations.devices)) {
    if (!asArray(device.capabilities).includes('gpu')) continue;
    const count = device.count === 'all' ? undefined : (asNumber(device.count) ?? asArray(device.device_ids).length);
    if (count === undefined || count === 0) {
      draft.gpu = (draft.gpu ?? 0) + 1;
      context.note(draft.source, `GPU count ${shown(device.count ?? 'not set')}: 1 GPU assumed`);
    } else draft.gpu = (draft.gpu ?? 0) + count;
  }
}

function environment(service: Json, draft: ServiceDraft, context: ImportContext): void {
  const env = service.environment;
  if (Array.isArray(env)) {
    for (const entry of env) {
      const text = String(entry);
      const eq = text.indexOf('=');
      if (eq === -1) context.addEnvironment(draft, text, undefined);
      else context.addEnvironment(draft, text.slice(0, eq), text.slice(eq + 1));
    }
  } else for (const [name, value] of Object.entries(asObject(env) ?? {})) context.addEnvironment(draft, name, value);
  if (service.env_file !== undefined) context.note(draft.source, 'env_file is not read: add those variables by hand');
  if (asArray(service.secrets).length > 0)
    context.note(draft.source, 'Compose secrets are files, not Secrets Manager or SSM ARNs: not read');
  for (const [name, value] of Object.entries(draft.environment ?? {}))
    if (/\$\{?[A-Za-z_]/.test(value))
      context.note(
        draft.source,
        `environment variable ${name} uses \${...} interpolation: kept as written, unresolved`,
      );
}

export function importCompose(file: string, value: Json, context: ImportContext): ServiceDraft[] {
  const drafts: ServiceDraft[] = [];
  for (const [name, raw] of Object.entries(asObject(value.services) ?? {})) {
    const service = asObject(raw) ?? {};
    const source = { file, object: `services.${shown(name)}` };
    // Compose starts a service that names profiles only when one of them is enabled
    // (`docker compose --profile`, Compose spec "Profiles"): by default it does not run.
    const profiles = asArray(service.profiles).map((p) => shown(p));
    if (profiles.length > 0) {
      context.note(
        source,
        `runs only with the profile${profiles.length === 1 ? '' : 's'} ${profiles.join(', ')} (docker compose --profile): not imported; add it by hand if that profile runs`,
      );
      continue;
    }
    const draft: ServiceDraft = {
      name,
      vcpu: DEFAULT_IMPORT_SIZE.vcpu,
      memoryGiB: DEFAULT_IMPORT_SIZE.memoryGiB,
      replicas: 1,
      source,
    };
    const deploy = asObject(service.deploy) ?? {};
    const replicas = asNumber(deploy.replicas) ?? asNumber(service.scale);
    if (deploy.mode !== 'global' && replicas === undefined)
      context.note(source, 'deploy.replicas not set: 1, as Compose defaults');
    draft.replicas = replicas ?? 1;
    size(service, draft, context);
    if (deploy.mode === 'global') {
      context.daemon(source, name, draft.vcpu, draft.memoryGiB, 'deploy.mode global runs one task on every node');
      continue;
    }

    context.setImage(draft, service.image);
    if (service.image === undefined && service.build !== undefined)
      context.note(source, 'is built from source (build:) with no image: no image is set');
    const ports = [...asArray(service.ports), ...asArray(service.expose)].map(containerPortOf);
    const port = ports.find((p) => p.port !== undefined)?.port;
    if (port !== undefined) draft.port = port;
    if (ports.some((p) => p.published))
      context.note(
        source,
        'publishes a port on the host: not taken as a public load balancer; set public if it will sit behind one',
      );
    const platform = asString(service.platform);
    if (platform?.startsWith('windows')) draft.os = 'windows';
    if (platform && /arm64|aarch64/.test(platform)) draft.arch = 'arm64';
    const path = healthPathOfCommand(asObject(service.healthcheck)?.test);
    if (path !== undefined) draft.healthCheckPath = path;
    environment(service, draft, context);
    drafts.push(draft);
  }
  return drafts;
}
