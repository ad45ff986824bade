import { readNotifySendCalls } from '../electron/testing/fake-notify-send';
import { E2E_NOTIFY_SEND_LOG } from './env';
import { expect, openApp, test } from './fixtures';

type Rpc = (name: string, input?: unknown) => Promise<unknown>;

/** Starts with no alerts and nothing unread, whatever an earlier test or run left (the specs share one server). */
async function noAlerts(rpc: Rpc): Promise<void> {
  const { alerts } = (await rpc('alerts:list', {})) as { alerts: { id: string }[] };
  for (const a of alerts) await rpc('alerts:delete', { id: a.id });
  await rpc('notifications:markAllRead', {});
}

async function lastPrice(rpc: Rpc, symbol: string): Promise<number> {
  return ((await rpc('market:quote', { symbol })) as { last: number }).last;
}

// The server runs with ALERT_TICK_MS=500 (playwright.config.ts): the worker ticks every half second
// at any hour, market open or closed, against the simulated market. "At or below" a price 1 % above
// the last print is true at the first tick (closed, the price does not move; open, it moves far less
// than 1 % in a second), so the alert fires within a tick or two, deterministically.
test('an alert just beyond the price fires: toast, badge, native popup, and the toast opens it', async ({ page, rpc, consoleErrors }) => {
  await noAlerts(rpc);
  await rpc('settings:set', { key: 'ui.activeTab', value: 'alerts' });
  const last = await lastPrice(rpc, 'SPY');
  const target = (Math.ceil(last * 1.01 * 100) / 100).toFixed(2);
  const title = `SPY below ${Number(target).toLocaleString('en-US', { minimumFractionDigits: 2 })}`;

  await openApp(page);
  const tab = page.getByRole('tabpanel', { name: 'Alerts' });
  await tab.getByRole('button', { name: 'New alert' }).click();
  const form = tab.getByRole('form', { name: 'New alert' });
  await form.getByLabel('Symbol').fill('SPY');
  await form.getByLabel('Condition').selectOption({ label: 'at or below' });
  await form.getByLabel('Target price').fill(target);
  await form.getByLabel('Note').fill('e2e: fires at once');
  await form.getByRole('button', { name: 'Create alert' }).click();
  await expect(form).toBeHidden();

  // The toast, announced politely; from another tab it leads back to the alert, highlighted (at
  // once: it leaves by itself after 8 s).
  const toast = page.getByRole('status', { name: 'Alerts and scanner finds' }).getByTestId('alert-toast');
  await expect(toast).toHaveCount(1, { timeout: 10_000 });
  await expect(toast).toContainText(title);
  await page.getByRole('tab', { name: 'Journal' }).click();
  await toast.getByText(title, { exact: true }).click();
  await expect(page.getByRole('tab', { name: /^Alerts/ })).toHaveAttribute('aria-selected', 'true');
  await expect(toast).toHaveCount(0);
  const row = tab.getByTestId('alert-row').filter({ hasText: 'SPY' });
  await expect(row).toHaveAttribute('data-status', 'triggered');
  await expect(row.getByTestId('alert-status')).toHaveText('triggered');
  await expect(row).toHaveClass(/alert-highlighted/);

  // The badge on the Alerts tab counts the unread notification.
  await expect(page.getByTestId('tab-badge-alerts')).toHaveText('1');
  await expect(page.getByRole('tab', { name: 'Alerts (1 unread)' })).toBeVisible();

  // The worker asked the OS notifier (node-notifier → notify-send) for a popup with the alert's title.
  await expect.poll(() => readNotifySendCalls(E2E_NOTIFY_SEND_LOG).map((args) => args[0])).toContain(title);

  // The notification is listed unread; marking all read clears the badge.
  const item = tab.getByTestId('notification-item').filter({ hasText: title });
  await expect(item).toHaveAttribute('data-read', 'false');
  await tab.getByRole('button', { name: 'Mark all read' }).click();
  await expect(item).toHaveAttribute('data-read', 'true');
  await expect(page.getByTestId('tab-badge-alerts')).toHaveCount(0);
  expect(consoleErrors).toEqual([]);
});

