import { describe, expect, it } from 'vitest';
import { importScenario } from './import-scenario.ts';
import { containerPortOf } from './import-compose.ts';
import { fixture, noteLines } from './testing/read-fixture.ts';

describe('Compose files', () => {
  it('leaves out services that run only with a profile, and reads a health check of the root URL as "/"', async () => {
    const result = await importScenario([
      {
        path: 'compose.yaml',
        text: `services:
  vote:
    image: vote:1
    healthcheck:
      test: ["CMD", "curl", "-f", "http://localhost"]
  worker:
    image: worker:1
    healthcheck:
      test: curl -fs http://127.0.0.1:8080 || exit 1
  seed:
    build: ./seed-data
    profiles: ["seed"]
`,
      },
    ]);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.scenario.services.map((s) => [s.name, s.healthCheckPath])).toEqual([
      ['vote', '/'],
      ['worker', '/'],
    ]);
    expect(noteLines(result.notes)).toContain(
      'compose.yaml: services.seed: runs only with the profile seed (docker compose --profile): not imported; add it by hand if that profile runs',
    );
  });

  it('reads reservations, else limits, else cpus/mem_limit, with a stated default and a note each', async () => {
    const result = await importScenario([fixture('compose.yaml')]);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const byName = Object.fromEntries(result.scenario.services.map((s) => [s.name, s]));
    expect(Object.keys(byName)).toEqual(['frontend', 'search', 'legacy-api', 'trainer', 'cache']);
    expect(byName.frontend).toMatchObject({
      vcpu: 0.5,
      memoryGiB: 0.5,
      replicas: 3,
      port: 3000,
      healthCheckPath: '/status',
      image: 'storefront/frontend:4.2',
      // From the x-defaults anchor through a YAML merge key.
      environment: { TZ: 'UTC' },
      public: false,
    });
    expect(byName.search).toMatchObject({ vcpu: 2, memoryGiB: 4, arch: 'arm64', environment: { JAVA_OPTS: '-Xmx3g' } });
    expect(byName['legacy-api']).toMatchObject({ vcpu: 0.75, memoryGiB: 1.5, port: 8081 });
    expect(byName.trainer).toMatchObject({ vcpu: 4, memoryGiB: 16, gpu: 2 });
    expect(byName.cache).toMatchObject({ vcpu: 0.25, memoryGiB: 0.5, replicas: 1 });

    const notes = noteLines(result.notes);
    const text = notes.join('\n');
    expect(text).toMatch(/services.search: CPU from deploy.resources.limits.cpus/);
    expect(text).toMatch(/services.search: environment variable CLUSTER_NAME has no value in the file/);
    expect(text).toMatch(/services.legacy_api: env_file is not read/);
    expect(text).toMatch(/services.legacy_api: named legacy-api/);
    expect(text).toMatch(/services.frontend: publishes a port on the host/);
    expect(notes).toContain(
      'compose.yaml: services.cache: no CPU reservation or limit: 0.25 vCPU assumed (the smallest Fargate size)',
    );
    expect(notes).toContain(
      'compose.yaml: services.cache: no memory reservation or limit: 0.5 GiB assumed (the smallest Fargate size)',
    );
  });

  it('takes a global-mode service (one task per node) as a per-node daemon', async () => {
    const text =
      'services:\n  agent:\n    image: datadog/agent:7\n    deploy:\n      mode: global\n      resources: { reservations: { cpus: "0.2", memory: 256m } }\n  web:\n    image: nginx\n';
    const result = await importScenario([{ path: 'stack.yml', text }]);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.scenario.services.map((s) => s.name)).toEqual(['web']);
    expect(result.scenario.ec2.daemonsPerNode).toEqual([{ name: 'agent', vcpu: 0.2, memoryGiB: 0.25 }]);
  });

  it.each([
    ['80', 80, false],
    ['8080:80', 80, true],
    ['127.0.0.1:8080:80/tcp', 80, true],
    ['9000-9002:9000-9002', 9000, true],
    [3000, 3000, false],
    [{ target: 80, published: '8080' }, 80, true],
  ])('port %j is container port %d', (entry, port, published) => {
    expect(containerPortOf(entry)).toEqual({ port, published });
  });

  it('refuses a memory value it cannot read, naming the service and field', async () => {
    const result = await importScenario([
      {
        path: 'compose.yml',
        text: 'services:\n  web:\n    image: nginx\n    deploy: { resources: { limits: { memory: lots } } }\n',
      },
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems).toEqual([
        'compose.yml: services.web: deploy.resources.limits.memory: "lots" is not a Compose byte value (such as "512m", "1g", "2048k")',
      ]);
  });
});
