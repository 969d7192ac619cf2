/**
 * `npm start` (vite preview) sends the app's strict Content-Security-Policy and refuses framing,
 * as the pricing proxy does, and the page works under it: no violation while the whole page, the
 * charts' worker and the export dialog run.
 */
import { test, expect } from './fixtures.ts';
import { waitForWholePage } from './pages/calculator-page.ts';
import { appCsp } from '../src/proxy/http/app-csp.ts';

test('the page is served with the strict CSP and no frame-ancestors, and nothing violates it', async ({
  calculator,
  page,
}) => {
  const violations: string[] = [];
  await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) =>
      (window as unknown as { reportCspViolation: (t: string) => void }).reportCspViolation(
        `${event.violatedDirective} ${event.blockedURI}`,
      ),
    );
  });
  const response = await page.goto('/');
  const headers = response!.headers();
  expect(headers['content-security-policy']).toBe(appCsp([]));
  expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
  expect(headers['content-security-policy']).toContain("script-src 'self'");
  expect(headers['x-frame-options']).toBe('DENY');
  expect(headers['x-content-type-options']).toBe('nosniff');

  await calculator.waitForTotals();
  await waitForWholePage(page);
  await page.getByRole('button', { name: 'Export ECS on Fargate configuration' }).click();
  const dialog = page.getByRole('dialog');
  const downloading = page.waitForEvent('download');
  await dialog.getByRole('button', { name: 'Download .zip' }).click();
  await downloading;
  await page.keyboard.press('Escape');
  await calculator.serviceField('Replicas').fill('4');
  await expect(calculator.total('ecs-fargate')).toHaveText('$101.65');
  expect(violations).toEqual([]);
});
