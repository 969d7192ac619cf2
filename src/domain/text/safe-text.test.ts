import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cutText, escapeControls, quoteText } from './safe-text.ts';

describe('escapeControls', () => {
  it('writes control, separator and bidi characters as escapes and keeps the rest', () => {
    expect(escapeControls('a\nb\tc\r\u001b[2J\u007f\u009b\u2028\u202e\ufeffé😀')).toBe(
      'a\\nb\\tc\\r\\u001b[2J\\u007f\\u009b\\u2028\\u202e\\ufeffé😀',
    );
    expect(escapeControls('x\ud800y')).toBe('x\\ud800y');
  });

  it('always gives one line without control characters', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (text) => {
        // oxlint-disable-next-line no-control-regex -- the property is about control characters
        expect(escapeControls(text)).not.toMatch(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]/);
      }),
    );
  });
});

describe('cutText and quoteText', () => {
  it('cuts long text with a marker saying how much is left out', () => {
    expect(cutText('abcdef', 6)).toBe('abcdef');
    expect(cutText('a'.repeat(1234), 4)).toBe('aaaa… (1,230 more characters)');
  });

  it('never splits a surrogate pair', () => {
    expect(cutText('ab😀cd', 3)).toBe('ab… (4 more characters)');
  });

  it('quotes like JSON, escaped and cut', () => {
    expect(quoteText('say "hi"\\\n')).toBe('"say \\"hi\\"\\\\\\n"');
    expect(quoteText('x'.repeat(100), 5)).toBe('"xxxxx… (95 more characters)"');
  });
});
