import type { APIRequestContext, Page } from '@playwright/test';
import { E2E_PLANTED_KEY, E2E_SENTRY_PUBLIC_KEY, E2E_SENTRY_URL, E2E_MONITORED_URL } from './env';
import { E2E_TOKEN, expect, openApp, test } from './fixtures';

interface Received {
  body: string;
  items: { type: string; payload: Record<string, unknown> & { tags?: Record<string, string>; contexts?: Record<string, Record<string, unknown>> } }[];
}

/** Everything the fake Sentry received so far. */
async function received(request: APIRequestContext): Promise<Received[]> {
  const res = await request.get(`${E2E_SENTRY_URL}/received`);
  expect(res.ok()).toBe(true);
  return (await res.json()) as Received[];
}

async function findEvent(request: APIRequestContext, predicate: (event: Received['items'][number]['payload']) => boolean) {
  let found: Received['items'][number]['payload'] | undefined;
  await expect
    .poll(async () => {
      found = (await received(request)).flatMap((e) => e.items.filter((i) => i.type === 'event').map((i) => i.payload)).find(predicate);
      return found !== undefined;
    }, { timeout: 10_000 })
    .toBe(true);
  return found!;
}

async function openMonitoredApp(page: Page) {
  await page.goto(`${E2E_MONITORED_URL}/#token=${E2E_TOKEN}`);
  await expect(page.getByRole('status', { name: 'Connection' })).toHaveText('Connected');
  await page.getByRole('tab', { name: 'System' }).click();
  await expect(page.getByRole('region', { name: 'Error monitoring' }).getByText('On (Sentry)')).toBeVisible();
}

