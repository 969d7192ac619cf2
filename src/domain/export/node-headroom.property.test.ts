/**
 * For random valid scenarios with autoscaling: the exported node groups add up to the priced node
 * plan (desired = planned nodes), and can grow to hold every service at its autoscaling maximum.
 * ECS Managed Instances has no group size to set (ECS launches what the tasks need): its capacity
 * providers pin the planned type, so the plan's maximum nodes of that type must hold the maxima.
 * The capacity check is independent of the packer: the groups' maximum nodes must offer at least
 * the CPU and memory that the maxima request.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exportScenarioArb, withAutoscaling } from '../testing/arbitraries.ts';
import { buildExportBundle } from './build-export-bundle.ts';
import { exportableInput, fileAt } from './testing/export-fixtures.ts';
import { parseYaml11 } from './testing/parse-yaml.ts';
import { parseTerraformFiles } from './testing/parse-terraform.ts';
import { nodeGroupKey } from './export-context.ts';
import type { NodePlan } from '../cost/estimate-types.ts';
import { nodeSplitOf } from '../cost/spot-split.ts';
import type { Scenario, ScenarioInput } from '../scenario/scenario-schema.ts';

const RUNS = Number(process.env.EXPORT_PROPERTY_RUNS ?? 15);

/** Linux scenarios, some services autoscaled from a minimum of 0-4 to up to 40 more. */
const autoscaledArb: fc.Arbitrary<ScenarioInput> = exportScenarioArb.chain((scenario) =>
  fc
    .tuple(
      ...scenario.services.map(() =>
        fc.option(fc.record({ min: fc.integer({ min: 0, max: 4 }), extra: fc.integer({ min: 1, max: 40 }) }), {
          nil: undefined,
        }),
      ),
    )
    .map((ranges) => ({
      ...scenario,
      services: scenario.services.map((service, i) => {
        const range = ranges[i];
        // EC2 options price Linux nodes only (a Windows service makes them unavailable). Variables are
        // left out: their text is the escaping tests' subject, and text the EKS export refuses
        // would only make fewer scenarios reach the node-group checks here.
        const { environment: _environment, secrets: _secrets, ...rest } = service;
        const linux = { ...rest, os: 'linux' as const };
        return range ? withAutoscaling(linux, { min: range.min, max: range.min + range.extra }) : linux;
      }),
    })),
);

/** What the group must hold at the autoscaling maxima: CPU millicores and memory MiB. */
function demandAtMax(scenario: Scenario, plan: NodePlan): { cpuMillis: number; memoryMiB: number } {
  let cpuMillis = 0;
  let memoryMiB = 0;
  for (const service of scenario.services.filter((s) => plan.services.includes(s.name))) {
    const count = Math.max(Math.ceil(service.replicas - 1e-9), service.autoscaling?.max ?? 0);
    cpuMillis += count * service.vcpu * 1000;
    memoryMiB += count * service.memoryGiB * 1024;
  }
  return { cpuMillis, memoryMiB };
}

function checkGroup(scenario: Scenario, plan: NodePlan, desired: number, max: number): void {
  expect(desired).toBe(plan.count);
  expect(max).toBeGreaterThanOrEqual(plan.maxCount);
  const demand = demandAtMax(scenario, plan);
  expect(max * plan.allocatablePerNode.cpuMillis).toBeGreaterThanOrEqual(demand.cpuMillis - 1e-6);
  expect(max * plan.allocatablePerNode.memoryMiB).toBeGreaterThanOrEqual(demand.memoryMiB - 1e-6);
}

