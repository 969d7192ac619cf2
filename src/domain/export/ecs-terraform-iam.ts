/**
 * IAM for ECS: the task execution role (image pulls, logs, secrets) and one task role per service.
 */
import { attr, blank, block, call, expr, template, type HclBodyItem, type HclValue } from './hcl-writer.ts';
import type { ExportContext } from './export-context.ts';

const assumeByEcsTasks = call('jsonencode', {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Principal: { Service: 'ecs-tasks.amazonaws.com' }, Action: 'sts:AssumeRole' }],
});

/**
 * Secrets are read by the execution role at container start, so the permissions go there, not on
 * the task role; the managed policy covers ECR and logs only (export-rules A1, A5).
 */
function secretsPolicy(context: ExportContext): HclValue | null {
  const secrets = context.services.flatMap((s) => s.secrets);
  const managerArns = [
    ...new Set(secrets.filter((s) => s.service === 'secretsmanager').flatMap((s) => s.iamResources)),
  ];
  const parameterArns = [...new Set(secrets.filter((s) => s.service === 'ssm').flatMap((s) => s.iamResources))];
  const statements: HclValue[] = [];
  if (managerArns.length > 0)
    statements.push({ Effect: 'Allow', Action: ['secretsmanager:GetSecretValue'], Resource: managerArns });
  if (parameterArns.length > 0)
    statements.push({ Effect: 'Allow', Action: ['ssm:GetParameters'], Resource: parameterArns });
  return statements.length === 0 ? null : call('jsonencode', { Version: '2012-10-17', Statement: statements });
}

export function iamSection(context: ExportContext): HclBodyItem[] {
  const items: HclBodyItem[] = [
    block(
      'resource',
      ['aws_iam_role', 'execution'],
      [attr('name', template(expr('var.cluster_name'), '-execution')), attr('assume_role_policy', assumeByEcsTasks)],
    ),
    blank(),
    block(
      'resource',
      ['aws_iam_role_policy_attachment', 'execution'],
      [
        attr('role', expr('aws_iam_role.execution.name')),
        attr('policy_arn', 'arn:aws:iam::aws:policy/service-role/AmazonECSTaskExecutionRolePolicy'),
      ],
    ),
    blank(),
  ];
  const policy = secretsPolicy(context);
  if (policy) {
    items.push(
      block(
        'resource',
        ['aws_iam_role_policy', 'execution_secrets'],
        [attr('name', 'read-secrets'), attr('role', expr('aws_iam_role.execution.id')), attr('policy', policy)],
      ),
      blank(),
    );
  }
  for (const plan of context.services) {
    items.push(
      block(
        'resource',
        ['aws_iam_role', `${plan.id}_task`],
        [
          attr('name', template(expr('var.cluster_name'), `-${plan.name}`)),
          attr('assume_role_policy', assumeByEcsTasks),
        ],
      ),
      blank(),
    );
  }
  return items;
}
