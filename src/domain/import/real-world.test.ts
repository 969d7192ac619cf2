/**
 * Files written elsewhere (testing/real-world/, sources and licences in its SOURCES.md):
 * Google's Online Boutique manifests, AWS's sample task definitions and Docker's voting app, each
 * imported and then estimated, as a user would, without retyping anything.
 */
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { estimateScenario } from '../cost/estimate.ts';
import { US_EAST_1 } from '../testing/load-snapshot.ts';
import { importScenario } from './import-scenario.ts';
import { noteLines } from './testing/read-fixture.ts';

/** Copied unchanged into the repository (testing/real-world/SOURCES.md), so a clean clone has them. */
const REAL_WORLD = join(import.meta.dirname, 'testing/real-world');
const source = (name: string) => ({ path: name, text: readFileSync(join(REAL_WORLD, name), 'utf8') });

async function importAndEstimate(...names: string[]) {
  const result = await importScenario(names.map(source));
  if (!result.ok) throw new Error(result.problems.join('\n'));
  const estimate = estimateScenario(result.scenario, US_EAST_1);
  // Every option prices the imported workload: a finite total, no option refused for a bad input.
  for (const option of estimate.options) expect(Number.isFinite(option.monthlyUSD), option.id).toBe(true);
  const byName = Object.fromEntries(result.scenario.services.map((s) => [s.name, s]));
  return { scenario: result.scenario, byName, notes: noteLines(result.notes) };
}

describe('real-world files import and estimate', () => {
  it('Online Boutique (12 Deployments, a LoadBalancer Service, a pod with an init container)', async () => {
    const { scenario, byName, notes } = await importAndEstimate('online-boutique-kubernetes-manifests.yaml');
    expect(scenario.version).toBe(2);
    expect(scenario.services).toHaveLength(12);
    expect(byName.frontend).toMatchObject({ vcpu: 0.1, memoryGiB: 0.0625, replicas: 1, port: 8080, public: true });
    // Its init container states nothing; the app container's 300m / 256Mi requests are the pod's.
    expect(byName.loadgenerator).toMatchObject({ vcpu: 0.3, memoryGiB: 0.25, public: false });
    expect(byName['redis-cart']).toMatchObject({ vcpu: 0.07, memoryGiB: 0.1953125, image: 'redis:alpine' });
    expect(scenario.extras.loadBalancers).toBe(1);
    expect(notes).toContain(
      'online-boutique-kubernetes-manifests.yaml: Deployment/adservice: spec.replicas not set: 1, as Kubernetes defaults',
    );
  });

  it("AWS's sample task definitions: task-level sizes win, memoryReservation, the first of two ports", async () => {
    const names = readdirSync(REAL_WORLD).filter((n) => n.startsWith('ecs-') && n.endsWith('.json'));
    expect(names.length).toBeGreaterThanOrEqual(4);
    const { scenario, byName, notes } = await importAndEstimate(...names);
    expect(scenario.region).toBe('us-east-1');
    expect(byName['tomcat-webserver']).toMatchObject({ vcpu: 1, memoryGiB: 2, port: 8080, image: 'tomcat' });
    expect(byName.gunicorn).toMatchObject({ vcpu: 0.5, memoryGiB: 1, port: 5000 });
    expect(byName.wildfly).toMatchObject({ vcpu: 0.5, memoryGiB: 1, port: 8080 });
    expect(notes).toContain(
      "ecs-tomcat-tomcat_fargate.json: task definition tomcat-webserver: task-level memory (2 GiB) is used: it wins over the containers' 0.25 GiB",
    );
    expect(notes).toContain(
      'ecs-wildfly-wildfly_ec2.json: task definition wildfly: maps 2 ports: the scenario keeps the first, 8080',
    );
  });

  it("Docker's voting app: the Swarm stack's replicas, and the Compose file without its seed profile", async () => {
    const stack = await importAndEstimate('voting-app-docker-stack.yml');
    expect(stack.scenario.services.map((s) => [s.name, s.replicas])).toEqual([
      ['redis', 1],
      ['db', 1],
      ['vote', 2],
      ['result', 1],
      ['worker', 2],
    ]);
    const compose = await importAndEstimate('voting-app-docker-compose.yml');
    expect(Object.keys(compose.byName)).toEqual(['vote', 'result', 'worker', 'redis', 'db']);
    expect(compose.byName.vote).toMatchObject({ vcpu: 0.25, memoryGiB: 0.5, port: 80, healthCheckPath: '/' });
    expect(compose.notes).toContain(
      'voting-app-docker-compose.yml: services.seed: runs only with the profile seed (docker compose --profile): not imported; add it by hand if that profile runs',
    );
    expect(compose.notes).toContain(
      'voting-app-docker-compose.yml: services.worker: is built from source (build:) with no image: no image is set',
    );
  });
});
