/**
 * What changed between two scenarios and their estimates: per option the total before, after and
 * the change (integer cents, so the delta is exact), the cheapest option on each side, and which
 * services were added, removed, resized or given other replicas. Generic over the options the
 * estimates carry: an option only one side has counts as unavailable on the other.
 */
import type { Estimate, OptionId } from '../cost/estimate-types.ts';
import type { Scenario, Service } from '../scenario/scenario-schema.ts';
import { toCents } from '../money/round-cents.ts';

export interface OptionDelta {
  id: OptionId;
  label: string;
  /** Monthly USD; null when the option cannot run that side's workload. */
  beforeUSD: number | null;
  afterUSD: number | null;
  /** after - before; null when either side is unavailable. */
  deltaUSD: number | null;
  /** The change as a percentage of before (2 decimals); null when either side is unavailable or before is $0. */
  deltaPercent: number | null;
}

/** Fields whose change makes a service "resized": what one task or pod asks for. */
export const SIZE_FIELDS = ['vcpu', 'memoryGiB', 'gpu', 'ephemeralStorageGiB'] as const;
/** Fields whose change is a change of "replicas": how many run. */
export const REPLICA_FIELDS = ['replicas', 'autoscaling'] as const;

export type ServiceChangeKind = 'added' | 'removed' | 'resized' | 'replicas' | 'other';

export interface ServiceChange {
  name: string;
  /** What changed: added or removed alone, else any of resized, replicas and other (other fields). */
  changes: ServiceChangeKind[];
  /** The fields that differ, by name (for a service on both sides). */
  fields: string[];
  before?: ServiceFigures;
  after?: ServiceFigures;
}

export interface ServiceFigures {
  vcpu: number;
  memoryGiB: number;
  replicas: number;
}

export interface EstimateDiff {
  options: OptionDelta[];
  cheapest: { before: OptionId | null; after: OptionId | null };
  services: ServiceChange[];
  /** Scenario settings outside the services that differ: region, hoursPerMonth, fargate, ec2, eks, extras, operations. */
  settings: string[];
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const figures = (s: Service): ServiceFigures => ({ vcpu: s.vcpu, memoryGiB: s.memoryGiB, replicas: s.replicas });

function serviceChanges(before: Scenario, after: Scenario): ServiceChange[] {
  const out: ServiceChange[] = [];
  const afterByName = new Map(after.services.map((s) => [s.name, s]));
  const beforeNames = new Set(before.services.map((s) => s.name));
  for (const old of before.services) {
    const next = afterByName.get(old.name);
    if (!next) {
      out.push({ name: old.name, changes: ['removed'], fields: [], before: figures(old) });
      continue;
    }
    const keys = [...new Set([...Object.keys(old), ...Object.keys(next)])] as (keyof Service)[];
    const fields = keys.filter((key) => !same(old[key], next[key]));
    if (fields.length === 0) continue;
    const changes: ServiceChangeKind[] = [];
    if (fields.some((f) => (SIZE_FIELDS as readonly string[]).includes(f))) changes.push('resized');
    if (fields.some((f) => (REPLICA_FIELDS as readonly string[]).includes(f))) changes.push('replicas');
    if (fields.some((f) => ![...SIZE_FIELDS, ...REPLICA_FIELDS].includes(f as never))) changes.push('other');
    out.push({ name: old.name, changes, fields, before: figures(old), after: figures(next) });
  }
  for (const next of after.services)
    if (!beforeNames.has(next.name))
      out.push({ name: next.name, changes: ['added'], fields: [], after: figures(next) });
  return out;
}

const SETTINGS = ['region', 'hoursPerMonth', 'fargate', 'ec2', 'eks', 'extras', 'operations'] as const;

export function diffEstimates(
  before: { scenario: Scenario; estimate: Estimate },
  after: { scenario: Scenario; estimate: Estimate },
): EstimateDiff {
  const ids = [...new Set([...before.estimate.options, ...after.estimate.options].map((o) => o.id))];
  const options = ids.map((id): OptionDelta => {
    const old = before.estimate.options.find((o) => o.id === id);
    const next = after.estimate.options.find((o) => o.id === id);
    const beforeUSD = old?.monthlyUSD ?? null;
    const afterUSD = next?.monthlyUSD ?? null;
    const deltaCents = beforeUSD === null || afterUSD === null ? null : toCents(afterUSD) - toCents(beforeUSD);
    return {
      id,
      label: (next ?? old)!.label,
      beforeUSD,
      afterUSD,
      deltaUSD: deltaCents === null ? null : deltaCents / 100,
      deltaPercent:
        deltaCents === null || beforeUSD === 0 ? null : Math.round((deltaCents / toCents(beforeUSD!)) * 10_000) / 100,
    };
  });
  return {
    options,
    cheapest: { before: before.estimate.cheapest, after: after.estimate.cheapest },
    services: serviceChanges(before.scenario, after.scenario),
    settings: SETTINGS.filter((key) => !same(before.scenario[key], after.scenario[key])),
  };
}

/** A `--fail-above` threshold: a growth in USD, or in percent of the total before. */
export type GrowthThreshold = { usd: number } | { percent: number };

/** "25", "25.50", "$25" or "10%"; null when the text is none of these. */
export function parseGrowthThreshold(text: string): GrowthThreshold | null {
  const match = /^\s*(\$?)(\d+(?:\.\d+)?)\s*(%?)\s*$/.exec(text);
  if (!match || (match[1] && match[3])) return null;
  const value = Number(match[2]);
  if (!Number.isFinite(value)) return null;
  return match[3] ? { percent: value } : { usd: value };
}

/**
 * Options that grow by more than the threshold. An option unavailable on either side has no
 * growth to measure and never trips it; an option from $0 to more than $0 grows by more than any
 * percentage.
 */
export function optionsAbove(diff: EstimateDiff, threshold: GrowthThreshold, only?: OptionId): OptionDelta[] {
  return diff.options.filter((o) => {
    if ((only && o.id !== only) || o.deltaUSD === null || o.beforeUSD === null) return false;
    const deltaCents = toCents(o.deltaUSD);
    if ('usd' in threshold) return deltaCents > toCents(threshold.usd);
    if (deltaCents <= 0) return false;
    if (o.beforeUSD === 0) return true;
    // Compared in cents: delta / before > percent / 100, without rounding the percentage.
    return deltaCents * 100 > threshold.percent * toCents(o.beforeUSD);
  });
}
