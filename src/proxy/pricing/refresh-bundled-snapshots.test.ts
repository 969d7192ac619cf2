/**
 * pricing:refresh's core: regions priced from (recorded) Price List items become bundled snapshots.
 */
import { describe, expect, it } from 'vitest';
import { PRICE_LIST_SOURCE_ID } from '../../domain/pricing/normalize-price-list.ts';
import { parseRegionSnapshot } from '../../domain/pricing/region-snapshot-schema.ts';
import { awsError } from '../fixtures/test-proxy.ts';
import { recordedItemsFor } from '../fixtures/recorded-price-list.ts';
import { createBundledSnapshotLoader } from '../load-bundled-snapshot-file.ts';
import { DEFAULT_SNAPSHOT_DIR } from '../proxy-config.ts';
import { RefreshError, buildRefreshedSnapshots } from './refresh-bundled-snapshots.ts';

const loadBundledSnapshot = createBundledSnapshotLoader(DEFAULT_SNAPSHOT_DIR);
const deps = {
  fetchPriceList: async (region: string) => recordedItemsFor(region),
  loadBundledSnapshot,
  maxThrottleRetries: 4,
};

describe('buildRefreshedSnapshots', () => {
  it('turns live prices into bundled snapshots dated the compile day, each figure still citing the Price List', async () => {
    const done: string[] = [];
    const snapshots = await buildRefreshedSnapshots(['us-east-1', 'eu-west-1'], '2026-12-01', {
      ...deps,
      onRegionDone: (region) => done.push(region),
    });
    expect(done).toEqual(['us-east-1', 'eu-west-1']);
    for (const snapshot of snapshots) {
      expect(parseRegionSnapshot(snapshot)).toMatchObject({ source: 'snapshot', asOf: '2026-12-01' });
      expect(snapshot).not.toHaveProperty('reason');
      expect(snapshot.fargate!.linuxX86.vcpuHour.source).toBe(PRICE_LIST_SOURCE_ID);
      expect(snapshot.sources[PRICE_LIST_SOURCE_ID]).toBeDefined();
    }
  });

  it('stops at the first region AWS cannot price, naming it and why', async () => {
    const failing = {
      ...deps,
      fetchPriceList: async (region: string) => {
        if (region === 'eu-west-1') throw awsError('ThrottlingException', 'Rate exceeded', 400);
        return recordedItemsFor(region);
      },
    };
    await expect(
      buildRefreshedSnapshots(['us-east-1', 'eu-west-1', 'us-west-2'], '2026-12-01', failing),
    ).rejects.toThrow(new RefreshError('eu-west-1: The AWS Price List API was still throttling after 4 retries.'));
  });
});
