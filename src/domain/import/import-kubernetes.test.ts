import { describe, expect, it } from 'vitest';
import { importScenario } from './import-scenario.ts';
import { fixture, noteLines } from './testing/read-fixture.ts';
import type { ImportResult } from './import-types.ts';

const GIB = 1024 ** 3;

async function imported(...sources: { path: string; text: string }[]) {
  const result: ImportResult = await importScenario(sources);
  if (!result.ok) throw new Error(result.problems.join('\n'));
  const byName = Object.fromEntries(result.scenario.services.map((s) => [s.name, s]));
  return { scenario: result.scenario, byName, notes: noteLines(result.notes) };
}

const manifest = (yaml: string) => ({ path: 'app.yaml', text: yaml });

describe('Kubernetes manifests (a helm-template-like file)', () => {
  it('reads every workload kind and prices pods by the scheduler rules', async () => {
    const { byName, scenario, notes } = await imported(fixture('shop-manifests.yaml'));
    expect(Object.keys(byName)).toEqual([
      'web',
      'db',
      'nightly-report',
      'gpu-inference',
      'api',
      'legacy-worker-for-the-old-billing-system',
    ]);
    // app 250m + envoy (limits only) 100m + sidecar 50m = 400m, below the 1-CPU init container:
    // the pod requests 1 vCPU and 1 GiB (init) rather than 448 MiB.
    expect(byName.web).toMatchObject({
      vcpu: 1,
      memoryGiB: 1,
      replicas: 3,
      arch: 'arm64',
      autoscaling: { min: 2, max: 12, targetCpuPercent: 60 },
      image: 'shop/web:2.7.1',
      port: 8080,
      healthCheckPath: '/healthz',
      environment: { LOG_LEVEL: 'info', PRICE_FORMAT: '$(amount) EUR' },
      public: true,
      host: 'shop.example.com',
    });
    expect(byName.web!.secrets).toBeUndefined();
    expect(byName.db).toMatchObject({
      vcpu: 2,
      memoryGiB: 4,
      replicas: 1,
      ephemeralStorageGiB: 50,
      port: 5432,
      public: false,
    });
    expect(byName['nightly-report']!.memoryGiB).toBeCloseTo(1e9 / GIB, 9);
    expect(byName['gpu-inference']).toMatchObject({ vcpu: 4, memoryGiB: 16, gpu: 1, replicas: 1 });
    expect(byName.api).toMatchObject({ vcpu: 1.5, memoryGiB: 1.5, replicas: 2, public: true, port: 9000 });
    expect(byName['legacy-worker-for-the-old-billing-system']).toMatchObject({ vcpu: 0.25, memoryGiB: 0.5 });
    expect(scenario.extras.loadBalancers).toBe(2);

    const about = (object: string) => notes.filter((n) => n.startsWith(`shop-manifests.yaml: ${object}: `));
    expect(about('Deployment/web').join('\n')).toMatch(/container envoy sets only limits for cpu and memory/);
    expect(about('Deployment/web').join('\n')).toMatch(/sidecar container log-shipper runs beside the app/);
    expect(about('Deployment/web').join('\n')).toMatch(/DB_PASSWORD comes from Secret shop-db \(valueFrom\): left out/);
    expect(about('Deployment/web').join('\n')).toMatch(/has 2 containers/);
    expect(about('HorizontalPodAutoscaler/web').join('\n')).toMatch(/behavior .* is not read/);
    expect(byName['nightly-report']!.schedule).toEqual({ cron: '0 2 * * *', runMinutes: 45 });
    expect(about('CronJob/nightly-report').join('\n')).toMatch(
      /runs on the schedule "0 2 \* \* \*"; each run is taken to last its activeDeadlineSeconds \(2700 s\)/,
    );
    expect(about('DaemonSet/node-exporter').join('\n')).toMatch(
      /runs one pod on every node \(0.1 vCPU, 0.17578125 GiB\): imported as a per-node daemon \(ec2.daemonsPerNode\)/,
    );
    expect(scenario.ec2.daemonsPerNode).toEqual([{ name: 'node-exporter', vcpu: 0.1, memoryGiB: 180 / 1024 }]);
    expect(about('Deployment/gpu-inference')).toContain(
      'shop-manifests.yaml: Deployment/gpu-inference: spec.replicas not set: 1, as Kubernetes defaults',
    );
    const legacy = about('Deployment/legacy-worker-for-the-old-billing-system-v2').join('\n');
    expect(legacy).toMatch(/named legacy-worker-for-the-old-billing-system: .* is not a valid scenario service name/);
    expect(legacy).toMatch(/no CPU request: 0.25 vCPU assumed/);
    expect(legacy).toMatch(/no memory request: 0.5 GiB assumed/);
    expect(legacy).toMatch(/container worker states no requests or limits/);
    expect(notes.join('\n')).toMatch(/not priced, so not read: ConfigMap\/web-config/);
  });

  it('reads kubectl get -o yaml output once: owned ReplicaSets and Pods are left out', async () => {
    const { scenario, notes } = await imported(fixture('kubectl-get-all.yaml'));
    expect(scenario.services).toHaveLength(1);
    expect(scenario.services[0]).toMatchObject({ name: 'checkout', vcpu: 0.2, replicas: 4 });
    expect(scenario.services[0]!.memoryGiB).toBeCloseTo(300 / 1024, 12);
    expect(notes).toContain(
      'kubectl-get-all.yaml: ReplicaSet/checkout-7d9f8b6c5d: left out: it belongs to Deployment/checkout, which is read instead',
    );
    expect(notes).toContain(
      'kubectl-get-all.yaml: Pod/checkout-7d9f8b6c5d-x2k9p: left out: it belongs to ReplicaSet/checkout-7d9f8b6c5d, which is read instead',
    );
  });

  it('reads a JSON manifest and a ReplicaSet without owner, Job parallelism and a v1 HPA', async () => {
    const list = {
      apiVersion: 'v1',
      kind: 'List',
      items: [
        {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          metadata: { name: 'edge' },
          spec: {
            replicas: 5,
            template: { spec: { containers: [{ name: 'e', resources: { requests: { cpu: 0.5, memory: '1e9' } } }] } },
          },
        },
        {
          apiVersion: 'batch/v1',
          kind: 'Job',
          metadata: { name: 'backfill' },
          spec: {
            parallelism: 3,
            template: { spec: { containers: [{ name: 'b', resources: { requests: { cpu: '2', memory: '2Gi' } } }] } },
          },
        },
        {
          apiVersion: 'autoscaling/v1',
          kind: 'HorizontalPodAutoscaler',
          metadata: { name: 'edge' },
          spec: {
            scaleTargetRef: { kind: 'ReplicaSet', name: 'edge' },
            maxReplicas: 4,
            targetCPUUtilizationPercentage: 80,
          },
        },
      ],
    };
    const { byName, notes } = await imported({ path: 'list.json', text: JSON.stringify(list) });
    // 5 replicas is above the HPA's 1-4: the HPA would scale it to 4.
    expect(byName.edge).toMatchObject({
      vcpu: 0.5,
      replicas: 4,
      autoscaling: { min: 1, max: 4, targetCpuPercent: 80 },
    });
    expect(byName.backfill).toMatchObject({ vcpu: 2, memoryGiB: 2, replicas: 3 });
    expect(notes.join('\n')).toMatch(/replicas 5 is outside the autoscaler's 1-4: 4/);
    expect(notes.join('\n')).toMatch(/Job\/backfill: a Job runs until it completes/);
  });

  it('leaves a CronJob without a deadline priced all month, and says what to set', async () => {
    const { byName, notes } = await imported(
      manifest(`
apiVersion: batch/v1
kind: CronJob
metadata: { name: sweep }
spec:
  schedule: "*/15 * * * *"
  timeZone: Europe/Berlin
  jobTemplate:
    spec:
      template:
        spec:
          containers: [{ name: s, resources: { requests: { cpu: 1, memory: 1Gi } } }]
`),
    );
    expect(byName.sweep!.schedule).toBeUndefined();
    expect(notes.join('\n')).toMatch(
      /no activeDeadlineSeconds\): priced as running all month; set services\[\]\.schedule/,
    );
    expect(notes.join('\n')).toMatch(/timeZone Europe\/Berlin: the scenario's schedules are UTC/);
  });

  it('reads a KEDA ScaledObject: a cron trigger is a weekly window, a CPU trigger the autoscaling', async () => {
    const deployment = (name: string) => `apiVersion: apps/v1
kind: Deployment
metadata: {name: ${name}, namespace: shop}
spec:
  selector: {matchLabels: {app: ${name}}}
  template:
    metadata: {labels: {app: ${name}}}
    spec:
      containers: [{name: app, image: shop/${name}:1, resources: {requests: {cpu: 500m, memory: 1Gi}}}]
`;
    const { byName, notes } = await imported(
      manifest(`${deployment('office')}---
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata: {name: office-hours, namespace: shop}
spec:
  scaleTargetRef: {name: office}
  maxReplicaCount: 10
  triggers:
    - type: cron
      metadata: {timezone: Europe/Paris, start: "30 7 * * 1-5", end: "0 19 * * 1-5", desiredReplicas: "4"}
    - type: cpu
      metricType: Utilization
      metadata: {value: "65"}
    - type: prometheus
      metadata: {serverAddress: "http://prometheus:9090", query: "sum(rate(http_requests_total[1m]))", threshold: "100"}
---
${deployment('weekend')}---
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata: {name: weekend, namespace: shop}
spec:
  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: weekend}
  triggers:
    - type: cron
      metadata: {timezone: Etc/UTC, start: "0 20 * * 5", end: "0 6 * * 1", desiredReplicas: "2"}
---
${deployment('floor')}---
apiVersion: keda.sh/v1alpha1
kind: ScaledObject
metadata: {name: floor, namespace: shop}
spec:
  scaleTargetRef: {name: floor}
  minReplicaCount: 1
  triggers:
    - type: cron
      metadata: {timezone: UTC, start: "0 8 * * *", end: "0 18 * * *", desiredReplicas: "5"}
`),
    );
    expect(byName.office).toMatchObject({
      replicas: 4,
      schedule: { weekly: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '07:30', end: '19:00' } },
      autoscaling: { min: 4, max: 10, targetCpuPercent: 65 },
    });
    expect(notes).toContain(
      "app.yaml: ScaledObject/office-hours: timezone Europe/Paris: the scenario's schedules are UTC (the hours a month are the same)",
    );
    expect(notes).toContain(
      'app.yaml: ScaledObject/office-hours: triggers prometheus are not read: the scenario scales on CPU and on a weekly window',
    );
    // Friday 20:00 to Monday 06:00 is not one window a day: it closes on other days than it opens.
    expect(byName.weekend!.schedule).toBeUndefined();
    expect(notes.join('\n')).toMatch(/ScaledObject\/weekend: its cron trigger: it closes on other days than it opens/);
    expect(byName.floor!.schedule).toBeUndefined();
    expect(notes).toContain(
      'app.yaml: ScaledObject/floor: keeps minReplicaCount 1 outside its cron window: not a window with nothing running outside it; not read as a schedule',
    );
    expect(notes).not.toContain('app.yaml: Deployment/office: spec.replicas not set: 1, as Kubernetes defaults');
  });

  it('sums init containers by the sidecar rule: an init container after a sidecar runs beside it', async () => {
    const { byName } = await imported(
      manifest(`
apiVersion: v1
kind: Pod
metadata: { name: p }
spec:
  initContainers:
    - { name: mesh, restartPolicy: Always, resources: { requests: { cpu: 300m, memory: 100Mi } } }
    - { name: seed, resources: { requests: { cpu: "1", memory: 200Mi } } }
  containers:
    - { name: app, resources: { requests: { cpu: 100m, memory: 1Gi } } }
`),
    );
    // Init phase: seed 1 CPU + mesh 0.3 = 1.3 CPU; app phase: 0.1 + 0.3 = 0.4 CPU, 1 GiB + 100 Mi.
    expect(byName.p!.vcpu).toBeCloseTo(1.3, 12);
    expect(byName.p!.memoryGiB).toBeCloseTo((1024 + 100) / 1024, 12);
  });

  it('takes the architecture from node affinity, Windows from the node selector, and notes other accelerators', async () => {
    const { byName, notes } = await imported(
      manifest(`
apiVersion: apps/v1
kind: Deployment
metadata: { name: graviton }
spec:
  replicas: 2
  template:
    spec:
      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
              - matchExpressions: [{ key: kubernetes.io/arch, operator: In, values: [arm64] }]
      containers: [{ name: g, resources: { requests: { cpu: 1, memory: 2Gi } } }]
---
apiVersion: apps/v1
kind: Deployment
metadata: { name: iis }
spec:
  template:
    spec:
      nodeSelector: { kubernetes.io/os: windows }
      containers: [{ name: w, resources: { requests: { cpu: 1, memory: 2Gi, amd.com/gpu: 1 } } }]
`),
    );
    expect(byName.graviton!.arch).toBe('arm64');
    expect(byName.iis!.os).toBe('windows');
    expect(notes.join('\n')).toMatch(/asks for amd.com\/gpu: not priced/);
  });

  it('refuses a quantity that is not one, naming the object and container', async () => {
    const result = await importScenario([
      manifest(`
apiVersion: apps/v1
kind: Deployment
metadata: { name: bad }
spec:
  template:
    spec:
      containers: [{ name: c, resources: { requests: { cpu: lots, memory: 1Gi } } }]
`),
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok)
      expect(result.problems).toEqual([
        'app.yaml: Deployment/bad: container c resources cpu: "lots" is not a Kubernetes quantity (such as "500m", "1.5", "256Mi", "1G", "1e3")',
      ]);
  });

  it('refuses a pod larger than the scenario allows, naming the object', async () => {
    const result = await importScenario([
      manifest(`
apiVersion: apps/v1
kind: Deployment
metadata: { name: huge }
spec:
  template:
    spec:
      containers: [{ name: c, resources: { requests: { cpu: 64, memory: 1Gi } } }]
`),
    ]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toEqual(['app.yaml: Deployment/huge: vcpu 64: must be at most 16']);
  });
});
