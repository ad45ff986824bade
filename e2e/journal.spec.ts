import path from 'node:path';
import { expect, openApp, test } from './fixtures';

const FIXTURES = path.resolve(import.meta.dirname, '../electron/journal/fixtures');

/** Starts from an empty journal whatever an earlier test or run left (the specs share one server). */
async function emptyJournal(rpc: (name: string, input?: unknown) => Promise<unknown>): Promise<void> {
  const { trades } = (await rpc('journal:list', { limit: 5000 })) as { trades: { id: string }[] };
  for (const t of trades) await rpc('journal:delete', { id: t.id });
}

test('imports a thinkorswim statement through the wizard; the trades and the analytics show it', async ({ page, rpc, consoleErrors }) => {
  await emptyJournal(rpc);
  await rpc('settings:set', { key: 'ui.activeTab', value: 'journal' });

  await openApp(page);
  const journal = page.getByRole('tabpanel', { name: 'Journal' });
  await expect(journal.getByText('No trades yet.')).toBeVisible();
  await journal.getByRole('button', { name: 'Analytics' }).click();
  await expect(journal.getByText('No closed trades yet.')).toBeVisible();

  await journal.getByRole('button', { name: 'Import' }).click();
  await journal.getByLabel('CSV file').setInputFiles(path.join(FIXTURES, 'thinkorswim.csv'));
  await expect(journal.getByText('detected format')).toContainText('thinkorswim statement');
  const preview = journal.getByRole('table', { name: 'Trades to import' });
  await expect(preview.getByRole('row')).toHaveCount(4); // header + AAPL + the vertical's two legs
  await expect(preview).toContainText('SPY 475C 2024-01-19');
  await journal.getByRole('button', { name: 'Import 3 trade legs' }).click();
  await expect(journal.getByRole('status').filter({ hasText: 'Imported' })).toContainText('Imported 3 trade legs in 2 trades');

  await journal.getByRole('button', { name: 'See the trades' }).click();
  const table = journal.getByRole('table', { name: 'Journal trades' });
  await expect(table.getByRole('row')).toHaveCount(4);
  await expect(table.getByText('2 legs')).toHaveCount(2); // the vertical's two legs are one trade
  await expect(table).toContainText('$85.00'); // AAPL 0.85 × 100

  await journal.getByRole('button', { name: 'Analytics' }).click();
  const stats = journal.getByRole('definition').filter({ hasText: '$160.00' }); // 85 + 130 − 55
  await expect(stats).toBeVisible();
  await expect(journal.getByRole('img', { name: /Equity curve over 2 trades, ending at \$160\.00/ })).toBeVisible();
  await expect(journal.getByLabel('2024-01-11: $75.00 in 1 trade')).toBeVisible();

  // A second import of the same file finds nothing new.
  await journal.getByRole('button', { name: 'Import' }).click();
  await journal.getByLabel('CSV file').setInputFiles(path.join(FIXTURES, 'thinkorswim.csv'));
  await expect(journal.getByRole('button', { name: 'Nothing new to import' })).toBeDisabled();
  expect(consoleErrors).toEqual([]);
});

test('a bad file shows its row errors and cannot be imported; an unknown format is mapped by hand; the form shows errors by field; deleting asks first', async ({ page, rpc, consoleErrors }) => {
  await emptyJournal(rpc);
  await rpc('settings:set', { key: 'ui.activeTab', value: 'journal' });
  await openApp(page);
  const journal = page.getByRole('tabpanel', { name: 'Journal' });
  await journal.getByRole('button', { name: 'Import' }).click();
  await journal.getByLabel('CSV file').setInputFiles({ name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from('Time,Symbol,Side,Quantity,Price\n2024-01-08 09:35:00,SPY,Buy,100,abc\n') });
  await expect(journal.getByRole('table', { name: 'Row errors' })).toContainText('Price is not a number: "abc"');
  await expect(journal.getByRole('button', { name: 'Nothing new to import' })).toBeDisabled();

  // A file of no known format: its missing columns are named, and mapping them makes it importable.
  await journal.getByRole('button', { name: 'Choose another file' }).click();
  const own = 'When,Ticker,Action,Count,Fill\n2024-03-04 10:00:00,DIA,Buy,5,390\n2024-03-04 10:20:00,DIA,Sell,5,391.5\n';
  await journal.getByLabel('CSV file').setInputFiles({ name: 'own.csv', mimeType: 'text/csv', buffer: Buffer.from(own) });
  await expect(journal.getByText('format not recognised')).toBeVisible();
  await expect(journal.getByRole('alert')).toContainText('Missing required columns: time (Time), quantity (Quantity), price (Price).');
  await journal.getByLabel('Column for time').selectOption('When');
  await journal.getByLabel('Column for quantity').selectOption('Count');
  await journal.getByLabel('Column for price').selectOption('Fill');
  await journal.getByRole('button', { name: 'Preview again' }).click();
  await expect(journal.getByRole('table', { name: 'Trades to import' })).toContainText('$7.50'); // 1.50 × 5
  await expect(journal.getByRole('button', { name: 'Import 1 trade leg', exact: true })).toBeEnabled();

  await journal.getByRole('button', { name: 'Trades' }).click();
  await journal.getByRole('button', { name: 'Add trade' }).click();
  const form = journal.getByRole('form', { name: 'Add trade' });
  await form.getByLabel('Quantity').fill('-3');
  await form.getByRole('button', { name: 'Add trade' }).click();
  await expect(form.getByText('Symbol is required')).toBeVisible();
  await expect(form.getByText('Must be above 0')).toBeVisible();
  await form.getByLabel('Symbol').fill('nvda');
  await form.getByLabel('Quantity').fill('10');
  await form.getByLabel('Entry price').fill('500');
  await form.getByLabel('Entry time').fill('2024-02-01T10:00');
  await form.getByRole('button', { name: 'Add trade' }).click();
  await expect(form).toBeHidden();
  const trades = journal.getByRole('table', { name: 'Journal trades' });
  await expect(trades).toContainText('NVDA');
  await expect(journal.getByText('1 leg · times in New York', { exact: true })).toBeVisible();
  // The form's times are New York wall time, whatever the computer's zone: 10:00 EST is 15:00 UTC.
  expect(await rpc('journal:list', {})).toMatchObject({ trades: [{ symbol: 'NVDA', entryTime: '2024-02-01T15:00:00.000Z' }] });
  await expect(trades.getByRole('row', { name: /NVDA/ })).toContainText('2024-02-01 10:00');

  // Deleting asks first; "No" keeps the trade, "Yes" deletes it.
  await trades.getByRole('button', { name: /^Delete NVDA/ }).click();
  const confirm = trades.getByRole('group', { name: /^Delete NVDA .*\?$/ });
  await expect(confirm.getByRole('button', { name: 'No' })).toBeFocused();
  expect(await rpc('journal:list', {})).toMatchObject({ total: 1 });
  await confirm.getByRole('button', { name: 'No' }).click();
  await expect(confirm).toBeHidden();
  await expect(trades).toContainText('NVDA');
  await trades.getByRole('button', { name: /^Delete NVDA/ }).click();
  await confirm.getByRole('button', { name: 'Yes' }).click();
  await expect(trades).toBeHidden(); // the empty journal shows its empty state instead
  expect(await rpc('journal:list', {})).toMatchObject({ total: 0 });
  expect(consoleErrors).toEqual([]);
});
