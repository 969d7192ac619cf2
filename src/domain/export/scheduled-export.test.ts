/**
 * The export of schedules, read back from the files: a 12-task nightly cron job, a weekday window
 * past midnight with autoscaling, an always-on autoscaled API, and Spot (SCHEDULED_SCENARIO).
 */
import { describe, expect, it } from 'vitest';
import { bundleFor, contextFor, fileAt, SCHEDULED_SCENARIO } from './testing/export-fixtures.ts';
import { parseTerraformFiles, type TerraformJson } from './testing/parse-terraform.ts';
import { parseYaml11, type Manifest } from './testing/parse-yaml.ts';
import { validateKubernetesObject } from './testing/kubernetes-validators.ts';
import { checkManifest } from './testing/manifest-shapes.ts';
import type { OptionId } from '../cost/estimate-types.ts';
import { RUN_MINUTES_TAG } from './ecs-terraform-schedule.ts';

async function mainOf(optionId: OptionId): Promise<TerraformJson> {
  const parsed = await parseTerraformFiles(bundleFor(SCHEDULED_SCENARIO, optionId));
  return parsed.get('ecs/terraform/main.tf')!;
}

function manifestsOf(optionId: OptionId): Manifest[] {
  return bundleFor(SCHEDULED_SCENARIO, optionId)
    .filter((f) => f.path.startsWith('eks/manifests/') && !f.path.endsWith('kustomization.yaml'))
    .flatMap((f) => parseYaml11(f));
}

describe.each<OptionId>(['ecs-fargate', 'ecs-ec2'])('%s', (optionId) => {
  it('runs the cron job from EventBridge Scheduler, 10 tasks per schedule at most, with no ECS service', async () => {
    const main = await mainOf(optionId);
    expect(main.resource.aws_ecs_service.nightly_report).toBeUndefined();
    expect(main.resource.aws_lb?.nightly_report).toBeUndefined();
    const schedules = main.resource.aws_scheduler_schedule;
    expect(Object.keys(schedules).sort()).toEqual(['nightly_report_1', 'nightly_report_2']);
    const counts = ['nightly_report_1', 'nightly_report_2'].map((id) => {
      const schedule = schedules[id][0];
      expect(schedule.schedule_expression).toBe('cron(30 2 * * ? *)');
      expect(schedule.schedule_expression_timezone).toBe('UTC');
      expect(schedule.flexible_time_window).toEqual([{ mode: 'OFF' }]);
      const target = schedule.target[0];
      expect(target.arn).toBe('${aws_ecs_cluster.main.arn}');
      expect(target.role_arn).toBe('${aws_iam_role.scheduler.arn}');
      expect(target.retry_policy).toEqual([{ maximum_retry_attempts: 0 }]);
      const ecs = target.ecs_parameters[0];
      expect(ecs.task_definition_arn).toBe('${aws_ecs_task_definition.nightly_report.arn}');
      // ECS has no run deadline: the priced run time travels as a tag on the tasks.
      expect(ecs.tags).toEqual({ [RUN_MINUTES_TAG]: '45' });
      const strategy = ecs.capacity_provider_strategy.map((s: { capacity_provider: string; weight: number }) => [
        s.capacity_provider,
        s.weight,
      ]);
      if (optionId === 'ecs-fargate')
        expect(strategy).toEqual([
          ['FARGATE', 60],
          ['FARGATE_SPOT', 40],
        ]);
      else expect(strategy).toHaveLength(1);
      expect(ecs.network_configuration[0].subnets).toBe('${var.private_subnet_ids}');
      return ecs.task_count;
    });
    expect(counts).toEqual([10, 2]);
    const policy = JSON.stringify(main.resource.aws_iam_role_policy.scheduler_run_task[0].policy);
    expect(policy).toContain('ecs:RunTask');
    expect(policy).toContain('iam:PassRole');
  });

  it('opens and closes the weekly window with scheduled actions on the scalable target', async () => {
    const main = await mainOf(optionId);
    expect(main.resource.aws_ecs_service.night_shift[0].lifecycle).toEqual([{ ignore_changes: ['${desired_count}'] }]);
    const target = main.resource.aws_appautoscaling_target.night_shift[0];
    expect([target.min_capacity, target.max_capacity]).toEqual([2, 6]);
    expect(target.lifecycle[0].ignore_changes).toEqual(['${min_capacity}', '${max_capacity}']);
    const actions = main.resource.aws_appautoscaling_scheduled_action;
    const start = actions.night_shift_window_start[0];
    const end = actions.night_shift_window_end[0];
    // 22:00-06:00 on weekdays: it opens Monday to Friday and closes Tuesday to Saturday mornings.
    expect(start.schedule).toBe('cron(0 22 ? * MON-FRI *)');
    expect(end.schedule).toBe('cron(0 6 ? * TUE-SAT *)');
    expect([start.timezone, end.timezone]).toEqual(['UTC', 'UTC']);
    expect(start.scalable_target_action).toEqual([{ min_capacity: 2, max_capacity: 6 }]);
    expect(end.scalable_target_action).toEqual([{ min_capacity: 0, max_capacity: 0 }]);
    expect(start.resource_id).toBe('${aws_appautoscaling_target.night_shift.resource_id}');
    // CPU target tracking works inside the window as for any autoscaled service.
    expect(main.resource.aws_appautoscaling_policy.night_shift_cpu[0].policy_type).toBe('TargetTrackingScaling');
  });

  it('keeps the always-on API an autoscaled service behind its load balancer', async () => {
    const main = await mainOf(optionId);
    expect(main.resource.aws_ecs_service.api[0].load_balancer).toHaveLength(1);
    const target = main.resource.aws_appautoscaling_target.api[0];
    expect([target.min_capacity, target.max_capacity]).toEqual([2, 20]);
    expect(target.lifecycle).toBeUndefined();
    expect(main.resource.aws_appautoscaling_scheduled_action.api_window_start).toBeUndefined();
  });
});

