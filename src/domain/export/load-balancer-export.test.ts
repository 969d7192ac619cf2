/**
 * The load balancers and NAT gateways of SHARED_ALB_SCENARIO, read back from the exported files
 * (hcl2json for Terraform, YAML for manifests and eksctl) and held against the estimate's lines:
 * 3 ALBs priced (api and its host rules on ALB 1, admin on ALB 2, a spare) and 2 NAT gateways.
 */
import { describe, expect, it } from 'vitest';
import { bundleFor, exportInputFor, fileAt, SHARED_ALB_SCENARIO } from './testing/export-fixtures.ts';
import { parseTerraformFiles, type TerraformJson } from './testing/parse-terraform.ts';
import { parseYaml11, type Manifest } from './testing/parse-yaml.ts';
import { checkManifest } from './testing/manifest-shapes.ts';
import { validateKubernetesObject } from './testing/kubernetes-validators.ts';
import { findExportProblems } from './build-export-bundle.ts';
import type { OptionId } from '../cost/estimate-types.ts';
import type { ScenarioInput } from '../scenario/scenario-schema.ts';
import { parse } from '@cdktf/hcl2json';
import { importScenario } from '../import/import-scenario.ts';

/** Priced units of a line kind in one option, per hour of the month (ALBs, NAT gateways). */
function pricedCount(optionId: OptionId, kind: 'alb-hours' | 'nat-hours', input = SHARED_ALB_SCENARIO): number {
  const { estimate } = exportInputFor(input, optionId);
  const line = estimate.options.find((o) => o.id === optionId)!.lines.find((l) => l.kind === kind);
  return line ? line.quantity / estimate.hoursPerMonth : 0;
}

async function mainOf(optionId: OptionId): Promise<TerraformJson> {
  return (await parseTerraformFiles(bundleFor(SHARED_ALB_SCENARIO, optionId))).get('ecs/terraform/main.tf')!;
}

describe.each<OptionId>(['ecs-fargate', 'ecs-ec2', 'ecs-managed-instances'])('%s', (optionId) => {
  it('creates exactly the priced ALBs: one shared with host rules, one for the second service without a host, one spare', async () => {
    const main = await mainOf(optionId);
    const albs = main.resource.aws_lb as Record<string, { internal: boolean; subnets: string }[]>;
    expect(Object.keys(albs)).toEqual(['alb_1', 'alb_2', 'alb_3']);
    expect(Object.keys(albs)).toHaveLength(pricedCount(optionId, 'alb-hours'));
    for (const [lb] of Object.values(albs))
      expect(lb).toMatchObject({ internal: false, subnets: '${var.public_subnet_ids}' });

    const listeners = main.resource.aws_lb_listener;
    expect(Object.keys(listeners).sort()).toEqual([
      'alb_1_http',
      'alb_1_https',
      'alb_2_http',
      'alb_2_https',
      'alb_3_http',
    ]);
    // ALB 1: unmatched hosts go to api; ALB 2 serves admin; the spare answers 404 on HTTP.
    expect(listeners.alb_1_https[0].default_action[0]).toEqual({
      type: 'forward',
      target_group_arn: '${aws_lb_target_group.api.arn}',
    });
    expect(listeners.alb_2_https[0].default_action[0].target_group_arn).toBe('${aws_lb_target_group.admin.arn}');
    expect(listeners.alb_3_http[0]).toMatchObject({
      port: 80,
      protocol: 'HTTP',
      load_balancer_arn: '${aws_lb.alb_3.arn}',
    });
    expect(listeners.alb_3_http[0].default_action[0]).toMatchObject({
      type: 'fixed-response',
      fixed_response: [{ status_code: '404', content_type: 'text/plain', message_body: 'Not found' }],
    });

    // Host rules on ALB 1's HTTPS listener: the exact host before the wildcard.
    const rules = main.resource.aws_lb_listener_rule as Record<string, Record<string, unknown>[]>;
    expect(
      Object.entries(rules).map(([id, [rule]]) => [
        id,
        rule!.listener_arn,
        rule!.priority,
        (rule!.condition as { host_header: { values: string[] }[] }[])[0]!.host_header[0]!.values,
      ]),
    ).toEqual([
      ['docs_host', '${aws_lb_listener.alb_1_https.arn}', 2, ['*.example.com']],
      ['shop_host', '${aws_lb_listener.alb_1_https.arn}', 1, ['shop.example.com']],
    ]);

    // One security group for every ALB; the tasks take it once per port (AWS refuses duplicate rules).
    expect(Object.keys(main.resource.aws_security_group)).toContain('load_balancers');
    if (optionId !== 'ecs-ec2' || main.resource.aws_security_group.tasks) {
      const ingress = main.resource.aws_security_group.tasks[0].ingress as { from_port: number; description: string }[];
      expect(ingress.map((r) => [r.from_port, r.description])).toEqual([
        [0, 'Tasks of this cluster'],
        [8080, 'Load balancers to shop, api, admin'],
        [9000, 'Load balancers to docs'],
      ]);
    }

    // Each public service waits for its ALB's listener (and its rule); the worker has no load balancer.
    const services = main.resource.aws_ecs_service;
    expect(services.shop[0].depends_on).toContain('${aws_lb_listener_rule.shop_host}');
    expect(services.admin[0].depends_on).toContain('${aws_lb_listener.alb_2_https}');
    expect(services.worker[0].load_balancer).toBeUndefined();
    // No NAT gateway in the Terraform: the VPC is yours, and the bill prices extras.natGateways.
    expect(main.resource.aws_nat_gateway).toBeUndefined();
    expect(pricedCount(optionId, 'nat-hours')).toBe(2);

    const outputs = (await parseTerraformFiles(bundleFor(SHARED_ALB_SCENARIO, optionId))).get(
      'ecs/terraform/outputs.tf',
    )!.output;
    expect(outputs.alb_1_dns_name[0].description).toBe(
      'ALB 1: point shop.example.com, *.example.com here (CNAME or alias record); other requests go to api.',
    );
    expect(outputs.alb_3_dns_name[0].description).toBe(
      'Spare ALB 3 (extras.loadBalancers): its HTTP listener answers 404.',
    );
  });
});

