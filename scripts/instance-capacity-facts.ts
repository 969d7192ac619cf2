/**
 * Instance facts the capacity model needs beyond price and size, read from the shared data set
 * for scripts/generate-snapshot.ts (docs/capacity-rules.md says how the engine uses them):
 *
 * - memTotalMiB: the memory the kernel reports (/proc/meminfo MemTotal, what the kubelet and the
 *   ECS agent register), measured per type on Bottlerocket in 2023
 *   (memtotal-measured-2023-bottlerocket.json); null for types never measured.
 * - enisAllCards: ENIs on all network cards (VPC limits `Interface`), which ECS counts for awsvpc
 *   tasks; `enis` stays the default card's, which the VPC CNI uses.
 * - ecsGuideTasks: the ECS Developer Guide's table of awsvpc tasks per instance without and with
 *   ENI trunking (ecs-eni-trunking.json, the guide as of 2023-04-18); null for types it lacks.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { InstanceOffer, PriceSource } from '../src/domain/pricing/price-snapshot.ts';

export type InstanceCapacityFacts = Pick<InstanceOffer, 'memTotalMiB' | 'enisAllCards' | 'ecsGuideTasks'>;

interface MeasuredMemory {
  nominalMiB: number;
  measuredCapacityMiB: number;
}

interface GuideRow {
  withoutTrunking: number;
  withTrunking: number | null;
}

export const MEMTOTAL_SOURCE_ID = 'memtotal-bottlerocket-2023';
export const ECS_TRUNKING_SOURCE_ID = 'ecs-guide-eni-trunking-2023-04-18';

/**
 * Reads the two tables once; the returned function gives one type's facts. `typeFacts` is the
 * type's entry of ec2-instance-types.json (for the all-card ENI count).
 */
export function loadInstanceCapacityFacts(dataDir: string): {
  factsFor: (type: string, typeFacts: { maxEnis?: number | null; memoryMiB?: number | null }) => InstanceCapacityFacts;
  sources: Record<string, PriceSource>;
} {
  const read = (name: string): Record<string, unknown> => JSON.parse(readFileSync(join(dataDir, name), 'utf8'));
  const memory = read('memtotal-measured-2023-bottlerocket.json');
  const guide = read('ecs-eni-trunking.json');
  const memoryMeta = memory._meta as { source: string; caveats: string };
  const guideMeta = guide._meta as { source: string; tableDate: string; sourceUrlLive: string };

  const factsFor = (
    type: string,
    typeFacts: { maxEnis?: number | null; memoryMiB?: number | null },
  ): InstanceCapacityFacts => {
    const measured = type.startsWith('_') ? undefined : (memory[type] as MeasuredMemory | undefined);
    // A measurement is only meaningful against the same nominal memory the snapshot carries.
    const memTotalMiB = measured && measured.nominalMiB === typeFacts.memoryMiB ? measured.measuredCapacityMiB : null;
    const row = type.startsWith('_') ? undefined : (guide[type] as GuideRow | undefined);
    return {
      memTotalMiB,
      enisAllCards: typeFacts.maxEnis ?? null,
      ecsGuideTasks: row ? { withoutTrunking: row.withoutTrunking, withTrunking: row.withTrunking } : null,
    };
  };

  return {
    factsFor,
    sources: {
      [MEMTOTAL_SOURCE_ID]: {
        title:
          'Node memory as the kubelet reports it (MemTotal), measured per instance type on Bottlerocket in 2023 (unmerged Karpenter PR #4517)',
        repo: 'aws/karpenter-provider-aws',
        commit: '33450d8f82ded870ce65fbde3cec14dbb2c04f50',
        path: 'pkg/providers/instancetype/zz_generated.memory_overhead.go',
        date: '2023-09-03',
        quote: memoryMeta.caveats,
      },
      [ECS_TRUNKING_SOURCE_ID]: {
        title: 'Amazon ECS Developer Guide: awsvpc tasks per instance without and with ENI trunking',
        url: guideMeta.sourceUrlLive.split(' ')[0],
        repo: 'awsdocs/amazon-ecs-developer-guide',
        commit: '49232cf',
        path: 'doc_source/container-instance-eni.md',
        date: guideMeta.tableDate,
      },
    },
  };
}
