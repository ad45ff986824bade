import * as Sentry from '@sentry/node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeMassive, type FakeMassive } from '../testing/fake-massive';
import { startFakeSentry, type FakeSentry } from '../testing/fake-sentry';
import { startTestHost, type TestHost } from '../testing/test-host';

// The same situations as monitoring.test.ts, with no SENTRY_DSN: nothing is initialised, nothing
// is sent anywhere, and the app works as before.
let sentry: FakeSentry;
let massive: FakeMassive;
let t: TestHost;

beforeAll(async () => {
  sentry = await startFakeSentry();
  massive = await startFakeMassive([() => ({ status: 500, body: { status: 'ERROR' } })]);
  t = await startTestHost({
    env: { SENTRY_DSN: '', SENTRY_ENVIRONMENT: 'ci', MASSIVE_API_KEY: 'massive-planted-FAKE-0123456789', MASSIVE_BASE_URL: massive.url },
    server: { rateLimit: { perSecond: 1, burst: 12 } },
    handlers: {
      'settings:list': () => {
        throw new Error('boom');
      },
    },
  });
});

afterAll(async () => {
  await t.close();
  await sentry.close();
  await massive.close();
});

describe('error monitoring without SENTRY_DSN', () => {
  it('initialises no SDK and says it is off', async () => {
    expect(Sentry.getClient()).toBeUndefined();
    expect(await (await t.rpc('monitoring:config', {})).json()).toEqual({ enabled: false, environment: 'ci', release: 'titm-ai-coach@0.0.0-test', tracesSampleRate: 0, installId: null, testTools: true });
  });

  it('keeps the app working: a crash is a 500 with its request id, breakers and rate limits behave', async () => {
    expect((await t.rpc('app:info', {})).status).toBe(200);
    const crash = await t.rpc('settings:list', {}, { headers: { 'x-request-id': 'req-off-1' } });
    expect(crash.status).toBe(500);
    expect(await crash.json()).toEqual({ error: { code: 'internal', message: 'Internal error; see the log for this request id.', requestId: 'req-off-1' } });
    expect((await t.rpc('monitoring:test-error', {})).status).toBe(500);
    // The host's Massive breaker opens on real 500s, as in monitoring.test.ts.
    const quotes = await Promise.all(Array.from({ length: 5 }, () => t.rpc('market:quote', { symbol: 'SPY' })));
    expect(quotes.map((r) => r.status)).toEqual([503, 503, 503, 503, 503]);
    expect(t.host.breakers.get('massive')!.state).toBe('open');
    const statuses = await Promise.all(Array.from({ length: 14 }, () => t.request('/api/rpc/app:info', { method: 'POST', headers: { 'user-agent': 'flood' } })));
    expect(statuses.map((r) => r.status)).toContain(429);
  });

  it('refuses the tunnel, and the provider:sentry check says monitoring is off', async () => {
    const res = await t.request('/api/monitoring/envelope', { method: 'POST', body: '{}\n' });
    expect(res.status).toBe(404);
    expect(((await res.json()) as { error: { message: string } }).error.message).toBe('Error monitoring is off (no SENTRY_DSN)');
    const report = (await (await t.request('/health/ready', { token: null })).json()) as { ready: boolean; checks: { name: string; status: string; detail?: string }[] };
    expect(report.ready).toBe(true);
    expect(report.checks.find((c) => c.name === 'provider:sentry')).toMatchObject({ status: 'ok', detail: 'log files (embedded default)' });
  });

  it('sent nothing', async () => {
    await t.host.monitoring.close(); // what a closing SDK would flush
    expect(Sentry.getClient()).toBeUndefined();
    expect(sentry.received).toEqual([]);
  });

  it('has no test tools in production: the test error is forbidden', async () => {
    const production = await startTestHost({ env: { NODE_ENV: 'production' } });
    try {
      expect(await (await production.rpc('monitoring:config', {})).json()).toMatchObject({ enabled: false, testTools: false, environment: 'production' });
      const res = await production.rpc('monitoring:test-error', {});
      expect(res.status).toBe(403);
      expect(await res.json()).toMatchObject({ error: { code: 'forbidden', message: 'Test errors are not available in production builds' } });
    } finally {
      await production.close();
    }
  });
});