describe.each<OptionId>(['eks-fargate', 'eks-ec2'])('%s', (optionId) => {
  const files = bundleFor(SHARED_ALB_SCENARIO, optionId);
  const ingresses = files
    .filter((f) => f.path.startsWith('eks/manifests/'))
    .flatMap((f) => parseYaml11(f))
    .filter((m): m is Manifest => m.kind === 'Ingress');
  const groupOf = (m: Manifest) =>
    (m.metadata.annotations as Record<string, string>)['alb.ingress.kubernetes.io/group.name']!;

  it('joins the Ingresses into one IngressGroup per priced ALB, one default backend each', () => {
    for (const m of ingresses) {
      expect(checkManifest(m)).toEqual([]);
      validateKubernetesObject(m);
    }
    const groups = new Map<string, Manifest[]>();
    for (const m of ingresses) groups.set(groupOf(m), [...(groups.get(groupOf(m)) ?? []), m]);
    expect(groups.size).toBe(pricedCount(optionId, 'alb-hours'));
    const summary = [...groups].map(([group, members]) => [
      group,
      members.map((m) => {
        const spec = m.spec as { defaultBackend?: { service: { name: string } }; rules?: { host: string }[] };
        const order = (m.metadata.annotations as Record<string, string>)['alb.ingress.kubernetes.io/group.order'];
        return spec.defaultBackend
          ? `${m.metadata.name}: default ${spec.defaultBackend.service.name}`
          : `${m.metadata.name}: ${spec.rules!.map((r) => r.host).join()} (order ${order})`;
      }),
    ]);
    expect(summary).toEqual([
      ['app-cluster-alb-1', ['docs: *.example.com (order 2)', 'shop: shop.example.com (order 1)', 'api: default api']],
      ['app-cluster-alb-2', ['admin: default admin']],
      ['app-cluster-alb-3', ['spare-alb-3: default response-404']],
    ]);
    // The spare answers 404 from a fixed-response action on HTTP only.
    const spare = ingresses.find((m) => m.metadata.name === 'spare-alb-3')!;
    const annotations = spare.metadata.annotations as Record<string, string>;
    expect(JSON.parse(annotations['alb.ingress.kubernetes.io/actions.response-404']!)).toEqual({
      type: 'fixed-response',
      fixedResponseConfig: { contentType: 'text/plain', statusCode: '404', messageBody: 'Not found' },
    });
    expect(annotations['alb.ingress.kubernetes.io/listen-ports']).toBe('[{"HTTP":80}]');
    const kustomization = parseYaml11({
      path: 'kustomization.yaml',
      contents: fileAt(files, 'eks/manifests/kustomization.yaml'),
    })[0] as unknown as { resources: string[] };
    expect(kustomization.resources).toContain('spare-load-balancers.yaml');
  });

  it('has eksctl create the priced NAT gateways: HighlyAvailable, one per zone (2 in us-east-1)', () => {
    const [config] = parseYaml11({
      path: 'eksctl.yaml',
      contents: fileAt(files, 'eks/cluster/eksctl.yaml'),
    }) as unknown as [{ vpc: { nat: { gateway: string } } }];
    expect(config.vpc).toEqual({ nat: { gateway: 'HighlyAvailable' } });
    expect(pricedCount(optionId, 'nat-hours')).toBe(2);
  });
});

