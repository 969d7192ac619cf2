/**
 * The EKS Auto Mode bundle: eksctl's autoModeConfig, the NodePools that hold the engine's plan,
 * Auto Mode's IngressClass, and what the bundle leaves out because AWS runs it (Cluster
 * Autoscaler, the VPC CNI add-on, the AWS Load Balancer Controller). The fields are checked one by
 * one against the documented APIs (docs/export-rules.md, "EKS Auto Mode"); manifest-shapes.ts
 * rejects any field those documents do not list.
 */
import { describe, expect, it } from 'vitest';
import { findExportProblems } from './build-export-bundle.ts';
import {
  BATCH_SCENARIO,
  bundleFor,
  contextFor,
  exportableCases,
  exportInputFor,
  fileAt,
  GPU_SCENARIO,
  MIXED_SCENARIO,
  ARTICLE_SCENARIO,
} from './testing/export-fixtures.ts';
import { parseYaml11 } from './testing/parse-yaml.ts';
import { checkManifest } from './testing/manifest-shapes.ts';
import { validateKubernetesObject } from './testing/kubernetes-validators.ts';
import { AUTO_MODE_INGRESS_CLASS_PATH, AUTO_MODE_NODEPOOLS_PATH, poolPlans } from './eks-auto-mode.ts';
import type { ScenarioInput } from '../scenario/scenario-schema.ts';

interface NodePool {
  apiVersion: string;
  kind: string;
  metadata: { name: string };
  spec: {
    template: {
      metadata: { labels: Record<string, string> };
      spec: {
        nodeClassRef: { group: string; kind: string; name: string };
        requirements: { key: string; operator: string; values: string[] }[];
        taints?: { key: string; value: string; effect: string }[];
      };
    };
    disruption: { consolidationPolicy: string; consolidateAfter: string; budgets: unknown[] };
    limits: { cpu: string; memory: string };
    weight: number;
  };
}

const autoModeCases = exportableCases().filter((c) => c.optionId === 'eks-auto-mode');
const poolsOf = (input: ScenarioInput) =>
  parseYaml11({
    path: 'p',
    contents: fileAt(bundleFor(input, 'eks-auto-mode'), AUTO_MODE_NODEPOOLS_PATH),
  }) as unknown as NodePool[];
const podSpecs = (input: ScenarioInput) =>
  bundleFor(input, 'eks-auto-mode')
    .filter((f) => /\/(deployment|cronjob)\.yaml$/.test(f.path))
    .flatMap(parseYaml11)
    .map((o) => {
      const spec = o.spec as { template?: { spec: unknown }; jobTemplate?: { spec: { template: { spec: unknown } } } };
      return [o.metadata.name, (spec.template ?? spec.jobTemplate!.spec.template).spec] as const;
    }) as (readonly [
    string,
    { nodeSelector: Record<string, string>; tolerations?: { key: string; value: string }[] },
  ])[];

