import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { recordOf, rowNameProblem, rowsOf } from './name-value-rows.ts';
import { validateScenario } from '../../domain/scenario/validate-scenario.ts';
import { PRESETS } from '../../domain/presets/presets.ts';

const row = fc.record({ name: fc.string({ maxLength: 12 }), value: fc.string({ maxLength: 40 }) });

describe('environment rows', () => {
  it('gives back exactly the rows it was given: order, duplicates, new lines and spaces', () => {
    fc.assert(
      fc.property(fc.array(row, { maxLength: 8 }), (rows) => {
        const record = recordOf(rows);
        expect(rowsOf(record)).toEqual(rows);
        // Through JSON too (the local draft and undo keep it that way).
        expect(rowsOf(JSON.parse(JSON.stringify(record ?? {})))).toEqual(rows);
      }),
    );
  });

  it('uses the plain names for valid, distinct rows, so a valid scenario never holds a marked key', () => {
    const rows = [
      { name: 'A', value: ' x ' },
      { name: 'B_2', value: 'line 1\nline 2' },
    ];
    expect(recordOf(rows)).toEqual({ A: ' x ', B_2: 'line 1\nline 2' });
    expect(recordOf([])).toBeUndefined();
  });

  it('keeps a duplicate name as its own row, which the scenario refuses until renamed', () => {
    const environment = recordOf([
      { name: 'MODE', value: 'a' },
      { name: 'MODE', value: 'b' },
    ]);
    expect(Object.values(environment!)).toEqual(['a', 'b']);
    const base = PRESETS[0]!.scenario;
    const result = validateScenario({ ...base, services: [{ ...base.services[0]!, environment }] });
    expect(result.ok).toBe(false);
    expect(
      rowNameProblem(
        [
          { name: 'MODE', value: 'a' },
          { name: 'MODE', value: 'b' },
        ],
        1,
      ),
    ).toBe('MODE is already the name of row 1');
  });

  it('names what is wrong with a name', () => {
    const rows = [
      { name: '', value: '' },
      { name: '1ABC', value: '' },
      { name: 'OK', value: '' },
    ];
    expect(rowNameProblem(rows, 0)).toBe('enter a name');
    expect(rowNameProblem(rows, 1)).toMatch(/^use letters, digits and _ only/);
    expect(rowNameProblem(rows, 2)).toBeNull();
  });
});
