/**
 * A valid scenario input with every default filled in, as the schema's parse gives it, without the
 * schema: the page's first state (the presets) and decoded links need it before validation (zod
 * and the schema's rules) has loaded. Only for input known to be valid (presets, validated
 * scenarios); fill-scenario-defaults.test.ts holds it to scenarioSchema.parse.
 */
import type { Scenario, ScenarioInput } from './scenario-schema.ts';
import { AUTOSCALING_DEFAULTS, HOURS_PER_MONTH, SECTION_DEFAULTS, SERVICE_DEFAULTS } from './scenario-defaults.ts';

/** The fields of `value` that are set: the schema treats a field holding undefined as left out. */
function present(value: object | undefined): Record<string, unknown> {
  return Object.fromEntries(Object.entries(value ?? {}).filter(([, v]) => v !== undefined));
}

export function fillScenarioDefaults(input: ScenarioInput): Scenario {
  // A copy: nothing in the result is shared with the input or the defaults.
  const source = structuredClone(input);
  const out: Record<string, unknown> = { hoursPerMonth: HOURS_PER_MONTH, ...present(source) };
  out.services = source.services.map((service) => {
    const filled: Record<string, unknown> = { ...SERVICE_DEFAULTS, ...present(service) };
    if (service.autoscaling) filled.autoscaling = { ...AUTOSCALING_DEFAULTS, ...present(service.autoscaling) };
    return filled;
  });
  for (const [name, defaults] of Object.entries(SECTION_DEFAULTS))
    out[name] = { ...structuredClone(defaults), ...present(source[name as keyof typeof SECTION_DEFAULTS]) };
  return out as Scenario;
}