describe.each<OptionId>(['eks-fargate', 'eks-ec2'])('%s', (optionId) => {
  const manifests = manifestsOf(optionId);
  const find = (kind: string, name: string) => manifests.find((m) => m.kind === kind && m.metadata.name === name);

  it('passes the schema and shape checks', () => {
    for (const manifest of manifests) {
      expect(checkManifest(manifest)).toEqual([]);
      if (manifest.kind === 'CronJob') validateKubernetesObject(manifest);
    }
  });

  it('runs the cron job as a CronJob that never overlaps and stops after runMinutes', () => {
    expect(find('Deployment', 'nightly-report')).toBeUndefined();
    expect(find('PodDisruptionBudget', 'nightly-report')).toBeUndefined();
    const job = find('CronJob', 'nightly-report')!;
    const spec = job.spec as { jobTemplate: { spec: Record<string, unknown> } };
    expect(spec).toMatchObject({ schedule: '30 2 * * *', timeZone: 'Etc/UTC', concurrencyPolicy: 'Forbid' });
    expect(spec.jobTemplate.spec).toMatchObject({
      parallelism: 12,
      completions: 12,
      activeDeadlineSeconds: 45 * 60,
      backoffLimit: 0,
    });
  });

  it('scales the weekly service with one KEDA ScaledObject carrying the window and the CPU target, and no HPA', () => {
    expect(find('HorizontalPodAutoscaler', 'night-shift')).toBeUndefined();
    expect(find('Deployment', 'night-shift')!.spec).not.toHaveProperty('replicas');
    const scaled = find('ScaledObject', 'night-shift')!;
    expect(scaled.spec).toEqual({
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'night-shift' },
      minReplicaCount: 0,
      maxReplicaCount: 6,
      cooldownPeriod: 300,
      triggers: [
        {
          type: 'cron',
          metadata: { timezone: 'Etc/UTC', start: '0 22 * * 1-5', end: '0 6 * * 2-6', desiredReplicas: '2' },
        },
        { type: 'cpu', metricType: 'Utilization', metadata: { value: '60' } },
      ],
    });
    // The API keeps its own HPA: one scaler per workload.
    expect(find('HorizontalPodAutoscaler', 'api')).toBeDefined();
    expect(find('ScaledObject', 'api')).toBeUndefined();
  });
});

describe('eks-ec2 node groups', () => {
  const manifests = manifestsOf('eks-ec2');
  const find = (kind: string, name: string) => manifests.find((m) => m.kind === kind && m.metadata.name === name);

  it('puts part-month pods only on their own tainted node group', () => {
    const context = contextFor(SCHEDULED_SCENARIO, 'eks-ec2');
    const config = parseYaml11({
      path: 'eksctl.yaml',
      contents: fileAt(bundleFor(SCHEDULED_SCENARIO, 'eks-ec2'), 'eks/cluster/eksctl.yaml'),
    })[0] as unknown as {
      managedNodeGroups: {
        name: string;
        labels: Record<string, string>;
        taints?: { key: string; value: string }[];
      }[];
    };
    for (const plan of context.services) {
      const group = plan.nodeGroup!;
      const pod =
        plan.schedule?.kind === 'cron'
          ? (
              find('CronJob', plan.name)!.spec as {
                jobTemplate: { spec: { template: { spec: Record<string, unknown> } } };
              }
            ).jobTemplate.spec.template.spec
          : (find('Deployment', plan.name)!.spec as { template: { spec: Record<string, unknown> } }).template.spec;
      expect((pod.nodeSelector as Record<string, string>)['cost-calculator/node-group']).toBe(group.key);
      const groups = config.managedNodeGroups.filter((g) => g.labels['cost-calculator/node-group'] === group.key);
      expect(groups.length).toBeGreaterThan(0);
      if (group.plan.fullMonth) {
        expect(pod.tolerations).toBeUndefined();
        for (const g of groups) expect(g.taints).toBeUndefined();
      } else {
        expect(pod.tolerations).toEqual([
          { key: 'cost-calculator/part-time', operator: 'Equal', value: group.key, effect: 'NoSchedule' },
        ]);
        for (const g of groups)
          expect(g.taints).toEqual([{ key: 'cost-calculator/part-time', value: group.key, effect: 'NoSchedule' }]);
      }
    }
    // The cron job runs only part of the month, so its group is a part-month one.
    expect(context.services.find((p) => p.name === 'nightly-report')!.nodeGroup!.plan.fullMonth).toBe(false);
  });
});

