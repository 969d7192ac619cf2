import { describe, expect, it } from 'vitest';
import { optionsAbove, parseGrowthThreshold, type EstimateDiff, type OptionDelta } from './estimate-diff.ts';
import { signedPercent } from './diff-markdown.ts';

const option = (id: string, beforeUSD: number | null, afterUSD: number | null): OptionDelta => ({
  id: id as OptionDelta['id'],
  label: id,
  beforeUSD,
  afterUSD,
  deltaUSD: beforeUSD === null || afterUSD === null ? null : Math.round((afterUSD - beforeUSD) * 100) / 100,
  deltaPercent: null,
});
const diffOf = (...options: OptionDelta[]): EstimateDiff => ({
  options,
  cheapest: { before: null, after: null },
  services: [],
  settings: [],
});

describe('cost diff thresholds', () => {
  it('reads amounts and percentages, and nothing else', () => {
    expect(parseGrowthThreshold('25')).toEqual({ usd: 25 });
    expect(parseGrowthThreshold('$25.50')).toEqual({ usd: 25.5 });
    expect(parseGrowthThreshold('10%')).toEqual({ percent: 10 });
    expect(parseGrowthThreshold('0.5 %')).toEqual({ percent: 0.5 });
    for (const bad of ['', 'ten', '-5', '$10%', '1e3', '10%%', 'NaN', '5,00'])
      expect(parseGrowthThreshold(bad)).toBeNull();
  });

  it('trips only above the threshold, in cents', () => {
    const diff = diffOf(option('a', 100, 110), option('b', 100, 110.01), option('c', 100, 90));
    expect(optionsAbove(diff, { usd: 10 }).map((o) => o.id)).toEqual(['b']);
    expect(optionsAbove(diff, { percent: 10 }).map((o) => o.id)).toEqual(['b']);
    expect(optionsAbove(diff, { usd: 0 }).map((o) => o.id)).toEqual(['a', 'b']);
    expect(optionsAbove(diff, { usd: 0 }, 'a' as OptionDelta['id']).map((o) => o.id)).toEqual(['a']);
  });

  it('counts growth from $0 as above any percentage, and never trips on an unavailable side', () => {
    const diff = diffOf(
      option('zero', 0, 0.01),
      option('gone', 100, null),
      option('new', null, 500),
      option('flat', 0, 0),
    );
    expect(optionsAbove(diff, { percent: 1_000_000 }).map((o) => o.id)).toEqual(['zero']);
    expect(optionsAbove(diff, { usd: 0 }).map((o) => o.id)).toEqual(['zero']);
  });

  it('signs percentages', () => {
    expect([signedPercent(5.2), signedPercent(-3), signedPercent(0), signedPercent(null)]).toEqual([
      '+5.2%',
      '-3%',
      '0%',
      '',
    ]);
  });
});
