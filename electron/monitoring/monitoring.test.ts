import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import type { HealthReport } from '../../shared/schemas/app';
import { startFakeMassive, type FakeMassive } from '../testing/fake-massive';
import { startFakeSentry, type FakeSentry } from '../testing/fake-sentry';
import { startTestHost, TEST_TOKEN, type TestHost } from '../testing/test-host';

// The real @sentry/node SDK, initialised by the host from SENTRY_DSN, sending to a local fake.
const PLANTED_KEY = 'sk-planted-FAKE-0123456789abcdef';
const EMAIL = 'trader.jane@example.com';
const MASSIVE_KEY = 'massive-planted-FAKE-0123456789';
/** A bearer token that is not the API's: sent by a client the rate limit stops before the token check. */
const FOREIGN_AUTHORIZATION = 'Bearer foreign-client-token-9f8e7d6c5b';

let sentry: FakeSentry;
let massive: FakeMassive;
let t: TestHost;

type Event = Record<string, unknown> & { tags?: Record<string, string>; exception?: { values: { type: string; value: string; stacktrace?: { frames: unknown[] } }[] } };

async function waitForEvent(predicate: (event: Event) => boolean): Promise<Event> {
  let found: Event | undefined;
  await vi.waitFor(
    () => {
      found = (sentry.payloads('event') as Event[]).find(predicate);
      expect(found).toBeDefined();
    },
    { timeout: 5000, interval: 25 },
  );
  return found!;
}

beforeAll(async () => {
  sentry = await startFakeSentry();
  // Massive.com down: every request answers 500 (echoing the key it got), so the host's own Massive breaker opens.
  massive = await startFakeMassive([(_url, request) => ({ status: 500, body: { status: 'ERROR', message: `upstream failure for ${request.authorization}` } })]);
  t = await startTestHost({
    env: {
      SENTRY_DSN: sentry.dsn,
      SENTRY_ENVIRONMENT: 'ci',
      OPENAI_API_KEY: PLANTED_KEY,
      MASSIVE_API_KEY: MASSIVE_KEY,
      MASSIVE_BASE_URL: massive.url,
    },
    server: { rateLimit: { perSecond: 1, burst: 40 } },
    // A route whose handler throws, with secrets in its message.
    handlers: {
      'app:info': () => {
        throw new Error(`provider refused ${PLANTED_KEY} (Bearer ${TEST_TOKEN}) for ${EMAIL}`);
      },
    },
  });
});

afterAll(async () => {
  await t.close();
  await sentry.close();
  await massive.close();
});

