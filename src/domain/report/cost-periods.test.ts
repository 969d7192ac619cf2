import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { COST_PERIODS, periodUSD } from './cost-periods.ts';
import { toCents } from '../money/round-cents.ts';

describe('cost periods', () => {
  it('scales a month to a year and three years in whole cents', () => {
    expect(COST_PERIODS.map((p) => periodUSD(58.31, p.id))).toEqual([58.31, 699.72, 2099.16]);
  });

  it('is always the monthly cents times the months, and adds up line by line', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -100_000, max: 10_000_000 }), { maxLength: 20 }), (lineCents) => {
        const monthly = lineCents.reduce((a, b) => a + b, 0) / 100;
        for (const period of COST_PERIODS) {
          const scaled = periodUSD(monthly, period.id);
          expect(toCents(scaled)).toBe(toCents(monthly) * period.months);
          expect(toCents(scaled)).toBe(lineCents.reduce((sum, c) => sum + toCents(periodUSD(c / 100, period.id)), 0));
        }
      }),
    );
  });
});
