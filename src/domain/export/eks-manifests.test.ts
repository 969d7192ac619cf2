/**
 * EKS files: every Kubernetes object passes the kubernetes-models validators (ajv, compiled from
 * the Kubernetes OpenAPI schemas, offline) and a strict shape check of our own (unknown fields,
 * types, names); YAML is read with YAML 1.1 rules, as Kubernetes' go-yaml v2 reads it.
 */
import { describe, expect, it } from 'vitest';
import { Deployment } from 'kubernetes-models/apps/v1';
import { bundleFor, contextFor, exportableCases, fileAt, MIXED_SCENARIO } from './testing/export-fixtures.ts';
import { checkManifest } from './testing/manifest-shapes.ts';
import { parseYaml11 } from './testing/parse-yaml.ts';
import { hasKubernetesSchema, validateKubernetesObject } from './testing/kubernetes-validators.ts';

const eksCases = exportableCases().filter((c) => c.optionId.startsWith('eks'));

describe.each(eksCases)('EKS files of $name', ({ scenario, optionId }) => {
  const files = bundleFor(scenario, optionId);
  const context = contextFor(scenario, optionId);
  const yamlFiles = files.filter((f) => f.path.endsWith('.yaml'));
  const manifests = yamlFiles.filter(
    (f) => f.path.startsWith('eks/manifests/') && !f.path.endsWith('kustomization.yaml'),
  );
  const objects = manifests.flatMap(parseYaml11);
  const byKind = (kind: string) => objects.filter((o) => o.kind === kind);

  it.each(yamlFiles.map((f) => [f.path, f]))('%s passes the strict shape check', (_path, file) => {
    for (const object of parseYaml11(file)) expect(checkManifest(object)).toEqual([]);
  });

  it('passes the kubernetes-models validators (Kubernetes OpenAPI schemas)', () => {
    for (const object of objects.filter(hasKubernetesSchema)) {
      expect(() => validateKubernetesObject(object), `${object.kind} ${object.metadata.name}`).not.toThrow();
    }
    expect(objects.filter(hasKubernetesSchema).length).toBeGreaterThan(context.services.length);
  });

  it('lists every manifest in kustomization.yaml, each object in the namespace', () => {
    const [kustomization] = parseYaml11({ path: 'k', contents: fileAt(files, 'eks/manifests/kustomization.yaml') });
    expect((kustomization!.resources as string[]).map((r) => `eks/manifests/${r}`).sort()).toEqual(
      manifests.map((f) => f.path).sort(),
    );
    for (const object of objects.filter((o) => o.kind !== 'Namespace')) expect(object.metadata.namespace).toBe('apps');
  });

  // Scheduled services get a CronJob or a KEDA ScaledObject instead: scheduled-export.test.ts checks them.
  it.each(context.services.filter((p) => !p.schedule).map((p) => [p.name, p]))(
    '%s: Deployment, HPA, Service, Ingress and secrets are wired together',
    (_name, plan) => {
      const deployment = byKind('Deployment').find((d) => d.metadata.name === plan.name)!;
      const spec = deployment.spec as {
        replicas?: number;
        template: {
          spec: {
            serviceAccountName: string;
            nodeSelector?: Record<string, string>;
            topologySpreadConstraints?: unknown[];
            containers: {
              resources: { requests: Record<string, string>; limits: Record<string, string> };
              env?: { name: string; valueFrom?: { secretKeyRef: { name: string } } }[];
              readinessProbe?: { httpGet?: { path: string } };
            }[];
          };
        };
      };
      const pod = spec.template.spec;
      const hpa = byKind('HorizontalPodAutoscaler').find((h) => h.metadata.name === plan.name);
      if (plan.autoscaling) {
        expect(spec).not.toHaveProperty('replicas');
        expect(hpa!.spec).toMatchObject({
          scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: plan.name },
          maxReplicas: plan.autoscaling.max,
        });
        expect(hpa!.spec!.metrics).toEqual([
          {
            type: 'Resource',
            resource: {
              name: 'cpu',
              target: { type: 'Utilization', averageUtilization: plan.autoscaling.targetCpuPercent },
            },
          },
        ]);
      } else {
        expect(spec.replicas).toBe(plan.desiredCount);
        expect(hpa).toBeUndefined();
      }
      const container = pod.containers[0]!;
      expect(container.resources.requests).toEqual({
        cpu: `${Math.round(plan.service.vcpu * 1000)}m`,
        memory: `${Math.ceil(plan.service.memoryGiB * 1024 - 1e-9)}Mi`,
      });
      expect(container.resources.limits).toMatchObject(container.resources.requests);
      expect(pod.serviceAccountName).toBe(plan.name);
      if (optionId !== 'eks-fargate') {
        expect(pod.nodeSelector!['kubernetes.io/arch']).toBe(plan.service.arch === 'arm64' ? 'arm64' : 'amd64');
        expect(pod.topologySpreadConstraints).toHaveLength(1);
      } else {
        expect(pod.nodeSelector).toBeUndefined();
      }
      if (plan.healthCheckPath !== null) expect(container.readinessProbe!.httpGet!.path).toBe(plan.healthCheckPath);

      const account = byKind('ServiceAccount').find((s) => s.metadata.name === plan.name)!;
      expect(account.metadata.annotations!['eks.amazonaws.com/role-arn']).toBe(
        `arn:aws:iam::REPLACE_WITH_ACCOUNT_ID:role/app-cluster-${plan.name}`,
      );

      const ingress = byKind('Ingress').find((i) => i.metadata.name === plan.name);
      if (plan.public && plan.port !== null) {
        // Auto Mode: the class of the ALB the plan puts the service on (eks-auto-mode.test.ts).
        expect(ingress!.spec!.ingressClassName).toEqual(
          optionId === 'eks-auto-mode' ? expect.stringMatching(/^alb-\d+$/) : 'alb',
        );
        const annotations = ingress!.metadata.annotations!;
        expect(annotations).not.toHaveProperty('kubernetes.io/ingress.class');
        expect(annotations['alb.ingress.kubernetes.io/target-type']).toBe('ip');
        expect(annotations['alb.ingress.kubernetes.io/scheme']).toBe('internet-facing');
        expect(annotations['alb.ingress.kubernetes.io/healthcheck-path']).toBe(plan.healthCheckPath ?? '/');
        expect(JSON.parse(annotations['alb.ingress.kubernetes.io/listen-ports']!)).toEqual([
          { HTTP: 80 },
          { HTTPS: 443 },
        ]);
        expect(annotations['alb.ingress.kubernetes.io/certificate-arn']).toMatch(
          /^arn:aws:acm:us-east-1:REPLACE_WITH_ACCOUNT_ID:certificate\/REPLACE_WITH_CERTIFICATE_ID$/,
        );
        // A host rule, or the IngressGroup's default backend for the service without a host.
        const spec = ingress!.spec as { rules?: { host?: string }[]; defaultBackend?: { service: { name: string } } };
        if (plan.host === null) expect(spec.defaultBackend!.service.name).toBe(plan.name);
        else expect(spec.rules![0]!.host).toBe(plan.host);
        // Auto Mode groups by the IngressClassParams of the ALB's class instead (eks-auto-mode.test.ts).
        if (optionId === 'eks-auto-mode')
          expect(annotations).not.toHaveProperty('alb.ingress.kubernetes.io/group.name');
        else expect(annotations['alb.ingress.kubernetes.io/group.name']).toMatch(/^app-cluster-alb-\d+$/);
      } else {
        expect(ingress).toBeUndefined();
      }

      const stores = byKind('SecretStore').filter((s) => s.metadata.name.startsWith(`${plan.name}-secrets`));
      const externals = byKind('ExternalSecret').filter((s) => s.metadata.name.startsWith(`${plan.name}-secrets`));
      expect(stores.length).toBe(externals.length);
      const fromSecrets = (container.env ?? []).filter((e) => e.valueFrom);
      expect(fromSecrets.map((e) => e.name).sort()).toEqual(plan.secrets.map((s) => s.name).sort());
      for (const variable of fromSecrets)
        expect(externals.map((e) => e.metadata.name)).toContain(variable.valueFrom!.secretKeyRef.name);
    },
  );

  it("eksctl.yaml: quoted version, OIDC, and the engine's node plan or a Fargate profile", () => {
    const text = fileAt(files, 'eks/cluster/eksctl.yaml');
    expect(text).toMatch(/^ {2}version: "1\.\d+"$/m);
    const [config] = parseYaml11({ path: 'eksctl.yaml', contents: text }) as unknown as [
      {
        metadata: { version: string };
        iam: { withOIDC: boolean };
        managedNodeGroups?: {
          name: string;
          instanceType?: string;
          instanceTypes?: string[];
          desiredCapacity: number;
          maxSize: number;
          minSize: number;
        }[];
        fargateProfiles?: { selectors: { namespace: string }[] }[];
        autoModeConfig?: { enabled: boolean; nodePools: string[] };
        addons?: unknown[];
      },
    ];
    expect(typeof config.metadata.version).toBe('string');
    expect(config.iam.withOIDC).toBe(true);
    if (optionId === 'eks-ec2') {
      const groups = config.managedNodeGroups!;
      for (const { key, plan } of context.nodeGroups) {
        const mine = groups.filter((g) => g.name === `ng-${key}` || g.name === `ng-${key}-spot`);
        for (const g of mine) expect(g.instanceType ?? g.instanceTypes![0]).toBe(plan.instanceType);
        expect(mine.reduce((n, g) => n + g.desiredCapacity, 0)).toBe(plan.count);
        for (const g of mine) expect(g.maxSize).toBeGreaterThanOrEqual(Math.max(1, g.desiredCapacity));
      }
      expect(config.fargateProfiles).toBeUndefined();
    } else if (optionId === 'eks-auto-mode') {
      // AWS runs the nodes: no node groups, no Fargate profile, no add-on settings.
      expect(config.autoModeConfig).toEqual({ enabled: true, nodePools: ['system'] });
      expect(config.managedNodeGroups).toBeUndefined();
      expect(config.fargateProfiles).toBeUndefined();
      expect(config.addons).toBeUndefined();
    } else {
      expect(config.fargateProfiles![0]!.selectors.map((s) => s.namespace)).toContain('apps');
      expect(config.managedNodeGroups).toBeUndefined();
    }
  });
});

