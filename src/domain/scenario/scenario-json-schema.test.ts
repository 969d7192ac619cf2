import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildScenarioJsonSchema } from './scenario-json-schema.ts';

describe('public/scenario.schema.json', () => {
  it('matches the zod definition (regenerate with npm run schema:generate)', () => {
    const published = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../../public/scenario.schema.json'), 'utf8'),
    );
    expect(published).toEqual(JSON.parse(JSON.stringify(buildScenarioJsonSchema())));
  });

  it('is strict and names the required fields', () => {
    const schema = buildScenarioJsonSchema() as {
      required: string[];
      additionalProperties: boolean;
      properties: Record<string, { items?: { required?: string[] } }>;
    };
    expect(schema.required).toEqual(['version', 'region', 'services']);
    expect(schema.additionalProperties).toBe(false);
    expect(schema.properties.services!.items!.required).toEqual(['name', 'vcpu', 'memoryGiB', 'replicas']);
  });
});
