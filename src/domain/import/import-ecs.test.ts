import { describe, expect, it } from 'vitest';
import { importScenario } from './import-scenario.ts';
import { fixture, noteLines } from './testing/read-fixture.ts';

describe('ECS task definitions and services', () => {
  it('reads a describe-task-definition answer with describe-services beside it', async () => {
    const result = await importScenario([fixture('orders-task-definition.json'), fixture('orders-services.json')]);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    const notes = noteLines(result.notes);
    expect(result.scenario.region).toBe('eu-west-1');
    expect(result.scenario.services).toEqual([
      {
        name: 'orders',
        vcpu: 1,
        memoryGiB: 3,
        replicas: 4,
        arch: 'arm64',
        os: 'linux',
        ephemeralStorageGiB: 40,
        gpu: 0,
        image: '111122223333.dkr.ecr.eu-west-1.amazonaws.com/orders:2025.11.3',
        port: 8000,
        healthCheckPath: '/actuator/health',
        environment: {
          SPRING_PROFILES_ACTIVE: 'prod',
          QUEUE_URL: 'https://sqs.eu-west-1.amazonaws.com/111122223333/orders',
        },
        secrets: { DB_PASSWORD: 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:orders/db-AbCdEf' },
        public: true,
      },
    ]);
    // FARGATE weight 1, FARGATE_SPOT weight 3.
    expect(result.scenario.fargate.spotPercent).toBe(75);
    const text = notes.join('\n');
    expect(text).toMatch(
      /task definition orders: task-level cpu \(1 vCPU\) is used: it wins over the containers' 0.78125 vCPU/,
    );
    expect(text).toMatch(/task definition orders: task-level memory \(3 GiB\) is used/);
    expect(text).toMatch(
      /secret API_KEY \(\/orders\/api-key\) left out: the scenario takes Secrets Manager or SSM Parameter Store ARNs/,
    );
    expect(text).toMatch(/has 2 containers: image, port, health check, environment and secrets come from orders/);
    expect(text).toMatch(/ECS service orders: desiredCount 4; runs on capacity providers/);
    expect(text).toMatch(/fargate.spotPercent 75/);
  });

  it('sums container cpu units and memory reservations when the task sets none', async () => {
    const result = await importScenario([fixture('reports-task-definition.json')], { region: 'us-west-2' });
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.scenario.region).toBe('us-west-2');
    expect(result.scenario.services[0]).toMatchObject({
      name: 'reports-worker',
      vcpu: (512 + 128) / 1024,
      // worker reserves 768 MiB (memoryReservation wins over its 1536 MiB hard limit), sidecar 256.
      memoryGiB: 1,
      gpu: 1,
      replicas: 1,
      environment: { REPORT_BUCKET: 'reports-prod' },
    });
    const text = noteLines(result.notes).join('\n');
    expect(text).toMatch(/named reports-worker: Reports_Worker is not a valid scenario service name/);
    expect(text).toMatch(/memory from memoryReservation/);
    expect(text).toMatch(/replicas 1 assumed: no ECS service/);
  });

  it('reads the real-world samples: the register shape with task-level sizes', async () => {
    const result = await importScenario([
      {
        path: 'tomcat.json',
        text: JSON.stringify({
          family: 'tomcat',
          cpu: '1 vCPU',
          memory: '2 GB',
          containerDefinitions: [{ name: 't', image: 'tomcat', memory: 256 }],
        }),
      },
    ]);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(result.scenario.services[0]).toMatchObject({ name: 'tomcat', vcpu: 1, memoryGiB: 2 });
  });

  it('notes a service whose task definition is not in the input', async () => {
    const result = await importScenario([
      fixture('reports-task-definition.json'),
      { path: 'svc.json', text: JSON.stringify({ serviceName: 'other', taskDefinition: 'other:3', desiredCount: 9 }) },
    ]);
    if (!result.ok) throw new Error(result.problems.join('\n'));
    expect(noteLines(result.notes)).toContain(
      'svc.json: ECS service other: runs task definition other, which is not in the input: not read',
    );
  });
});