describe('every Auto Mode sample bundle', () => {
  it('covers the sample scenarios that run on Auto Mode', () => {
    expect(autoModeCases.map((c) => c.name)).toEqual(
      expect.arrayContaining([
        'article eks-auto-mode',
        'mixed eks-auto-mode',
        'gpu eks-auto-mode',
        'batch eks-auto-mode',
      ]),
    );
  });

  describe.each(autoModeCases)('$name', ({ scenario }) => {
    const files = bundleFor(scenario, 'eks-auto-mode');
    const context = contextFor(scenario, 'eks-auto-mode');
    const pools = poolsOf(scenario);

    it('writes no Cluster Autoscaler, node group, VPC CNI add-on or load balancer controller', () => {
      expect(files.map((f) => f.path).filter((p) => p.startsWith('eks/cluster-autoscaler/'))).toEqual([]);
      const [config] = parseYaml11({ path: 'e', contents: fileAt(files, 'eks/cluster/eksctl.yaml') });
      expect(config).not.toHaveProperty('managedNodeGroups');
      expect(config).not.toHaveProperty('addons');
      expect(config).not.toHaveProperty('fargateProfiles');
      // The system pool keeps the default NodeClass that the NodePools name.
      expect(config!.autoModeConfig).toEqual({ enabled: true, nodePools: ['system'] });
      const accounts = (
        (config!.iam as { serviceAccounts?: { metadata: { name: string } }[] }).serviceAccounts ?? []
      ).map((a) => a.metadata.name);
      expect(accounts).not.toContain('aws-load-balancer-controller');
      expect(accounts).not.toContain('cluster-autoscaler');
      expect(fileAt(files, 'README.md')).not.toMatch(
        /helm install aws-load-balancer-controller|cluster-autoscaler\.yaml/,
      );
    });

    it('NodePools: karpenter.sh/v1 on the default NodeClass, pinned to the plan, limits in whole nodes', () => {
      for (const pool of pools) expect(checkManifest(pool)).toEqual([]);
      expect(pools.length).toBeGreaterThanOrEqual(context.nodeGroups.length);
      for (const group of context.nodeGroups) {
        const plans = poolPlans(group, context.scenario.ec2);
        const mine = plans.map((p) => pools.find((pool) => pool.metadata.name === p.name)!);
        expect(plans.reduce((n, p) => n + p.nodes, 0)).toBe(group.plan.count);
        for (const [i, pool] of mine.entries()) {
          const plan = plans[i]!;
          expect(pool.apiVersion).toBe('karpenter.sh/v1');
          const { template, limits, weight, disruption } = pool.spec;
          expect(template.spec.nodeClassRef).toEqual({
            group: 'eks.amazonaws.com',
            kind: 'NodeClass',
            name: 'default',
          });
          expect(template.spec.requirements).toEqual([
            { key: 'node.kubernetes.io/instance-type', operator: 'In', values: [group.plan.instanceType] },
            { key: 'karpenter.sh/capacity-type', operator: 'In', values: [plan.capacityType] },
            { key: 'kubernetes.io/arch', operator: 'In', values: [group.plan.arch === 'arm64' ? 'arm64' : 'amd64'] },
          ]);
          expect(template.metadata.labels).toEqual({ 'cost-calculator/node-group': group.key });
          expect(limits).toEqual({
            cpu: String(plan.limitNodes * group.plan.vcpu),
            memory: `${plan.limitNodes * group.plan.memoryMiB}Mi`,
          });
          expect(weight).toBe(plan.weight);
          expect(disruption).toMatchObject({ consolidationPolicy: 'WhenEmptyOrUnderutilized', consolidateAfter: '0s' });
          if (group.plan.fullMonth) expect(template.spec.taints).toBeUndefined();
          else
            expect(template.spec.taints).toEqual([
              { key: 'cost-calculator/part-time', value: group.key, effect: 'NoSchedule' },
            ]);
        }
      }
    });

    it("every pod selects its group's NodePool label and arch, tolerates its taint, and has no os selector", () => {
      for (const [name, pod] of podSpecs(scenario)) {
        const group = context.services.find((s) => s.name === name)!.nodeGroup!;
        expect(pod.nodeSelector).toEqual({
          'kubernetes.io/arch': group.plan.arch === 'arm64' ? 'arm64' : 'amd64',
          'cost-calculator/node-group': group.key,
        });
        const pool = pools.find((p) => p.spec.template.metadata.labels['cost-calculator/node-group'] === group.key)!;
        expect(pool, name).toBeDefined();
        for (const taint of pool.spec.template.spec.taints ?? [])
          expect(pod.tolerations).toContainEqual(expect.objectContaining({ key: taint.key, value: taint.value }));
      }
    });

    it('public services: one IngressClass per ALB the bill prices, named by the Ingresses on it', () => {
      const ingresses = files.filter((f) => f.path.endsWith('/ingress.yaml')).flatMap(parseYaml11);
      if (context.loadBalancers.count === 0) {
        expect(files.map((f) => f.path)).not.toContain(AUTO_MODE_INGRESS_CLASS_PATH);
        return;
      }
      const objects = parseYaml11({ path: 'i', contents: fileAt(files, AUTO_MODE_INGRESS_CLASS_PATH) });
      for (const object of objects) expect(checkManifest(object)).toEqual([]);
      const params = objects.filter((o) => o.kind === 'IngressClassParams');
      const classes = objects.filter((o) => o.kind === 'IngressClass');
      for (const ingressClass of classes) expect(() => validateKubernetesObject(ingressClass)).not.toThrow();
      // As many ALBs (groups) as the bill prices.
      const serving = context.loadBalancers.loadBalancers.filter((lb) => !lb.spare);
      expect(classes).toHaveLength(context.loadBalancers.count);
      for (const lb of serving) {
        const name = `alb-${lb.number}`;
        expect(params.find((p) => p.metadata.name === name)).toEqual({
          apiVersion: 'eks.amazonaws.com/v1',
          kind: 'IngressClassParams',
          metadata: { name },
          spec: { scheme: 'internet-facing', group: { name: `app-cluster-alb-${lb.number}` } },
        });
        expect(classes.find((c) => c.metadata.name === name)).toEqual({
          apiVersion: 'networking.k8s.io/v1',
          kind: 'IngressClass',
          metadata: { name },
          spec: {
            controller: 'eks.amazonaws.com/alb',
            parameters: { apiGroup: 'eks.amazonaws.com', kind: 'IngressClassParams', name },
          },
        });
        const on = ingresses.filter((i) => (i.spec as { ingressClassName: string }).ingressClassName === name);
        expect(on.map((i) => i.metadata.name).sort()).toEqual(
          [...lb.hostRules.map((r) => r.service), ...(lb.defaultService ? [lb.defaultService] : [])].sort(),
        );
        for (const i of on) {
          const annotations = i.metadata.annotations as Record<string, string>;
          const rule = lb.hostRules.find((r) => r.service === i.metadata.name);
          if (rule) expect(annotations['alb.ingress.kubernetes.io/group.order']).toBe(String(rule.priority));
          else expect(i.spec).toHaveProperty('defaultBackend');
          expect(annotations).not.toHaveProperty('alb.ingress.kubernetes.io/group.name');
        }
      }
      expect(ingresses.length).toBe(
        serving.reduce((n, lb) => n + lb.hostRules.length + (lb.defaultService ? 1 : 0), 0),
      );
      // Auto Mode has no ALB pod readiness gate: the namespace does not ask for one.
      expect(fileAt(files, 'eks/manifests/namespace.yaml')).not.toContain('pod-readiness-gate-inject');
    });

    it('the README says what AWS runs, what is derived, and applies the NodePools before the workloads', () => {
      const readme = fileAt(files, 'README.md');
      expect(readme).toContain('EKS Auto Mode management fee');
      expect(readme).toMatch(/management fee .* is derived: 12% of the/);
      expect(readme).toContain(
        'there is no node group, Cluster Autoscaler, VPC CNI add-on or AWS Load Balancer Controller to install',
      );
      expect(readme.indexOf('kubectl apply -f eks/auto-mode/')).toBeGreaterThan(0);
      expect(readme.indexOf('kubectl apply -f eks/auto-mode/')).toBeLessThan(
        readme.indexOf('kubectl apply -k eks/manifests'),
      );
      for (const group of context.nodeGroups) expect(readme).toContain(`\`nodes-${group.key}`);
    });
  });
});

