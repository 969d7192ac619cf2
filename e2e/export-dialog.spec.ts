/**
 * The export dialog as a user sees it: readable file names with sizes, a preview that is usable on
 * a phone (list above it), copy and download per file; Export is off while the input is invalid.
 */
import { test, expect } from './fixtures.ts';
import { contrastOf } from './support/contrast.ts';

test.use({ permissions: ['clipboard-read', 'clipboard-write'] });

for (const width of [375, 1440]) {
  test(`file names are readable and the preview is usable at ${width} px`, async ({ calculator, page }) => {
    await page.setViewportSize({ width, height: 800 });
    await calculator.goto();
    await page.getByRole('button', { name: 'Export ECS on Fargate configuration' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export ECS on Fargate configuration' });
    const list = dialog.getByRole('list', { name: 'Bundle files' });
    const names = list.getByRole('button', { name: /^(README\.md|scenario\.json|ecs\/.+)$/ });
    await expect(names.first()).toBeVisible();
    for (const name of await names.all()) {
      await expect(name).toBeVisible();
      expect(await contrastOf(name), (await name.textContent()) ?? '').toBeGreaterThanOrEqual(4.5);
    }
    await expect(list.getByRole('listitem').first()).toContainText(/\d+(\.\d)? (B|KiB)/);

    await list.getByRole('button', { name: 'ecs/terraform/main.tf', exact: true }).click();
    const preview = dialog.getByRole('region', { name: 'Contents of ecs/terraform/main.tf' });
    await expect(preview).toContainText('resource "aws_ecs_service"');
    const previewBox = (await preview.boundingBox())!;
    const listBox = (await list.boundingBox())!;
    expect(previewBox.height, 'preview height').toBeGreaterThanOrEqual(200);
    expect(previewBox.width, 'preview width').toBeGreaterThanOrEqual(Math.min(width, 1100) * (width < 720 ? 0.9 : 0.5));
    if (width < 720) expect(listBox.y + listBox.height, 'list above the preview').toBeLessThanOrEqual(previewBox.y + 1);
    // The whole dialog fits the screen: nothing to scroll sideways to reach.
    const dialogBox = (await dialog.boundingBox())!;
    expect(dialogBox.x).toBeGreaterThanOrEqual(0);
    expect(dialogBox.x + dialogBox.width).toBeLessThanOrEqual(width);

    await dialog.getByLabel('Wrap long lines').check();
    const scrollsSideways = await preview.locator('pre').evaluate((pre) => pre.scrollWidth > pre.clientWidth + 1);
    expect(scrollsSideways, 'wrapped preview scrolls sideways').toBe(false);

    await dialog.getByRole('button', { name: 'Copy ecs/terraform/main.tf' }).click();
    await expect(dialog.getByRole('status')).toHaveText('Copied ecs/terraform/main.tf');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toContain('resource "aws_ecs_service"');
    const downloading = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Download scenario.json' }).click();
    expect((await downloading).suggestedFilename()).toBe('scenario.json');
    await page.screenshot({ path: `reports/screenshots/export-dialog-${width}.png` });
  });
}

test('results are marked out of date and Export is off while a field is invalid', async ({ calculator, page }) => {
  await calculator.goto();
  const exportButton = page.getByRole('button', { name: 'Export ECS on Fargate configuration' });
  await expect(exportButton).toBeEnabled();
  await calculator.serviceField('Memory (GiB)').fill('');
  await expect(exportButton).toBeDisabled();
  await expect(page.getByText('Fix the highlighted fields to export').first()).toBeVisible();
  await expect(page.getByRole('article', { name: 'ECS on Fargate' })).toHaveClass(/is-stale/);
  await calculator.serviceField('Memory (GiB)').fill('2');
  await expect(exportButton).toBeEnabled();
  await expect(page.getByRole('article', { name: 'ECS on Fargate' })).not.toHaveClass(/is-stale/);
});
