/**
 * The EKS log router: when the bill prices CloudWatch Logs, the EKS bundles ship the services'
 * logs to one log group with the priced retention (Fluent Bit DaemonSet with an IRSA role on EC2,
 * Fargate's own router on Fargate), and the DaemonSet's pods are counted in the node plan.
 * Files are parsed back (YAML 1.1, JSON), checked against the Kubernetes OpenAPI schemas
 * (kubernetes-models) and our strict shapes, and read by `kubectl kustomize` where kubectl is on PATH.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile, execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { parseAllDocuments } from 'yaml';
import { LOG_RETENTION_DAYS } from '../cost/bill-settings.ts';
import { estimateScenario } from '../cost/estimate.ts';
import {
  LOG_ROUTER_CPU_MILLIS,
  LOG_ROUTER_IMAGE,
  LOG_ROUTER_MEMORY_MIB,
  LOG_ROUTER_NAME,
} from '../capacity/log-router.ts';
import { scenarioOf, service } from '../testing/scenario-builders.ts';
import { US_EAST_1 } from '../testing/load-snapshot.ts';
import type { ScenarioInput } from '../scenario/scenario-schema.ts';
import {
  EKS_LOG_GROUP_NAME,
  FARGATE_LOGGING_MAX_CHARS,
  FARGATE_LOGGING_PATH,
  FARGATE_LOGGING_POLICY_PATH,
  LOG_ROUTER_DAEMONSET_PATH,
  partitionOf,
} from './eks-log-router.ts';
import type { ExportFile } from './export-file.ts';
import { bundleFor, fileAt, LOGGED_SCENARIO } from './testing/export-fixtures.ts';
import { checkManifest } from './testing/manifest-shapes.ts';
import { parseYaml11, type Manifest } from './testing/parse-yaml.ts';
import { hasKubernetesSchema, validateKubernetesObject } from './testing/kubernetes-validators.ts';
import { toYamlDocument } from './yaml-writer.ts';

const run = promisify(execFile);

const LOGGED = LOGGED_SCENARIO;
const UNLOGGED: ScenarioInput = { ...LOGGED, extras: { logIngestionGB: 0 } };

/** The log_retention_days values Fluent Bit's cloudwatch_logs output accepts (Fluent Bit manual, Amazon CloudWatch). */
const FLUENT_BIT_RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1827, 3653];

/** A classic-mode Fluent Bit config read back: each section with its keys (case as written). */
function fluentSections(text: string): { directive: string; keys: Record<string, string> }[] {
  const sections: { directive: string; keys: Record<string, string> }[] = [];
  for (const line of text.split('\n')) {
    if (line.trim() === '') continue;
    const directive = /^\[([A-Z]+)\]$/.exec(line);
    if (directive) {
      sections.push({ directive: directive[1]!, keys: {} });
      continue;
    }
    const pair = /^ {4}(\S+) +(.+)$/.exec(line);
    if (!pair || sections.length === 0) throw new Error(`not a Fluent Bit line: ${JSON.stringify(line)}`);
    sections[sections.length - 1]!.keys[pair[1]!] = pair[2]!;
  }
  return sections;
}

const yamlObjects = (files: readonly ExportFile[], path: string): Manifest[] =>
  parseYaml11({ path, contents: fileAt(files, path) });

function expectValid(objects: readonly Manifest[]) {
  for (const object of objects) {
    expect(checkManifest(object), `${object.kind} ${object.metadata.name}`).toEqual([]);
    expect(hasKubernetesSchema(object), object.kind).toBe(true);
    expect(() => validateKubernetesObject(object), `${object.kind} ${object.metadata.name}`).not.toThrow();
  }
}

