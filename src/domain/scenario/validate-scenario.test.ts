import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatProblem, validateAgainstSnapshot, validateScenario } from './validate-scenario.ts';
import { US_EAST_1 } from '../testing/load-snapshot.ts';
import { scenarioOf } from '../testing/scenario-builders.ts';

const base = { version: 2, region: 'us-east-1', services: [{ name: 'api', vcpu: 0.5, memoryGiB: 1, replicas: 2 }] };
const problemsOf = (input: unknown) => {
  const result = validateScenario(input);
  return result.ok ? [] : result.problems.map(formatProblem);
};
const withService = (patch: Record<string, unknown>) => ({ ...base, services: [{ ...base.services[0], ...patch }] });

describe('validateScenario', () => {
  it('fills every default', () => {
    const result = validateScenario(base);
    expect(result.ok && result.scenario).toMatchObject({
      hoursPerMonth: 730,
      services: [{ arch: 'x86_64', os: 'linux', ephemeralStorageGiB: 20, gpu: 0, public: false }],
      fargate: { spotPercent: 0, savingsPlanDiscountPercent: 0 },
      ec2: {
        instanceTypes: [],
        spotPercent: 0,
        savingsPlanDiscountPercent: 0,
        minNodes: 2,
        eniTrunking: false,
        prefixDelegation: false,
      },
      eks: { clusters: 1, support: 'standard' },
      extras: { logIngestionGB: 0, internetEgressGB: 0, crossAzGB: 0 },
      operations: { hourlyRateUSD: 0, ecsHoursPerMonth: 8, eksHoursPerMonth: 40 },
    });
    // v2: no Spot discount means the Spot Instance Advisor's; no root volume means the platform default.
    expect(result.ok && result.scenario.ec2).not.toHaveProperty('spotDiscountPercent');
    expect(result.ok && result.scenario.ec2).not.toHaveProperty('rootVolumeGiB');
    expect(result.ok && result.upgradedFrom).toBeNull();
  });

  it('upgrades a v1 document to v2, writing out the v1 Spot discount default it relied on', () => {
    const v1 = validateScenario({ ...base, version: 1 });
    expect(v1).toMatchObject({ ok: true, upgradedFrom: 1, scenario: { version: 2, ec2: { spotDiscountPercent: 70 } } });
    const v1WithDiscount = validateScenario({ ...base, version: 1, ec2: { spotPercent: 50, spotDiscountPercent: 55 } });
    expect(v1WithDiscount).toMatchObject({ ok: true, scenario: { ec2: { spotPercent: 50, spotDiscountPercent: 55 } } });
    // A v1 document is still checked field by field, under its own paths.
    expect(problemsOf({ ...base, version: 1, ec2: { spotPercent: 500 } })).toEqual([
      'ec2.spotPercent: must be at most 100',
    ]);
    expect(problemsOf({ ...base, version: 1, ec2: 'fast' })).toEqual(['ec2: must be an object, not string']);
  });

  it.each([
    [withService({ memoryGiB: 0 }), 'services[0].memoryGiB: must be greater than 0'],
    [withService({ vcpu: -1 }), 'services[0].vcpu: must be greater than 0'],
    [withService({ vcpu: 17 }), 'services[0].vcpu: must be at most 16'],
    [withService({ memoryGiB: 1e9 }), 'services[0].memoryGiB: must be at most 120'],
    [withService({ replicas: 'two' }), 'services[0].replicas: must be a number, not string'],
    [withService({ replicas: 10_001 }), 'services[0].replicas: must be at most 10000'],
    [
      withService({ name: 'API' }),
      'services[0].name: 1-40 characters: lowercase letters, digits and "-", starting with a letter and ending with a letter or digit',
    ],
    [withService({ name: 'api-' }), expect.stringMatching(/^services\[0\]\.name: 1-40 characters/)],
    [withService({ arch: 'sparc' }), 'services[0].arch: must be one of "x86_64", "arm64"'],
    [withService({ replica: 2 }), 'services[0]: unknown field "replica"'],
    [withService({ autoscaling: { min: 5, max: 2 } }), 'services[0].autoscaling.max: must be at least autoscaling.min'],
    [
      withService({ environment: { 'BAD KEY': 'x' } }),
      expect.stringMatching(/^services\[0\]\.environment\["BAD KEY"\]: must be a valid environment variable name/),
    ],
    [
      { ...base, region: 'mars-1' },
      expect.stringMatching(/^region: unknown region "mars-1"; known regions: af-south-1/),
    ],
    [
      { ...base, version: 3 },
      'version: is 3: the file was written by a newer version of the calculator (this build reads versions 1 and 2)',
    ],
    [{ ...base, version: 0 }, 'version: must be 2 (version 1 files are upgraded when read)'],
    [{ ...base, services: [] }, 'services: must have at least 1 entry'],
    [{ ...base, ec2: { minNodes: 1.5 } }, 'ec2.minNodes: must be a whole number'],
    [{ ...base, fargate: { spotPercent: 101 } }, 'fargate.spotPercent: must be at most 100'],
    [{ ...base, hoursPerMonth: 0 }, 'hoursPerMonth: must be greater than 0'],
    [
      { ...base, services: [base.services[0], base.services[0]] },
      'services[1].name: duplicates services[0].name "api"',
    ],
    [{ region: 'us-east-1', services: base.services }, 'version: is required'],
    ['not an object', 'must be an object, not string'],
    [null, 'must be an object, not null'],
  ])('names the field: %j', (input, message) => {
    expect(problemsOf(input)).toContainEqual(message);
  });

  it('reports every problem at once', () => {
    expect(
      problemsOf({ ...base, region: 'nowhere', services: [{ name: 'A', vcpu: 0, memoryGiB: -1, replicas: -1 }] }),
    ).toHaveLength(5);
  });

  it('never throws, whatever the input', () => {
    fc.assert(
      fc.property(fc.anything(), (input) => {
        const result = validateScenario(input);
        return result.ok || result.problems.every((p) => typeof p.message === 'string' && p.message.length > 0);
      }),
      { numRuns: 500 },
    );
  });
});

