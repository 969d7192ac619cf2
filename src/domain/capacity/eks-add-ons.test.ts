import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { estimateScenario } from '../cost/estimate.ts';
import { US_EAST_1 } from '../testing/load-snapshot.ts';
import { scenarioOf, service } from '../testing/scenario-builders.ts';
import { ARTICLE_API } from '../presets/presets.ts';
import { bundleFor, contextFor, fileAt } from '../export/testing/export-fixtures.ts';
import { NODE_GROUP_LABEL } from '../export/eks-workload.ts';
import {
  AWS_LOAD_BALANCER_CONTROLLER,
  eksAddOnsFor,
  EXTERNAL_SECRETS,
  KEDA,
  KEDA_NAMESPACE,
  METRICS_SERVER,
  type EksAddOn,
} from './eks-add-ons.ts';
import type { OptionId } from '../cost/estimate-types.ts';
import type { ScenarioInput } from '../scenario/scenario-schema.ts';

const { version: _v, region: _r, ...articleInput } = ARTICLE_API;
const article = scenarioOf(articleInput);
const optionOf = (id: OptionId, scenario = article) =>
  estimateScenario(scenario, US_EAST_1).options.find((o) => o.id === id)!;

describe('the add-ons each EKS bundle installs', () => {
  it('follow the scenario: an ALB (not on Auto Mode), secrets, autoscaling, a weekly window', () => {
    expect(eksAddOnsFor('eks-ec2', article)).toEqual([AWS_LOAD_BALANCER_CONTROLLER, EXTERNAL_SECRETS, METRICS_SERVER]);
    expect(eksAddOnsFor('eks-fargate', article)).toEqual([
      AWS_LOAD_BALANCER_CONTROLLER,
      EXTERNAL_SECRETS,
      METRICS_SERVER,
    ]);
    expect(eksAddOnsFor('eks-auto-mode', article)).toEqual([EXTERNAL_SECRETS, METRICS_SERVER]);
    expect(eksAddOnsFor('ecs-fargate', article)).toEqual([]);
    const weekly = scenarioOf({
      services: [service('office', { schedule: { weekly: { days: ['mon'], start: '08:00', end: '18:00' } } })],
    });
    expect(eksAddOnsFor('eks-ec2', weekly)).toEqual([KEDA]);
    expect(eksAddOnsFor('eks-ec2', scenarioOf({ services: [service('plain')] }))).toEqual([]);
  });
});