describe('the capacity split', () => {
  it('a Spot share splits the planned nodes as priced: On-Demand preferred up to its nodes, the rest and the growth on Spot', () => {
    // 4 replicas of 0.5 vCPU / 1 GiB beside the add-ons (metrics-server 100m / 200 MiB, External
    // Secrets 3 x 10m / 32 MiB): a c6a.large holds 3801 - 1465 kube-reserved - 100 eviction = 2236
    // MiB, too little for 2 replicas and metrics-server (2 x 1024 + 200 = 2248 MiB), so the plan
    // takes 2 c5a.large ($0.077 an hour; 2278 MiB each), 10 at the autoscaling maximum of 20.
    const fourReplicas = {
      ...ARTICLE_SCENARIO,
      services: ARTICLE_SCENARIO.services!.map((s) => ({ ...s, replicas: 4 })),
      ec2: { spotPercent: 50 },
    };
    const context = contextFor(fourReplicas, 'eks-auto-mode');
    const group = context.nodeGroups[0]!;
    expect(group.plan).toMatchObject({ instanceType: 'c5a.large', count: 2, maxCount: 10 });
    // On-Demand: ceil(2 x 50%) = 1 node, capped there; Spot: the other node and the growth to 10,
    // plus the one surge node (10 - 1 + 1).
    expect(poolPlans(group, { ...context.scenario.ec2, spotPercent: 50 })).toEqual([
      { name: 'nodes-x86-64', capacityType: 'on-demand', nodes: 1, limitNodes: 1, weight: 100 },
      { name: 'nodes-x86-64-spot', capacityType: 'spot', nodes: 1, limitNodes: 10, weight: 50 },
    ]);
    expect(poolPlans(group, { ...context.scenario.ec2, spotPercent: 100 })).toEqual([
      { name: 'nodes-x86-64-spot', capacityType: 'spot', nodes: 2, limitNodes: 11, weight: 50 },
    ]);
    expect(poolPlans(group, { ...context.scenario.ec2, spotPercent: 0 })).toEqual([
      { name: 'nodes-x86-64', capacityType: 'on-demand', nodes: 2, limitNodes: 11, weight: 100 },
    ]);
  });

  it('the mixed scenario (50% Spot) writes both pools of each group, the preferred one first', () => {
    const pools = poolsOf(MIXED_SCENARIO);
    const names = pools.map((p) => p.metadata.name);
    for (const name of names.filter((n) => !n.endsWith('-spot'))) expect(names).toContain(`${name}-spot`);
    for (const pool of pools) expect(pool.spec.weight).toBe(pool.metadata.name.endsWith('-spot') ? 50 : 100);
  });

  it('GPU groups pin their NVIDIA type like the others', () => {
    const context = contextFor(GPU_SCENARIO, 'eks-auto-mode');
    const gpu = context.nodeGroups.find((g) => g.plan.gpu)!;
    const pool = poolsOf(GPU_SCENARIO).find((p) => p.metadata.name === `nodes-${gpu.key}`)!;
    expect(pool.spec.template.spec.requirements[0]!.values).toEqual([gpu.plan.instanceType]);
  });

  it('a part-time group starts from no nodes and is removed when empty, as priced (no scale-down delay)', () => {
    const context = contextFor(BATCH_SCENARIO, 'eks-auto-mode');
    const partTime = context.nodeGroups.find((g) => !g.plan.fullMonth)!;
    expect(partTime.plan.scaleDownDelayHours).toBe(0);
    const pool = poolsOf(BATCH_SCENARIO).find((p) => p.metadata.name === `nodes-${partTime.key}`)!;
    expect(pool.spec.disruption.budgets).toContainEqual({ nodes: '100%', reasons: ['Empty'] });
    expect(fileAt(bundleFor(BATCH_SCENARIO, 'eks-auto-mode'), 'README.md')).toContain(
      `Part-time groups (nodes-${partTime.key})`,
    );
  });
});

