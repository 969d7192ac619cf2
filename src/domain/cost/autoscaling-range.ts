/**
 * A service's `replicas` is the average running count the bill prices; with `autoscaling` it must
 * lie within min-max, since the exported scaling (ECS scalable target, HPA, KEDA) never runs fewer
 * than min or more than max tasks or pods. Outside the range the deployed count cannot be the
 * priced one: the estimate warns and the export refuses, naming the fields
 * (docs/export-rules.md "Replicas and autoscaling").
 */
import type { Scenario, Service } from '../scenario/scenario-schema.ts';

function outsideRange(service: Service): boolean {
  const a = service.autoscaling;
  return a !== undefined && (service.replicas < a.min || service.replicas > a.max);
}

/** The estimate's warning for each service whose replicas lie outside its autoscaling range. */
export function autoscalingRangeWarnings(scenario: Pick<Scenario, 'services'>): string[] {
  return scenario.services.flatMap((service, index) => {
    if (!outsideRange(service)) return [];
    const a = service.autoscaling!;
    return [
      `services[${index}].replicas (${service.replicas}) is outside its autoscaling range ${a.min}-${a.max}: costs use replicas as the average running count, which the exported autoscaling cannot run, so the export refuses it.`,
    ];
  });
}

/** The export's refusal for each such service, naming both fields and what to set. */
export function replicasOutsideAutoscalingProblems(scenario: Pick<Scenario, 'services'>): string[] {
  return scenario.services.flatMap((service, index) => {
    if (!outsideRange(service)) return [];
    const a = service.autoscaling!;
    const at = `services[${index}]`;
    return [
      `${at}.replicas: "${service.name}" is priced at ${service.replicas} running on average, but ${at}.autoscaling keeps it between ${a.min} and ${a.max}, so the export would run ${service.replicas < a.min ? `at least ${a.min}` : `at most ${a.max}`}; set ${at}.replicas to the average you expect within ${a.min}-${a.max}, or change ${at}.autoscaling`,
    ];
  });
}
