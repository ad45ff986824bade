import { expect, openApp, test } from './fixtures';

// A scan reads a day of bars per symbol and its levels: slow on a shared machine.
test.describe.configure({ timeout: 90_000 });

test.beforeEach(async ({ rpc }) => {
  await rpc('settings:set', { key: 'chat.activeSessionId', value: null });
});

test('asked to scan, the coach answers with the scores and a scan card whose "Set alert" makes the suggested alert; a reload keeps the card', async ({ page, rpc, consoleErrors }) => {
  await openApp(page);
  const chat = page.getByRole('region', { name: 'AI Coach' });
  const input = chat.getByRole('textbox', { name: 'Message the coach' });
  await input.fill('technical scan on spy, qqq and iwm');
  await input.press('Enter');

  const log = chat.getByRole('log', { name: 'Conversation' });
  const answer = log.locator('[data-testid="chat-message"][data-role="assistant"]').last();
  await expect(answer).toHaveAttribute('data-status', 'complete', { timeout: 60_000 });
  const card = answer.locator('[data-widget="scan_results"]');
  await expect(card).toBeVisible();
  await expect(card.getByRole('heading')).toHaveText(/^Scanner · \d+ results? on SPY, QQQ, IWM$/);
  const rows = card.getByTestId('chat-scan-row');
  await expect(rows.first()).toBeVisible();

  // The answer names the best finding with the score the card shows.
  const first = rows.first();
  const symbol = (await first.getAttribute('data-symbol'))!;
  const score = (await first.locator('.scan-score').textContent())!;
  await expect(answer.locator('.chat-markdown')).toContainText(`${symbol} · `);
  await expect(answer.locator('.chat-markdown')).toContainText(`score ${score}`);

  // A finding that suggests an alert: one click makes it, and the note leads to it.
  const row = rows.filter({ has: page.getByRole('button', { name: /^Set alert/ }) }).first();
  const alertSymbol = (await row.getAttribute('data-symbol'))!;
  await row.getByRole('button', { name: /^Set alert/ }).click();
  await expect(row.getByTestId('scan-alert-set')).toContainText(`Alert set: ${alertSymbol}`);
  await expect(row.getByRole('button', { name: /^Set alert/ })).toBeDisabled();
  const { alerts } = (await rpc('alerts:list', { symbol: alertSymbol })) as { alerts: { id: string; note: string | null }[] };
  const made = alerts.find((a) => a.note?.startsWith('Scanner: '));
  expect(made, 'the alert made from the card').toBeDefined();

  // The card is stored with the answer.
  const shown = await rows.count();
  await page.reload();
  const stored = page.getByRole('region', { name: 'AI Coach' }).locator('[data-testid="chat-message"][data-role="assistant"]').last();
  await expect(stored.locator('[data-widget="scan_results"]').getByTestId('chat-scan-row')).toHaveCount(shown);

  await rpc('alerts:delete', { id: made!.id });
  expect(consoleErrors).toEqual([]);
});
