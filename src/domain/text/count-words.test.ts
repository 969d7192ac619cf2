import { describe, expect, it } from 'vitest';
import { countOf } from './count-words.ts';

describe('countOf', () => {
  it('uses the singular for exactly one, the plural otherwise', () => {
    expect(countOf(1, 'replica')).toBe('1 replica');
    expect(countOf(2, 'replica')).toBe('2 replicas');
    expect(countOf(0, 'replica')).toBe('0 replicas');
    expect(countOf(0.5, 'replica')).toBe('0.5 replicas');
    expect(countOf(1200, 'task')).toBe('1,200 tasks');
    expect(countOf(1, 'GPU')).toBe('1 GPU');
    expect(countOf(3, 'entry', 'entries')).toBe('3 entries');
  });
});
