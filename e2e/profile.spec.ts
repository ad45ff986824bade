import type { Page } from '@playwright/test';
import { expect, openApp, test } from './fixtures';

const SECRET = 'sk-proj-E2Esecret9x8c7v6b5n4m3';

async function openProfile(page: Page) {
  await openApp(page);
  await page.getByRole('tab', { name: 'Profile' }).click();
  const panel = page.getByRole('tabpanel', { name: 'Profile' });
  await expect(panel.getByLabel('Display name')).toBeVisible();
  return panel;
}

test.beforeEach(async ({ rpc }) => {
  await rpc('settings:reset', { key: 'ui.activeTab' });
  await rpc('keys:clear', { name: 'OPENAI_API_KEY' });
  await rpc('keys:clear', { name: 'MASSIVE_API_KEY' });
  await rpc('profile:update', {
    displayName: 'Trader',
    experienceLevel: 'intermediate',
    preferredSymbols: ['SPX', 'SPY', 'QQQ'],
    defaultTimeframe: '5m',
    tradingStyle: 'day',
    notificationPrefs: { alertsEnabled: true, emailAlerts: false, browserNotifications: true },
  });
});

test('edits the profile, and the changes are there after a reload', async ({ page, rpc, consoleErrors }) => {
  const panel = await openProfile(page);
  await expect(panel.getByLabel('Queries used this month')).toHaveText(/^\d+$/);

  await panel.getByLabel('Display name').fill('E2E Trader');
  await panel.getByLabel('Experience level').selectOption('advanced');
  await panel.getByLabel('Preferred symbols').fill('ndx, spy  iwm');
  await panel.getByLabel('Default timeframe').selectOption('15m');
  await panel.getByLabel('Trading style').selectOption('swing');
  await panel.getByLabel('System notifications').uncheck();
  await panel.getByLabel('Email alerts').check();
  await panel.getByRole('button', { name: 'Save profile' }).click();
  await expect(panel.getByRole('status').filter({ hasText: 'Saved' })).toBeVisible();
  await expect(panel.getByLabel('Preferred symbols')).toHaveValue('NDX, SPY, IWM');

  await page.reload();
  const again = page.getByRole('tabpanel', { name: 'Profile' }); // the chosen tab is remembered
  await expect(again.getByLabel('Display name')).toHaveValue('E2E Trader');
  await expect(again.getByLabel('Experience level')).toHaveValue('advanced');
  await expect(again.getByLabel('Preferred symbols')).toHaveValue('NDX, SPY, IWM');
  await expect(again.getByLabel('Default timeframe')).toHaveValue('15m');
  await expect(again.getByLabel('Trading style')).toHaveValue('swing');
  await expect(again.getByLabel('System notifications')).not.toBeChecked();
  await expect(again.getByLabel('Email alerts')).toBeChecked();
  await expect(again.getByLabel('Price alerts')).toBeChecked();
  expect(await rpc('profile:get')).toMatchObject({
    displayName: 'E2E Trader',
    experienceLevel: 'advanced',
    preferredSymbols: ['NDX', 'SPY', 'IWM'],
    defaultTimeframe: '15m',
    tradingStyle: 'swing',
    notificationPrefs: { alertsEnabled: true, emailAlerts: true, browserNotifications: false },
  });
  expect(consoleErrors).toEqual([]);
});

test('shows each invalid field with its message and saves nothing', async ({ page, rpc }) => {
  const panel = await openProfile(page);
  const before = await rpc('profile:get');

  await panel.getByLabel('Display name').fill('   ');
  await panel.getByLabel('Preferred symbols').fill('SPY, ^VIX');
  await panel.getByRole('button', { name: 'Save profile' }).click();
  await expect(panel.getByLabel('Display name')).toHaveAttribute('aria-invalid', 'true');
  await expect(panel.getByText('Display name cannot be empty')).toBeVisible();
  await expect(panel.getByText('A symbol is 1 to 10 letters, digits or dots, starting with a letter (e.g. SPX, BRK.B)')).toBeVisible();
  expect(await rpc('profile:get')).toEqual(before);

  // A refusal from the main process lands on its field too.
  await page.route('**/api/rpc/profile:update', (route) =>
    route.fulfill({
      status: 400,
      json: {
        error: {
          code: 'invalid_input',
          message: 'Invalid input for profile:update: experienceLevel: Experience level must be beginner, intermediate or advanced',
          issues: [{ path: ['experienceLevel'], message: 'Experience level must be beginner, intermediate or advanced', code: 'invalid_value' }],
          requestId: 'req-e2e-7',
        },
      },
    }),
  );
  await panel.getByLabel('Display name').fill('Dana');
  await panel.getByLabel('Preferred symbols').fill('SPY');
  await panel.getByRole('button', { name: 'Save profile' }).click();
  await expect(panel.getByLabel('Experience level')).toHaveAttribute('aria-invalid', 'true');
  await expect(panel.getByText('Experience level must be beginner, intermediate or advanced')).toBeVisible();
  await expect(panel.getByText('Display name cannot be empty')).toHaveCount(0);
  expect(await rpc('profile:get')).toEqual(before);
});

