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
  // EKS Auto Mode is the cheapest EKS option for the article example ($215.78, one m5a.large,
  // against $253.68 on Fargate, which bills the load balancer controller's pods), so it gets the
  // cost point.
  await expect(calculator.recommendation).toHaveText('EKS Auto Mode');
  await expect(guide.getByText('Multi-cloud or hybrid is a requirement', { exact: false })).toBeVisible();
  await expect(guide.getByText(/a month more than ECS on Fargate/).first()).toBeVisible();

  // Node control gives self-managed nodes 2 points and AWS-managed ones 1; with Auto Mode's cost
  // point that is a tie, which goes to the side with less to operate.
  const nodeControl = 'Do you need fine-grained node control (GPU types, Spot strategies, node access)?';
  await answer(nodeControl, 'Yes');
  await expect(guide.getByText(/Node-level control \(SSH, custom AMIs/).first()).toBeVisible();
  await expect(calculator.recommendation).toHaveText('EKS Auto Mode');

  // The answers travel in the link: reload from the address bar.
  await expect.poll(() => page.url()).toMatch(/#s=2\./);
  await page.waitForTimeout(600);
  await page.reload();
  await expect(
    guide.getByRole('group', { name: nodeControl }).getByRole('radio', { name: 'Yes', exact: true }),
  ).toBeChecked();
  await expect(calculator.recommendation).toHaveText('EKS Auto Mode');
});
