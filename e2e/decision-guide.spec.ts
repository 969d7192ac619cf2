import { test, expect } from './fixtures.ts';

test('the questionnaire changes the recommendation, gives reasons and states the cost difference', async ({
  calculator,
  page,
}) => {
  await calculator.goto();
  await expect(calculator.recommendation).toHaveText('ECS on Fargate');
  const guide = page.getByRole('region', { name: 'Decision guide' });
  const answer = (question: string, option: string) =>
    guide.getByRole('group', { name: question }).getByRole('radio', { name: option, exact: true }).check();

  await answer('How much Kubernetes experience does the team have?', 'Strong');
  await answer('Is multi-cloud or hybrid cloud a requirement?', 'Yes');
  await answer('Do you need Kubernetes tooling (Istio, Argo, Karpenter, operators, CRDs)?', 'Yes');
  await expect(calculator.recommendation).toHaveText(/^EKS on /);
  await expect(guide.getByText('Multi-cloud or hybrid is a requirement', { exact: false })).toBeVisible();
  await expect(guide.getByText(/a month more than ECS on Fargate/).first()).toBeVisible();

  await answer('Do you need fine-grained node control (GPU types, Spot strategies, node access)?', 'Yes');
  await expect(calculator.recommendation).toHaveText('EKS on EC2');

  // The answers travel in the link: reload from the address bar.
  await expect.poll(() => page.url()).toMatch(/#s=2\./);
  await page.waitForTimeout(600);
  await page.reload();
  await expect(calculator.recommendation).toHaveText('EKS on EC2');
});
