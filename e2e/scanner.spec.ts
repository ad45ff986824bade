import type { Locator } from '@playwright/test';
import { expect, openApp, test } from './fixtures';

type Rpc = (name: string, input?: unknown) => Promise<unknown>;

/** Starts with no scan schedule, whatever an earlier run left (the specs share one server). */
async function noSchedules(rpc: Rpc): Promise<void> {
  const { schedules } = (await rpc('scanner:schedules:list', {})) as { schedules: { id: string }[] };
  for (const s of schedules) await rpc('scanner:schedules:delete', { id: s.id });
}

async function attributes(rows: Locator, name: string): Promise<string[]> {
  return rows.evaluateAll((els, attr) => els.map((el) => el.getAttribute(attr) ?? ''), name);
}

const sorted = (list: string[]) => [...list].sort((a, b) => a.localeCompare(b, 'en-US'));

// A run reads a day of bars per symbol and its key levels; on a machine shared by other runs the
// default 30 s is too tight for a whole test.
test.describe.configure({ timeout: 90_000 });

test('run a scan: pick scans and symbols, sort the results, open the numbers, set the suggested alert and find it in the Alerts tab', async ({ page, rpc, consoleErrors }) => {
  await rpc('settings:set', { key: 'ui.activeTab', value: 'scanner' });
  await openApp(page);
  const tab = page.getByRole('tabpanel', { name: 'Scanner' });
  const picker = tab.getByRole('form', { name: 'Scan' });

  // The watchlist is there by default; emptied, the run is refused before it is sent.
  const chips = picker.getByTestId('symbol-chip');
  await expect(chips.first()).toBeVisible();
  const box = picker.getByLabel('Symbols', { exact: true });
  for (let n = await chips.count(); n > 0; n--) await box.press('Backspace');
  await expect(chips).toHaveCount(0);
  await picker.getByRole('button', { name: 'Run scan' }).click();
  await expect(picker.getByText(/^Give at least one symbol/)).toBeVisible();

  // A wrong symbol is refused at the chip; the right ones become chips, upper case.
  await box.fill('spy 1x');
  await box.press('Enter');
  await expect(picker.getByText(/"1X" is not a symbol/)).toBeVisible();
  await box.fill('spy, qqq iwm');
  await box.press('Enter');
  await expect(chips).toHaveText([/^SPY/, /^QQQ/, /^IWM/]);

  // The technical scans only (the options scans price whole chains; their own tests cover them).
  await picker.getByRole('button', { name: 'Clear options scans' }).click();
  await picker.getByRole('button', { name: 'Select all technical scans' }).click();
  await picker.getByRole('button', { name: 'Run scan' }).click();

  const results = tab.getByTestId('scan-run-results');
  await expect(results.getByTestId('scan-run-summary')).toContainText(/\d+ results? · 3 symbols/, { timeout: 30_000 });
  const rows = results.getByTestId('scan-result');
  await expect(rows.first()).toBeVisible();
  expect(new Set(await attributes(rows, 'data-symbol'))).not.toContain('');

  // Best score first; the headers sort and say how (aria-sort).
  const table = results.getByTestId('scan-results-table');
  const scoreHeader = table.getByRole('columnheader', { name: /Score/ });
  await expect(scoreHeader).toHaveAttribute('aria-sort', 'descending');
  const scores = async () => (await rows.getByTestId('scan-score').allTextContents()).map(Number);
  const best = await scores();
  expect(best).toEqual([...best].sort((a, b) => b - a));
  await table.getByRole('button', { name: 'Symbol' }).click();
  await expect(table.getByRole('columnheader', { name: /Symbol/ })).toHaveAttribute('aria-sort', 'ascending');
  await expect(scoreHeader).not.toHaveAttribute('aria-sort');
  const symbols = await attributes(rows, 'data-symbol');
  expect(symbols).toEqual(sorted(symbols));
  await table.getByRole('button', { name: 'Score' }).click();
  await table.getByRole('button', { name: 'Score' }).click();
  await expect(scoreHeader).toHaveAttribute('aria-sort', 'ascending');
  const worst = await scores();
  expect(worst).toEqual([...worst].sort((a, b) => a - b));

  // A result that suggests an alert: its numbers, then the alert, made at once.
  const row = rows.filter({ has: page.getByRole('button', { name: /^Set alert/ }) }).first();
  await expect(row).toBeVisible();
  const symbol = (await row.getAttribute('data-symbol'))!;
  await row.getByRole('button', { name: /^Numbers of/ }).click();
  await expect(row.getByRole('button', { name: /^Numbers of/ })).toHaveAttribute('aria-expanded', 'true');
  await expect(row.getByTestId('scan-metrics').locator('dt').first()).toBeVisible();
  await expect(row.getByText(/^Next step:/)).toBeVisible();

  await row.getByRole('button', { name: /^Set alert/ }).click();
  const note = row.getByTestId('scan-alert-set');
  await expect(note).toContainText(`Alert set: ${symbol}`);
  await expect(row.getByRole('button', { name: /^Set alert/ })).toBeDisabled();
  const { alerts } = (await rpc('alerts:list', { symbol })) as { alerts: { id: string; note: string | null }[] };
  const made = alerts.find((a) => a.note?.startsWith('Scanner: '));
  expect(made, 'the alert made from the result').toBeDefined();

  // "Show in Alerts" opens the Alerts tab on it, highlighted.
  await note.getByRole('button', { name: 'Show in Alerts' }).click();
  await expect(page.getByRole('tab', { name: /^Alerts/ })).toHaveAttribute('aria-selected', 'true');
  const alertRow = page.getByRole('tabpanel', { name: 'Alerts' }).locator(`[data-alert-id="${made!.id}"]`);
  await expect(alertRow).toHaveClass(/alert-highlighted/);
  await expect(alertRow).toContainText(symbol);
  await expect(alertRow).toContainText('Scanner: ');

  // Back on the Scanner tab, the run is still there (kept while other tabs show).
  await page.getByRole('tab', { name: /^Scanner/ }).click();
  await expect(tab.getByTestId('scan-run-summary')).toContainText('3 symbols');
  await expect(tab.getByRole('form', { name: 'Scan' }).getByTestId('symbol-chip')).toHaveCount(3);

  await rpc('alerts:delete', { id: made!.id });
  expect(consoleErrors).toEqual([]);
});

