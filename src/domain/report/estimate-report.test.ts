import { describe, expect, it } from 'vitest';
import { parse } from 'csv-parse/sync';
import { marked, type Tokens } from 'marked';
import { estimateToCsv, reportFileName } from './estimate-csv.ts';
import { estimateToMarkdown } from './estimate-markdown.ts';
import { estimateScenario } from '../cost/estimate.ts';
import { US_EAST_1 as snapshot } from '../testing/load-snapshot.ts';
import { scenarioOf, service } from '../testing/scenario-builders.ts';
import type { Estimate } from '../cost/estimate-types.ts';

/** An estimate whose texts came from a hostile price source (a proxy is untrusted). */
function hostileEstimate(): Estimate {
  const estimate = estimateScenario(scenarioOf({ services: [service('api')] }), snapshot);
  const option = estimate.options[0]!;
  option.lines[0] = {
    ...option.lines[0]!,
    component: '=HYPERLINK("http://evil","x")',
    source: '@SUM(1+1)\r\nforged,row',
  };
  option.lines[1] = { ...option.lines[1]!, component: '| x | <script>alert(1)</script>\n## heading', unit: '-1+1' };
  return estimate;
}

describe('estimate reports', () => {
  it('CSV: hostile text stays in its cell, is not a formula, and adds no record', () => {
    const estimate = hostileEstimate();
    const records: string[][] = parse(estimateToCsv(estimate), { from_line: 2 });
    expect(records).toHaveLength(estimate.options.reduce((n, o) => n + o.lines.length, 0));
    expect(records[0]![2]).toBe(`'=HYPERLINK("http://evil","x")`);
    expect(records[0]![9]).toBe(`'@SUM(1+1)\\r\\nforged,row`);
    expect(records[1]![6]).toBe(`'-1+1`);
    for (const record of records) expect(record).toHaveLength(12);
  });

  it('Markdown: hostile text is one escaped cell, no HTML and no new row or heading', () => {
    const estimate = hostileEstimate();
    const markdown = estimateToMarkdown(estimate);
    const tokens = marked.lexer(markdown, { gfm: true });
    const html = marked.parse(markdown, { gfm: true, async: false });
    expect(html).not.toContain('<script');
    const firstOption = tokens.filter((t): t is Tokens.Table => t.type === 'table')[1]!;
    expect(firstOption.rows).toHaveLength(estimate.options[0]!.lines.length + 1);
    // The lexer gives the cell's Markdown with GFM's \| already read as a pipe.
    expect(firstOption.rows[1]![0]!.text).toBe('| x | \\<script\\>alert(1)\\</script\\>\\\\n\\#\\# heading');
    expect(tokens.filter((t) => t.type === 'heading' && (t as Tokens.Heading).text.includes('heading'))).toEqual([]);
  });

  it('names download files by region', () => {
    expect(reportFileName({ region: 'eu-west-1' }, 'csv')).toBe('estimate-eu-west-1.csv');
  });
});