test('the form shows errors by field (its own check and the main process\'s); edit, cancel and delete (asking first)', async ({ page, rpc, consoleErrors }) => {
  await noAlerts(rpc);
  await rpc('settings:set', { key: 'ui.activeTab', value: 'alerts' });
  await openApp(page);
  const tab = page.getByRole('tabpanel', { name: 'Alerts' });
  await tab.getByRole('button', { name: 'New alert' }).click();
  const form = tab.getByRole('form', { name: 'New alert' });

  // Checked in the page with the contract's schema.
  await form.getByLabel('Target price').fill('abc');
  await form.getByRole('button', { name: 'Create alert' }).click();
  await expect(form.getByText('Target price must be a number')).toBeVisible();
  await expect(form.getByLabel('Target price')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByText(/^Symbol must be 1–10 letters/)).toBeVisible();

  // Refused by the main process: the market does not know the symbol.
  await form.getByLabel('Symbol').fill('ZZZZQ');
  await form.getByLabel('Target price').fill('100');
  await form.getByRole('button', { name: 'Create alert' }).click();
  await expect(form.getByLabel('Symbol')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.locator('#alert-symbol-error')).toContainText('ZZZZQ');

  // A valid alert far above the price: it stays active until cancelled.
  const far = (Math.round((await lastPrice(rpc, 'QQQ')) * 2 * 100) / 100).toFixed(2);
  await form.getByLabel('Symbol').fill('qqq');
  await form.getByLabel('Condition').selectOption({ label: 'crosses above' });
  await form.getByLabel('Target price').fill(far);
  await form.getByLabel('Fires').selectOption({ label: 'Every time (re-arms)' });
  await form.getByLabel('Cooldown (minutes)').fill('5');
  await form.getByRole('button', { name: 'Create alert' }).click();
  const row = tab.getByTestId('alert-row').filter({ hasText: 'QQQ' });
  await expect(row).toHaveAttribute('data-status', 'active');
  await expect(row).toContainText('every time, 5 min apart');

  await row.getByRole('button', { name: /^Edit QQQ/ }).click();
  const edit = tab.getByRole('form', { name: 'Edit alert on QQQ' });
  await expect(edit.getByLabel('Cooldown (minutes)')).toHaveValue('5');
  await edit.getByLabel('Note').fill('edited in e2e');
  await edit.getByRole('button', { name: 'Save changes' }).click();
  await expect(edit).toBeHidden();
  await expect(row).toContainText('edited in e2e');

  await row.getByRole('button', { name: /^Cancel QQQ/ }).click();
  await expect(row).toHaveAttribute('data-status', 'cancelled');
  await tab.getByLabel('Status').selectOption('active');
  await expect(row).toHaveCount(0);
  await tab.getByLabel('Status').selectOption('all');

  await row.getByRole('button', { name: /^Delete QQQ/ }).click();
  await row.getByRole('group', { name: /^Delete QQQ/ }).getByRole('button', { name: 'No' }).click();
  await expect(row).toHaveCount(1);
  await row.getByRole('button', { name: /^Delete QQQ/ }).click();
  await row.getByRole('button', { name: 'Yes' }).click();
  await expect(row).toHaveCount(0);
  expect(await rpc('alerts:list', {})).toEqual({ alerts: [] });
  // The one refusal above is the browser's only complaint.
  expect(consoleErrors).toEqual(['console: Failed to load resource: the server responded with a status of 400 (Bad Request)']);
});

test("a level in the chart's legend offers an alert at its price, prefilled in the Alerts tab", async ({ page, rpc, consoleErrors }) => {
  // Opened on the light Alerts tab: the chart's first loads are the server's heaviest work.
  await rpc('settings:set', { key: 'ui.activeTab', value: 'alerts' });
  const { levels } = (await rpc('levels:get', { symbol: 'SPY' })) as { levels: { name: string; price: number }[] };
  const pdh = levels.find((l) => l.name === 'PDH')!;
  await openApp(page);
  await page.getByRole('tab', { name: 'Chart' }).click();
  const legend = page.getByRole('group', { name: 'Levels' });
  await legend.getByRole('button', { name: 'PDH', exact: true }).click();
  await legend.getByRole('button', { name: `Alert at PDH ${pdh.price.toFixed(2)}` }).click();

  const form = page.getByRole('tabpanel', { name: 'Alerts' }).getByRole('form', { name: 'New alert' });
  await expect(form.getByLabel('Symbol')).toHaveValue('SPY');
  await expect(form.getByLabel('Condition')).toHaveValue('crosses');
  await expect(form.getByLabel('Target price')).toHaveValue(String(pdh.price));
  await expect(form.getByLabel('Note')).toHaveValue('At PDH');
  expect(consoleErrors).toEqual([]);
});

test('a level line clicked on the chart offers an alert at its price, prefilled in the Alerts tab', async ({ page, rpc, consoleErrors }) => {
  await rpc('settings:set', { key: 'ui.activeTab', value: 'alerts' });
  const { levels } = (await rpc('levels:get', { symbol: 'SPY' })) as { levels: { name: string; price: number }[] };
  await openApp(page);
  await page.getByRole('tab', { name: 'Chart' }).click();
  const canvas = page.getByTestId('chart-canvas');
  await expect(canvas).not.toHaveAttribute('data-price-lines', '0', { timeout: 15_000 });

  // The canvas cannot be read, so click down the chart's middle every 10 px (a line takes clicks
  // within 6 px): a click on empty chart offers nothing, the first one on a line offers its alert.
  // Lightweight Charts counts a click within 500 ms of the last one as the second of a double click
  // (no click event), so the clicks are spaced like a person's.
  test.setTimeout(60_000);
  const box = (await canvas.boundingBox())!;
  const offer = page.getByRole('button', { name: /^Alert at / });
  let y = 8;
  for (; y < box.height - 8 && !(await offer.isVisible()); y += 10) {
    await canvas.click({ position: { x: box.width / 2, y } });
    await page.waitForTimeout(550);
  }
  await expect(offer).toBeVisible();
  const [, name, price] = /^Alert at (.+) (\d+\.\d{2})$/.exec((await offer.textContent())!)!;
  // The line is one the levels engine gave (coincident levels are drawn as one line, names joined).
  const level = levels.find((l) => l.price.toFixed(2) === price && name!.split(/ · |\//).some((part) => l.name.startsWith(part)))!;
  expect(level).toBeDefined();
  await offer.click();

  const form = page.getByRole('tabpanel', { name: 'Alerts' }).getByRole('form', { name: 'New alert' });
  await expect(form.getByLabel('Symbol')).toHaveValue('SPY');
  await expect(form.getByLabel('Condition')).toHaveValue('crosses');
  await expect(form.getByLabel('Target price')).toHaveValue(String(level.price));
  await expect(form.getByLabel('Note')).toHaveValue(`At ${name}`);
  expect(consoleErrors).toEqual([]);
});
