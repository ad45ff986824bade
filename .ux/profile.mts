import { chromium } from 'playwright-core';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'] });
const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
await page.goto('http://127.0.0.1:47500/#token=tok-0123456789abcdefghijklmn');
await page.getByRole('tab', { name: 'Profile' }).click();
await page.getByLabel('Screenshots read per day').waitFor();
await page.getByLabel('Screenshots read per day').scrollIntoViewIfNeeded();
await page.screenshot({ path: '/tmp/ux/5-profile.png' });
await browser.close();
