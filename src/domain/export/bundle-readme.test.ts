import { describe, expect, it } from 'vitest';
import { EXPORTABLE_OPTION_IDS as OPTION_IDS } from './export-context.ts';
import { EXAMPLE_ACCOUNT_ID } from '../scenario/secret-arn.ts';
import { ARTICLE_SCENARIO, bundleFor, fileAt } from './testing/export-fixtures.ts';

const fillInSection = (readme: string) => readme.split('## Fill in')[1]!.split('\n## ')[0]!;

describe('bundle README: placeholders to fill in', () => {
  it.each(OPTION_IDS)("%s: lists the example account in the article's secret ARN", (optionId) => {
    const readme = fileAt(bundleFor(ARTICLE_SCENARIO, optionId), 'README.md');
    expect(ARTICLE_SCENARIO.services[0]!.secrets!.DATABASE_URL).toContain(`:${EXAMPLE_ACCOUNT_ID}:`);
    expect(fillInSection(readme)).toContain(
      `- \`${EXAMPLE_ACCOUNT_ID}\`, the example account, in the secret ARNs of api-service (\`DATABASE_URL\`): put the ARN of your own secret in the scenario and export again.`,
    );
  });

  it.each(OPTION_IDS)('%s: says nothing of it when the ARNs name a real account', (optionId) => {
    const service = ARTICLE_SCENARIO.services[0]!;
    const own = {
      ...ARTICLE_SCENARIO,
      services: [{ ...service, secrets: { DATABASE_URL: 'arn:aws:secretsmanager:us-east-1:210987654321:secret:db' } }],
    };
    expect(fileAt(bundleFor(own, optionId), 'README.md')).not.toContain(EXAMPLE_ACCOUNT_ID);
  });
});