describe('error monitoring with SENTRY_DSN', () => {
  it('tells the renderer it is on, without the DSN', async () => {
    const res = await t.rpc('monitoring:config', {});
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({ enabled: true, environment: 'ci', release: 'titm-ai-coach@0.0.0-test', tracesSampleRate: 0, installId: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(JSON.stringify(body)).not.toContain(sentry.publicKey);
  });

  it('reports a crashing route with its stack, its requestId tag, log and HTTP breadcrumbs and the install id', async () => {
    // An outgoing request of the main process (as a provider makes), with a key in its query.
    const provider = http.createServer((_req, res) => res.end('{}'));
    await new Promise<void>((resolve) => provider.listen(0, '127.0.0.1', resolve));
    const providerUrl = `http://127.0.0.1:${(provider.address() as AddressInfo).port}/v2/aggs`;
    await (await fetch(`${providerUrl}?ticker=SPY&apiKey=${PLANTED_KEY}`)).text();
    provider.close();

    const res = await t.rpc('app:info', {}, { headers: { 'x-request-id': 'req-crash-1' } });
    expect(res.status).toBe(500);
    const event = await waitForEvent((e) => e.tags?.requestId === 'req-crash-1');
    const exception = event.exception!.values[0]!;
    expect(exception.type).toBe('Error');
    expect(exception.value).toContain('provider refused');
    expect(exception.stacktrace!.frames.length).toBeGreaterThan(2);
    expect(event.tags).toMatchObject({ requestId: 'req-crash-1', call: 'app:info', transport: 'http' });
    expect(event).toMatchObject({ environment: 'ci', release: 'titm-ai-coach@0.0.0-test', server_name: 'titm' });
    const installId = ((await (await t.rpc('monitoring:config', {})).json()) as { installId: string }).installId;
    expect(event.user).toEqual({ id: installId });
    expect(event.breadcrumbs).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ category: 'log', message: 'call crashed', data: expect.objectContaining({ requestId: 'req-crash-1' }) }),
        expect.objectContaining({ category: 'http', data: expect.objectContaining({ url: providerUrl, 'http.method': 'GET', status_code: 200 }) }),
      ]),
    );
  });

  it('reports the main-process test error raised through the contract', async () => {
    const res = await t.rpc('monitoring:test-error', {}, { headers: { 'x-request-id': 'req-test-error' } });
    expect(res.status).toBe(500);
    const event = await waitForEvent((e) => e.tags?.requestId === 'req-test-error');
    expect(event.exception!.values[0]!.value).toBe('Test error raised in the main process (monitoring check)');
  });

  it('reports the opening of the Massive breaker after real 500s, with the failure pattern', async () => {
    // Five quotes at once (each retried by the client, then counted once by the breaker) open it.
    const quotes = await Promise.all(Array.from({ length: 5 }, () => t.rpc('market:quote', { symbol: 'SPY' })));
    expect(quotes.map((r) => r.status)).toEqual([503, 503, 503, 503, 503]);
    expect(t.host.breakers.get('massive')!.state).toBe('open');
    // The key really went out, as an authorization header: the raw search below must not find it.
    expect(massive.requests.length).toBeGreaterThanOrEqual(5);
    expect(massive.requests.every((r) => r.authorization === `Bearer ${MASSIVE_KEY}`)).toBe(true);

    const opened = await waitForEvent((e) => e.message === 'Circuit breaker massive closed → open');
    expect(opened).toMatchObject({ level: 'warning', tags: { breaker: 'massive', 'breaker.from': 'closed', 'breaker.to': 'open' } });
    const context = (opened.contexts as { breaker: { pattern: string; failureCount: number; failures: string[] } }).breaker;
    expect(context).toMatchObject({ pattern: '500,500,500,500,500', failureCount: 5 });
    expect(context.failures).toEqual(Array.from({ length: 5 }, () => expect.stringMatching(/ 500: Massive\.com answered HTTP 500: .*upstream failure/)));
  });

  it('reports the half-opening and closing of a breaker', async () => {
    let now = 1_700_000_000_000;
    const breaker = t.host.breakers.create('options-feed', { failureThreshold: 1, cooldownMs: 1000, now: () => now });
    await expect(breaker.run(() => Promise.reject(Object.assign(new Error('HTTP 503'), { status: 503 })))).rejects.toThrow();
    now += 1000;
    await breaker.run(() => Promise.resolve('ok'));
    const halfOpen = await waitForEvent((e) => e.message === 'Circuit breaker options-feed open → half-open');
    expect(halfOpen).toMatchObject({ level: 'info', contexts: { breaker: { pattern: '503' } } });
    await waitForEvent((e) => e.message === 'Circuit breaker options-feed half-open → closed');
  });

  it('reports a rate-limit hit as a warning with the anonymous user id, once per minute', async () => {
    // A client with someone else's bearer token: the limit stops it before the token is checked.
    const foreignToken = FOREIGN_AUTHORIZATION.slice('Bearer '.length);
    const flood = Array.from({ length: 45 }, () => t.request('/api/rpc/settings:list', { method: 'POST', token: foreignToken, headers: { 'user-agent': 'flood' } }));
    const statuses = (await Promise.all(flood)).map((r) => r.status);
    expect(statuses.filter((s) => s === 429).length).toBeGreaterThan(1);
    const warning = await waitForEvent((e) => e.message === 'Local API rate limit hit');
    const installId = ((await (await t.rpc('monitoring:config', {})).json()) as { installId: string }).installId;
    expect(warning).toMatchObject({ level: 'warning', tags: { path: '/api/rpc/settings:list' }, user: { id: installId } });
    // The user id is the random install id, nothing derived from a token.
    expect(JSON.stringify(warning.user)).not.toMatch(new RegExp(`${TEST_TOKEN}|${foreignToken}`));
    expect(JSON.stringify(warning)).toContain('"authorization":"[redacted]"');
    expect(sentry.payloads('event').filter((e) => e.message === 'Local API rate limit hit')).toHaveLength(1);
  });

  it('forwards the renderer envelopes of the tunnel, scrubbed, and refuses garbage', async () => {
    const event = { event_id: 'a'.repeat(32), message: `renderer saw #token=${TEST_TOKEN} and ${EMAIL}`, request: { headers: { Authorization: `Bearer ${TEST_TOKEN}` } } };
    const envelope = `${JSON.stringify({ event_id: 'a'.repeat(32), dsn: 'http://renderer@localhost/0' })}\n${JSON.stringify({ type: 'event' })}\n${JSON.stringify(event)}\n`;
    const res = await t.request('/api/monitoring/envelope', { method: 'POST', body: envelope, headers: { 'content-type': 'text/plain;charset=UTF-8' } });
    expect(res.status).toBe(200);
    const forwarded = await waitForEvent((e) => e.event_id === 'a'.repeat(32));
    expect(forwarded.message).toBe('renderer saw #token=[redacted] and [email]');
    expect(sentry.received.find((e) => e.items.some((i) => i.payload.event_id === 'a'.repeat(32)))!.headers).toEqual({ event_id: 'a'.repeat(32) });

    expect((await t.request('/api/monitoring/envelope', { method: 'POST', body: 'not an envelope' })).status).toBe(400);
    expect((await t.request('/api/monitoring/envelope', { method: 'POST', body: envelope, token: null })).status).toBe(401);
    expect((await t.request('/api/monitoring/envelope', { method: 'POST', body: 'x'.repeat(1024 * 1024 + 1) })).status).toBe(413);
  });

  it('never sends the API token, an API key from the environment, an authorization header, the DSN key or an e-mail address', () => {
    expect(sentry.received.length).toBeGreaterThan(4);
    const raw = Buffer.concat(sentry.received.map((e) => e.body)).toString('utf8');
    for (const secret of [TEST_TOKEN, PLANTED_KEY, MASSIVE_KEY, FOREIGN_AUTHORIZATION, FOREIGN_AUTHORIZATION.slice(7), sentry.publicKey, sentry.dsn, EMAIL, 'Bearer test']) {
      expect(raw).not.toContain(secret);
    }
    expect(raw).toContain('[redacted]');
  });

  it('a failing provider is degraded in /health/ready while the app stays ready', async () => {
    // The host's own Massive breaker was opened by the 500s above; Sentry itself failing trips the
    // monitoring breaker.
    sentry.respondWith(503);
    for (let i = 0; i < 3; i++) await t.rpc('monitoring:test-error', {});
    await vi.waitFor(() => expect(t.host.monitoring.breaker.state).toBe('open'), { timeout: 5000 });
    sentry.respondWith(200);

    const res = await t.request('/health/ready', { token: null });
    expect(res.status).toBe(200);
    const report = (await res.json()) as HealthReport;
    expect(report.ready).toBe(true);
    expect(report.checks.map((c) => [c.name, c.status, c.critical])).toEqual([
      ['database', 'ok', true],
      ['provider:sentry', 'degraded', false],
      ['provider:market', 'degraded', false],
      ['provider:chat', 'ok', false],
      ['worker:health-monitor', 'ok', false],
      ['worker:alerts', 'ok', false],
      ['worker:scanner', 'ok', false],
    ]);
    expect(report.checks.find((c) => c.name === 'provider:market')).toMatchObject({
      detail: 'massive: circuit open after 5 failures',
      data: { source: 'massive', configured: true, breaker: 'open', lastFailure: expect.stringContaining('upstream failure for Bearer [redacted]') },
    });
    // Served without a token: the key Massive echoed is scrubbed like a report to Sentry.
    expect(JSON.stringify(report)).not.toContain(MASSIVE_KEY);
  });
});
