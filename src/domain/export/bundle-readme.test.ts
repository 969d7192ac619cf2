import { describe, expect, it } from 'vitest';
import { EXPORTABLE_OPTION_IDS as OPTION_IDS } from './export-context.ts';
import { EXAMPLE_ACCOUNT_ID } from '../scenario/secret-arn.ts';
import { estimateScenario } from '../cost/estimate.ts';
import { US_EAST_1 } from '../testing/load-snapshot.ts';
import { validateScenario } from '../scenario/validate-scenario.ts';
import { ARTICLE_SCENARIO, bundleFor, fileAt } from './testing/export-fixtures.ts';

const fillInSection = (readme: string) => readme.split('## Fill in')[1]!.split('\n## ')[0]!;

describe('bundle README: placeholders to fill in', () => {
  it.each(OPTION_IDS)("%s: lists the article's sample image, host and secret ARN", (optionId) => {
    const readme = fillInSection(fileAt(bundleFor(ARTICLE_SCENARIO, optionId), 'README.md'));
    expect(ARTICLE_SCENARIO.services[0]!.secrets!.DATABASE_URL).toContain(`:${EXAMPLE_ACCOUNT_ID}:`);
    for (const field of ['image', 'host', 'secrets.DATABASE_URL'])
      expect(readme).toMatch(
        new RegExp(
          `- \`services\\[0\\]\\.${field.replace('.', '\\.')}\` is the sample \\w+ of the preset "Article example: api-service": put your own value`,
        ),
      );
  });

  it.each(OPTION_IDS)('%s: says nothing of them when they are your own', (optionId) => {
    const service = ARTICLE_SCENARIO.services[0]!;
    const own = {
      ...ARTICLE_SCENARIO,
      services: [
        {
          ...service,
          image: '210987654321.dkr.ecr.us-east-1.amazonaws.com/api:1.2',
          host: 'api.shop.test-corp.io',
          secrets: { DATABASE_URL: 'arn:aws:secretsmanager:us-east-1:210987654321:secret:db' },
        },
      ],
    };
    const readme = fileAt(bundleFor(own, optionId), 'README.md');
    expect(readme).not.toContain(EXAMPLE_ACCOUNT_ID);
    expect(fillInSection(readme)).not.toContain('put your own value');
  });

  it('flags reserved hosts, short ECR accounts and secrets in another region, in the README and the estimate', () => {
    const scenario = {
      version: 2 as const,
      region: 'us-east-1',
      services: [
        {
          name: 'web',
          vcpu: 0.5,
          memoryGiB: 1,
          replicas: 1,
          public: true,
          port: 8080,
          image: '123.dkr.ecr.us-east-1.amazonaws.com/web:1',
          host: 'shop.example.org',
          secrets: { TOKEN: 'arn:aws:ssm:eu-west-1:210987654321:parameter/token' },
        },
      ],
    };
    const readme = fillInSection(fileAt(bundleFor(scenario, 'ecs-fargate'), 'README.md'));
    expect(readme).toContain('its registry account 123 is not a 12-digit account id');
    expect(readme).toContain('a domain reserved for documentation (RFC 2606)');
    const regionLine = "services[0].secrets.TOKEN: the ARN is in eu-west-1, not the scenario's region us-east-1";
    expect(readme).toContain(regionLine);
    const validated = validateScenario(scenario);
    if (!validated.ok) throw new Error('invalid');
    expect(estimateScenario(validated.scenario, US_EAST_1).warnings.join('\n')).toContain(regionLine);
  });
});