describe('the article preset: add-on pods in the plan', () => {
  it('EKS on EC2 packs them beside CoreDNS and Cluster Autoscaler on the all-month group', () => {
    const option = optionOf('eks-ec2');
    // c6a.large: 3801 MiB MemTotal - 574 kube-reserved - 100 eviction = 3127 MiB; 2000m - 70 - 50
    // aws-node - 100 kube-proxy = 1780m; 29 - 2 DaemonSet pods = 27 slots. The pods: api 2 x
    // (500m, 1024), LBC 2 x (100m, 128), metrics-server (100m, 200), External Secrets 3 x (10m, 32),
    // Cluster Autoscaler (100m, 600), CoreDNS 2 x (100m, 70): 1630m and 3340 MiB in all, more than
    // one node's 3127 MiB, so 2 nodes.
    expect(option.nodes!.map((n) => [n.instanceType, n.count])).toEqual([['c6a.large', 2]]);
    const node = option.nodes![0]!;
    expect(node.allocatablePerNode).toEqual({ cpuMillis: 1780, memoryMiB: 3127, slots: 27, gpu: 0 });
    const placed: Record<string, number> = {};
    for (const part of node.layout)
      for (const [key, count] of Object.entries(part.replicas)) placed[key] = (placed[key] ?? 0) + count * part.nodes;
    expect(placed).toEqual({
      'api-service': 2,
      'aws-load-balancer-controller': 2,
      'metrics-server': 1,
      'external-secrets': 1,
      'external-secrets-webhook': 1,
      'external-secrets-cert-controller': 1,
      'cluster-autoscaler': 1,
      coredns: 2,
    });
    // 11 pods, 11 slots of the 2 x 27; the memory used adds up to the pods' requests.
    expect(node.layout.reduce((n, part) => n + part.used.slots * part.nodes, 0)).toBe(11);
    expect(node.layout.reduce((n, part) => n + part.used.memoryMiB * part.nodes, 0)).toBe(3340);
    expect(node.layout.reduce((n, part) => n + part.used.cpuMillis * part.nodes, 0)).toBe(1630);
  });

  it('EKS Auto Mode packs metrics-server and External Secrets beside the service', () => {
    const option = optionOf('eks-auto-mode');
    // api 2 x (500m, 1024) + metrics-server (100m, 200) + External Secrets 3 x (10m, 32) = 1130m and
    // 2344 MiB: more than a c6a.large holds (3801 - 1465 kube-reserved - 100 = 2236 MiB), so one
    // m5a.large (7677 - 1465 - 100 = 6112 MiB), $0.086 an hour, cheaper than 2 c6a.large.
    expect(option.nodes!.map((n) => [n.instanceType, n.count])).toEqual([['m5a.large', 1]]);
    expect(option.nodes![0]!.layout).toEqual([
      {
        nodes: 1,
        replicas: {
          'api-service': 2,
          'metrics-server': 1,
          'external-secrets': 1,
          'external-secrets-webhook': 1,
          'external-secrets-cert-controller': 1,
        },
        used: { cpuMillis: 1130, memoryMiB: 2344, slots: 6, gpu: 0 },
      },
    ]);
  });

  it('EKS on Fargate bills every add-on pod at its Fargate size', () => {
    const lines = optionOf('eks-fargate').lines.filter((l) => l.kind.startsWith('fargate-add-on'));
    // Each pod's requests + 256 MiB round up to 0.25 vCPU / 0.5 GB (LBC 100m / 384 MiB, External
    // Secrets 10m / 288 MiB, metrics-server 100m / 456 MiB); 730 hours at $0.04048 per vCPU-hour
    // and $0.004445 per GB-hour: 2 pods 365 vCPU-h $14.78 and 730 GB-h $3.24; 3 pods 547.5 $22.16
    // and 1095 $4.87; 1 pod 182.5 $7.39 and 365 $1.62. $54.06 in all.
    expect(lines.map((l) => [l.component, l.quantity, l.monthlyUSD])).toEqual([
      ['AWS Load Balancer Controller pods on Fargate, vCPU (2 pods: 2 x 0.25 vCPU / 0.5 GiB per cluster)', 365, 14.78],
      ['AWS Load Balancer Controller pods on Fargate, memory (2 pods: 2 x 0.25 vCPU / 0.5 GiB per cluster)', 730, 3.24],
      ['External Secrets pods on Fargate, vCPU (3 pods: 3 x 0.25 vCPU / 0.5 GiB per cluster)', 547.5, 22.16],
      ['External Secrets pods on Fargate, memory (3 pods: 3 x 0.25 vCPU / 0.5 GiB per cluster)', 1095, 4.87],
      ['metrics-server pods on Fargate, vCPU (1 pod: 1 x 0.25 vCPU / 0.5 GiB per cluster)', 182.5, 7.39],
      ['metrics-server pods on Fargate, memory (1 pod: 1 x 0.25 vCPU / 0.5 GiB per cluster)', 365, 1.62],
    ]);
    expect(lines.reduce((sum, l) => sum + l.monthlyUSD, 0)).toBeCloseTo(54.06, 9);
  });

  it('the assumptions name each add-on, its pods and where they are counted', () => {
    const text = estimateScenario(article, US_EAST_1).assumptions.find((a) => a.startsWith('EKS add-ons:'))!;
    expect(text).toContain('AWS Load Balancer Controller 3.5.0 (2 x 100m CPU / 128 MiB; not on EKS Auto Mode');
    expect(text).toContain(
      'External Secrets 2.9.0 (controller 1 x 10m CPU / 32 MiB, webhook 1 x 10m CPU / 32 MiB, cert-controller 1 x 10m CPU / 32 MiB)',
    );
    expect(text).toContain('metrics-server 3.13.1 (1 x 100m CPU / 200 MiB)');
    expect(text).toContain('requests + 256 MiB');
  });

  it('counts the add-ons once per cluster', () => {
    const two = scenarioOf({ ...articleInput, eks: { clusters: 2 } });
    const line = optionOf('eks-fargate', two).lines.find((l) => l.kind === 'fargate-add-on-vcpu')!;
    expect(line.quantity).toBe(2 * 365);
  });
});