describe('refusals', () => {
  it('a cron job cannot be public or autoscaled', () => {
    expect(() =>
      bundleFor(
        {
          version: 2,
          region: 'us-east-1',
          services: [
            {
              name: 'job',
              vcpu: 1,
              memoryGiB: 2,
              replicas: 1,
              public: true,
              autoscaling: { min: 1, max: 2 },
              schedule: { cron: '0 * * * *', runMinutes: 10 },
            },
          ],
        },
        'ecs-fargate',
      ),
    ).toThrow(
      /services\[0\]\.public: a cron job runs and exits[\s\S]*services\[0\]\.autoscaling: a cron job starts replicas/,
    );
  });
});

describe('services with no whole replica in a part-month group', () => {
  // A batch that runs weekday mornings with 0 replicas on average: its group has no node to
  // price, but it keeps a node group to land on (it used to be left out, and the export refused).
  const scenario = (autoscaling?: { min: number; max: number }) => ({
    version: 2 as const,
    region: 'us-east-1',
    services: [
      { name: 'api', vcpu: 0.5, memoryGiB: 1, replicas: 2 },
      {
        name: 'batch',
        vcpu: 1,
        memoryGiB: 2,
        replicas: 0,
        schedule: {
          weekly: {
            days: ['mon' as const, 'tue' as const, 'wed' as const, 'thu' as const, 'fri' as const],
            start: '09:00',
            end: '13:00',
          },
        },
        ...(autoscaling ? { autoscaling } : {}),
      },
    ],
  });

  it.each<OptionId>(['ecs-ec2', 'eks-ec2'])('%s places them on an empty group of their own', (optionId) => {
    for (const autoscaling of [undefined, { min: 0, max: 3 }]) {
      const context = contextFor(scenario(autoscaling), optionId);
      const batch = context.services.find((p) => p.name === 'batch')!;
      expect(batch.nodeGroup!.plan).toMatchObject({ count: 0, nodeHours: 0, fullMonth: false, services: ['batch'] });
      // The type is the cheapest node-hour that holds one batch replica (1 vCPU, 2 GiB): one a
      // node, so three at the autoscaling maximum.
      expect(batch.nodeGroup!.plan.maxCount).toBe(autoscaling ? 3 : 0);
      expect(batch.nodeGroup!.plan.instanceType).toBe(optionId === 'ecs-ec2' ? 'm7a.medium' : 'c6a.large');
      expect(bundleFor(scenario(autoscaling), optionId).length).toBeGreaterThan(0);
    }
  });
});

it('turns Container Insights off, as the estimate does not price it', async () => {
  for (const optionId of ['ecs-fargate', 'ecs-ec2'] as const) {
    const main = await mainOf(optionId);
    expect(main.resource.aws_ecs_cluster.main[0].setting).toEqual([{ name: 'containerInsights', value: 'disabled' }]);
  }
});

