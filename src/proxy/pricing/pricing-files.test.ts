/**
 * The one writer of the bundled price files (snapshot:generate and pricing:refresh): the formats it
 * writes, the source-id check, and writing together or not at all.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SNAPSHOT_FORMAT_VERSION, type RegionSnapshot } from '../../domain/pricing/price-snapshot.ts';
import { REGION_CATALOG, SNAPSHOT_AS_OF } from '../../domain/pricing/region-catalog.ts';
import { recordedItemsFor } from '../fixtures/recorded-price-list.ts';
import { createBundledSnapshotLoader } from '../load-bundled-snapshot-file.ts';
import { DEFAULT_SNAPSHOT_DIR } from '../proxy-config.ts';
import { buildRefreshedSnapshots } from './refresh-bundled-snapshots.ts';
import { renderPricingFiles, uncitedSourceIds, writeFilesTogether } from './pricing-files.ts';

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

describe('uncitedSourceIds', () => {
  it('finds no uncited source in any bundled snapshot', async () => {
    for (const { code } of REGION_CATALOG) expect(uncitedSourceIds(await loadBundledSnapshot(code))).toEqual([]);
  });

  it('names each figure whose source is not a key of sources, and the writer refuses the snapshot', async () => {
    const snapshot = await loadBundledSnapshot('eu-west-2');
    const broken: RegionSnapshot = {
      ...snapshot,
      logs: { ...snapshot.logs, ingestionGb: { ...snapshot.logs.ingestionGb, source: 'nowhere' } },
      ec2: { ...snapshot.ec2, instances: [{ ...snapshot.ec2.instances[0]!, source: 'elsewhere' }] },
    };
    expect(uncitedSourceIds(broken)).toEqual(['logs.ingestionGb: nowhere', 'ec2.instances.0: elsewhere']);
    expect(() =>
      renderPricingFiles([broken], '2026-12-01', { pricingDir: 'out', catalogModule: null, generatedBy: 'a test' }),
    ).toThrow(/eu-west-2: figures cite sources the snapshot does not list: logs.ingestionGb: nowhere/);
  });
});

describe('renderPricingFiles', () => {
  it('writes index.json and region-catalog.ts exactly as scripts/generate-snapshot.ts does', async () => {
    const current = await Promise.all(REGION_CATALOG.map((region) => loadBundledSnapshot(region.code)));
    const files = renderPricingFiles(current, SNAPSHOT_AS_OF, {
      pricingDir: 'public/pricing',
      catalogModule: 'catalog.ts',
      generatedBy: 'a test',
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
      generatedBy: 'a test',
    });
    const index = JSON.parse(files.find((file) => file.path === 'out/index.json')!.contents);
    expect(index).toEqual({
      formatVersion: SNAPSHOT_FORMAT_VERSION,
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

  it('removes the JSON files of the folder it was asked to keep exactly as written', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'refresh-write-'));
    temporaryDirs.push(dir);
    writeFileSync(join(dir, 'gone-region.json'), '{}');
    writeFileSync(join(dir, 'notes.txt'), 'kept');
    await writeFilesTogether([{ path: join(dir, 'a.json'), contents: '1' }], { removeOtherJsonIn: dir });
    expect(readdirSync(dir).sort()).toEqual(['a.json', 'notes.txt']);
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
