import { E2E_DATA_DIR, E2E_TOKEN, expect, openApp, test } from './fixtures';

// Every test starts from the default layout, whatever an earlier test stored.
test.beforeEach(async ({ rpc }) => {
  await rpc('settings:reset', { key: 'ui.chatPanelWidth' });
  // The System tab is the one these tests look at (the first tab, the default, is a product tab).
  await rpc('settings:set', { key: 'ui.activeTab', value: 'system' });
});

test('shows the chat, the System tab and the status bar', async ({ page, consoleErrors }) => {
  await openApp(page);

  // The token is taken out of the address bar as soon as the page has read it.
  expect(page.url()).not.toContain('token');
  expect(new URL(page.url()).hash).toBe('');

  const chat = page.getByRole('region', { name: 'AI Coach' });
  await expect(chat).toBeVisible();
  await expect(chat.getByRole('heading', { name: 'AI Coach' })).toBeVisible();
  await expect(chat.getByRole('log', { name: 'Conversation' })).toBeVisible();

  const tools = page.getByRole('region', { name: 'Tools' });
  await expect(tools.getByRole('tab', { name: 'System' })).toHaveAttribute('aria-selected', 'true');
  const system = tools.getByRole('tabpanel', { name: 'System' });
  const database = system.getByRole('row', { name: /database/ });
  await expect(database.getByText('ok', { exact: true })).toBeVisible();
  await expect(database.getByRole('cell', { name: 'Yes', exact: true })).toBeVisible();
  await expect(system.getByText('Ready', { exact: true })).toBeVisible();
  await expect(system.getByText('TITM AI Coach', { exact: true })).toBeVisible();
  await expect(system.getByText('Web', { exact: true })).toBeVisible();
  await expect(system.getByText(E2E_DATA_DIR, { exact: true })).toBeVisible();

  const refreshed = page.waitForResponse((res) => res.url().endsWith('/api/rpc/health:ready') && res.ok());
  await system.getByRole('button', { name: 'Refresh' }).click();
  await refreshed;
  await expect(database.getByText('ok', { exact: true })).toBeVisible();

  const statusBar = page.getByRole('contentinfo', { name: 'Status bar' });
  await expect(statusBar.getByRole('status', { name: 'Connection' })).toHaveText('Connected');
  await expect(statusBar.getByRole('button', { name: 'Health: Ready, all checks ok' })).toBeVisible();
  await expect(statusBar).toContainText('v0.1.0');
  await expect(statusBar.getByTitle(E2E_DATA_DIR)).toContainText(E2E_DATA_DIR);

  expect(consoleErrors).toEqual([]);
});

test('keeps working after a reload: the token stays in the session', async ({ page, consoleErrors }) => {
  await openApp(page);
  await page.reload();

  await expect(page.getByRole('status', { name: 'Connection' })).toHaveText('Connected');
  const database = page.getByRole('tabpanel', { name: 'System' }).getByRole('row', { name: /database/ });
  await expect(database.getByText('ok', { exact: true })).toBeVisible();
  expect(page.url()).not.toContain('token');
  expect(await page.evaluate(() => sessionStorage.getItem('titm.token'))).toBe(E2E_TOKEN);
  expect(consoleErrors).toEqual([]);
});

test('the splitter resizes the chat panel by drag and keys, and the width is remembered', async ({ page, rpc, consoleErrors }) => {
  await openApp(page);
  const chat = page.getByRole('region', { name: 'AI Coach' });
  const splitter = page.getByRole('separator', { name: 'Resize chat panel' });
  await expect(splitter).toHaveAttribute('aria-orientation', 'vertical');
  await expect(splitter).toHaveAttribute('aria-valuemin', '280');
  await expect(splitter).toHaveAttribute('aria-valuenow', '400');
  const before = (await chat.boundingBox())!.width;
  expect(before).toBeCloseTo(400, 0);

  const box = (await splitter.boundingBox())!;
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width / 2, y);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 150, y, { steps: 6 });
  const saved = page.waitForResponse((res) => res.url().endsWith('/api/rpc/settings:set') && res.ok());
  await page.mouse.up();
  await saved;
  await expect(splitter).toHaveAttribute('aria-valuenow', '550');
  expect((await chat.boundingBox())!.width).toBeCloseTo(550, 0);

  // Keyboard: the splitter keeps focus after the drag; an arrow moves it by 16 px and saves.
  const savedByKey = page.waitForResponse((res) => res.url().endsWith('/api/rpc/settings:set') && res.ok());
  await splitter.press('ArrowLeft');
  await savedByKey;
  await expect(splitter).toHaveAttribute('aria-valuenow', '534');
  expect(await rpc('settings:list')).toMatchObject({ 'ui.chatPanelWidth': 534 });

  await page.reload();
  await expect(splitter).toHaveAttribute('aria-valuenow', '534');
  expect((await chat.boundingBox())!.width).toBeCloseTo(534, 0);

  // A change made by another client arrives as a settings:changed event (once the reloaded page's
  // event stream is open: the page's first calls may hold the browser's connections for a while).
  await expect(page.getByRole('status', { name: 'Connection' })).toHaveText('Connected');
  await rpc('settings:set', { key: 'ui.chatPanelWidth', value: 320 });
  await expect(splitter).toHaveAttribute('aria-valuenow', '320');
  expect(consoleErrors).toEqual([]);
});

