/** Runs the real command line in a child process: exit codes, stdout and stderr as a user sees them. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(import.meta.dirname, '../..');
const TSX = join(ROOT, 'node_modules/.bin/tsx');

function cli(args: string[], input?: string) {
  const result = spawnSync(TSX, ['src/cli/main.ts', ...args], { cwd: ROOT, input, encoding: 'utf8', timeout: 60_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

// Each run starts a TypeScript loader; allow for a busy 2-core machine.
const SLOW = 60_000;

describe('cli (child process)', () => {
  it(
    'estimate --json prints one JSON object and exits 0',
    () => {
      const { status, stdout, stderr } = cli(['estimate', 'examples/api-service.json', '--json']);
      expect(stderr).toBe('');
      expect(status).toBe(0);
      const json = JSON.parse(stdout);
      expect(json.options).toHaveLength(6);
      expect(json.cheapest).toBe('ecs-fargate');
    },
    SLOW,
  );

  it(
    'reads the scenario from standard input with "-"',
    () => {
      const scenario = JSON.stringify({
        version: 2,
        region: 'eu-west-1',
        services: [{ name: 'api', vcpu: 1, memoryGiB: 2, replicas: 3 }],
      });
      const { status, stdout } = cli(['estimate', '-', '--json'], scenario);
      expect(status).toBe(0);
      expect(JSON.parse(stdout).region).toBe('eu-west-1');
    },
    SLOW,
  );

  it.each([
    [['estimate', '-', '--json'], 'not json at all', /^standard input: not valid JSON/],
    [
      ['estimate', '-', '--json'],
      JSON.stringify({
        version: 2,
        region: 'us-east-1',
        services: [{ name: 'api', vcpu: 'NaN', memoryGiB: 1e308, replicas: 1 }],
      }),
      /^services\[0\]\.vcpu: must be a number, not string\nservices\[0\]\.memoryGiB: must be at most 120\n$/,
    ],
    [['estimate', 'no-such-file.json'], undefined, /^cannot read no-such-file\.json: ENOENT\n$/],
    [['estimate'], undefined, /^missing scenario/],
    [['frobnicate'], undefined, /^unknown command "frobnicate"/],
  ])(
    'bad input %j exits 2 with the problem on stderr and nothing on stdout',
    (args, input, message) => {
      const { status, stdout, stderr } = cli(args as string[], input as string | undefined);
      expect(status).toBe(2);
      expect(stdout).toBe('');
      expect(stderr).toMatch(message as RegExp);
      expect(stderr).not.toMatch(/\n\s+at /); // no stack trace
    },
    SLOW,
  );
});
