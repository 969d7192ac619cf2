import { describe, expect, it } from 'vitest';
import { parseSecretReference } from './secret-reference.ts';

const VERSION_ID = 'a1b2c3d4-5678-90ab-cdef-EXAMPLE11111';

describe('parseSecretReference', () => {
  it('reads a partial Secrets Manager ARN (no random suffix), as in the article', () => {
    expect(
      parseSecretReference('DATABASE_URL', 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-url'),
    ).toEqual({
      ok: true,
      reference: {
        name: 'DATABASE_URL',
        arn: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-url',
        service: 'secretsmanager',
        region: 'us-east-1',
        account: '123456789012',
        iamResources: [
          'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-url',
          'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-url-??????',
        ],
        remoteKey: 'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-url',
      },
    });
  });

  it('reads the JSON key, version stage or version id suffix', () => {
    const at = 'arn:aws:secretsmanager:eu-west-1:111122223333:secret:db-AbCdEf';
    const withKey = parseSecretReference('P', `${at}:password::`);
    expect(withKey.ok && withKey.reference).toMatchObject({ remoteKey: at, property: 'password' });
    const withStage = parseSecretReference('P', `${at}::AWSPREVIOUS:`);
    expect(withStage.ok && withStage.reference.version).toBe('AWSPREVIOUS');
    const withId = parseSecretReference('P', `${at}:::${VERSION_ID}`);
    expect(withId.ok && withId.reference.version).toBe(`uuid/${VERSION_ID}`);
  });

  it('reads SSM parameter ARNs', () => {
    const ssm = parseSecretReference('T', 'arn:aws:ssm:us-east-1:111122223333:parameter/prod/token');
    expect(ssm.ok && ssm.reference).toMatchObject({
      service: 'ssm',
      region: 'us-east-1',
      iamResources: ['arn:aws:ssm:us-east-1:111122223333:parameter/prod/token'],
    });
  });

  it.each([
    ['arn:aws:ssm:', /Secrets Manager or SSM Parameter Store ARN/],
    ['arn:aws:secretsmanager:us-east-1:111122223333:secret:', /secret name/],
    ['arn:aws:secretsmanager:us-east-1:111122223333:secret:x:key', /Secrets Manager ARN must look like/],
    [`arn:aws:secretsmanager:us-east-1:111122223333:secret:x::AWSCURRENT:${VERSION_ID}`, /not both/],
    ['arn:aws:ssm:us-east-1:111122223333:document/x', /SSM Parameter Store ARN/],
    ['arn:aws:secretsmanager:us-east-1:123:secret:prod/db-url', /12-digit/],
    ['arn:aws:secretsmanager:us-east-1:*:secret:*', /wildcard/],
  ])('refuses %s', (arn, problem) => {
    const parsed = parseSecretReference('X', arn);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(problem);
  });

  it('never puts a wildcard of the user into an IAM resource', () => {
    // The only wildcard in a resource is the fixed six-character suffix Secrets Manager adds.
    for (const arn of [
      'arn:aws:secretsmanager:us-east-1:111122223333:secret:a*',
      'arn:aws:ssm:us-east-1:111122223333:parameter/*',
      'arn:aws:secretsmanager:us-east-1:111122223333:secret:prod/db?x',
    ])
      expect(parseSecretReference('X', arn).ok).toBe(false);
  });
});
