import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { toYamlDocument, toYamlDocuments } from './yaml-writer.ts';

describe('toYamlDocument', () => {
  it('double-quotes every string, so YAML 1.1 look-alikes stay strings; numbers and booleans stay plain', () => {
    const value = { a: 'on', b: '0123', c: '1.30', d: '1e3', e: 'yes', f: 3, g: true, h: '', list: ['null', '~'] };
    const text = toYamlDocument(value);
    expect(text).toBe(
      'a: "on"\nb: "0123"\nc: "1.30"\nd: "1e3"\ne: "yes"\nf: 3\ng: true\nh: ""\nlist:\n  - "null"\n  - "~"\n',
    );
    expect(parse(text, { version: '1.1' })).toEqual(value);
  });

  it('escapes characters YAML 1.1 reads as line breaks or rejects', () => {
    const value = { s: 'a\u0085b\u2028c\u2029d\u007fe\u009bf\ufeffg\uffffh\nq"\\' };
    const text = toYamlDocument(value);
    expect(text).toBe('s: "a\\u0085b\\u2028c\\u2029d\\u007fe\\u009bf\\ufeffg\\uffffh\\nq\\"\\\\"\n');
    expect(parse(text, { version: '1.1' })).toEqual(value);
  });

  it('writes shared objects out in full, never as anchors and aliases', () => {
    const labels = { app: 'x' };
    expect(toYamlDocument({ a: labels, b: labels })).not.toMatch(/[&*]/);
  });

  it('joins documents with ---', () => {
    expect(toYamlDocuments([{ a: 1 }, { b: 2 }])).toBe('a: 1\n---\nb: 2\n');
  });
});
