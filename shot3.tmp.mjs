import { chromium } from '@playwright/test';
const [url, out, width, option] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
const page = await browser.newPage({ viewport: { width: Number(width), height: 900 } });
page.on('console', (m) => {
  if (m.type() === 'error') console.log('console', m.text());
});
await page.goto(url);
await page.getByText(`Line items of ${option}`).click();
const table = page.getByRole('table', { name: `${option}: monthly line items` });
await table.scrollIntoViewIfNeeded();
await table.screenshot({ path: out });
await browser.close();
