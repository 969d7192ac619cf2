/**
 * How a node group of ECS on EC2 or EKS on EC2 splits into On-Demand and Spot nodes: one rule,
 * read by the bill (which prices the nodes of each kind) and by the exports (which deploy them),
 * so the nodes priced are the nodes deployed (docs/pricing-rules.md, "EC2 Spot split").
 *
 * The rule is EC2 Auto Scaling's: the ECS export writes the Spot share as a mixed instances
 * policy (`on_demand_base_capacity = 0`, `on_demand_percentage_above_base_capacity`, a whole
 * percent), and "Amazon EC2 Auto Scaling converts the percentage to the equivalent number of
 * instances. If the result creates a fractional number, Amazon EC2 Auto Scaling rounds up to the
 * next integer in favor of On-Demand Instances" (EC2 Auto Scaling User Guide, "Auto Scaling groups
 * with multiple instance types and purchase options", Controlling the proportion of On-Demand
 * instances). The EKS export writes the same counts as an On-Demand and a Spot managed node group.
 */
import type { Scenario } from '../scenario/scenario-schema.ts';
import { ceilWhole } from '../numeric/float-tolerance.ts';
import type { NodePlan } from './estimate-types.ts';

export interface NodeSplit {
  onDemand: number;
  spot: number;
}

/**
 * Whether the bill has a Spot price for the group's type: the scenario's discount, or the Spot
 * Instance Advisor's savings for the type. Without one the group is priced, and deployed, On-Demand.
 */
export function spotPricedFor(plan: Pick<NodePlan, 'spotSavingsPercent'>, ec2: Scenario['ec2']): boolean {
  return ec2.spotDiscountPercent !== undefined || plan.spotSavingsPercent !== null;
}

/**
 * The group's Spot share as the whole percent the export writes: 100 - the On-Demand percentage
 * (an integer in the Auto Scaling API), 0 when the type has no Spot price.
 */
export function groupSpotPercent(plan: Pick<NodePlan, 'spotSavingsPercent'>, ec2: Scenario['ec2']): number {
  if (ec2.spotPercent <= 0 || !spotPricedFor(plan, ec2)) return 0;
  return 100 - Math.round(100 - ec2.spotPercent);
}

/** `nodes` split by the Auto Scaling rule: On-Demand = ceil(nodes x On-Demand percent / 100), Spot the rest. */
export function splitNodes(nodes: number, spotPercent: number): NodeSplit {
  if (spotPercent <= 0 || nodes <= 0) return { onDemand: Math.max(0, nodes), spot: 0 };
  // Never -0 (ceil of a tiny negative), which YAML and HCL would write as "-0".
  const onDemand = Math.max(0, Math.min(nodes, ceilWhole((nodes * (100 - spotPercent)) / 100)));
  return { onDemand, spot: nodes - onDemand };
}

/** The group's planned nodes (`count`) split as the bill prices them and the export deploys them. */
export function nodeSplitOf(plan: Pick<NodePlan, 'count' | 'spotSavingsPercent'>, ec2: Scenario['ec2']): NodeSplit {
  return splitNodes(plan.count, groupSpotPercent(plan, ec2));
}
