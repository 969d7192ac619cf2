/**
 * npm run bench: medians of the engine's hot paths and the size of the first screen's JavaScript.
 *
 * Goals (2-core machine): 50-service estimate <= 5 ms; 100-point sweep <= 100 ms; recompute of a
 * 50-service scenario after an edit <= 16 ms; all advice levers for the 50-service preset well under
 * 100 ms (goal 50 ms); first-screen JS <= FIRST_SCREEN_BUDGET_KB gzipped
 * (first-screen-size.ts; first-screen-size.test.ts fails above it).
 * Figures are printed and written to reports/bench.json; the README quotes them.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { validateScenario } from '../src/domain/scenario/validate-scenario.ts';
import { estimateScenario } from '../src/domain/cost/estimate.ts';
import { sweepReplicas } from '../src/domain/cost/sweep-replicas.ts';
import { adviseScenario } from '../src/domain/advice/advise-scenario.ts';
import { presetScenario } from '../src/domain/presets/presets.ts';
import type { Scenario, ScenarioInput } from '../src/domain/scenario/scenario-schema.ts';
import type { RegionSnapshot } from '../src/domain/pricing/price-snapshot.ts';
import { FIFTY_SERVICES, ONE_SERVICE } from './scenarios.ts';
import { FIRST_SCREEN_BUDGET_KB, firstScreenKB, lazyChunkKB } from './first-screen-size.ts';
import { COLD_START_GOAL_RATIO, measureColdStart } from './cli-cold-start.ts';

const root = resolve(import.meta.dirname, '..');
const snapshot = JSON.parse(readFileSync(join(root, 'public/pricing/us-east-1.json'), 'utf8')) as RegionSnapshot;

function validated(input: ScenarioInput): Scenario {
  const result = validateScenario(input);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.scenario;
}

/** Median wall time of `fn` in ms over `runs` runs, after `warmup` unmeasured runs. */
function median(fn: () => void, runs: number, warmup = Math.min(runs, 20)): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const one = validated(ONE_SERVICE);
const fifty = validated(FIFTY_SERVICES);
const instanceTypes = snapshot.ec2.instances.length;

// An edit in the UI: one field of one service changes, then the whole scenario is validated and priced.
let edit = 0;
const editFifty = () => {
  edit += 1;
  const input: ScenarioInput = {
    ...FIFTY_SERVICES,
    services: FIFTY_SERVICES.services.map((s, i) => (i === 7 ? { ...s, replicas: 1 + (edit % 9) } : s)),
  };
  const result = validateScenario(input);
  if (result.ok) estimateScenario(result.scenario, snapshot);
};

// The advice as the page's worker runs it: the preset's validated scenario is the document, and
// the base estimate is part of the work. The engine caches node capacities per snapshot object and
// setting, so the first advice after the prices arrive (cold) prices the levers' new settings
// (trunking, bridge, prefix delegation, arm64) over every type; later ones (warm) reuse them.
const platform = validated(presetScenario('microservices-50'));
const snapshotText = readFileSync(join(root, 'public/pricing/us-east-1.json'), 'utf8');
function medianCold(runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const fresh = JSON.parse(snapshotText) as RegionSnapshot;
    const start = performance.now();
    adviseScenario(platform, platform, fresh);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

const results: { name: string; medianMs: number; goalMs?: number }[] = [
  {
    name: 'estimate, 1 service (automatic instance choice)',
    medianMs: median(() => estimateScenario(one, snapshot), 400),
  },
  {
    name: `estimate, 50 services (automatic choice over ${instanceTypes} us-east-1 types)`,
    medianMs: median(() => estimateScenario(fifty, snapshot), 200),
    goalMs: 5,
  },
  { name: 'sweep, 100 points, 1 service', medianMs: median(() => sweepReplicas(one, snapshot), 30, 3), goalMs: 100 },
  {
    name: 'sweep, 100 points, 50 services',
    medianMs: median(() => sweepReplicas(fifty, snapshot), 15, 3),
    goalMs: 100,
  },
  {
    name: 'UI recompute after an edit, 50 services (validate + estimate)',
    medianMs: median(editFifty, 200),
    goalMs: 16,
  },
  {
    name: 'advice, all levers, 50-service preset (warm: after the first)',
    medianMs: median(() => adviseScenario(platform, platform, snapshot), 31, 5),
    goalMs: 50,
  },
  {
    name: 'advice, all levers, 50-service preset (cold: first after the prices load)',
    medianMs: medianCold(7),
  },
];

const firstScreen = existsSync(join(root, 'dist/index.html')) ? firstScreenKB(join(root, 'dist')) : null;
// Opening a share link (or a saved draft) also loads the link reader and validation before the first render.
const linkOpening = firstScreen === null ? null : firstScreen + lazyChunkKB(join(root, 'dist'), 'share-codec-');
console.log(`Benchmarks (Node ${process.version}, median of repeated runs)`);
for (const r of results) {
  const verdict =
    r.goalMs === undefined
      ? ''
      : r.medianMs <= r.goalMs
        ? `  (goal <= ${r.goalMs} ms: met)`
        : `  (goal <= ${r.goalMs} ms: MISSED)`;
  console.log(`  ${r.name.padEnd(78)} ${r.medianMs.toFixed(2).padStart(8)} ms${verdict}`);
}
if (firstScreen === null) console.log('  first-screen JavaScript: run `npx vite build` first (dist/ is missing)');
else
  console.log(
    `  ${'first-screen JavaScript, gzipped'.padEnd(78)} ${firstScreen.toFixed(1).padStart(8)} KB  (goal <= ${FIRST_SCREEN_BUDGET_KB} KB: ${firstScreen <= FIRST_SCREEN_BUDGET_KB ? 'met' : 'MISSED'})\n` +
      `  ${'  the same, opening a share link (with the link reader and validation)'.padEnd(78)} ${linkOpening!.toFixed(1).padStart(8)} KB`,
  );

// npm run bench builds the package first (npm run build:cli).
const coldStart = existsSync(join(root, 'cli-package/build/cli/ecs-eks-cost.mjs')) ? measureColdStart(root) : null;
if (coldStart === null) console.log('  CLI cold start: run `npm run build:cli` first (cli-package/build/ is missing)');
else
  console.log(
    `  ${`CLI cold start, estimate of 1 service (median of ${coldStart.runs} new processes)`.padEnd(78)} ${coldStart.cliMs.toFixed(1).padStart(8)} ms\n` +
      `  ${'  bare node -e 0, alternating with it'.padEnd(78)} ${coldStart.nodeMs.toFixed(1).padStart(8)} ms\n` +
      `  ${'  ratio'.padEnd(78)} ${coldStart.ratio.toFixed(2).padStart(8)} x   (goal <= ${COLD_START_GOAL_RATIO}x: ${coldStart.ratio <= COLD_START_GOAL_RATIO ? 'met' : 'MISSED'})`,
  );

mkdirSync(join(root, 'reports'), { recursive: true });
writeFileSync(
  join(root, 'reports/bench.json'),
  `${JSON.stringify({ node: process.version, results, firstScreenJsKB: firstScreen, linkOpeningJsKB: linkOpening, cliColdStart: coldStart }, null, 2)}\n`,
);
