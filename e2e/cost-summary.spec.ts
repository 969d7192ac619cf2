/** The first-screen summary: every total in view on a phone, the cheapest marked; hidden options stay hidden in the link. */
import { test, expect } from './fixtures.ts';
import { OPTION_IDS } from './pages/calculator-page.ts';
import { decodeShareState } from '../src/domain/share/share-codec.ts';

for (const width of [375, 1440]) {
  test(`the totals of all options are on the first screen at ${width} px, the cheapest marked`, async ({
    calculator,
    page,
  }) => {
    await page.setViewportSize({ width, height: 740 });
    await calculator.goto();
    const totals = await calculator.totals();
    const tiles = page.getByRole('list', { name: 'Monthly total of each option' }).getByRole('listitem');
    await expect(tiles).toHaveCount(OPTION_IDS.length);
    const labels = [
      'ECS on Fargate',
      'ECS on EC2',
      'EKS on Fargate',
      'EKS on EC2',
      'ECS Managed Instances',
      'EKS Auto Mode',
    ];
    for (const [i, id] of OPTION_IDS.entries()) {
      const tile = tiles.filter({ hasText: labels[i]! });
      await expect(tile).toContainText(totals[id]);
      await expect(tile).toBeInViewport({ ratio: 1 });
    }
    await expect(tiles.filter({ hasText: 'Cheapest' })).toHaveCount(1);
    await expect(tiles.filter({ hasText: 'Cheapest' })).toContainText('ECS on Fargate');
    // Still in view after scrolling down to the charts.
    await page.getByRole('heading', { name: 'Services' }).scrollIntoViewIfNeeded();
    await page.mouse.wheel(0, 2000);
    await expect(tiles.first()).toBeInViewport();
  });
}

test('options can be hidden, the link keeps them hidden, and the cheapest shown is marked', async ({
  calculator,
  page,
}) => {
  await calculator.goto();
  await page.getByText(/^Options shown/).click();
  await page.getByRole('checkbox', { name: 'ECS on Fargate' }).uncheck();
  await page.getByRole('checkbox', { name: 'EKS on Fargate' }).uncheck();
  await expect(page.getByText(`Options shown (4 of ${OPTION_IDS.length})`)).toBeVisible();
  await expect(page.getByRole('article', { name: 'ECS on Fargate' })).toHaveCount(0);
  const tiles = page.getByRole('list', { name: 'Monthly total of each option' }).getByRole('listitem');
  await expect(tiles).toHaveCount(4);
  await expect(tiles.filter({ hasText: 'Cheapest shown' })).toHaveCount(1);

  await expect(async () => {
    const decoded = decodeShareState(new URL(page.url()).hash);
    expect(decoded.ok && decoded.state.answers.hiddenOptions).toEqual(['ecs-fargate', 'eks-fargate']);
  }).toPass();
  const link = page.url();
  const fresh = await page.context().browser()!.newContext();
  const other = await fresh.newPage();
  await other.goto(link);
  await expect(other.getByRole('article', { name: 'ECS on EC2' })).toBeVisible();
  await expect(other.getByRole('article', { name: 'ECS on Fargate' })).toHaveCount(0);
  await fresh.close();

  // The last shown option cannot be hidden.
  for (const name of ['ECS on EC2', 'ECS Managed Instances', 'EKS Auto Mode'])
    await page.getByRole('checkbox', { name }).uncheck();
  await expect(page.getByRole('checkbox', { name: 'EKS on EC2' })).toBeDisabled();
});