describe('secrets from several stores', () => {
  it('makes one SecretStore and ExternalSecret per AWS service and region, with JSON keys and version stages', () => {
    const files = bundleFor(MIXED_SCENARIO, 'eks-ec2');
    const stores = parseYaml11({ path: 's', contents: fileAt(files, 'eks/manifests/web/secretstore.yaml') });
    expect(
      stores.map((s) => [
        s.metadata.name,
        (s.spec as { provider: { aws: { service: string; region: string } } }).provider.aws,
      ]),
    ).toEqual([
      [
        'web-secrets-1',
        { service: 'SecretsManager', region: 'us-east-1', auth: { jwt: { serviceAccountRef: { name: 'web' } } } },
      ],
      [
        'web-secrets-2',
        { service: 'SecretsManager', region: 'eu-west-1', auth: { jwt: { serviceAccountRef: { name: 'web' } } } },
      ],
      [
        'web-secrets-3',
        { service: 'ParameterStore', region: 'us-east-1', auth: { jwt: { serviceAccountRef: { name: 'web' } } } },
      ],
    ]);
    const externals = parseYaml11({ path: 'e', contents: fileAt(files, 'eks/manifests/web/externalsecret.yaml') });
    expect(externals.map((e) => (e.spec as { data: unknown[] }).data)).toEqual([
      [
        {
          secretKey: 'API_KEY',
          remoteRef: {
            key: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:api-key-XyZ123',
            version: 'AWSPREVIOUS',
          },
        },
      ],
      [
        {
          secretKey: 'DB_PASSWORD',
          remoteRef: { key: 'arn:aws:secretsmanager:eu-west-1:123456789012:secret:db-AbCdEf', property: 'password' },
        },
      ],
      [{ secretKey: 'SSM_TOKEN', remoteRef: { key: 'arn:aws:ssm:us-east-1:123456789012:parameter/prod/token' } }],
    ]);
    for (const e of externals) expect(e.apiVersion).toBe('external-secrets.io/v1');
  });

  it('keeps YAML 1.1 look-alikes and $(VAR) in env values as the literal strings typed', () => {
    const deployment = parseYaml11({
      path: 'd',
      contents: fileAt(bundleFor(MIXED_SCENARIO, 'eks-ec2'), 'eks/manifests/web/deployment.yaml'),
    })[0]!;
    const env = (
      deployment.spec as { template: { spec: { containers: { env: { name: string; value?: string }[] }[] } } }
    ).template.spec.containers[0]!.env;
    expect(env.filter((e) => e.value !== undefined)).toEqual([
      { name: 'A_VAR', value: '0123' },
      { name: 'B_VAR', value: 'on' },
      { name: 'C_VAR', value: '$$(HOME) ${x} %{y}' },
      { name: 'D_VAR', value: '' },
    ]);
  });
});

