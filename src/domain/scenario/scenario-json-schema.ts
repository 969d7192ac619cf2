/**
 * The JSON Schema of scenario format v1, generated from the zod definition so the two cannot drift.
 * Published as public/scenario.schema.json for editors ("$schema": ".../scenario.schema.json").
 */
import * as z from 'zod/mini';
import { scenarioSchema } from './scenario-schema.ts';

export const SCENARIO_SCHEMA_ID = 'https://ecs-eks-cost-calculator.local/scenario.schema.json';

export function buildScenarioJsonSchema(): Record<string, unknown> {
  // io "input": defaulted fields are optional, as a user writes them.
  const schema = z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
  return { ...schema, $id: SCENARIO_SCHEMA_ID, title: 'ECS vs EKS cost calculator scenario, format v1' };
}
