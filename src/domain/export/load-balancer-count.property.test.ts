/**
 * For random valid scenarios with public services, hosts and the extras' counts: every exportable
 * option that exports deploys exactly the ALBs and NAT gateways its bill prices, read back from the
 * files. ALBs: `aws_lb` resources in the Terraform; on EKS the AWS Load Balancer Controller's
 * IngressGroups (an Ingress's group.name annotation, else its IngressClass's IngressClassParams
 * group, else the Ingress alone). NAT gateways: none in the ECS Terraform (the bill prices
 * extras.natGateways of your VPC as set); eksctl's vpc.nat.gateway, Single being 1 and
 * HighlyAvailable one per zone of its VPC. Public IPv4 addresses: one per zone of each ALB (on ECS
 * the subnet count the Terraform's `public_subnet_ids` validation requires, on EKS the zones of
 * eksctl's VPC), one Elastic IP per NAT gateway, and extras.publicIPv4Addresses; no node, task or pod
 * gets one (launch template, assign_public_ip, privateNetworking).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { withPublicServicesArb } from '../testing/arbitraries.ts';
import { validateScenario } from '../scenario/validate-scenario.ts';
import { estimateScenario } from '../cost/estimate.ts';
import { AP_SOUTH_2, EU_WEST_1, US_EAST_1 } from '../testing/load-snapshot.ts';
import { buildExportBundle, findExportProblems } from './build-export-bundle.ts';
import { EXPORTABLE_OPTION_IDS } from './exportable-options.ts';
import { parseYaml11, type Manifest } from './testing/parse-yaml.ts';
import { parseTerraformFiles } from './testing/parse-terraform.ts';
import { eksctlZoneCount } from '../cost/nat-gateway-count.ts';
import type { ExportFile } from './export-file.ts';
import type { OptionEstimate } from '../cost/estimate-types.ts';

const RUNS = Number(process.env.EXPORT_PROPERTY_RUNS ?? 25);
const SNAPSHOTS = { 'us-east-1': US_EAST_1, 'eu-west-1': EU_WEST_1, 'ap-south-2': AP_SOUTH_2 } as const;

const perHour = (option: OptionEstimate, kind: 'alb-hours' | 'nat-hours' | 'public-ipv4', hours: number): number =>
  option.lines.filter((l) => l.kind === kind).reduce((sum, l) => sum + l.quantity, 0) / hours;

type Blocks = Record<string, Record<string, unknown>[]>;

/** The subnet count the ECS Terraform's `public_subnet_ids` validation requires, read from its condition. */
function requiredPublicSubnets(variables: { variable?: Record<string, { validation?: { condition: string }[] }[]> }) {
  const condition = variables.variable?.public_subnet_ids?.[0]?.validation?.[0]?.condition ?? '';
  const match = /^\$\{length\(var\.public_subnet_ids\) == (\d+)\}$/.exec(condition);
  if (!match) throw new Error(`no subnet count in ${condition}`);
  return Number(match[1]);
}

/** The ALBs the AWS Load Balancer Controller makes from the bundle's Ingresses: one per IngressGroup. */
function ingressGroups(files: readonly ExportFile[]): Set<string> {
  const objects = files.filter((f) => f.path.endsWith('.yaml')).flatMap((f) => parseYaml11(f)) as Manifest[];
  const paramsGroup = new Map<string, string>();
  for (const o of objects.filter((m) => m.kind === 'IngressClassParams')) {
    const group = (o.spec as { group?: { name?: string } } | undefined)?.group?.name;
    if (group) paramsGroup.set(o.metadata.name, group);
  }
  const classGroup = new Map<string, string>();
  for (const o of objects.filter((m) => m.kind === 'IngressClass')) {
    const params = (o.spec as { parameters?: { kind?: string; name?: string } } | undefined)?.parameters;
    const group = params?.kind === 'IngressClassParams' ? paramsGroup.get(params.name ?? '') : undefined;
    if (group) classGroup.set(o.metadata.name, group);
  }
  const groups = new Set<string>();
  for (const o of objects.filter((m) => m.kind === 'Ingress')) {
    const annotations = (o.metadata.annotations ?? {}) as Record<string, string>;
    const className = (o.spec as { ingressClassName?: string }).ingressClassName ?? '';
    groups.add(
      annotations['alb.ingress.kubernetes.io/group.name'] ??
        classGroup.get(className) ??
        `${String(o.metadata.namespace)}/${o.metadata.name}`,
    );
  }
  return groups;
}

