/**
 * For random valid scenarios with an EC2 Spot share: the On-Demand and Spot nodes each exported
 * node group launches add up to the priced plan, and the bill's On-Demand and Spot instance-hours
 * are those nodes' hours. The split is read back from the files and worked out here by EC2 Auto
 * Scaling's own rule (On-Demand = the whole On-Demand percentage of the nodes, a fraction rounded
 * up), independently of the engine's spot-split.ts.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { exportScenarioArb } from '../testing/arbitraries.ts';
import { buildExportBundle } from './build-export-bundle.ts';
import { exportableInput, fileAt } from './testing/export-fixtures.ts';
import { parseYaml11 } from './testing/parse-yaml.ts';
import { parseTerraformFiles } from './testing/parse-terraform.ts';
import { nodeGroupKey } from './export-context.ts';
import type { NodePlan, OptionEstimate } from '../cost/estimate-types.ts';
import type { ScenarioInput } from '../scenario/scenario-schema.ts';

const RUNS = Number(process.env.EXPORT_PROPERTY_RUNS ?? 15);

/** Linux scenarios (EC2 prices Linux only), without variables, with a Spot share of 1-100%. */
const spotArb: fc.Arbitrary<ScenarioInput> = fc
  .tuple(exportScenarioArb, fc.integer({ min: 1, max: 100 }))
  .map(([scenario, spotPercent]) => ({
    ...scenario,
    ec2: { ...scenario.ec2, spotPercent },
    services: scenario.services.map(({ environment: _e, secrets: _s, ...rest }) => ({ ...rest, os: 'linux' as const })),
  }));

/**
 * EC2 Auto Scaling's rule, from the EC2 Auto Scaling User Guide: On-Demand = ceil(nodes x percent
 * / 100), both whole numbers (a whole multiple of 100 divides exactly, so the ceiling is exact).
 */
const autoScalingOnDemand = (nodes: number, onDemandPercent: number) => Math.ceil((nodes * onDemandPercent) / 100);

/**
 * The bill's instance-hours per plan, in plan order: each plan has its On-Demand line (if any
 * On-Demand hours), then its Spot line (if any Spot hours).
 */
function hoursPerPlan(option: OptionEstimate): { onDemand: number; spot: number }[] {
  const lines = option.lines.filter((l) => l.kind === 'ec2-instance' || l.kind === 'ec2-spot-instance');
  let at = 0;
  return option.nodes!.map((plan) => {
    const take = (kind: string, component: string) => {
      const line = lines[at];
      if (line && line.kind === kind && line.component.startsWith(`EC2 ${plan.instanceType} ${component}`)) {
        at++;
        return line.quantity;
      }
      return 0;
    };
    return { onDemand: take('ec2-instance', 'On-Demand'), spot: take('ec2-spot-instance', 'Spot') };
  });
}

function checkBill(plan: NodePlan, hours: { onDemand: number; spot: number }, onDemand: number, spot: number) {
  expect(onDemand + spot).toBe(plan.count);
  const perNode = plan.hoursPerMonth + plan.scaleDownDelayHours;
  expect(hours.onDemand).toBeCloseTo(onDemand * perNode, 6);
  expect(hours.spot).toBeCloseTo(spot * perNode, 6);
  expect(hours.onDemand + hours.spot).toBeCloseTo(plan.nodeHours, 6);
}

describe('the EC2 Spot split: exported nodes = priced nodes', () => {
  it('EKS on EC2: the On-Demand and Spot managed node groups hold the nodes the bill prices of each kind', () => {
    let split = 0;
    fc.assert(
      fc.property(spotArb, (input) => {
        const exportInput = exportableInput(input, 'eks-ec2');
        if (!exportInput) return;
        const option = exportInput.estimate.options.find((o) => o.id === 'eks-ec2')!;
        const [config] = parseYaml11({
          path: 'eksctl.yaml',
          contents: fileAt(buildExportBundle(exportInput), 'eks/cluster/eksctl.yaml'),
        }) as unknown as [{ managedNodeGroups: { name: string; desiredCapacity: number; spot?: boolean }[] }];
        const hours = hoursPerPlan(option);
        const { spotPercent } = exportInput.scenario.ec2;
        option.nodes!.forEach((plan, i) => {
          const key = nodeGroupKey(plan);
          const onDemand = config.managedNodeGroups.find((g) => g.name === `ng-${key}`);
          const spot = config.managedNodeGroups.find((g) => g.name === `ng-${key}-spot`);
          expect(onDemand?.spot).toBeUndefined();
          if (spot) expect(spot.spot).toBe(true);
          const onDemandNodes = onDemand?.desiredCapacity ?? 0;
          const spotNodes = spot?.desiredCapacity ?? 0;
          checkBill(plan, hours[i]!, onDemandNodes, spotNodes);
          // The same split Auto Scaling would make of the plan's nodes at the scenario's share.
          if (spotNodes > 0 || hours[i]!.spot > 0) {
            expect(onDemandNodes).toBe(autoScalingOnDemand(plan.count, Math.round(100 - spotPercent)));
            split++;
          }
        });
      }),
      { numRuns: RUNS },
    );
    // A property that never met a split group would check nothing.
    expect(split).toBeGreaterThan(0);
  });

  it('ECS on EC2: what each Auto Scaling group launches at its desired capacity is what the bill prices', async () => {
    let split = 0;
    await fc.assert(
      fc.asyncProperty(spotArb, async (input) => {
        const exportInput = exportableInput(input, 'ecs-ec2');
        if (!exportInput) return;
        const option = exportInput.estimate.options.find((o) => o.id === 'ecs-ec2')!;
        const main = (await parseTerraformFiles(buildExportBundle(exportInput))).get('ecs/terraform/main.tf')!;
        const groups = main.resource.aws_autoscaling_group as Record<
          string,
          {
            desired_capacity: number;
            mixed_instances_policy?: {
              instances_distribution: {
                on_demand_base_capacity: number;
                on_demand_percentage_above_base_capacity: number;
              }[];
            }[];
          }[]
        >;
        const hours = hoursPerPlan(option);
        option.nodes!.forEach((plan, i) => {
          const group = groups[nodeGroupKey(plan).replace(/-/g, '_')]![0]!;
          const distribution = group.mixed_instances_policy?.[0]!.instances_distribution[0];
          const desired = group.desired_capacity;
          const onDemand =
            distribution === undefined
              ? desired
              : distribution.on_demand_base_capacity +
                autoScalingOnDemand(
                  desired - distribution.on_demand_base_capacity,
                  distribution.on_demand_percentage_above_base_capacity,
                );
          checkBill(plan, hours[i]!, onDemand, desired - onDemand);
          if (desired - onDemand > 0) split++;
        });
      }),
      { numRuns: RUNS },
    );
    expect(split).toBeGreaterThan(0);
  });
});