describe('validateAgainstSnapshot', () => {
  it('rejects instance types the region does not sell', () => {
    const scenario = scenarioOf({
      services: [{ name: 'api', vcpu: 1, memoryGiB: 1, replicas: 1 }],
      ec2: { instanceTypes: ['m5.large', 'zz9.huge'] },
    });
    expect(validateAgainstSnapshot(scenario, US_EAST_1).map(formatProblem)).toEqual([
      'ec2.instanceTypes[1]: unknown instance type "zz9.huge" in us-east-1 (not in the price data)',
    ]);
  });
});

describe('rules across fields', () => {
  it('refuses a service that runs longer than the scenario month', () => {
    expect(
      problemsOf({ ...base, hoursPerMonth: 100, services: [{ ...base.services[0], hoursPerMonth: 744 }] }),
    ).toEqual(["services[0].hoursPerMonth: must be at most the scenario's hoursPerMonth (100)"]);
  });

  it('needs at least one EKS cluster', () => {
    expect(problemsOf({ ...base, eks: { clusters: 0 } })).toEqual(['eks.clusters: must be at least 1']);
  });
});

describe('secret ARNs', () => {
  const withSecret = (arn: string) => withService({ secrets: { DATABASE_URL: arn } });

  it.each([
    'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-url',
    'arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-url-AbCdEf:password::',
    'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf::AWSPREVIOUS:',
    'arn:aws:secretsmanager:us-east-1:123456789012:secret:db-AbCdEf:::a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
    'arn:aws:ssm:eu-west-1:123456789012:parameter/prod/token',
    'arn:aws-us-gov:ssm:us-gov-west-1:123456789012:parameter/token',
    'arn:aws-cn:secretsmanager:cn-north-1:123456789012:secret:db',
  ])('accepts %s', (arn) => {
    expect(problemsOf(withSecret(arn))).toEqual([]);
  });

  it.each([
    ['arn:aws:secretsmanager:us-east-1:*:secret:*', /wildcard/],
    ['arn:aws:secretsmanager:us-east-1:123456789012:secret:*', /wildcard/],
    ['arn:aws:secretsmanager:us-east-1:123456789012:secret:prod/db-??????', /wildcard/],
    ['arn:aws:ssm:us-east-1:*:parameter/*', /wildcard/],
    ['arn:aws:ssm:us-east-1:123456789012:parameter/prod/*', /wildcard/],
    ['arn:aws:secretsmanager:us-east-1:123:secret:prod/db-url', /12-digit/],
    ['arn:aws:secretsmanager:us-east-1:1234567890123:secret:prod/db-url', /12-digit/],
    ['arn:aws:secretsmanager:us-east-1::secret:prod/db-url', /12-digit/],
    ['arn:aws:secretsmanager:*:123456789012:secret:prod/db-url', /wildcard/],
    ['arn:aws:secretsmanager:mars:123456789012:secret:prod/db-url', /region/],
    ['arn:aws:iam::123456789012:role/x', /Secrets Manager or SSM Parameter Store/],
    ['arn:evil:secretsmanager:us-east-1:123456789012:secret:x', /partition/],
    ['arn:aws:secretsmanager:us-east-1:123456789012:parameter/x', /secret:NAME/],
    ['arn:aws:ssm:us-east-1:123456789012:secret:x', /parameter\/NAME/],
    ['arn:aws:ssm:us-east-1:123456789012:document/x', /parameter\/NAME/],
    ['arn:aws:ssm:us-east-1:123456789012:parameter//prod/token', /parameter\/prod\/token/],
    ['arn:aws:ssm:us-east-1:123456789012:parameter/prod/', /empty/],
    ['arn:aws:secretsmanager:us-east-1:123456789012:secret:', /secret name/],
    ['arn:aws:secretsmanager:us-east-1:123456789012:secret:db url', /secret name/],
    ['arn:aws:secretsmanager:us-east-1:123456789012:secret:x:key', /JSON_KEY:VERSION_STAGE:VERSION_ID/],
    ['arn:aws:secretsmanager:us-east-1:123456789012:secret:x:a:b:c:d', /JSON_KEY:VERSION_STAGE:VERSION_ID/],
    [
      'arn:aws:secretsmanager:us-east-1:123456789012:secret:x::AWSCURRENT:a1b2c3d4-5678-90ab-cdef-EXAMPLE11111',
      /not both/,
    ],
    ['arn:aws:secretsmanager:us-east-1:123456789012:secret:x:::abc', /version id/],
    ['arn:aws:secretsmanager:us-east-1:123456789012:secret:x:a.b::', /JSON key/],
    ['secretsmanager:us-east-1:123456789012:secret:x', /Secrets Manager or SSM Parameter Store/],
  ])('refuses %s, naming the field', (arn, problem) => {
    const problems = problemsOf(withSecret(arn));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^services\[0\]\.secrets\.DATABASE_URL: /);
    expect(problems[0]).toMatch(problem);
  });
});

