/** Test helper: validated scenarios from short inputs. */
import { validateScenario, formatProblem } from '../scenario/validate-scenario.ts';
import type { Scenario, ScenarioInput, ServiceInput } from '../scenario/scenario-schema.ts';

export function scenarioOf(input: Omit<ScenarioInput, 'version' | 'region'> & { region?: string }): Scenario {
  const result = validateScenario({ version: 2, region: 'us-east-1', ...input });
  if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
  return result.scenario;
}

export function service(name: string, overrides: Partial<ServiceInput> = {}): ServiceInput {
  return { name, vcpu: 0.5, memoryGiB: 1, replicas: 2, ...overrides };
}
