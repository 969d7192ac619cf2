import { describe, expect, it } from 'vitest';
import { parseSecretArn, SECRET_ARN_PATTERN } from './secret-arn.ts';

const ACCEPTED = [
  'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-url',
  'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf:password::',
  'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf::AWSPREVIOUS:',
  'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf:::a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
  'arn:aws:ssm:eu-west-1:123456789012:parameter/prod/token',
  'arn:aws-us-gov:ssm:us-gov-west-1:123456789012:parameter/token',
  'arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:db',
];
const REFUSED = [
  'arn:aws:secretsmanager:us-east-1:*:secret:*',
  'arn:aws:secretsmanager:us-east-1:123:secret:prod/db-url',
  'arn:aws:ssm:us-east-1:123456789012:parameter/prod/*',
  'arn:aws:ssm:us-east-1:123456789012:parameter//prod/token',
  'arn:aws:secretsmanager:us-east-1:123456789012:secret:x:key',
  'arn:aws:iam::123456789012:role/x',
];

describe('parseSecretArn', () => {
  it('splits a Secrets Manager ARN with its suffix', () => {
    expect(parseSecretArn('arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf:password::')).toEqual({
      ok: true,
      arn: {
        service: 'secretsmanager',
        partition: 'aws',
        region: 'us-east-1',
        account: '123456789012',
        secretArn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf',
        secretName: 'db-AbCdEf',
        jsonKey: 'password',
      },
    });
  });

  it('splits an SSM parameter ARN', () => {
    expect(parseSecretArn('arn:aws:ssm:eu-west-1:123456789012:parameter/prod/token')).toEqual({
      ok: true,
      arn: {
        service: 'ssm',
        partition: 'aws',
        region: 'eu-west-1',
        account: '123456789012',
        parameterName: 'prod/token',
      },
    });
  });

  it('refuses parameters beyond the SSM limits (15 levels, 1011 characters)', () => {
    const deep = `arn:aws:ssm:us-east-1:123456789012:parameter/${Array.from({ length: 16 }, () => 'a').join('/')}`;
    expect(parseSecretArn(deep)).toMatchObject({ ok: false, problem: expect.stringMatching(/15 levels/) });
    const long = `arn:aws:ssm:us-east-1:123456789012:parameter/${'a'.repeat(1000)}`;
    expect(parseSecretArn(long)).toMatchObject({ ok: false, problem: expect.stringMatching(/1011/) });
  });

  it('agrees with the JSON Schema pattern editors use', () => {
    for (const arn of ACCEPTED) {
      expect(parseSecretArn(arn).ok).toBe(true);
      expect(arn).toMatch(SECRET_ARN_PATTERN);
    }
    for (const arn of REFUSED) {
      expect(parseSecretArn(arn).ok).toBe(false);
      expect(arn).not.toMatch(SECRET_ARN_PATTERN);
    }
  });
});
