/** Log lines are single JSON objects, and secrets that slip into fields are masked. */
import { describe, expect, it } from 'vitest';
import { createJsonLogger, redactLogValue } from './json-logger.ts';

describe('createJsonLogger', () => {
  it('writes one JSON object per line with time, level and message', () => {
    const lines: string[] = [];
    const logger = createJsonLogger(
      (line) => lines.push(line),
      () => new Date('2026-11-27T12:00:00Z'),
    );
    logger.info('request', { method: 'GET', status: 200, skipped: undefined });
    logger.warn('multi\nline', { path: '/a\nb' });
    expect(lines.map((line) => JSON.parse(line))).toEqual([
      { time: '2026-11-27T12:00:00.000Z', level: 'info', msg: 'request', method: 'GET', status: 200 },
      { time: '2026-11-27T12:00:00.000Z', level: 'warn', msg: 'multi\nline', path: '/a\nb' },
    ]);
    expect(lines.every((line) => !line.includes('\n'))).toBe(true);
  });

  it('masks fields named like secrets and values shaped like keys or account ids', () => {
    const lines: string[] = [];
    createJsonLogger((line) => lines.push(line)).error('oops', {
      accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
      sessionToken: 'anything',
      detail: 'arn:aws:iam::123456789012:user/x used AKIAIOSFODNN7EXAMPLE and wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
    });
    expect(JSON.parse(lines[0]!)).toMatchObject({ accessKeyId: '[redacted]', sessionToken: '[redacted]' });
    expect(lines[0]).not.toMatch(/123456789012|AKIAIOSFODNN7EXAMPLE|wJalrXUtnFEMI/);
  });

  it('leaves prices and paths alone', () => {
    expect(redactLogValue('/api/pricing/us-east-1 0.0404800000')).toBe('/api/pricing/us-east-1 0.0404800000');
  });
});