describe('EKS on EC2 with logs priced: a Fluent Bit DaemonSet', () => {
  const files = bundleFor(LOGGED, 'eks-ec2');
  const objects = yamlObjects(files, LOG_ROUTER_DAEMONSET_PATH);
  const daemonSet = objects.find((o) => o.kind === 'DaemonSet')!;
  const configMap = objects.find((o) => o.kind === 'ConfigMap')!;
  const pod = (daemonSet.spec as { template: { spec: Record<string, unknown> } }).template.spec as {
    serviceAccountName: string;
    tolerations: unknown[];
    containers: { image: string; resources: { requests: Record<string, string>; limits: Record<string, string> } }[];
    volumes: { name: string; configMap?: { name: string } }[];
  };

  it('passes the Kubernetes schemas and the strict shapes', () => {
    expect(objects.map((o) => o.kind)).toEqual(['ConfigMap', 'DaemonSet']);
    expectValid(objects);
    for (const object of objects) expect(object.metadata.namespace).toBe('kube-system');
  });

  it('requests what the plan counts, runs on every node (tolerates every taint) and pins its image', () => {
    const [container] = pod.containers;
    expect(container!.image).toBe(LOG_ROUTER_IMAGE);
    expect(container!.image).toMatch(/^public\.ecr\.aws\/aws-observability\/aws-for-fluent-bit:\d+\.\d+\.\d+$/);
    expect(container!.resources.requests).toEqual({
      cpu: `${LOG_ROUTER_CPU_MILLIS}m`,
      memory: `${LOG_ROUTER_MEMORY_MIB}Mi`,
    });
    expect(pod.tolerations).toEqual([{ operator: 'Exists' }]);
    expect(pod.serviceAccountName).toBe(LOG_ROUTER_NAME);
    expect(pod.volumes.find((v) => v.configMap)!.configMap!.name).toBe(configMap.metadata.name);
  });

  it("tails only the services' namespace and sends the message to the log group with the priced retention", () => {
    const sections = fluentSections((configMap.data as Record<string, string>)['fluent-bit.conf']!);
    expect(sections.map((s) => s.directive)).toEqual(['SERVICE', 'INPUT', 'OUTPUT']);
    const [, input, output] = sections;
    expect(input!.keys).toMatchObject({
      Name: 'tail',
      Path: '/var/log/containers/*_apps_*.log',
      'multiline.parser': 'cri',
    });
    expect(output!.keys).toMatchObject({
      Name: 'cloudwatch_logs',
      region: 'us-east-1',
      log_group_name: EKS_LOG_GROUP_NAME,
      log_key: 'log',
      auto_create_group: 'true',
      log_retention_days: String(LOG_RETENTION_DAYS),
    });
    expect(FLUENT_BIT_RETENTION_DAYS).toContain(LOG_RETENTION_DAYS);
  });

  it('gets an IRSA role from eksctl that may write that log group only', () => {
    const [config] = yamlObjects(files, 'eks/cluster/eksctl.yaml');
    const accounts = (config!.iam as { serviceAccounts: Record<string, unknown>[] }).serviceAccounts;
    const account = accounts.find((a) => (a.metadata as { name: string }).name === LOG_ROUTER_NAME)!;
    expect(account.metadata).toEqual({ name: LOG_ROUTER_NAME, namespace: 'kube-system' });
    const group = `arn:aws:logs:us-east-1:*:log-group:${EKS_LOG_GROUP_NAME}`;
    expect(account.attachPolicy).toEqual({
      Version: '2012-10-17',
      Statement: [
        {
          Effect: 'Allow',
          Action: ['logs:CreateLogGroup', 'logs:PutRetentionPolicy', 'logs:CreateLogStream', 'logs:PutLogEvents'],
          Resource: [group, `${group}:*`],
        },
      ],
    });
  });

  it('is applied by the bundle README, which says what it costs and where the logs go', () => {
    const readme = fileAt(files, 'README.md');
    expect(readme).toContain(`kubectl apply -f ${LOG_ROUTER_DAEMONSET_PATH}`);
    expect(readme.indexOf(`kubectl apply -f ${LOG_ROUTER_DAEMONSET_PATH}`)).toBeLessThan(
      readme.indexOf('kubectl apply -k eks/manifests'),
    );
    expect(readme).toContain(`| \`${LOG_ROUTER_DAEMONSET_PATH}\` | Log router (kube-system)`);
    expect(readme).toContain(
      `${LOG_ROUTER_CPU_MILLIS}m CPU and ${LOG_ROUTER_MEMORY_MIB} MiB on every node, counted in the node plan`,
    );
  });
});