describe('what the Auto Mode export refuses', () => {
  it('a node volume other than the default NodeClass 80 GiB, naming the field', () => {
    expect(
      findExportProblems(exportInputFor({ ...ARTICLE_SCENARIO, ec2: { rootVolumeGiB: 100 } }, 'eks-auto-mode')),
    ).toEqual([
      expect.stringMatching(
        /^ec2\.rootVolumeGiB: the EKS Auto Mode export runs the nodes on the default NodeClass, whose ephemeral storage is 80 GiB, but the estimate prices 100 GiB per node/,
      ),
    ]);
    // EKS on EC2 writes the volume into its node groups instead.
    expect(findExportProblems(exportInputFor({ ...ARTICLE_SCENARIO, ec2: { rootVolumeGiB: 100 } }, 'eks-ec2'))).toEqual(
      [],
    );
  });

  it('ignores ec2.prefixDelegation, which Auto Mode always uses: no VPC CNI settings are written', () => {
    const files = bundleFor({ ...ARTICLE_SCENARIO, ec2: { prefixDelegation: true } }, 'eks-auto-mode');
    expect(fileAt(files, 'eks/cluster/eksctl.yaml')).not.toContain('vpc-cni');
  });

  it('public services share the ALBs the bill prices, and a spare ALB gets a class and a 404 Ingress of its own', () => {
    const shared: ScenarioInput = {
      ...ARTICLE_SCENARIO,
      services: [
        { name: 'a', vcpu: 0.5, memoryGiB: 1, replicas: 1, public: true, host: 'a.example.com' },
        { name: 'b', vcpu: 0.5, memoryGiB: 1, replicas: 1, public: true, host: 'b.example.com' },
        { name: 'c', vcpu: 0.5, memoryGiB: 1, replicas: 1, public: true },
      ],
      extras: { ...ARTICLE_SCENARIO.extras!, loadBalancers: 2 },
    };
    const files = bundleFor(shared, 'eks-auto-mode');
    const classes = parseYaml11({ path: 'i', contents: fileAt(files, AUTO_MODE_INGRESS_CLASS_PATH) }).filter(
      (o) => o.kind === 'IngressClass',
    );
    expect(classes.map((c) => c.metadata.name)).toEqual(['alb-1', 'alb-2']);
    const ingressOf = (path: string) => parseYaml11({ path, contents: fileAt(files, path) })[0]!;
    const order = (name: string) =>
      (ingressOf(`eks/manifests/${name}/ingress.yaml`).metadata.annotations as Record<string, string>)[
        'alb.ingress.kubernetes.io/group.order'
      ];
    expect(['a', 'b', 'c'].map(order)).toEqual(['1', '2', undefined]);
    for (const name of ['a', 'b', 'c'])
      expect(
        (ingressOf(`eks/manifests/${name}/ingress.yaml`).spec as { ingressClassName: string }).ingressClassName,
      ).toBe('alb-1');
    const spare = ingressOf('eks/manifests/spare-load-balancers.yaml');
    expect((spare.spec as { ingressClassName: string }).ingressClassName).toBe('alb-2');
    expect(spare.metadata.annotations).not.toHaveProperty('alb.ingress.kubernetes.io/group.name');
    expect(fileAt(files, 'README.md')).toContain('`alb-2` (spare, answers 404)');
  });
});