describe('NAT gateways eksctl creates, and the counts it cannot', () => {
  const withNat = (natGateways: number): ScenarioInput => ({ ...SHARED_ALB_SCENARIO, extras: { natGateways } });
  const eksctlNat = (input: ScenarioInput, optionId: OptionId) =>
    (
      parseYaml11({
        path: 'eksctl.yaml',
        contents: fileAt(bundleFor(input, optionId), 'eks/cluster/eksctl.yaml'),
      })[0] as unknown as { vpc: { nat: { gateway: string } } }
    ).vpc.nat.gateway;

  it('0 and 1 are one NAT gateway (Single): the private subnets need one, so 0 is priced as 1', () => {
    for (const optionId of ['eks-fargate', 'eks-ec2'] as const)
      for (const n of [0, 1]) {
        expect(eksctlNat(withNat(n), optionId)).toBe('Single');
        expect(pricedCount(optionId, 'nat-hours', withNat(n))).toBe(1);
      }
    // ECS keeps 0: the tasks use your VPC's NAT.
    expect(pricedCount('ecs-fargate', 'nat-hours', withNat(0))).toBe(0);
  });

  it('refuses a count eksctl cannot create, naming extras.natGateways', () => {
    const problems = findExportProblems(exportInputFor(withNat(3), 'eks-ec2'));
    expect(problems).toEqual([
      'extras.natGateways: eksctl creates 1 NAT gateway (vpc.nat.gateway Single) or one per availability zone of its VPC (HighlyAvailable: 2 in us-east-1), not 3; set extras.natGateways to 1 or 2',
    ]);
    expect(findExportProblems(exportInputFor(withNat(3), 'ecs-fargate'))).toEqual([]);
  });
});

it('refuses two public services with the same host, naming the field', () => {
  const input: ScenarioInput = {
    version: 2,
    region: 'us-east-1',
    services: [
      { name: 'a', vcpu: 0.5, memoryGiB: 1, replicas: 1, public: true, host: 'x.example.com' },
      { name: 'b', vcpu: 0.5, memoryGiB: 1, replicas: 1, public: true, host: 'x.example.com' },
    ],
  };
  for (const optionId of ['ecs-fargate', 'eks-fargate'] as const)
    expect(findExportProblems(exportInputFor(input, optionId))).toEqual([
      'services[1].host: "a" (services[0]) is public with the same host, and the load balancer would send every request for it there; give each public service its own host',
    ]);
});

describe('the shared-ALB bundles import back with their ALB count', () => {
  it.each<OptionId>(['ecs-fargate', 'eks-fargate'])('%s', async (optionId) => {
    const files = bundleFor(SHARED_ALB_SCENARIO, optionId).filter((f) => f.path !== 'scenario.json');
    const result = await importScenario(
      files.map((f) => ({ path: f.path, text: f.contents })),
      { parseTerraform: parse },
    );
    if (!result.ok) throw new Error(result.problems.join('\n'));
    // 3 ALBs (two serving, one spare): the spare's 404 action is no Service to look for.
    expect(result.scenario.extras?.loadBalancers).toBe(3);
    expect(result.notes.some((n) => JSON.stringify(n).includes('response-404'))).toBe(false);
    expect(result.scenario.services.map((s) => [s.name, s.public ?? false, s.host ?? null]).sort()).toEqual([
      ['admin', true, null],
      ['api', true, null],
      ['docs', true, '*.example.com'],
      ['shop', true, 'shop.example.com'],
      ['worker', false, null],
    ]);
  });
});