test('below 768 px a Chat / Tools toggle shows one panel at a time', async ({ page, consoleErrors }) => {
  await page.setViewportSize({ width: 700, height: 900 });
  await openApp(page);

  const chatButton = page.getByRole('button', { name: 'Chat', exact: true });
  const toolsButton = page.getByRole('button', { name: 'Tools', exact: true });
  const chat = page.getByRole('region', { name: 'AI Coach' });
  const tools = page.getByRole('region', { name: 'Tools' });
  await expect(page.getByRole('separator')).toHaveCount(0);

  await expect(chatButton).toHaveAttribute('aria-pressed', 'true');
  await expect(toolsButton).toHaveAttribute('aria-pressed', 'false');
  await expect(chat).toBeVisible();
  await expect(tools).toBeHidden();

  await toolsButton.click();
  await expect(toolsButton).toHaveAttribute('aria-pressed', 'true');
  await expect(chatButton).toHaveAttribute('aria-pressed', 'false');
  await expect(tools).toBeVisible();
  await expect(chat).toBeHidden();
  await expect(tools.getByRole('row', { name: /database/ }).getByText('ok', { exact: true })).toBeVisible();

  await chatButton.click();
  await expect(chat).toBeVisible();
  await expect(tools).toBeHidden();
  await expect(page.getByRole('contentinfo', { name: 'Status bar' }).getByRole('status', { name: 'Connection' })).toHaveText('Connected');
  expect(consoleErrors).toEqual([]);
});

test('the health indicator opens the list of checks', async ({ page }) => {
  await openApp(page);
  const indicator = page.getByRole('button', { name: /^Health: Ready/ });
  await indicator.click();

  const dialog = page.getByRole('dialog', { name: 'Health checks' });
  await expect(dialog).toBeVisible();
  await expect(indicator).toHaveAttribute('aria-expanded', 'true');
  await expect(dialog.getByRole('row', { name: /database/ }).getByText('ok', { exact: true })).toBeVisible();

  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(indicator).toBeFocused();

  await indicator.click();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();
});

test('an unknown stored tab falls back to the first tab, and the chosen tab is stored', async ({ page, rpc }) => {
  await rpc('settings:set', { key: 'ui.activeTab', value: 'tab-from-a-newer-version' });
  await openApp(page);
  await expect(page.getByRole('tab').first()).toHaveAttribute('aria-selected', 'true');
  const tab = page.getByRole('tab', { name: 'System' });
  await expect(tab).toHaveAttribute('aria-selected', 'false');

  const saved = page.waitForResponse((res) => res.url().endsWith('/api/rpc/settings:set') && res.ok());
  await tab.click();
  await saved;
  expect(await rpc('settings:list')).toMatchObject({ 'ui.activeTab': 'system' });
});

test('a failed call shows its message and request id, and Retry recovers', async ({ page }) => {
  let failures = 1;
  await page.route('**/api/rpc/app:info', async (route) => {
    if (failures-- > 0) {
      const error = { code: 'internal', message: 'Internal error; see the log for this request id.', requestId: 'req-e2e-42' };
      return route.fulfill({ status: 500, json: { error } });
    }
    return route.continue();
  });
  // The event stream is held unanswered (the status bar stays "Connecting…"): a live
  // health:changed from the server would otherwise replace the faked report below.
  await page.route('**/api/events', () => undefined);
  // A report with a degraded and a down check, as later workers and providers will produce.
  await page.route('**/api/rpc/health:ready', (route) =>
    route.fulfill({
      json: {
        ready: false,
        checkedAt: new Date().toISOString(),
        checks: [
          { name: 'database', status: 'ok', critical: true, durationMs: 0.3 },
          { name: 'market-data', status: 'degraded', critical: false, detail: 'serving cached bars', durationMs: 412 },
          { name: 'alerts-worker', status: 'down', critical: true, detail: 'last tick 93 s ago', durationMs: 2000 },
        ],
      },
    }),
  );
  await page.goto(`/#token=${E2E_TOKEN}`);

  const card = page.getByRole('region', { name: 'Application' });
  const alert = card.getByRole('alert');
  await expect(alert).toContainText('Could not load app info');
  await expect(alert).toContainText('Internal error; see the log for this request id.');
  await expect(alert).toContainText('req-e2e-42');
  const statusBar = page.getByRole('contentinfo', { name: 'Status bar' });
  await expect(statusBar).toContainText('App info unavailable');

  const health = page.getByRole('region', { name: 'Health' });
  await expect(health.getByText('Not ready', { exact: true })).toBeVisible();
  await expect(health.getByRole('row', { name: /alerts-worker/ }).getByText('down', { exact: true })).toBeVisible();
  await expect(health.getByRole('row', { name: /market-data/ }).getByText('degraded', { exact: true })).toBeVisible();
  await expect(statusBar.getByRole('button', { name: 'Health: Not ready, 2 not ok' })).toBeVisible();

  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(card.getByText('TITM AI Coach', { exact: true })).toBeVisible();
  await expect(card.getByRole('alert')).toHaveCount(0);
  await expect(statusBar).toContainText('v0.1.0');
  await expect(statusBar).not.toContainText('App info unavailable');
});

test('without the token the page explains the 401 instead of staying blank', async ({ page }) => {
  const refused = page.waitForResponse((res) => res.url().endsWith('/api/rpc/settings:list'));
  await page.goto('/');
  expect((await refused).status()).toBe(401);

  const alert = page.getByRole('alert');
  await expect(alert).toContainText('Access denied (401 Unauthorized)');
  await expect(alert).toContainText('Missing or wrong bearer token');
  await expect(alert).toContainText('unauthorized');
  await expect(alert).toContainText(/Request ID\s*\S+/);
  await expect(page.getByText('#token=…')).toBeVisible();
  await expect(page.getByRole('contentinfo')).toHaveCount(0);
});