/** The `helm install` line of an add-on in a bundle README. */
function helmLine(readme: string, addOn: EksAddOn): string {
  const line = readme.split('\n').find((l) => l.startsWith(`helm install ${addOn.chart} `));
  if (!line) throw new Error(`no helm install ${addOn.chart}`);
  return line;
}

/** `--set a=b` pairs of a command line. */
const setsOf = (line: string): Record<string, string> =>
  Object.fromEntries([...line.matchAll(/--set (\S+?)=(\S+)/g)].map((m) => [m[1]!, m[2]!]));

describe('the bundle installs the pods the plan counts', () => {
  const weeklyArticle: ScenarioInput = {
    ...ARTICLE_API,
    services: [
      {
        ...ARTICLE_API.services![0]!,
        schedule: { weekly: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '18:00' } },
      },
    ],
  };
  const { version: _wv, region: _wr, ...weeklyInput } = weeklyArticle;
  for (const id of ['eks-ec2', 'eks-fargate', 'eks-auto-mode'] as const) {
    it(`${id}: each helm install pins its chart version, replicas and requests`, () => {
      const readme = fileAt(bundleFor(weeklyArticle, id), 'README.md');
      const addOns = eksAddOnsFor(id, scenarioOf(weeklyInput));
      expect(addOns).toContain(KEDA);
      for (const addOn of addOns) {
        const line = helmLine(readme, addOn);
        expect(line).toContain(`${addOn.repoName}/${addOn.chart} --version ${addOn.chartVersion}`);
        expect(readme).toContain(`helm repo add ${addOn.repoName} ${addOn.repoUrl}`);
        const sets = setsOf(line);
        // Pinned to the node group the plan packs the pods on (the all-month one); none on Fargate.
        const home = contextFor(weeklyArticle, id).nodeGroups.find((g) =>
          g.plan.layout.some((entry) => (entry.replicas[addOn.pods[0]!.key] ?? 0) > 0),
        );
        if (id === 'eks-fargate') expect(home).toBeUndefined();
        else expect(home!.plan.fullMonth).toBe(true);
        expect(sets[`${addOn.nodeSelectorValue}.${NODE_GROUP_LABEL}`]).toBe(home?.key);
        for (const pod of addOn.pods) {
          expect(sets[pod.replicasValue]).toBe(String(pod.replicas));
          expect(sets[`${pod.requestsValue}.cpu`]).toBe(`${pod.cpuMillis}m`);
          expect(sets[`${pod.requestsValue}.memory`]).toBe(`${pod.memoryMiB}Mi`);
        }
      }
      // No add-on is installed that the plan does not count.
      const installed = readme.split('\n').filter((l) => l.startsWith('helm install ')).length;
      expect(installed).toBe(addOns.length);
    });
  }

  it('EKS on Fargate: the profile covers KEDA, and the webhooks leave the kubelet port', () => {
    const files = bundleFor(weeklyArticle, 'eks-fargate');
    const config = parse(fileAt(files, 'eks/cluster/eksctl.yaml')) as {
      fargateProfiles: { selectors: { namespace: string }[] }[];
    };
    expect(config.fargateProfiles[0]!.selectors.map((s) => s.namespace)).toContain(KEDA_NAMESPACE);
    const readme = fileAt(files, 'README.md');
    expect(helmLine(readme, KEDA)).toContain(`-n ${KEDA_NAMESPACE} `);
    expect(setsOf(helmLine(readme, EXTERNAL_SECRETS))['webhook.port']).toBe('9443');
    expect(setsOf(helmLine(readme, METRICS_SERVER))['containerPort']).toBe('10251');
    // Without a weekly service there is no KEDA and no selector for it.
    const plain = parse(fileAt(bundleFor(ARTICLE_API, 'eks-fargate'), 'eks/cluster/eksctl.yaml')) as typeof config;
    expect(plain.fargateProfiles[0]!.selectors.map((s) => s.namespace)).not.toContain(KEDA_NAMESPACE);
  });
});