describe('variable names objects cannot hold', () => {
  // JSON.parse makes "__proto__" an own key; assigning it to a plain object would drop it.
  const parsed = (field: 'environment' | 'secrets', value: string) =>
    JSON.parse(
      `{"version":1,"region":"us-east-1","services":[{"name":"api","vcpu":1,"memoryGiB":2,"replicas":1,"${field}":{"__proto__":${JSON.stringify(value)}}}]}`,
    );

  it.each([
    ['environment', 'x'],
    ['secrets', 'arn:aws:ssm:us-east-1:123456789012:parameter/token'],
  ] as const)('refuses __proto__ in %s with a message instead of dropping it', (field, value) => {
    expect(problemsOf(parsed(field, value))).toEqual([
      `services[0].${field}.__proto__: "__proto__" cannot be used as a variable name here (JavaScript objects cannot hold it, so it would be lost); rename the variable`,
    ]);
  });

  it('keeps other names that shadow object methods exactly', () => {
    const input = withService({ environment: { constructor: 'a', toString: 'b', hasOwnProperty: 'c', valueOf: 'd' } });
    const result = validateScenario(input);
    expect(result.ok && Object.entries(result.scenario.services[0]!.environment!)).toEqual([
      ['constructor', 'a'],
      ['toString', 'b'],
      ['hasOwnProperty', 'c'],
      ['valueOf', 'd'],
    ]);
  });
});