describe('the checks themselves', () => {
  const deployment = () =>
    parseYaml11({
      path: 'd',
      contents: fileAt(bundleFor(MIXED_SCENARIO, 'eks-ec2'), 'eks/manifests/worker/deployment.yaml'),
    })[0]!;

  it('the shape check reports unknown fields, numbers where strings belong and bad names', () => {
    const object = deployment();
    (object.spec as Record<string, unknown>).replica = 3;
    (object.metadata as Record<string, unknown>).name = 'Worker_1';
    (
      object.spec as { template: { spec: { containers: { resources: { requests: Record<string, unknown> } }[] } } }
    ).template.spec.containers[0]!.resources.requests.memory = '400m';
    expect(checkManifest(object)).toEqual([
      '.metadata.name: "Worker_1" does not match /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/',
      '.spec.template.spec.containers[0].resources.requests.memory: "400m" does not match /^[1-9][0-9]*Mi$/',
      '.spec.replica: unknown field',
    ]);
  });

  it('kubernetes-models rejects a malformed quantity and a missing field', () => {
    const object = deployment();
    (
      object.spec as { template: { spec: { containers: { resources: { limits: Record<string, unknown> } }[] } } }
    ).template.spec.containers[0]!.resources.limits.cpu = 'lots';
    expect(() => new Deployment(object as never).validate()).toThrow(/quantity/);
    delete (object.spec as Record<string, unknown>).selector;
    expect(() => new Deployment(object as never).validate()).toThrow(/selector/);
  });

  it('YAML 1.1 reading turns plain on and 0123 into a boolean and a number, which is why strings are quoted', () => {
    const [value] = parseYaml11({ path: 'x', contents: 'a: on\nb: 0123\nc: 1.30\nd: "on"\n' });
    expect(value).toEqual({ a: true, b: 83, c: 1.3, d: 'on' });
  });
});