test('a saved key is shown masked, before and after a reload, and its value never reaches the page', async ({ page, rpc, consoleErrors }) => {
  const answers: string[] = [];
  page.on('response', (res) => {
    if (res.url().includes('/api/rpc/')) void res.text().then((body) => answers.push(body), () => {});
  });
  const panel = await openProfile(page);
  const openai = panel.getByRole('group', { name: 'OpenAI API key' });
  await expect(openai.getByLabel('OpenAI API key status')).toHaveText('Not set');

  await openai.getByRole('button', { name: 'Set OpenAI API key' }).click();
  await openai.getByLabel('New OpenAI API key').fill(SECRET);
  await openai.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(openai.getByRole('status')).toHaveText('Saved');
  await expect(openai.getByLabel('OpenAI API key status')).toContainText('Saved');
  await expect(openai.getByLabel('OpenAI API key status')).toContainText(`…${SECRET.slice(-4)}`);
  await expect(openai.getByLabel('New OpenAI API key')).toHaveCount(0);
  expect(await page.content()).not.toContain(SECRET);

  await page.reload();
  const after = page.getByRole('tabpanel', { name: 'Profile' }).getByRole('group', { name: 'OpenAI API key' });
  await expect(after.getByLabel('OpenAI API key status')).toContainText(`Saved …${SECRET.slice(-4)} on `);
  await expect(after.getByRole('button', { name: 'Replace OpenAI API key' })).toBeVisible();
  expect(await page.content()).not.toContain(SECRET);
  expect(await rpc('keys:list')).toMatchObject({ keys: expect.arrayContaining([{ name: 'OPENAI_API_KEY', source: 'saved', last4: SECRET.slice(-4), updatedAt: expect.any(String) }]) });

  // A bad value is refused by the local check with a message that does not repeat it.
  const massive = page.getByRole('group', { name: 'Massive API key' });
  await massive.getByRole('button', { name: 'Set Massive API key' }).click();
  await massive.getByLabel('New Massive API key').fill('two words');
  await massive.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(massive.getByRole('alert')).toHaveText('Massive API key cannot contain spaces or line breaks');
  await massive.getByRole('button', { name: 'Cancel' }).click();
  await expect(massive.getByLabel('Massive API key status')).toHaveText('Not set');

  await after.getByRole('button', { name: 'Clear OpenAI API key' }).click();
  await expect(after.getByLabel('OpenAI API key status')).toHaveText('Not set');
  await expect(after.getByRole('status')).toHaveText('Cleared');

  for (const body of answers) expect(body).not.toContain(SECRET);
  expect(answers.length).toBeGreaterThan(3);
  expect(consoleErrors).toEqual([]);
});

test('the daily screenshot limit: today’s count, a bad number refused, a new limit saved and applied', async ({ page, rpc, consoleErrors }) => {
  await rpc('settings:reset', { key: 'screenshot.dailyLimit' });
  try {
    const panel = await openProfile(page);
    const before = (await rpc('screenshot:quota')) as { used: number; limit: number };
    await expect(panel.getByTestId('screenshot-limit-used')).toHaveText(`${before.used} of 5 read today (New York day)`);
    const field = panel.getByLabel('Screenshots read per day');
    await expect(field).toHaveValue('5');

    await field.fill('0');
    await panel.getByRole('button', { name: 'Save limit' }).click();
    await expect(panel.getByText('A whole number from 1 to 100')).toBeVisible();
    expect(((await rpc('screenshot:quota')) as { limit: number }).limit).toBe(5);

    // The first save fails on its way (the server answers 503); Retry sends the same limit again.
    await page.route('**/api/rpc/settings:set', (route) => route.fulfill({ status: 503, contentType: 'application/json', body: JSON.stringify({ error: { code: 'unavailable', message: 'The database is busy', requestId: 'req-e2e' } }) }), { times: 1 });
    await field.fill('12');
    await panel.getByRole('button', { name: 'Save limit' }).click();
    const failed = panel.getByRole('alert').filter({ hasText: 'Could not save the limit' });
    await expect(failed).toContainText('The database is busy');
    expect(((await rpc('screenshot:quota')) as { limit: number }).limit).toBe(5);
    await failed.getByRole('button', { name: 'Retry' }).click();
    await expect(failed).toHaveCount(0);
    await expect(panel.getByTestId('screenshot-limit-used')).toHaveText(`${before.used} of 12 read today (New York day)`);
    expect(((await rpc('screenshot:quota')) as { limit: number }).limit).toBe(12);
    await page.reload();
    await expect(page.getByRole('tabpanel', { name: 'Profile' }).getByLabel('Screenshots read per day')).toHaveValue('12');
    // The browser logs the refused save itself; nothing else went wrong.
    expect(consoleErrors).toEqual(['console: Failed to load resource: the server responded with a status of 503 (Service Unavailable)']);
  } finally {
    await rpc('settings:reset', { key: 'screenshot.dailyLimit' });
  }
});