describe('exported node groups and the priced node plan', () => {
  it('EKS on EC2: managed node groups add up to the plan and reach the autoscaling maximum', () => {
    let exported = 0;
    fc.assert(
      fc.property(autoscaledArb, (input) => {
        const exportInput = exportableInput(input, 'eks-ec2');
        // A scenario the option refuses is set aside and another drawn (fc.pre): every run checks an export.
        fc.pre(exportInput !== null);
        exported++;
        const files = buildExportBundle(exportInput);
        const [config] = parseYaml11({
          path: 'eksctl.yaml',
          contents: fileAt(files, 'eks/cluster/eksctl.yaml'),
        }) as unknown as [{ managedNodeGroups: { name: string; desiredCapacity: number; maxSize: number }[] }];
        const plans = exportInput.estimate.options.find((o) => o.id === 'eks-ec2')!.nodes!;
        for (const plan of plans) {
          const key = nodeGroupKey(plan);
          const mine = config.managedNodeGroups.filter((g) => g.name === `ng-${key}` || g.name === `ng-${key}-spot`);
          const sum = (f: (g: (typeof mine)[number]) => number) => mine.reduce((n, g) => n + f(g), 0);
          checkGroup(
            exportInput.scenario,
            plan,
            sum((g) => g.desiredCapacity),
            sum((g) => g.maxSize),
          );
        }
      }),
      { numRuns: RUNS },
    );
    expect(exported).toBe(RUNS);
  });

  it('ECS on EC2: Auto Scaling groups add up to the plan and reach the autoscaling maximum', async () => {
    let exported = 0;
    await fc.assert(
      fc.asyncProperty(autoscaledArb, async (input) => {
        const exportInput = exportableInput(input, 'ecs-ec2');
        // A scenario the option refuses is set aside and another drawn (fc.pre): every run checks an export.
        fc.pre(exportInput !== null);
        exported++;
        const parsed = await parseTerraformFiles(buildExportBundle(exportInput));
        const groups = parsed.get('ecs/terraform/main.tf')!.resource.aws_autoscaling_group as Record<
          string,
          { desired_capacity: number; max_size: number }[]
        >;
        const plans = exportInput.estimate.options.find((o) => o.id === 'ecs-ec2')!.nodes!;
        expect(Object.keys(groups)).toHaveLength(plans.length);
        for (const plan of plans) {
          const group = groups[nodeGroupKey(plan).replace(/-/g, '_')]![0]!;
          checkGroup(exportInput.scenario, plan, group.desired_capacity, group.max_size);
        }
      }),
      { numRuns: RUNS },
    );
    expect(exported).toBe(RUNS);
  });

  it('ECS Managed Instances: each group has providers pinned to its type and volume, and its maximum nodes hold the autoscaling maxima', async () => {
    let exported = 0;
    await fc.assert(
      fc.asyncProperty(autoscaledArb, async (input) => {
        const exportInput = exportableInput(input, 'ecs-managed-instances');
        // A scenario the option refuses is set aside and another drawn (fc.pre): every run checks an export.
        fc.pre(exportInput !== null);
        exported++;
        const main = (await parseTerraformFiles(buildExportBundle(exportInput))).get('ecs/terraform/main.tf')!;
        expect(main.resource.aws_autoscaling_group).toBeUndefined();
        const providers = main.resource.aws_ecs_capacity_provider as Record<
          string,
          {
            managed_instances_provider: {
              instance_launch_template: {
                storage_configuration: { storage_size_gib: number }[];
                instance_requirements: { allowed_instance_types: string[] }[];
              }[];
            }[];
          }[]
        >;
        const plans = exportInput.estimate.options.find((o) => o.id === 'ecs-managed-instances')!.nodes!;
        let mine = 0;
        for (const plan of plans) {
          const id = nodeGroupKey(plan).replace(/-/g, '_');
          const own = [providers[id], providers[`${id}_spot`]].filter((p) => p !== undefined);
          expect(own.length).toBeGreaterThan(0);
          mine += own.length;
          for (const [provider] of own) {
            const template = provider!.managed_instances_provider[0]!.instance_launch_template[0]!;
            expect(template.instance_requirements[0]!.allowed_instance_types).toEqual([plan.instanceType]);
            expect(template.storage_configuration[0]!.storage_size_gib).toBe(plan.rootVolumeGiB);
          }
          checkGroup(exportInput.scenario, plan, plan.count, plan.maxCount);
        }
        // No provider outside the plan's groups.
        expect(Object.keys(providers)).toHaveLength(mine);
      }),
      { numRuns: RUNS },
    );
    expect(exported).toBe(RUNS);
  });
});

describe('EKS Auto Mode NodePools and the priced node plan', () => {
  it('pin each group, split it as priced, and allow its autoscaling maximum plus one surge node, no more', () => {
    let exported = 0;
    fc.assert(
      fc.property(autoscaledArb, (input) => {
        // Pods keep the included 20 GiB of storage: the export refuses nodes that need more than the
        // default NodeClass's 80 GiB (eks-auto-mode.test.ts checks that refusal).
        const withinVolume = { ...input, services: input.services.map((s) => ({ ...s, ephemeralStorageGiB: 20 })) };
        const exportInput = exportableInput(withinVolume, 'eks-auto-mode');
        if (!exportInput) return;
        exported++;
        const files = buildExportBundle(exportInput);
        const pools = parseYaml11({ path: 'nodepools.yaml', contents: fileAt(files, 'eks/auto-mode/nodepools.yaml') });
        const plans = exportInput.estimate.options.find((o) => o.id === 'eks-auto-mode')!.nodes!;
        for (const plan of plans) {
          const key = nodeGroupKey(plan);
          const mine = pools.filter(
            (p) => p.metadata.name === `nodes-${key}` || p.metadata.name === `nodes-${key}-spot`,
          );
          expect(mine.length).toBeGreaterThan(0);
          let limitNodes = 0;
          for (const pool of mine) {
            const spec = pool.spec as {
              template: { spec: { requirements: { key: string; values: string[] }[] } };
              limits: { cpu: string; memory: string };
            };
            const values = (key: string) => spec.template.spec.requirements.find((r) => r.key === key)!.values;
            expect(values('node.kubernetes.io/instance-type')).toEqual([plan.instanceType]);
            // The limits admit whole nodes of the one type, CPU and memory alike.
            const nodes = Number(spec.limits.cpu) / plan.vcpu;
            expect(Number.isInteger(nodes)).toBe(true);
            expect(spec.limits.memory).toBe(`${nodes * plan.memoryMiB}Mi`);
            limitNodes += nodes;
            if (values('karpenter.sh/capacity-type')[0] === 'on-demand' && mine.length > 1)
              // The preferred On-Demand pool holds exactly the planned On-Demand nodes.
              expect(nodes).toBe(nodeSplitOf(plan, exportInput.scenario.ec2).onDemand);
          }
          expect(limitNodes).toBe(Math.max(plan.count, plan.maxCount) + 1);
          checkGroup(exportInput.scenario, plan, plan.count, limitNodes - 1);
        }
      }),
      { numRuns: RUNS },
    );
    expect(exported).toBeGreaterThan(RUNS / 3);
  });
});