test('scan schedules: the form checks its fields; create switched off, switch on (it runs, its last run shows), off again, delete (asking first)', async ({ page, rpc, consoleErrors }) => {
  await noSchedules(rpc);
  await rpc('settings:set', { key: 'ui.activeTab', value: 'scanner' });
  await openApp(page);
  const card = page.getByRole('tabpanel', { name: 'Scanner' }).getByTestId('scan-schedules');
  await expect(card.getByText(/^No schedule yet/)).toBeVisible();

  await card.getByRole('button', { name: 'New schedule' }).click();
  const form = card.getByRole('form', { name: 'New scan schedule' });
  await form.getByLabel('Every (minutes)').fill('0');
  await form.getByRole('button', { name: 'Create schedule' }).click();
  await expect(form.getByText('Name is required')).toBeVisible();
  await expect(form.getByText('Choose at least one scan')).toBeVisible();
  await expect(form.getByText('Every must be at least 1 minute')).toBeVisible();

  await form.getByLabel('Name').fill('Morning levels');
  await form.getByRole('checkbox', { name: 'Near a key level' }).check();
  await form.getByRole('checkbox', { name: /^Gap/ }).check();
  await form.getByLabel('Every (minutes)').fill('30');
  await form.getByRole('checkbox', { name: /^Scan the watchlist/ }).uncheck();
  const box = form.getByLabel('Symbols', { exact: true });
  for (let n = await form.getByTestId('symbol-chip').count(); n > 0; n--) await box.press('Backspace');
  await box.fill('SPY QQQ');
  await box.press('Enter');
  // Created switched off: it waits.
  await form.getByRole('checkbox', { name: 'Enabled' }).uncheck();
  await form.getByRole('button', { name: 'Create schedule' }).click();
  await expect(form).toBeHidden();

  const row = card.getByTestId('schedule-row').filter({ hasText: 'Morning levels' });
  await expect(row).toHaveAttribute('data-enabled', 'false');
  await expect(row).toContainText('SPY, QQQ');
  await expect(row).toContainText('30 min');
  await expect(row).toContainText('not yet');
  const stored = async () => ((await rpc('scanner:schedules:list', {})) as { schedules: { name: string; enabled: boolean; scans: string[]; symbols: string[] | null }[] }).schedules;
  expect(await stored()).toEqual([expect.objectContaining({ name: 'Morning levels', enabled: false, scans: ['near_level', 'gap'], symbols: ['SPY', 'QQQ'] })]);

  // Switched on, it runs at once (the e2e server runs schedules at any hour); its last run shows.
  await row.getByRole('checkbox', { name: 'Run Morning levels' }).check();
  await expect(row).toHaveAttribute('data-enabled', 'true');
  await expect(row.locator('.schedule-last-run')).toContainText(/\d+ results?, \d+ new/, { timeout: 30_000 });
  await row.getByRole('checkbox', { name: 'Run Morning levels' }).uncheck();
  await expect(row).toHaveAttribute('data-enabled', 'false');
  await expect.poll(async () => (await stored())[0]?.enabled).toBe(false);

  await row.getByRole('button', { name: 'Delete schedule Morning levels' }).click();
  await row.getByRole('group', { name: /^Delete schedule Morning levels/ }).getByRole('button', { name: 'Yes' }).click();
  await expect(row).toHaveCount(0);
  await expect(card.getByText(/^No schedule yet/)).toBeVisible();
  expect(consoleErrors).toEqual([]);
});

