/**
 * The ECS Terraform: ecs/terraform/{versions,variables,main,outputs}.tf.
 */
import { attr, blank, block, comment, expr, renderHclFile, type HclBodyItem } from './hcl-writer.ts';
import type { ExportContext } from './export-context.ts';
import type { PlannedLoadBalancer } from '../cost/load-balancer-plan.ts';
import type { ExportFile } from './export-file.ts';
import { awsProviderVersionOf, versionsTf, variablesTf } from './ecs-terraform-settings.ts';
import { clusterSection, CLUSTER_REF, isManagedInstances } from './ecs-terraform-cluster.ts';
import { managedInstancesSection } from './ecs-terraform-managed-instances.ts';
import { iamSection } from './ecs-terraform-iam.ts';
import { albId, loadBalancersSection, securityGroupSection } from './ecs-terraform-network.ts';
import { containerLocals, serviceSection } from './ecs-terraform-service.ts';
import { schedulerRoleSection } from './ecs-terraform-schedule.ts';

export const ECS_TERRAFORM_DIR = 'ecs/terraform';

function mainTf(context: ExportContext): string {
  const items: HclBodyItem[] = [
    comment(
      `${context.option.label}: ${context.services.length} service${context.services.length === 1 ? '' : 's'} in ${context.scenario.region}, generated from scenario.json.`,
    ),
    block('provider', ['aws'], [attr('region', expr('var.aws_region'))]),
    blank(),
    ...clusterSection(context, isManagedInstances(context) ? managedInstancesSection(context) : []),
    ...iamSection(context),
    ...schedulerRoleSection(context),
    ...securityGroupSection(context),
    ...loadBalancersSection(context),
    ...containerLocals(context),
  ];
  for (const plan of context.services) items.push(...serviceSection(context, plan));
  while (items.at(-1)?.kind === 'blank') items.pop();
  return renderHclFile(items);
}

/** What an ALB serves, for its DNS output: which hosts to point at it. */
export function loadBalancerRole(lb: PlannedLoadBalancer): string {
  if (lb.spare) return `Spare ALB ${lb.number} (extras.loadBalancers): its HTTP listener answers 404.`;
  const hosts = lb.hostRules.map((r) => r.host);
  const rest = lb.defaultService === null ? 'other requests get 404' : `other requests go to ${lb.defaultService}`;
  return hosts.length > 0
    ? `ALB ${lb.number}: point ${hosts.join(', ')} here (CNAME or alias record); ${rest}.`
    : `ALB ${lb.number}: point DNS for ${lb.defaultService} here.`;
}

function outputsTf(context: ExportContext): string {
  const items: HclBodyItem[] = [
    block('output', ['cluster_name'], [attr('value', expr(`${CLUSTER_REF}.name`))]),
    blank(),
    block('output', ['cluster_arn'], [attr('value', expr(`${CLUSTER_REF}.arn`))]),
  ];
  for (const plan of context.services) {
    items.push(
      blank(),
      block(
        'output',
        [`${plan.id}_task_definition_arn`],
        [attr('value', expr(`aws_ecs_task_definition.${plan.id}.arn`))],
      ),
    );
  }
  for (const lb of context.loadBalancers.loadBalancers) {
    items.push(
      blank(),
      block(
        'output',
        [`${albId(lb)}_dns_name`],
        [attr('description', loadBalancerRole(lb)), attr('value', expr(`aws_lb.${albId(lb)}.dns_name`))],
      ),
    );
  }
  return renderHclFile(items);
}

export function ecsTerraformFiles(context: ExportContext): ExportFile[] {
  return [
    { path: `${ECS_TERRAFORM_DIR}/versions.tf`, contents: versionsTf(awsProviderVersionOf(context)) },
    { path: `${ECS_TERRAFORM_DIR}/variables.tf`, contents: variablesTf(context) },
    { path: `${ECS_TERRAFORM_DIR}/main.tf`, contents: mainTf(context) },
    { path: `${ECS_TERRAFORM_DIR}/outputs.tf`, contents: outputsTf(context) },
  ];
}