describe("eksctl's default add-ons", () => {
  // eksctl 0.201.0+ adds the metrics-server EKS add-on to every new cluster unless the defaults
  // are off: the bundle turns them off and lists the networking ones, so the only metrics-server is
  // the counted helm install.
  for (const id of ['eks-ec2', 'eks-fargate', 'eks-auto-mode'] as const) {
    it(`${id}: are off, and no metrics-server is left to eksctl`, () => {
      const files = bundleFor(ARTICLE_API, id);
      const config = parse(fileAt(files, 'eks/cluster/eksctl.yaml')) as {
        addonsConfig?: { disableDefaultAddons?: boolean };
        addons?: { name: string }[];
      };
      expect(config.addonsConfig).toEqual({ disableDefaultAddons: true });
      // Auto Mode runs the VPC CNI, kube-proxy and CoreDNS in the node: it needs none of them.
      expect((config.addons ?? []).map((a) => a.name)).toEqual(
        id === 'eks-auto-mode' ? [] : ['vpc-cni', 'kube-proxy', 'coredns'],
      );
      const readme = fileAt(files, 'README.md');
      expect(readme.split('\n').filter((l) => l.startsWith('helm install metrics-server '))).toHaveLength(1);
    });
  }
});

describe('EKS Auto Mode when every service runs part of the month', () => {
  const weeklyOnly: ScenarioInput = {
    version: 2,
    region: 'us-east-1',
    services: [
      {
        name: 'office',
        vcpu: 0.5,
        memoryGiB: 1,
        replicas: 2,
        schedule: { weekly: { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '18:00' } },
      },
    ],
  };

  it('gives the add-ons an untainted all-month NodePool the plan prices', () => {
    const { version: _v2, region: _r2, ...input } = weeklyOnly;
    const option = optionOf('eks-auto-mode', scenarioOf(input));
    const home = option.nodes!.find((n) => n.fullMonth)!;
    // KEDA's 3 pods (300m, 300 MiB) alone: a c7a.medium has 1699 - (11 x 98 + 255) - 100 = 266 MiB
    // for pods, too little, so the cheapest x86 type that holds them is an m7a.medium ($0.05796).
    expect([home.instanceType, home.count, home.services]).toEqual(['m7a.medium', 1, []]);
    expect(home.layout).toEqual([
      {
        nodes: 1,
        replicas: { 'keda-operator': 1, 'keda-metrics-apiserver': 1, 'keda-admission-webhooks': 1 },
        used: { cpuMillis: 300, memoryMiB: 300, slots: 3, gpu: 0 },
      },
    ]);
    expect(option.lines.find((l) => l.component === 'EC2 m7a.medium On-Demand (Linux)')!.quantity).toBe(730);

    const files = bundleFor(weeklyOnly, 'eks-auto-mode');
    const pools = fileAt(files, 'eks/auto-mode/nodepools.yaml')
      .split('\n---\n')
      .map((doc) => parse(doc) as { metadata: { name: string }; spec: { template: { spec: { taints?: unknown[] } } } });
    const homePool = pools.find((p) => p.metadata.name === 'nodes-x86-64')!;
    expect(homePool.spec.template.spec.taints).toBeUndefined();
    // The service's own pool keeps its part-time taint, so only its pods land there.
    expect(pools.filter((p) => p.spec.template.spec.taints).map((p) => p.metadata.name)).toHaveLength(1);
    expect(fileAt(files, 'README.md')).toContain(
      "m7a.medium for the cluster's own pods (keda-operator, keda-metrics-apiserver, keda-admission-webhooks)",
    );
  });

  it('adds no all-month node when nothing needs one', () => {
    const cronOnly = scenarioOf({
      services: [service('nightly', { schedule: { cron: '0 2 * * *', runMinutes: 60 } })],
    });
    expect(eksAddOnsFor('eks-auto-mode', cronOnly)).toEqual([]);
    expect(optionOf('eks-auto-mode', cronOnly).nodes!.every((n) => !n.fullMonth)).toBe(true);
  });
});
