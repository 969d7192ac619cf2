import { describe, expect, it } from 'vitest';
import { MEMTOTAL_RULE_EXCEPTIONS, memTotalByRule, nodeMemTotal } from './node-capacity.ts';
import { US_EAST_1, offerOf } from '../testing/load-snapshot.ts';

describe('MemTotal', () => {
  it('is the measured figure where the snapshot has one, never the nominal', () => {
    expect(nodeMemTotal(offerOf(US_EAST_1, 'm5.large'))).toEqual({ memTotalMiB: 7633 });
    expect(nodeMemTotal(offerOf(US_EAST_1, 'c7a.medium')).memTotalMiB).toBe(1699);
  });

  it('by rule stays at or below every measured type, except the ones listed by name', () => {
    const measured = US_EAST_1.ec2.instances.filter((o) => o.memTotalMiB !== null);
    expect(measured.length).toBeGreaterThan(600);
    const above = measured
      .filter((o) => memTotalByRule(o.memoryMiB) > o.memTotalMiB!)
      .map((o) => o.type)
      .sort();
    expect(above).toEqual([...MEMTOTAL_RULE_EXCEPTIONS].sort());
  });
});
