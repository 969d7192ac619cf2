import { describe, expect, it } from 'vitest';
import { ceilWhole, floorWhole, wholeReplicas } from './float-tolerance.ts';

describe('float tolerance', () => {
  it('ignores binary noise around whole units and nothing larger', () => {
    expect(ceilWhole((0.1 + 0.2) * 10)).toBe(3); // 3.0000000000000004
    expect(ceilWhole(0.3 * 1024)).toBe(308); // 307.2
    expect(ceilWhole(2.000001)).toBe(3);
    expect(floorWhole(0.7 / 0.1)).toBe(7); // 6.999999999999999
    expect(floorWhole(6.999999)).toBe(6);
  });

  it('rounds average replicas up to whole tasks, never to -0', () => {
    expect(wholeReplicas(2.3)).toBe(3);
    expect(wholeReplicas(2)).toBe(2);
    expect(Object.is(wholeReplicas(0), 0)).toBe(true);
    expect(Object.is(wholeReplicas(1e-12), 0)).toBe(true);
  });
});
