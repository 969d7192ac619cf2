import { describe, expect, it } from 'vitest';
import { parse } from '@cdktf/hcl2json';
import {
  attr,
  blank,
  block,
  call,
  comment,
  escapeHclString,
  expr,
  renderHclFile,
  template,
  toHclIdentifier,
} from './hcl-writer.ts';
import { literalOf } from './testing/parse-terraform.ts';

describe('escapeHclString', () => {
  it.each([
    ['plain', 'plain'],
    ['say "hi"', 'say \\"hi\\"'],
    ['C:\\path', 'C:\\\\path'],
    ['a\nb\r\tc', 'a\\nb\\r\\tc'],
    ['${var.secret}', '$${var.secret}'],
    ['%{ if true }', '%%{ if true }'],
    ['$${already}', '$$${already}'],
    ['$5 and 100%', '$5 and 100%'],
    ['\u0000\u001b\u007f\u0085', '\\u0000\\u001B\\u007F\\u0085'],
    ['é 😀', 'é 😀'],
  ])('%j -> %j', (input, expected) => {
    expect(escapeHclString(input)).toBe(expected);
  });

  it("reads back as the same text with HashiCorp's parser", async () => {
    const inputs = ['${x}', '$${x}', '$$${x}', '%{x}', '%%{x}', 'a"b\\c\nd', '\u0001', 'EOT\nEOT'];
    const source = renderHclFile([
      block(
        'locals',
        [],
        inputs.map((text, i) => attr(`v${i}`, text)),
      ),
    ]);
    const parsed = await parse('t.tf', source);
    expect(inputs.map((_, i) => literalOf(parsed.locals[0][`v${i}`]))).toEqual(inputs);
  });
});

describe('renderHclFile', () => {
  it('writes terraform fmt style: aligned runs, blank lines and blocks break runs, multi-line values use one space', () => {
    const text = renderHclFile([
      comment('A resource.'),
      block(
        'resource',
        ['aws_thing', 'main'],
        [
          attr('name', 'x'),
          attr('longer_name', 1),
          attr('policy', call('jsonencode', { Version: '2012-10-17', 'odd-key': true, for: 'keyword' })),
          attr('list', ['a', expr('var.b')]),
          blank(),
          attr('id', template('service/', expr('aws_ecs_cluster.main.name'), '/x')),
          block('empty', [], []),
        ],
      ),
    ]);
    expect(text).toBe(
      [
        '# A resource.',
        'resource "aws_thing" "main" {',
        '  name        = "x"',
        '  longer_name = 1',
        '  policy = jsonencode({',
        '    Version   = "2012-10-17"',
        '    "odd-key" = true',
        '    "for"     = "keyword"',
        '  })',
        '  list = ["a", var.b]',
        '',
        '  id = "service/${aws_ecs_cluster.main.name}/x"',
        '  empty {}',
        '}',
        '',
      ].join('\n'),
    );
  });

  it('refuses names that are not HCL identifiers, and non-finite numbers', () => {
    expect(() => renderHclFile([attr('bad name', 1)])).toThrow(/attribute name/);
    expect(() => renderHclFile([block('bad-"type', [], [])])).toThrow(/block type/);
    expect(() => renderHclFile([attr('n', Number.NaN)])).toThrow(/number/);
  });

  it('makes identifiers from service names', () => {
    expect(toHclIdentifier('api-service')).toBe('api_service');
    expect(() => toHclIdentifier('1abc')).toThrow();
  });
});