describe('exported load balancers and NAT gateways are the priced ones', () => {
  it('for every exportable option', async () => {
    const exported = new Map<string, number>();
    let withLoadBalancers = 0;
    await fc.assert(
      fc.asyncProperty(withPublicServicesArb, async (input) => {
        const validated = validateScenario(input);
        if (!validated.ok) return;
        const scenario = validated.scenario;
        const estimate = estimateScenario(scenario, SNAPSHOTS[scenario.region as keyof typeof SNAPSHOTS]);
        for (const optionId of EXPORTABLE_OPTION_IDS) {
          const exportInput = { scenario, estimate, optionId, shareUrl: 'https://x/' };
          if (findExportProblems(exportInput).length > 0) continue;
          exported.set(optionId, (exported.get(optionId) ?? 0) + 1);
          const option = estimate.options.find((o) => o.id === optionId)!;
          const albs = perHour(option, 'alb-hours', scenario.hoursPerMonth);
          const nat = perHour(option, 'nat-hours', scenario.hoursPerMonth);
          if (albs > 0) withLoadBalancers++;
          const files = buildExportBundle(exportInput);
          const addresses = perHour(option, 'public-ipv4', scenario.hoursPerMonth);
          if (optionId.startsWith('ecs')) {
            const parsed = await parseTerraformFiles(files);
            const resources = parsed.get('ecs/terraform/main.tf')!.resource;
            expect(Object.keys(resources.aws_lb ?? {})).toHaveLength(albs);
            expect(resources.aws_nat_gateway).toBeUndefined();
            expect(resources.aws_eip).toBeUndefined();
            expect(nat).toBe(scenario.extras.natGateways);
            const zones = albs > 0 ? requiredPublicSubnets(parsed.get('ecs/terraform/variables.tf')!) : 0;
            expect(addresses).toBe(albs * zones + nat + scenario.extras.publicIPv4Addresses);
            for (const template of Object.values((resources.aws_launch_template ?? {}) as Blocks))
              expect(template[0]!.network_interfaces).toMatchObject([{ associate_public_ip_address: false }]);
            for (const service of Object.values((resources.aws_ecs_service ?? {}) as Blocks)) {
              const network = (service[0]!.network_configuration as { assign_public_ip?: boolean }[] | undefined)?.[0];
              expect(network?.assign_public_ip ?? false).toBe(false);
            }
          } else {
            expect(ingressGroups(files).size).toBe(albs);
            const config = files.find((f) => f.path.endsWith('eksctl.yaml'))!;
            const [cluster] = parseYaml11(config) as unknown as [{ vpc?: { nat?: { gateway?: string } } }];
            const mode = cluster.vpc?.nat?.gateway ?? 'Single';
            expect(mode === 'Single' ? 1 : mode === 'HighlyAvailable' ? eksctlZoneCount(scenario.region) : 0).toBe(nat);
            expect(addresses).toBe(
              ingressGroups(files).size * eksctlZoneCount(scenario.region) + nat + scenario.extras.publicIPv4Addresses,
            );
            const groups =
              (cluster as { managedNodeGroups?: { privateNetworking?: boolean }[] }).managedNodeGroups ?? [];
            for (const group of groups) expect(group.privateNetworking).toBe(true);
          }
        }
      }),
      { numRuns: RUNS },
    );
    // A property that exported nothing would check nothing. About 9 in 10 scenarios export on ECS,
    // 7 in 10 on EKS on EC2 (eksctl cannot make every NAT count), fewer on EKS on Fargate (no arm64).
    for (const optionId of ['ecs-fargate', 'eks-ec2']) expect(exported.get(optionId) ?? 0).toBeGreaterThan(RUNS / 3);
    expect(exported.get('eks-fargate') ?? 0).toBeGreaterThan(RUNS / 10);
    expect(withLoadBalancers).toBeGreaterThan(RUNS / 3);
  });
});
