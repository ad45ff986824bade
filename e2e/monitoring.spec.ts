import fs from 'node:fs';
import path from 'node:path';
import type { APIRequestContext, Page } from '@playwright/test';
import type { HealthReport } from '../shared/schemas/app';
import { E2E_BASE_URL, E2E_PLANTED_KEY, E2E_SENTRY_PUBLIC_KEY, E2E_SENTRY_URL, E2E_MONITORED_URL } from './env';
import { E2E_TOKEN, expect, openApp, test } from './fixtures';

// Secrets planted where the app could leak them (beside E2E_TOKEN, the local API's bearer token, and
// E2E_PLANTED_KEY, an API key in the environment): no byte Sentry receives may hold any of them.
/** Saved in the Profile tab; no pattern would recognise it, only the host's list of saved keys. */
const SAVED_KEY = 'MassiveSavedE2E0123456789abcdef';
const EMAIL = 'trader.jane@example.com';
const BASIC_AUTHORIZATION = `Basic ${Buffer.from('jane:hunter2-e2e').toString('base64')}`;
const auth = { authorization: `Bearer ${E2E_TOKEN}` };

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

/**
 * Saves a Massive key as the Profile tab does, then asks for five quotes at once: the fake Massive
 * answers 500 (echoing the key, as careless APIs do), so the app's own Massive breaker opens.
 */
async function openMassiveBreaker(request: APIRequestContext, baseUrl: string) {
  const saved = await request.put(`${baseUrl}/api/user/keys/MASSIVE_API_KEY`, { data: { value: SAVED_KEY }, headers: auth });
  expect(saved.ok()).toBe(true);
  // The From header (the user's e-mail, by its definition) travels with the request into the event.
  const quote = () => request.post(`${baseUrl}/api/rpc/market:quote`, { data: { symbol: 'SPY' }, headers: { ...auth, from: EMAIL } });
  const quotes = await Promise.all(Array.from({ length: 5 }, quote));
  expect(quotes.map((res) => res.status())).toEqual([503, 503, 503, 503, 503]);
  expect(await quotes[0]!.text()).toContain('upstream refused key');
}

async function openMonitoredApp(page: Page) {
  await page.goto(`${E2E_MONITORED_URL}/#token=${E2E_TOKEN}`);
  await expect(page.getByRole('status', { name: 'Connection' })).toHaveText('Connected');
  await page.getByRole('tab', { name: 'System' }).click();
  await expect(page.getByRole('region', { name: 'Error monitoring' }).getByText('On (Sentry)')).toBeVisible();
}

// First, while the receiver is still empty: the monitored server has not been used yet.
test.describe('without SENTRY_DSN', () => {
  test('nothing is sent while the same things happen, and the app works', async ({ page, request }) => {
    expect(await received(request)).toEqual([]);
    const tunnelCalls: string[] = [];
    page.on('request', (req) => req.url().includes('/api/monitoring/') && tunnelCalls.push(req.url()));
    await openApp(page);
    await page.evaluate(([token, email]) => console.info(`retrying with Bearer ${token} for ${email}`), [E2E_TOKEN, EMAIL]);
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

    // The breaker opens here too; the key is cleared again, so the other specs get the simulated
    // market (provider:market stays degraded on this server until its breaker closes).
    await openMassiveBreaker(request, E2E_BASE_URL);
    // Health is served without a token: the key Massive echoed is scrubbed there too, DSN or not.
    expect(await (await request.get(`${E2E_BASE_URL}/health/ready`)).text()).toContain('upstream refused key [redacted]');
    expect(await (await request.get(`${E2E_BASE_URL}/health/ready`)).text()).not.toContain(SAVED_KEY);
    expect((await request.delete(`${E2E_BASE_URL}/api/user/keys/MASSIVE_API_KEY`, { headers: auth })).ok()).toBe(true);
    await page.reload();
    await expect(page.getByRole('status', { name: 'Connection' })).toHaveText('Connected');
    await expect(page.getByRole('button', { name: /^Health: Ready, 1 not ok/ })).toBeVisible();

    await page.waitForTimeout(1000); // anything an SDK would have queued is sent by then
    expect(tunnelCalls).toEqual([]);
    expect(await received(request)).toEqual([]);
  });
});