describe('eks-ec2 node autoscaler', () => {
  const files = bundleFor(SCHEDULED_SCENARIO, 'eks-ec2');
  const context = contextFor(SCHEDULED_SCENARIO, 'eks-ec2');
  const objects = parseYaml11({
    path: 'cluster-autoscaler.yaml',
    contents: fileAt(files, 'eks/cluster-autoscaler/cluster-autoscaler.yaml'),
  });
  const config = parseYaml11({
    path: 'eksctl.yaml',
    contents: fileAt(files, 'eks/cluster/eksctl.yaml'),
  })[0] as unknown as {
    iam: { serviceAccounts: { metadata: { name: string; namespace: string }; wellKnownPolicies?: unknown }[] };
    managedNodeGroups: {
      name: string;
      minSize: number;
      desiredCapacity: number;
      maxSize: number;
      tags: Record<string, string>;
      propagateASGTags: boolean;
      labels: Record<string, string>;
    }[];
  };

  it('installs Cluster Autoscaler with its RBAC, valid against the Kubernetes schemas', () => {
    expect(objects.map((o) => o.kind)).toEqual([
      'ClusterRole',
      'Role',
      'ClusterRoleBinding',
      'RoleBinding',
      'Deployment',
    ]);
    for (const object of objects) {
      expect(checkManifest(object)).toEqual([]);
      validateKubernetesObject(object);
    }
    // Its IRSA role is eksctl's well-known autoscaler policy, on the service account the Deployment uses.
    expect(config.iam.serviceAccounts).toContainEqual({
      metadata: { name: 'cluster-autoscaler', namespace: 'kube-system' },
      wellKnownPolicies: { autoScaler: true },
    });
  });

  it('runs with the priced requests and scale-down delay, on the all-month group the plan counts it on', () => {
    const deployment = objects.find((o) => o.kind === 'Deployment')!;
    const pod = (deployment.spec as { template: { spec: Record<string, unknown> } }).template.spec as {
      serviceAccountName: string;
      nodeSelector: Record<string, string>;
      containers: { args: string[]; resources: unknown }[];
    };
    expect(pod.serviceAccountName).toBe('cluster-autoscaler');
    const [container] = pod.containers;
    expect(container!.resources).toEqual({
      requests: { cpu: '100m', memory: '600Mi' },
      limits: { cpu: '100m', memory: '600Mi' },
    });
    expect(container!.args).toContain('--scale-down-unneeded-time=10m');
    expect(container!.args).toContain(
      '--node-group-auto-discovery=asg:tag=k8s.io/cluster-autoscaler/enabled,k8s.io/cluster-autoscaler/app-cluster',
    );
    const home = context.nodeGroups.find((g) => g.plan.layout.some((l) => l.replicas['cluster-autoscaler']))!;
    expect(home.plan.fullMonth).toBe(true);
    expect(pod.nodeSelector['cost-calculator/node-group']).toBe(home.key);
  });

  it('tags every node group for auto-discovery and sizes it min..max as priced', () => {
    for (const group of context.nodeGroups) {
      const mine = config.managedNodeGroups.filter((g) => g.labels['cost-calculator/node-group'] === group.key);
      expect(mine.length).toBeGreaterThan(0);
      for (const g of mine) {
        expect(g.tags).toEqual({
          'k8s.io/cluster-autoscaler/enabled': 'true',
          'k8s.io/cluster-autoscaler/app-cluster': 'owned',
        });
        expect(g.propagateASGTags).toBe(true);
        if (!group.plan.fullMonth) expect(g.minSize).toBe(0);
      }
      expect(mine.reduce((n, g) => n + g.desiredCapacity, 0)).toBe(group.plan.count);
      expect(mine.reduce((n, g) => n + g.maxSize, 0)).toBeGreaterThanOrEqual(group.plan.maxCount);
    }
  });

  it('prices part-time groups for their runs plus the 10-minute scale-down delay after each', () => {
    const nightly = context.services.find((p) => p.name === 'nightly-report')!.nodeGroup!.plan;
    // 30 2 * * *: one run a day, 730 / 24 runs in a 730-hour month.
    const runs = 730 / 24;
    expect(nightly.scaleDownDelayHours).toBeCloseTo((runs * 10) / 60, 6);
    expect(nightly.nodeHours).toBeCloseTo(nightly.count * (nightly.hoursPerMonth + nightly.scaleDownDelayHours), 9);
    const readme = fileAt(files, 'README.md');
    expect(readme).toContain('kubectl apply -f eks/cluster-autoscaler/cluster-autoscaler.yaml');
    expect(readme).toMatch(/removes a node 10 minutes after it is no longer needed/);
  });
});

it('ecs-ec2: capacity providers scale with managed scaling, part-time groups from 0, with the priced Spot share', async () => {
  const main = await mainOf('ecs-ec2');
  const context = contextFor(SCHEDULED_SCENARIO, 'ecs-ec2');
  for (const group of context.nodeGroups) {
    const id = group.key.replace(/-/g, '_');
    const provider = main.resource.aws_ecs_capacity_provider[id][0].auto_scaling_group_provider[0];
    expect(provider.managed_scaling[0]).toMatchObject({ status: 'ENABLED', target_capacity: 100 });
    const asg = main.resource.aws_autoscaling_group[id][0];
    expect(asg.desired_capacity).toBe(group.plan.count);
    expect(asg.max_size).toBeGreaterThanOrEqual(group.plan.maxCount);
    if (!group.plan.fullMonth) expect(asg.min_size).toBe(0);
    // 50% of node-hours are priced at Spot: half of the group above a base of 0 is On-Demand.
    expect(asg.mixed_instances_policy[0].instances_distribution[0]).toMatchObject({
      on_demand_base_capacity: 0,
      on_demand_percentage_above_base_capacity: 50,
    });
  }
});
