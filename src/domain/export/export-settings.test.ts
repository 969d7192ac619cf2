/** Settings the estimate prices must reach the exported files, or the deployment differs from the bill. */
import { describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parse as parseHcl } from '@cdktf/hcl2json';
import { BATCH_SCENARIO, bundleFor, fileAt } from './testing/export-fixtures.ts';
import type { ScenarioInput } from '../scenario/scenario-schema.ts';

const withStorage: ScenarioInput = {
  version: 2,
  region: 'us-east-1',
  services: [
    { name: 'worker', vcpu: 1, memoryGiB: 2, replicas: 2, ephemeralStorageGiB: 60, image: 'example/worker:1' },
  ],
};

describe('ephemeral storage beyond the included 20 GiB', () => {
  it('is set on ECS Fargate task definitions, in JSON and in Terraform', async () => {
    const files = bundleFor(withStorage, 'ecs-fargate');
    expect(JSON.parse(fileAt(files, 'ecs/task-definitions/worker.json')).ephemeralStorage).toEqual({ sizeInGiB: 60 });
    const main = await parseHcl('main.tf', fileAt(files, 'ecs/terraform/main.tf'));
    expect(main.resource.aws_ecs_task_definition.worker[0].ephemeral_storage).toEqual([{ size_in_gib: 60 }]);
  });

  it('is requested by EKS Fargate pods, which Fargate provisions from the request', () => {
    const deployment = parseYaml(fileAt(bundleFor(withStorage, 'eks-fargate'), 'eks/manifests/worker/deployment.yaml'));
    const resources = deployment.spec.template.spec.containers[0].resources;
    expect(resources.requests['ephemeral-storage']).toBe('60Gi');
    expect(resources.limits['ephemeral-storage']).toBe('60Gi');
  });

  it('is left to the node disk on EC2 options, where it is not billed per task', () => {
    const files = bundleFor(withStorage, 'ecs-ec2');
    expect(JSON.parse(fileAt(files, 'ecs/task-definitions/worker.json')).ephemeralStorage).toBeUndefined();
  });
});

describe('prefix delegation', () => {
  const scenario: ScenarioInput = {
    version: 2,
    region: 'us-east-1',
    services: [{ name: 'tiny', vcpu: 0.02, memoryGiB: 0.05, replicas: 100 }],
    ec2: { prefixDelegation: true, instanceTypes: ['m5.large'] },
  };

  it('turns it on in the VPC CNI add-on and sets the max pods the estimate packed against', () => {
    const config = parseYaml(fileAt(bundleFor(scenario, 'eks-ec2'), 'eks/cluster/eksctl.yaml'));
    // The default add-ons are off (eksctl would add an unpriced metrics-server), so the three
    // networking ones are listed, the VPC CNI with prefix delegation.
    expect(config.addonsConfig).toEqual({ disableDefaultAddons: true });
    expect(config.addons).toEqual([
      { name: 'vpc-cni', configurationValues: expect.any(String) },
      { name: 'kube-proxy' },
      { name: 'coredns' },
    ]);
    expect(JSON.parse(config.addons[0].configurationValues)).toMatchObject({
      env: { ENABLE_PREFIX_DELEGATION: 'true' },
    });
    expect(config.managedNodeGroups[0].maxPodsPerNode).toBe(110);
  });

  it('leaves the VPC CNI add-on at its defaults without it', () => {
    const config = parseYaml(
      fileAt(bundleFor({ ...scenario, ec2: { instanceTypes: ['m5.large'] } }, 'eks-ec2'), 'eks/cluster/eksctl.yaml'),
    );
    expect(config.addons).toEqual([{ name: 'vpc-cni' }, { name: 'kube-proxy' }, { name: 'coredns' }]);
    expect(config.managedNodeGroups[0].maxPodsPerNode).toBeUndefined();
  });
});

describe('services that run part of the month', () => {
  it('get node groups of their own that scale to zero between runs', async () => {
    const eksctl = parseYaml(fileAt(bundleFor(BATCH_SCENARIO, 'eks-ec2'), 'eks/cluster/eksctl.yaml'));
    const names = eksctl.managedNodeGroups.map((g: { name: string }) => g.name);
    expect(new Set(names).size).toBe(names.length);
    // The part-month group is the tainted one.
    const batch = eksctl.managedNodeGroups.filter((g: { taints?: unknown[] }) => g.taints);
    expect(batch).toHaveLength(1);
    expect(batch[0]).toMatchObject({ minSize: 0 });
    const main = await parseHcl('main.tf', fileAt(bundleFor(BATCH_SCENARIO, 'ecs-ec2'), 'ecs/terraform/main.tf'));
    const groups = Object.values(main.resource.aws_autoscaling_group) as { min_size: number }[][];
    expect(groups).toHaveLength(2);
    expect(groups.map((g) => g[0]!.min_size).sort()).toEqual([0, 2]);
  });
});
