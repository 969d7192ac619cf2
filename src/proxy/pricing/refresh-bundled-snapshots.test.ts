/**
 * pricing:refresh's core: regions priced from (recorded) Price List items become bundled files
 * in the generator's formats, written together or not at all.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PRICE_LIST_SOURCE_ID } from '../../domain/pricing/normalize-price-list.ts';
import type { RegionSnapshot } from '../../domain/pricing/price-snapshot.ts';
import { REGION_CATALOG, SNAPSHOT_AS_OF } from '../../domain/pricing/region-catalog.ts';
import { parseRegionSnapshot } from '../../domain/pricing/region-snapshot-schema.ts';
import { awsError } from '../fixtures/test-proxy.ts';
import { recordedItemsFor } from '../fixtures/recorded-price-list.ts';
import { createBundledSnapshotLoader } from '../load-bundled-snapshot-file.ts';
import { DEFAULT_SNAPSHOT_DIR } from '../proxy-config.ts';
import {
  RefreshError,
  buildRefreshedSnapshots,
  renderPricingFiles,
  writeFilesTogether,
} from './refresh-bundled-snapshots.ts';

const loadBundledSnapshot = createBundledSnapshotLoader(DEFAULT_SNAPSHOT_DIR);
const temporaryDirs: string[] = [];

afterEach(() => {
  for (const dir of temporaryDirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

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

describe('renderPricingFiles', () => {
  it('writes index.json and region-catalog.ts exactly as scripts/generate-snapshot.ts does', async () => {
    const current = await Promise.all(REGION_CATALOG.map((region) => loadBundledSnapshot(region.code)));
    const files = renderPricingFiles(current, SNAPSHOT_AS_OF, {
      pricingDir: 'public/pricing',
      catalogModule: 'catalog.ts',
    });
    const byPath = new Map(files.map((file) => [file.path, file.contents]));
    expect(byPath.get('public/pricing/index.json')).toBe(
      readFileSync(join(DEFAULT_SNAPSHOT_DIR, 'index.json'), 'utf8'),
    );
    const committedCatalog = readFileSync(join(import.meta.dirname, '../../domain/pricing/region-catalog.ts'), 'utf8');
    const dropHeader = (text: string) => text.split('\n').slice(1).join('\n');
    expect(dropHeader(byPath.get('catalog.ts')!)).toBe(dropHeader(committedCatalog));
    expect(byPath.get('public/pricing/us-east-1.json')).toBe(
      readFileSync(join(DEFAULT_SNAPSHOT_DIR, 'us-east-1.json'), 'utf8'),
    );
    expect(files).toHaveLength(REGION_CATALOG.length + 2);
  });

  it('marks Fargate as priced in the catalog when the Price List prices it', async () => {
    const [snapshot] = await buildRefreshedSnapshots(['ap-northeast-3'], '2026-12-01', deps);
    const files = renderPricingFiles([snapshot as RegionSnapshot], '2026-12-01', {
      pricingDir: 'out',
      catalogModule: null,
    });
    const index = JSON.parse(files.find((file) => file.path === 'out/index.json')!.contents);
    expect(index).toEqual({
      formatVersion: 1,
      asOf: '2026-12-01',
      regions: [{ code: 'ap-northeast-3', name: 'Asia Pacific (Osaka)', fargate: true, instanceTypes: 1 }],
    });
  });
});

describe('writeFilesTogether', () => {
  it('writes every file and leaves no temporary file behind', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'refresh-write-'));
    temporaryDirs.push(dir);
    await writeFilesTogether([
      { path: join(dir, 'a.json'), contents: '1' },
      { path: join(dir, 'sub', 'b.json'), contents: '2' },
    ]);
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'sub']);
    expect(readFileSync(join(dir, 'sub', 'b.json'), 'utf8')).toBe('2');
  });

  it('changes no file when one write fails', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'refresh-write-'));
    temporaryDirs.push(dir);
    writeFileSync(join(dir, 'a.json'), 'old');
    writeFileSync(join(dir, 'blocker'), 'a file where a folder would have to be');
    await expect(
      writeFilesTogether([
        { path: join(dir, 'a.json'), contents: 'new' },
        { path: join(dir, 'blocker', 'b.json'), contents: 'x' },
      ]),
    ).rejects.toThrow();
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'blocker']);
    expect(readFileSync(join(dir, 'a.json'), 'utf8')).toBe('old');
  });
});