test.describe('with SENTRY_DSN', () => {
  test('a render error is caught by the tab, and reaches Sentry with its component stack, scrubbed', async ({ page, request }) => {
    await openMonitoredApp(page);
    // Secrets the page could leak through breadcrumbs: a key and the bearer token in console output.
    await page.evaluate(([key, token]) => console.info(`retrying the provider with ${key} and Bearer ${token}`), [E2E_PLANTED_KEY, E2E_TOKEN]);

    // A call made once monitoring runs (the first ones start before it): it must become a breadcrumb.
    const refreshed = page.waitForResponse((res) => res.url().endsWith('/api/rpc/health:ready'));
    await page.getByRole('region', { name: 'Health' }).getByRole('button', { name: 'Refresh' }).click();
    await refreshed;

    const tunnelled = page.waitForResponse((res) => res.url().endsWith('/api/monitoring/envelope') && res.request().method() === 'POST');
    const system = page.getByRole('tabpanel', { name: 'System' });
    await system.getByRole('button', { name: 'Raise a renderer error' }).click();
    const crash = system.getByRole('alert');
    await expect(crash).toContainText('This part of the app hit an error');
    await expect(crash).toContainText('Test render error raised in the renderer (monitoring check)');
    // The chat and the status bar survive a crashing tab.
    await expect(page.getByRole('region', { name: 'AI Coach' })).toBeVisible();
    expect((await tunnelled).status()).toBe(200);

    const event = await findEvent(request, (e) => JSON.stringify(e).includes('Test render error raised in the renderer'));
    expect(event.tags).toMatchObject({ area: 'tab:system' });
    expect(event).toMatchObject({ environment: 'e2e', release: 'titm-ai-coach@0.1.0', user: { id: expect.stringMatching(/^[0-9a-f-]{36}$/) } });
    // Sentry carries React's component stack as the error's cause: a synthetic "React ErrorBoundary
    // Error" whose frames are the components (minified names; the uploaded source maps restore them).
    const exceptions = (event.exception as { values: { type: string; value: string; mechanism?: { source?: string }; stacktrace?: { frames: { function?: string }[] } }[] }).values;
    const componentStack = exceptions.find((e) => e.type === 'React ErrorBoundary Error');
    expect(componentStack?.mechanism?.source).toBe('cause');
    expect(componentStack!.stacktrace!.frames.length).toBeGreaterThan(5);
    expect(componentStack!.stacktrace!.frames.map((f) => f.function)).toEqual(expect.arrayContaining(['section', 'main', 'div']));
    expect(exceptions.find((e) => e.type === 'Error')?.value).toBe('Test render error raised in the renderer (monitoring check)');
    expect(JSON.stringify(event.breadcrumbs)).toContain('retrying the provider with [redacted] and Bearer [redacted]');
    expect(event.breadcrumbs).toEqual(
      expect.arrayContaining([expect.objectContaining({ category: 'fetch', data: expect.objectContaining({ url: expect.stringContaining('/api/rpc/health:ready'), status_code: 200 }) })]),
    );

    await crash.getByRole('button', { name: 'Try again' }).click();
    await expect(system.getByRole('region', { name: 'Health' })).toBeVisible();
  });

  test('a main-process error raised from the System tab reaches Sentry with its request id', async ({ page, request }) => {
    await openMonitoredApp(page);
    await page.getByRole('button', { name: 'Raise a main-process error' }).click();
    const notice = page.getByRole('region', { name: 'Error monitoring' }).getByRole('alert');
    await expect(notice).toContainText('Main-process test error raised');
    const requestId = (await notice.locator('code').last().textContent())!;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    const event = await findEvent(request, (e) => e.tags?.requestId === requestId);
    expect(event).toMatchObject({ environment: 'e2e', tags: { call: 'monitoring:test-error', transport: 'http' } });
  });

  test('the health dialog lists every check, with monitoring configured', async ({ page }) => {
    await openMonitoredApp(page);
    await page.getByRole('button', { name: /^Health: Ready/ }).click();
    const dialog = page.getByRole('dialog', { name: 'Health checks' });
    for (const name of ['database', 'provider:sentry', 'worker:health-monitor']) {
      await expect(dialog.getByRole('row', { name: new RegExp(name) }).getByText('ok', { exact: true })).toBeVisible();
    }
    await expect(dialog.getByRole('row', { name: /provider:sentry/ })).toContainText('sentry configured');
    // The health monitor runs every registered check, its own included.
    const checks = await dialog.getByRole('row', { name: /^(database|provider:|worker:)/ }).count();
    expect(checks).toBeGreaterThanOrEqual(3);
    await expect(dialog.getByRole('row', { name: /worker:health-monitor/ })).toContainText(`itemsWatched ${checks}`);
    await page.screenshot({ path: test.info().outputPath('health-dialog.png') });
  });

  test('nothing secret is in any byte Sentry received', async ({ request }) => {
    const all = await received(request);
    expect(all.length).toBeGreaterThan(1);
    const raw = all.map((e) => Buffer.from(e.body, 'base64').toString('utf8')).join('\n');
    for (const secret of [E2E_TOKEN, E2E_PLANTED_KEY, E2E_SENTRY_PUBLIC_KEY]) expect(raw).not.toContain(secret);
  });
});

test.describe('without SENTRY_DSN', () => {
  test('nothing is sent and the app works, test errors included', async ({ page, request }) => {
    const before = (await received(request)).length;
    const tunnelCalls: string[] = [];
    page.on('request', (req) => req.url().includes('/api/monitoring/') && tunnelCalls.push(req.url()));
    await openApp(page);
    await page.getByRole('tab', { name: 'System' }).click();
    const card = page.getByRole('region', { name: 'Error monitoring' });
    await expect(card.getByText('Off — errors stay in the log files')).toBeVisible();

    await card.getByRole('button', { name: 'Raise a main-process error' }).click();
    await expect(card.getByRole('alert')).toContainText('Main-process test error raised');
    await card.getByRole('button', { name: 'Raise a renderer error' }).click();
    const system = page.getByRole('tabpanel', { name: 'System' });
    await expect(system.getByRole('alert')).toContainText('Test render error raised in the renderer');
    await system.getByRole('button', { name: 'Try again' }).click();
    await expect(system.getByRole('region', { name: 'Health' })).toBeVisible();
    await expect(page.getByRole('status', { name: 'Connection' })).toHaveText('Connected');

    await page.waitForTimeout(500); // anything the SDK would have queued is sent by then
    expect(tunnelCalls).toEqual([]);
    expect((await received(request)).length).toBe(before);
  });
});