test.describe('with SENTRY_DSN', () => {
  test('a render error is caught by the tab, and reaches Sentry with its component stack, scrubbed', async ({ page, request }) => {
    await openMonitoredApp(page);
    // Secrets the page could leak through breadcrumbs: a key and the bearer token in console output.
    await page.evaluate(
      ([key, token, email, basic]) => console.info(`retrying the provider with ${key} and Bearer ${token} for ${email} (Authorization: ${basic})`),
      [E2E_PLANTED_KEY, E2E_TOKEN, EMAIL, BASIC_AUTHORIZATION],
    );

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
    expect(JSON.stringify(event.breadcrumbs)).toContain('retrying the provider with [redacted] and Bearer [redacted] for [email] (Authorization: Basic [redacted])');
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
    const exception = (event.exception as { values: { value: string; stacktrace?: { frames: { filename?: string; lineno?: number }[] } }[] }).values[0]!;
    expect(exception.value).toBe('Test error raised in the main process (monitoring check)');
    // Frames of the host's bundle, with line numbers the uploaded source maps resolve.
    expect(exception.stacktrace!.frames.length).toBeGreaterThan(2);
    expect(exception.stacktrace!.frames).toEqual(expect.arrayContaining([expect.objectContaining({ filename: expect.stringContaining('out/host/web.mjs'), lineno: expect.any(Number) })]));
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

  test('the Massive breaker opening arrives as an event; the provider is degraded and the app stays ready', async ({ page, request }) => {
    await openMassiveBreaker(request, E2E_MONITORED_URL);
    const event = await findEvent(request, (e) => e.message === 'Circuit breaker massive closed → open');
    expect(event).toMatchObject({
      level: 'warning',
      tags: { breaker: 'massive', 'breaker.from': 'closed', 'breaker.to': 'open' },
      contexts: { breaker: { pattern: '500,500,500,500,500', failureCount: 5 } },
    });

    const res = await request.get(`${E2E_MONITORED_URL}/health/ready`);
    expect(res.status()).toBe(200);
    const report = (await res.json()) as HealthReport;
    expect(report.ready).toBe(true);
    expect(JSON.stringify(report)).not.toContain(SAVED_KEY);
    for (const check of report.checks) {
      expect(check).toEqual(expect.objectContaining({ name: expect.any(String), status: expect.stringMatching(/^(ok|degraded|down)$/), critical: expect.any(Boolean), detail: expect.any(String) }));
    }
    expect(report.checks.map((c) => [c.name, c.status, c.critical])).toEqual([
      ['database', 'ok', true],
      ['provider:sentry', 'ok', false],
      ['provider:market', 'degraded', false],
      ['provider:chat', 'ok', false],
      ['worker:health-monitor', 'ok', false],
      ['worker:alerts', 'ok', false],
      ['worker:scanner', 'ok', false],
    ]);

    await openMonitoredApp(page);
    await page.getByRole('button', { name: 'Health: Ready, 1 not ok' }).click();
    const market = page.getByRole('dialog', { name: 'Health checks' }).getByRole('row', { name: /provider:market/ });
    await expect(market.getByText('degraded', { exact: true })).toBeVisible();
    await expect(market).toContainText('massive: circuit open after 5 failures');
    await expect(market).toContainText('upstream refused key [redacted]');
    await page.screenshot({ path: test.info().outputPath('health-dialog-degraded.png') });
  });

  test('nothing secret is in any byte Sentry received', async ({ request }) => {
    const all = await received(request);
    expect(all.length).toBeGreaterThan(3);
    const raw = all.map((e) => Buffer.from(e.body, 'base64').toString('utf8')).join('\n');
    const basicCredentials = BASIC_AUTHORIZATION.slice('Basic '.length);
    for (const secret of [E2E_TOKEN, E2E_PLANTED_KEY, SAVED_KEY, basicCredentials, EMAIL, E2E_SENTRY_PUBLIC_KEY]) expect(raw).not.toContain(secret);
    // The planted values did reach the payloads, scrubbed.
    for (const trace of ['Bearer [redacted]', 'Basic [redacted]', 'upstream refused key [redacted]', '"from":"[email]"', '"authorization":"[redacted]"']) expect(raw).toContain(trace);
  });
});


// The build under test (made by `npm run test:e2e` before the specs) is the one sentry:upload sends.
test('the build emits a source map beside every bundle, back to the TypeScript sources', () => {
  const sourcesOf = (dir: string) =>
    fs
      .readdirSync(path.join('out', dir))
      .filter((file) => /\.(?:m|c)?js$/.test(file))
      .flatMap((file) => {
        const map = path.join('out', dir, `${file}.map`);
        expect(fs.existsSync(map), `${map} exists`).toBe(true);
        return (JSON.parse(fs.readFileSync(map, 'utf8')) as { sources: string[] }).sources;
      });
  expect(sourcesOf('host')).toContain('../../electron/server.ts');
  expect(sourcesOf('main')).toContain('../../electron/main.ts');
  expect(sourcesOf('preload')).toContain('../../preload/index.ts');
  expect(sourcesOf('renderer/assets')).toContain('../../../renderer/src/components/common/ErrorBoundary.tsx');
});
