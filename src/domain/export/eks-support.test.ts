import { describe, expect, it } from 'vitest';
import { findExportProblems } from './build-export-bundle.ts';
import { bundleFor, exportInputFor, fileAt, ARTICLE_SCENARIO } from './testing/export-fixtures.ts';
import { parseYaml11 } from './testing/parse-yaml.ts';
import { EKS_KUBERNETES_VERSION, EKS_UPGRADE_SUPPORT_TYPE } from './eks-support.ts';
import type { ScenarioInput } from '../scenario/scenario-schema.ts';

const EKS_OPTIONS = ['eks-fargate', 'eks-ec2', 'eks-auto-mode'] as const;
const extended: ScenarioInput = { ...ARTICLE_SCENARIO, eks: { clusters: 1, support: 'extended' } };

describe('EKS support: the bundle deploys the standard support it prices', () => {
  it.each(EKS_OPTIONS)(
    '%s: the eksctl config keeps the cluster in standard support (upgradePolicy STANDARD)',
    (optionId) => {
      const [config] = parseYaml11({
        path: 'eksctl.yaml',
        contents: fileAt(bundleFor(ARTICLE_SCENARIO, optionId), 'eks/cluster/eksctl.yaml'),
      }) as unknown as [{ metadata: { version: string }; upgradePolicy: { supportType: string } }];
      expect(EKS_UPGRADE_SUPPORT_TYPE).toBe('STANDARD');
      expect(config.upgradePolicy).toEqual({ supportType: 'STANDARD' });
      expect(config.metadata.version).toBe(EKS_KUBERNETES_VERSION);
    },
  );

  it.each(EKS_OPTIONS)('%s: extended support is refused, naming eks.support', (optionId) => {
    expect(findExportProblems(exportInputFor(extended, optionId))).toEqual([
      `eks.support: the scenario prices extended support, but the bundle creates a new cluster on Kubernetes ${EKS_KUBERNETES_VERSION}, in standard support, with upgradePolicy STANDARD, so it bills the standard rate (extended support is billed only on a version past its standard support); set eks.support to "standard" to export, and the estimate then prices what the cluster bills`,
    ]);
  });

  it('the ECS options, which have no EKS cluster, export whatever eks.support says', () => {
    for (const optionId of ['ecs-fargate', 'ecs-ec2', 'ecs-managed-instances'] as const)
      expect(findExportProblems(exportInputFor(extended, optionId))).toEqual([]);
  });
});
