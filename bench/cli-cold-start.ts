/**
 * Cold start of the installed command line: `node cli-package/build/cli/ecs-eks-cost.mjs estimate`
 * of one service (the built package, `npm run build:cli`), against a bare `node -e 0` on the same
 * machine, each as a new process. The runs alternate, so load on a shared machine falls on both
 * alike; the figures are medians. Goal: within 6x of `node -e 0`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const COLD_START_GOAL_RATIO = 6;

export interface ColdStart {
  runs: number;
  nodeMs: number;
  cliMs: number;
  ratio: number;
}

function timeProcess(args: readonly string[], cwd: string): number {
  const start = process.hrtime.bigint();
  const result = spawnSync(process.execPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - start) / 1e6;
  if (result.status !== 0) throw new Error(`node ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  return ms;
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export function measureColdStart(root: string, runs = 21): ColdStart {
  const bin = join(root, 'cli-package/build/cli/ecs-eks-cost.mjs');
  if (!existsSync(bin)) throw new Error(`${bin} is missing: run npm run build:cli first`);
  const cli = [bin, 'estimate', join(root, 'examples/api-service.json'), '--json'];
  // One of each first, so the files are in the page cache for every measured run.
  timeProcess(['-e', '0'], root);
  timeProcess(cli, root);
  const nodeMs: number[] = [];
  const cliMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    nodeMs.push(timeProcess(['-e', '0'], root));
    cliMs.push(timeProcess(cli, root));
  }
  const node = median(nodeMs);
  const cliMedian = median(cliMs);
  return { runs, nodeMs: node, cliMs: cliMedian, ratio: cliMedian / node };
}
