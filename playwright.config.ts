import { defineConfig, devices, chromium } from '@playwright/test';
import { existsSync } from 'node:fs';

// PW_CHROMIUM_PATH=/path -> that binary; PW_CHROMIUM_PATH='' -> Playwright's own download;
// unset -> Debian's /usr/bin/chromium if present, else Playwright's own download.
const systemChromium =
  process.env.PW_CHROMIUM_PATH !== undefined
    ? process.env.PW_CHROMIUM_PATH || undefined
    : ['/usr/bin/chromium', '/usr/bin/chromium-browser'].find((p) => existsSync(p));

if (!systemChromium && !existsSync(chromium.executablePath())) {
  throw new Error(
    'No Chromium for Playwright. Debian/Ubuntu as root: apt-get install -y chromium ; elsewhere: npx playwright install chromium',
  );
}
const PORT = Number(process.env.E2E_PORT ?? 4173);

export default defineConfig({
  testDir: './e2e',
  outputDir: './test-results', // wiped at start: screenshots and reports live under reports/
  workers: 1, // 2-core machine
  retries: process.env.CI ? 1 : 0,
  forbidOnly: !!process.env.CI,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: 'reports/e2e.json' }]],
  use: { baseURL: `http://127.0.0.1:${PORT}`, trace: 'retain-on-failure', screenshot: 'only-on-failure' },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: systemChromium
          ? {
              executablePath: systemChromium,
              args: [
                '--no-sandbox',
                '--disable-gpu',
                '--disable-dev-shm-usage',
                '--disable-background-networking',
                '--disable-component-update',
                '--disable-sync',
                '--disable-quic',
                '--no-first-run',
              ],
            }
          : {},
      },
    },
  ],
  webServer: {
    command: `npx vite build && npx vite preview --host 127.0.0.1 --port ${PORT} --strictPort`,
    url: `http://127.0.0.1:${PORT}`,
    reuseExistingServer: !process.env.CI,
    timeout: 120_000,
    stdout: 'ignore',
    stderr: 'pipe',
  },
});