describe('EKS on Fargate with logs priced: the built-in log router', () => {
  const files = bundleFor(LOGGED, 'eks-fargate');
  const objects = yamlObjects(files, FARGATE_LOGGING_PATH);
  const configMap = objects.find((o) => o.kind === 'ConfigMap')!;
  const data = configMap.data as Record<string, string>;

  it('is the aws-observability namespace (labelled) and its aws-logging ConfigMap, within Fargate limits', () => {
    expectValid(objects);
    expect(objects[0]!.metadata).toEqual({ name: 'aws-observability', labels: { 'aws-observability': 'enabled' } });
    expect(configMap.metadata).toEqual({ name: 'aws-logging', namespace: 'aws-observability' });
    // Fargate accepts filters, outputs and parsers only, each under its own key, and at most 5300 characters.
    expect(Object.keys(data).sort()).toEqual(['filters.conf', 'flb_log_cw', 'output.conf', 'parsers.conf']);
    for (const key of Object.keys(data)) expect(key).toMatch(/^[-._a-zA-Z0-9]+$/);
    expect(Object.values(data).join('').length).toBeLessThan(FARGATE_LOGGING_MAX_CHARS);
    expect(data.flb_log_cw).toBe('false');
    expect(fluentSections(data['filters.conf']!).map((s) => s.directive)).toEqual(['FILTER']);
    expect(fluentSections(data['parsers.conf']!).map((s) => s.directive)).toEqual(['PARSER']);
    // No environment variables: Fargate refuses them.
    expect(Object.values(data).join('')).not.toContain('${');
  });

  it("sends the services' pods' messages to the log group with the priced retention", () => {
    const [output] = fluentSections(data['output.conf']!);
    expect(output).toEqual({
      directive: 'OUTPUT',
      keys: {
        Name: 'cloudwatch_logs',
        Match: 'kube.var.log.containers.*_apps_*',
        region: 'us-east-1',
        log_group_name: EKS_LOG_GROUP_NAME,
        log_stream_prefix: 'fluent-bit.',
        log_key: 'log',
        auto_create_group: 'true',
        log_retention_days: String(LOG_RETENTION_DAYS),
      },
    });
    // The parser the filter names splits a CRI line into its message.
    const [filter] = fluentSections(data['filters.conf']!);
    const [parser] = fluentSections(data['parsers.conf']!);
    expect(filter!.keys.Parser).toBe(parser!.keys.Name);
    const regex = new RegExp(parser!.keys.Regex!.replace(/\(\?<(\w+)>/g, '(?<$1>'));
    expect(regex.exec('2026-12-01T10:00:00.123456789Z stdout F GET /health 200')?.groups).toMatchObject({
      stream: 'stdout',
      logtag: 'F',
      log: 'GET /health 200',
    });
  });

  it('gives the pod execution role the same log-group permissions, attached by the README before any pod', () => {
    const policy = JSON.parse(fileAt(files, FARGATE_LOGGING_POLICY_PATH));
    const [config] = yamlObjects(bundleFor(LOGGED, 'eks-ec2'), 'eks/cluster/eksctl.yaml');
    const ec2Account = (config!.iam as { serviceAccounts: { attachPolicy?: unknown }[] }).serviceAccounts.find(
      (a) => a.attachPolicy,
    );
    expect(policy).toEqual(ec2Account!.attachPolicy);
    const readme = fileAt(files, 'README.md');
    const steps = [
      'eksctl create cluster',
      `kubectl apply -f ${FARGATE_LOGGING_PATH}`,
      `--policy-document file://${FARGATE_LOGGING_POLICY_PATH} --role-name "$(aws eks describe-fargate-profile --cluster-name app-cluster --fargate-profile-name fp-apps`,
      'kubectl apply -k eks/manifests',
    ].map((step) => readme.indexOf(step));
    expect(steps.every((at) => at >= 0)).toBe(true);
    expect([...steps].sort((a, b) => a - b)).toEqual(steps);
    expect(readme).toContain('not billed; AWS suggests leaving it up to 50 MB');
    // No DaemonSet and no IRSA role for it on Fargate.
    expect(files.some((f) => f.path === LOG_ROUTER_DAEMONSET_PATH)).toBe(false);
  });
});

describe('without logs priced', () => {
  it.each(['eks-ec2', 'eks-fargate'] as const)('%s has no log router and no role for it', (optionId) => {
    const files = bundleFor(UNLOGGED, optionId);
    expect(files.filter((f) => f.path.startsWith('eks/log-router/'))).toEqual([]);
    expect(fileAt(files, 'eks/cluster/eksctl.yaml')).not.toContain(LOG_ROUTER_NAME);
    // The README says where the output goes instead, and how to price and ship it.
    const readme = fileAt(files, 'README.md');
    expect(readme).not.toMatch(/Log router \(|built-in log router:|- Logs: /);
    expect(readme).toContain(
      "The pods' output is not sent to CloudWatch Logs, because the scenario prices none (`extras.logIngestionGB` is 0): the bundle has no log router",
    );
    expect(readme).toContain(optionId === 'eks-fargate' ? 'no `aws-logging` ConfigMap' : 'no Fluent Bit DaemonSet');
  });
});

describe('ARNs by partition', () => {
  it("uses the region's partition", () => {
    expect(partitionOf('us-east-1')).toBe('aws');
    expect(partitionOf('us-gov-west-1')).toBe('aws-us-gov');
    expect(partitionOf('cn-north-1')).toBe('aws-cn');
  });
});

describe('node plan: the DaemonSet pod on every node (hand-worked from docs/capacity-rules.md)', () => {
  // m5.large on EKS: 29 max pods - aws-node - kube-proxy = 27 pod slots (1780m, 6959 MiB). 24 pods
  // of 50m / 64 MiB, Cluster Autoscaler and 2 CoreDNS are 27 pods, 1500m and 2276 MiB: one node.
  // With the log router each node has 26 slots (1730m, 6909 MiB): two nodes.
  const tiny = (logIngestionGB: number) =>
    scenarioOf({
      services: [service('api', { vcpu: 0.05, memoryGiB: 0.0625, replicas: 24 })],
      ec2: { instanceTypes: ['m5.large'], minNodes: 1 },
      extras: { logIngestionGB },
    });
  const eksOf = (logIngestionGB: number) =>
    estimateScenario(tiny(logIngestionGB), US_EAST_1).options.find((o) => o.id === 'eks-ec2')!;

  it('takes 50m, 50 MiB and a pod slot per node, so 27 pods need two m5.large nodes instead of one', () => {
    const without = eksOf(0);
    const withLogs = eksOf(10);
    expect(without.nodes![0]).toMatchObject({
      count: 1,
      allocatablePerNode: { cpuMillis: 1780, memoryMiB: 6959, slots: 27 },
    });
    expect(withLogs.nodes![0]).toMatchObject({
      count: 2,
      allocatablePerNode: { cpuMillis: 1730, memoryMiB: 6909, slots: 26 },
    });
    expect(withLogs.nodes![0]!.breakdown.system.map((s) => s.name)).toContain(
      'DaemonSet fluent-bit (log router, as logs are priced)',
    );
    // The bill follows: 730 vs 1460 instance-hours at $0.096.
    const instances = (o: typeof without) => o.lines.find((l) => l.kind === 'ec2-instance')!;
    expect(instances(without)).toMatchObject({ quantity: 730, monthlyUSD: 70.08 });
    expect(instances(withLogs)).toMatchObject({ quantity: 1460, monthlyUSD: 140.16 });
  });

  it('is counted on every EKS on EC2 and EKS Auto Mode node group (part-time ones too), and not on ECS nodes', () => {
    const { version: _version, ...input } = LOGGED;
    const estimate = estimateScenario(scenarioOf(input), US_EAST_1);
    // Auto Mode nodes run DaemonSets too, and its bundle installs the same DaemonSet.
    for (const id of ['eks-ec2', 'eks-auto-mode'] as const) {
      const groups = estimate.options.find((o) => o.id === id)!.nodes!;
      expect(groups.length).toBe(2);
      for (const plan of groups) expect(plan.breakdown.system.some((s) => s.name.includes(LOG_ROUTER_NAME))).toBe(true);
      expect(bundleFor(LOGGED, id).map((f) => f.path)).toContain('eks/log-router/fluent-bit.yaml');
    }
    for (const plan of estimate.options.find((o) => o.id === 'ecs-ec2')!.nodes!)
      expect(plan.breakdown.system.some((s) => s.name.includes(LOG_ROUTER_NAME))).toBe(false);
    expect(
      estimate.assumptions.some((a) => a.startsWith('EKS on EC2: logs are priced, so the export installs Fluent Bit')),
    ).toBe(true);
  });
});

function hasKubectl(): boolean {
  try {
    execFileSync('kubectl', ['version', '--client'], { stdio: 'ignore', timeout: 20_000 });
    return true;
  } catch {
    return false;
  }
}
const kubectl = hasKubectl();
if (!kubectl) console.warn('Skipping the kubectl kustomize check of the log router: kubectl is not on PATH.');

describe.skipIf(!kubectl)('kubectl kustomize reads the log router files back exactly', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'eks-log-router-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it.each([
    ['eks-ec2', LOG_ROUTER_DAEMONSET_PATH],
    ['eks-fargate', FARGATE_LOGGING_PATH],
  ] as const)(
    '%s: %s',
    async (optionId, path) => {
      const dir = join(work, optionId);
      const file = join(dir, ...path.split('/'));
      mkdirSync(dirname(file), { recursive: true });
      const contents = fileAt(bundleFor(LOGGED, optionId), path);
      writeFileSync(file, contents);
      writeFileSync(join(dirname(file), 'kustomization.yaml'), toYamlDocument({ resources: [path.split('/').pop()] }));
      const { stdout } = await run('kubectl', ['kustomize', dirname(file)], { timeout: 60_000 });
      const read = parseAllDocuments(stdout).map((doc) => doc.toJS());
      const written = parseYaml11({ path, contents });
      const byName = (objects: { kind: string }[]) => [...objects].sort((a, b) => (a.kind < b.kind ? -1 : 1));
      expect(byName(read)).toEqual(byName(written));
    },
    60_000,
  );
});
