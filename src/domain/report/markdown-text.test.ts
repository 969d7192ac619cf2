// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { marked } from 'marked';
import { markdownTable, markdownText } from './markdown-text.ts';
import { escapeControls } from '../text/safe-text.ts';

/** The cells of the first table of the rendered Markdown, as a browser reads them (GFM, as GitHub renders issues). */
function renderedCells(markdown: string): { text: string; elements: string[] }[][] {
  const html = marked.parse(markdown, { gfm: true, async: false });
  const page = new DOMParser().parseFromString(html, 'text/html');
  return [...page.querySelectorAll('table tr')].map((row) =>
    [...row.querySelectorAll('th, td')].map((cell) => ({
      text: cell.textContent ?? '',
      elements: [...cell.querySelectorAll('*')].map((e) => e.tagName.toLowerCase()),
    })),
  );
}

describe('Markdown text', () => {
  it('shows pipes, line breaks, HTML and emphasis as themselves in a table cell', () => {
    const values = [
      'a|b',
      'one\ntwo',
      '<img src=x onerror=alert(1)>',
      '**bold** _it_ `code` [l](x) ~~s~~ &amp; $1 and $2$',
    ];
    const table = markdownTable(
      ['value'],
      values.map((v) => [markdownText(v)]),
    ).join('\n');
    const rows = renderedCells(table).slice(1);
    expect(rows.map((row) => row[0]!.text)).toEqual(values.map(escapeControls));
    for (const row of rows) expect(row[0]!.elements).toEqual([]);
  });

  it('any text stays in its own cell and reads as itself (control characters as escapes)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.string({ maxLength: 10 }), (value, other) => {
        const table = markdownTable(['a', 'b'], [[markdownText(value), markdownText(other)]]).join('\n');
        const [, row] = renderedCells(table);
        expect(row).toHaveLength(2);
        // GFM trims a cell's surrounding white space; URLs may become links showing the same text.
        expect(row![0]!.text).toBe(escapeControls(value).trim());
        expect(row![1]!.text).toBe(escapeControls(other).trim());
        for (const cell of row!) expect(cell.elements.every((tag) => tag === 'a')).toBe(true);
      }),
      // Each run renders HTML in jsdom: 60 runs keep the file near a second on a shared machine.
      { numRuns: 60 },
    );
  });

  it('refuses a row of the wrong length', () => {
    expect(() => markdownTable(['a', 'b'], [['x']])).toThrow(/row 1 has 1 cells/);
  });
});
