/** Writes public/scenario.schema.json from the zod scenario definition: npm run schema:generate */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { buildScenarioJsonSchema } from '../src/domain/scenario/scenario-json-schema.ts';

const out = join(resolve(import.meta.dirname, '..'), 'public', 'scenario.schema.json');
writeFileSync(out, `${JSON.stringify(buildScenarioJsonSchema(), null, 2)}\n`);
console.log(`wrote ${out}`);