test("a schedule's new finds while another tab shows: a badge on the Scanner tab, a toast that opens it, the finds marked new until the tab is left", async ({ page, rpc, consoleErrors }) => {
  await noSchedules(rpc);
  await rpc('notifications:markAllRead', {});
  await rpc('settings:set', { key: 'ui.activeTab', value: 'journal' });
  await openApp(page);
  const scannerTab = page.getByRole('tab', { name: /^Scanner/ });
  await expect(scannerTab).toHaveAttribute('aria-selected', 'false');

  // Scans the previous test did not run, over the watchlist: every result is new today. The session
  // scans find nothing before today's open and the options scans read the nearest chain, so between
  // them something is found at any hour the suite runs.
  const scans = ['vwap_cross', 'opening_range_breakout', 'new_intraday_extreme', 'straddle_vs_atr', 'skew_extreme', 'iv_vs_realized'];
  const schedule = (await rpc('scanner:schedules:create', { name: 'All day', scans, everyMinutes: 240 })) as { id: string };
  const badge = page.getByTestId('tab-badge-scanner');
  await expect(badge).toHaveText(/^\d+$/, { timeout: 30_000 });
  const count = Number(await badge.textContent());
  expect(count).toBeGreaterThan(0);
  await expect(page.getByRole('tab', { name: `Scanner (${count} new)` })).toBeVisible();

  const toast = page.getByRole('status', { name: 'Alerts and scanner finds' }).getByTestId('alert-toast').filter({ hasText: '(All day)' });
  await expect(toast).toContainText(`Scanner: ${count} new result`);
  await toast.getByRole('button', { name: /^Scanner:/ }).click();
  await expect(scannerTab).toHaveAttribute('aria-selected', 'true');
  await expect(badge).toHaveCount(0);

  const finds = page.getByRole('tabpanel', { name: 'Scanner' }).getByTestId('scheduled-finds');
  await expect(finds.getByTestId('scheduled-finds-new')).toHaveText(`${count} new`);
  await expect(finds.getByTestId('scan-result')).toHaveCount(count);
  await expect(finds.locator('.scan-new-tag')).toHaveCount(count);

  // Seen once the tab is left: no badge, and nothing marked new on the way back.
  await page.getByRole('tab', { name: 'Journal' }).click();
  await expect(badge).toHaveCount(0);
  await scannerTab.click();
  await expect(finds.getByTestId('scan-result')).toHaveCount(count);
  await expect(finds.locator('.scan-new-tag')).toHaveCount(0);
  await expect(finds.getByTestId('scheduled-finds-new')).toHaveCount(0);

  await rpc('scanner:schedules:delete', { id: schedule.id });
  await rpc('notifications:markAllRead', {});
  expect(consoleErrors).toEqual([]);
});
