/**
 * The scenario as the editor holds it: every field present (defaults filled in), values possibly
 * invalid while the user types (NaN for an empty required number, out-of-range numbers, bad names).
 * Validation (domain) decides what is usable; these helpers only build and edit drafts.
 */
import type { Scenario, ScenarioInput, Service } from '../domain/scenario/scenario-schema.ts';
import { fillScenarioDefaults } from '../domain/scenario/fill-scenario-defaults.ts';
import { SERVICE_DEFAULTS } from '../domain/scenario/scenario-defaults.ts';

/** Scenario-shaped, but not yet validated. */
export type DraftScenario = Scenario;
export type DraftService = Service;
export type { SectionName } from '../domain/scenario/scenario-defaults.ts';

/**
 * Fills defaults of a valid input (a preset or a validated scenario) without loading validation,
 * which the page's first screen does without (fill-scenario-defaults.ts). Callers pass valid input.
 */
export function toDraft(input: ScenarioInput): DraftScenario {
  return fillScenarioDefaults(input);
}

const NAME_LIMIT = 40;

/** A name not used by any service: base, base-2, base-3 ... kept within the 40-character limit. */
export function uniqueServiceName(services: readonly { name: string }[], base: string): string {
  const taken = new Set(services.map((s) => s.name));
  const clean = base.slice(0, NAME_LIMIT).replace(/-+$/, '') || 'service';
  if (!taken.has(clean)) return clean;
  for (let n = 2; ; n++) {
    const suffix = `-${n}`;
    const candidate = `${clean.slice(0, NAME_LIMIT - suffix.length).replace(/-+$/, '')}${suffix}`;
    if (!taken.has(candidate)) return candidate;
  }
}

export function newService(services: readonly { name: string }[]): DraftService {
  return {
    name: uniqueServiceName(services, `service-${services.length + 1}`),
    vcpu: 0.5,
    memoryGiB: 1,
    replicas: 2,
    ...SERVICE_DEFAULTS,
  };
}

export function duplicateOf(services: readonly DraftService[], index: number): DraftService | null {
  const source = services[index];
  if (!source) return null;
  return { ...structuredClone(source), name: uniqueServiceName(services, `${source.name}-copy`) };
}
