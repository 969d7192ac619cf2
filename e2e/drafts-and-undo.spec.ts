/**
 * Work is never lost: the draft (valid or not) survives a reload, the address bar is written at
 * once when the page goes away, and preset loads and removals can be undone (buttons and keys).
 */
import { test, expect } from './fixtures.ts';
import { decodeShareState } from '../src/domain/share/share-codec.ts';

test('a reload with an invalid field keeps the draft, says so, and offers the link instead', async ({
  calculator,
  page,
}) => {
  await calculator.goto();
  await calculator.serviceField('Replicas').fill('5');
  await expect.poll(() => page.url()).toMatch(/#s=2\./);
  await expect(async () => {
    const decoded = decodeShareState(new URL(page.url()).hash);
    expect(decoded.ok && decoded.state.scenario.services[0]!.replicas).toBe(5);
  }).toPass();
  await calculator.serviceField('vCPU').fill('');
  await calculator.serviceField('Name').fill('Bad Name');
  await page.reload();

  await expect(page.getByText('Restored your unsaved scenario')).toBeVisible();
  await expect(calculator.serviceField('Name')).toHaveValue('Bad Name');
  await expect(calculator.serviceField('Name')).toHaveAttribute('aria-invalid', 'true');
  await expect(calculator.serviceField('vCPU')).toHaveValue('');
  await expect(calculator.serviceField('Replicas')).toHaveValue('5');

  await page.getByRole('button', { name: "Open the link's scenario" }).click();
  await expect(page.getByText('Restored your unsaved scenario')).toHaveCount(0);
  await expect(calculator.serviceField('Name')).toHaveValue('api-service');
  await expect(calculator.serviceField('vCPU')).toHaveValue('0.5');
  await expect(calculator.serviceField('Replicas')).toHaveValue('5');
  // The switch is one undo step: the invalid draft comes back.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(calculator.serviceField('Name')).toHaveValue('Bad Name');
});

test('an edit made just before a reload survives it, and its link is in the address bar', async ({
  calculator,
  page,
}) => {
  await calculator.goto();
  await calculator.serviceField('Replicas').fill('7');
  await page.reload(); // well within the 400 ms pause before the link is written
  await expect(calculator.serviceField('Replicas')).toHaveValue('7');
  await expect(page.getByText('Restored your unsaved scenario')).toBeVisible();
  await expect(async () => {
    const decoded = decodeShareState(new URL(page.url()).hash);
    expect(decoded.ok && decoded.state.scenario.services[0]!.replicas).toBe(7);
  }).toPass();
  // The restored scenario is now the link: the next reload opens it without a notice.
  await page.reload();
  await expect(calculator.serviceField('Replicas')).toHaveValue('7');
  await expect(page.getByText('Restored your unsaved scenario')).toHaveCount(0);
});

test('undo after a preset load brings the edited scenario back; redo loads it again', async ({ calculator, page }) => {
  await calculator.goto();
  const undoButton = page.getByRole('button', { name: 'Undo' });
  const redoButton = page.getByRole('button', { name: 'Redo' });
  await expect(undoButton).toBeDisabled();
  await calculator.serviceField('Replicas').fill('3');
  const edited = await calculator.totals();
  await page.getByLabel('Start from a preset').selectOption({ label: '50-microservice platform' });
  await page.getByRole('button', { name: 'Load preset' }).click();
  await expect(calculator.serviceField('Name', 50)).toBeVisible();
  await expect(page.getByText('Last change: Load preset 50-microservice platform')).toBeVisible();

  await undoButton.click();
  await expect(calculator.serviceField('Name', 2)).toHaveCount(0);
  await expect(calculator.serviceField('Replicas')).toHaveValue('3');
  expect(await calculator.totals()).toEqual(edited);

  await redoButton.click();
  await expect(calculator.serviceField('Name', 50)).toBeVisible();

  // The keyboard does the same, also from inside a text box.
  await calculator.serviceField('Name', 1).focus();
  await page.keyboard.press('Control+z');
  await expect(calculator.serviceField('Name', 2)).toHaveCount(0);
  await page.keyboard.press('Control+Shift+z');
  await expect(calculator.serviceField('Name', 50)).toBeVisible();
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+y');
  await expect(calculator.serviceField('Name', 50)).toBeVisible();
});

test('a removed service comes back with undo', async ({ calculator, page }) => {
  await calculator.goto();
  await page.getByRole('button', { name: 'Duplicate service 1' }).click();
  await calculator.serviceField('Name', 2).fill('worker');
  await page.getByRole('button', { name: 'Remove service 1' }).click();
  await expect(calculator.serviceField('Name', 1)).toHaveValue('worker');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(calculator.serviceField('Name', 1)).toHaveValue('api-service');
  await expect(calculator.serviceField('Name', 2)).toHaveValue('worker');
});
