import { describe, expect, it, vi } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadRegionSnapshot, snapshotFileName } from './load-region-snapshot.ts';
import { parseRegionSnapshot } from './region-snapshot-schema.ts';
import { REGION_CATALOG } from './region-catalog.ts';

const DIR = join(import.meta.dirname, '../../../public/pricing');
const readBundled = (fileName: string) => readFile(join(DIR, fileName), 'utf8');
const usEast1 = async () => JSON.parse(await readBundled('us-east-1.json'));
const serve = (value: unknown) => async () => JSON.stringify(value);

describe('loadRegionSnapshot (the one loader of CLI, proxy and browser)', () => {
  it.each(REGION_CATALOG.map((r) => [r.code]))('accepts the bundled %s.json', async (region) => {
    const snapshot = await loadRegionSnapshot(region, readBundled);
    expect(snapshot.region).toBe(region);
  });

  it('refuses a source id that is not a key of sources, naming where it is', async () => {
    const snapshot = await usEast1();
    await expect(
      loadRegionSnapshot('us-east-1', serve({ ...snapshot, ec2: { ...snapshot.ec2, source: 'ec2-page' } })),
    ).rejects.toThrow(
      'The price file us-east-1.json is not a region price snapshot: ec2.source: source "ec2-page" is not a key of sources.',
    );
    const figure = { ...snapshot.eks.clusterHourStandard, source: 'nowhere' };
    await expect(
      loadRegionSnapshot('us-east-1', serve({ ...snapshot, eks: { ...snapshot.eks, clusterHourStandard: figure } })),
    ).rejects.toThrow('eks.clusterHourStandard.source: source "nowhere" is not a key of sources');
  });

  it('refuses another region’s file, a file that is not JSON, and a wrong shape', async () => {
    const snapshot = await usEast1();
    await expect(loadRegionSnapshot('eu-west-1', serve(snapshot))).rejects.toThrow(
      'The price file eu-west-1.json is not a region price snapshot of eu-west-1: it holds the prices of us-east-1.',
    );
    await expect(loadRegionSnapshot('us-east-1', async () => '<html>')).rejects.toThrow(
      'The price file us-east-1.json is not JSON.',
    );
    await expect(
      loadRegionSnapshot('us-east-1', serve({ ...snapshot, extras: { ...snapshot.extras, albHour: 1 } })),
    ).rejects.toThrow('us-east-1.json is not a region price snapshot: extras.albHour:');
  });

  it('never reads a file whose name is not a region code', async () => {
    const read = vi.fn(readBundled);
    await expect(loadRegionSnapshot('../package', read)).rejects.toThrow(RangeError);
    await expect(loadRegionSnapshot('us-east-1.json', read)).rejects.toThrow(RangeError);
    expect(read).not.toHaveBeenCalled();
    expect(snapshotFileName('us-gov-west-1')).toBe('us-gov-west-1.json');
  });

  it('keeps the top-level source ("snapshot" or "live") out of the id check', async () => {
    const snapshot = await usEast1();
    expect(parseRegionSnapshot({ ...snapshot, source: 'live' }).source).toBe('live');
  });
});
