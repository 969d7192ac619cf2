import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { guardFormula, toCsv } from './csv-writer.ts';

const parseCsv = (text: string): string[][] => parse(text, { relax_column_count: false, record_delimiter: '\r\n' });

describe('CSV writer (RFC 4180)', () => {
  it('quotes fields with commas, quotes and line breaks, and ends every record in CRLF', () => {
    const csv = toCsv(
      ['a', 'b', 'c'],
      [
        ['x,y', 'say "hi"', 'one\r\ntwo'],
        ['plain', 3, null],
      ],
    );
    expect(csv).toBe('a,b,c\r\n"x,y","say ""hi""","one\r\ntwo"\r\nplain,3,\r\n');
    expect(parseCsv(csv)).toEqual([
      ['a', 'b', 'c'],
      ['x,y', 'say "hi"', 'one\r\ntwo'],
      ['plain', '3', ''],
    ]);
  });

  it('keeps spreadsheets from reading text as a formula, and leaves numbers alone', () => {
    const csv = toCsv(
      ['t', 'n', 'd'],
      [
        ['=HYPERLINK("http://x")', -5, { decimal: '-5.00' }],
        ['@SUM(A1)', 0.1, { decimal: '12.30' }],
        ['+1', 1e-7, { decimal: '0.00' }],
        ['-2', 730, { decimal: '7' }],
        ['\tx', 1, { decimal: '1' }],
      ],
    );
    expect(parseCsv(csv).slice(1)).toEqual([
      [`'=HYPERLINK("http://x")`, '-5', '-5.00'],
      [`'@SUM(A1)`, '0.1', '12.30'],
      [`'+1`, '0.0000001', '0.00'],
      [`'-2`, '730', '7'],
      [`'\tx`, '1', '1'],
    ]);
  });

  it('refuses a record of the wrong length, a non-finite number and a decimal that is not one', () => {
    expect(() => toCsv(['a', 'b'], [['x']])).toThrow(/record 1 has 1 fields, the header 2/);
    expect(() => toCsv(['a'], [[Number.NaN]])).toThrow(/finite/);
    expect(() => toCsv(['a'], [[{ decimal: '=1' }]])).toThrow(/not a decimal/);
  });

  it('any text round-trips through a CSV parser, formula starts guarded', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(fc.string({ unit: 'grapheme' }), { minLength: 3, maxLength: 3 }), { maxLength: 5 }),
        (rows) => {
          const csv = toCsv(['a', 'b', 'c'], rows);
          expect(parseCsv(csv)).toEqual([['a', 'b', 'c'], ...rows.map((row) => row.map(guardFormula))]);
        },
      ),
    );
  });
});
