import { describe, expect, it } from 'vitest';
import { parseSecretReference } from './secret-reference.ts';

describe('parseSecretReference', () => {
  it('reads a partial Secrets Manager ARN (no random suffix), as in the article', () => {
    expect(parseSecretReference('DATABASE_URL', 'arn:aws:secretsmanager:us-east-1:123:secret:prod/db-url')).toEqual({
      ok: true,
      reference: {
        name: 'DATABASE_URL',
        arn: 'arn:aws:secretsmanager:us-east-1:123:secret:prod/db-url',
        service: 'secretsmanager',
        region: 'us-east-1',
        iamResources: [
          'arn:aws:secretsmanager:us-east-1:123:secret:prod/db-url',
          'arn:aws:secretsmanager:us-east-1:123:secret:prod/db-url-??????',
        ],
        remoteKey: 'arn:aws:secretsmanager:us-east-1:123:secret:prod/db-url',
      },
    });
  });

  it('reads the JSON key, version stage or version id suffix', () => {
    const withKey = parseSecretReference('P', 'arn:aws:secretsmanager:eu-west-1:1:secret:db-AbCdEf:password::');
    expect(withKey.ok && withKey.reference).toMatchObject({
      remoteKey: 'arn:aws:secretsmanager:eu-west-1:1:secret:db-AbCdEf',
      property: 'password',
    });
    const withStage = parseSecretReference('P', 'arn:aws:secretsmanager:eu-west-1:1:secret:db-AbCdEf::AWSPREVIOUS:');
    expect(withStage.ok && withStage.reference.version).toBe('AWSPREVIOUS');
    const withId = parseSecretReference('P', 'arn:aws:secretsmanager:eu-west-1:1:secret:db-AbCdEf:::abc-123');
    expect(withId.ok && withId.reference.version).toBe('uuid/abc-123');
  });

  it('reads SSM parameter ARNs', () => {
    const ssm = parseSecretReference('T', 'arn:aws:ssm:us-east-1:1:parameter/prod/token');
    expect(ssm.ok && ssm.reference).toMatchObject({
      service: 'ssm',
      region: 'us-east-1',
      iamResources: ['arn:aws:ssm:us-east-1:1:parameter/prod/token'],
    });
  });

  it.each([
    ['arn:aws:ssm:', /full ARN/],
    ['arn:aws:secretsmanager:us-east-1:1:secret:', /Secrets Manager ARN must look like/],
    ['arn:aws:secretsmanager:us-east-1:1:secret:x:key', /Secrets Manager ARN must look like/],
    ['arn:aws:secretsmanager:us-east-1:1:secret:x::AWSCURRENT:id', /not both/],
    ['arn:aws:ssm:us-east-1:1:document/x', /SSM Parameter Store ARN/],
  ])('refuses %s', (arn, problem) => {
    const parsed = parseSecretReference('X', arn);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.problem).toMatch(problem);
  });
});
