import { E2E_TOKEN, expect, openApp, test } from './fixtures';

test.beforeEach(async ({ rpc }) => {
  await rpc('settings:set', { key: 'ui.activeTab', value: 'chart' });
});

/**
 * One regular session of 5-minute bars on 2025-12-01 (a Monday), New York times without an offset:
 * a day long past, so the session has begun whenever the suite runs (bars dated after the clock are
 * a session not yet begun, with no levels, and the page logs their 404).
 */
function sessionCsv(badRows: Record<number, string> = {}): string {
  const lines = ['time,open,high,low,close,volume'];
  for (let i = 0; i < 78; i += 1) {
    const minutes = 9 * 60 + 30 + 5 * i;
    const time = `2025-12-01 ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    const open = 100 + i * 0.1;
    lines.push(badRows[i] ?? `${time},${open.toFixed(2)},${(open + 0.3).toFixed(2)},${(open - 0.2).toFixed(2)},${(open + 0.1).toFixed(2)},${1000 + i}`);
  }
  return `${lines.join('\n')}\n`;
}

test('imports a CSV of bars, reports it and charts the symbol', async ({ page, rpc, consoleErrors }) => {
  await openApp(page);
  const card = page.getByRole('region', { name: 'Import bars' });
  await card.getByRole('button', { name: 'Import bars…' }).click();
  const form = page.getByRole('region', { name: 'Import bars from CSV' });

  // Nothing chosen: each field says what is missing, nothing is sent.
  await form.getByRole('button', { name: 'Import', exact: true }).click();
  await expect(form.getByText('Choose a CSV file')).toBeVisible();
  await expect(form.getByLabel('Symbol')).toHaveAttribute('aria-invalid', 'true');

  await form.getByLabel('Symbol').fill('acme');
  await form.getByLabel('CSV file').setInputFiles({ name: 'acme.csv', mimeType: 'text/csv', buffer: Buffer.from(sessionCsv()) });
  await form.getByRole('button', { name: 'Import', exact: true }).click();
  const report = form.getByRole('status');
  await expect(report).toContainText('78 5m bars of ACME stored');
  await expect(report).toContainText('Dec 1, 2025, 9:30 AM to Dec 1, 2025, 3:55 PM (New York)');
  await expect(report).toContainText('time “time” (iso-local)');

  await report.getByRole('button', { name: 'Chart ACME' }).click();
  const chart = page.getByTestId('price-chart');
  await expect(chart).toHaveAttribute('data-symbol', 'ACME');
  await expect(chart).toHaveAttribute('data-source', 'csv');
  await expect(chart).toHaveAttribute('data-bar-count', '78');
  await expect(page.getByRole('search', { name: 'Symbol' }).getByLabel('Symbol')).toHaveValue('ACME');

  // The API serves exactly the imported bars.
  const served = (await rpc('market:bars', { symbol: 'ACME', timeframe: '5m', from: '2025-12-01', to: '2025-12-01' })) as { bars: { open: number }[] };
  expect(served.bars).toHaveLength(78);
  expect(served.bars[0]!.open).toBe(100);
  expect(consoleErrors).toEqual([]);
});

test('a file with bad rows lists them and stores nothing', async ({ page, request }) => {
  await openApp(page);
  await page.getByRole('region', { name: 'Import bars' }).getByRole('button', { name: 'Import bars…' }).click();
  const form = page.getByRole('region', { name: 'Import bars from CSV' });
  await form.getByLabel('Symbol').fill('BADCO');
  const csv = sessionCsv({ 3: '2025-12-01 09:45,abc,1,1,1,1', 10: '2025-12-01 10:20,101,99,100,100,5' });
  await form.getByLabel('CSV file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await form.getByRole('button', { name: 'Import', exact: true }).click();

  const alert = form.getByRole('alert');
  await expect(alert).toContainText('Nothing was imported');
  await expect(alert).toContainText('invalid_input');
  const issues = form.getByRole('listitem');
  await expect(issues).toHaveCount(2);
  // Rows are counted as in a spreadsheet: the header is row 1.
  await expect(issues.first()).toContainText('row 5: open, high, low and close must be positive numbers');
  await expect(issues.last()).toContainText('row 12');

  const res = await request.post('/api/rpc/market:bars', {
    data: { symbol: 'BADCO', timeframe: '5m', from: '2025-12-01', to: '2025-12-01' },
    headers: { authorization: `Bearer ${E2E_TOKEN}` },
  });
  expect(res.status()).toBe(404);
});
