import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { startFakeSentry, type FakeSentry } from '../testing/fake-sentry';
import { startTestHost, type TestHost } from '../testing/test-host';

// Keys saved in the Profile tab (not the environment): the DSN turns monitoring on and off without
// a restart, and every saved key is scrubbed from what is sent.
const SAVED_KEY = 'MassiveSavedInProfile0123456789';

let sentry: FakeSentry;
let t: TestHost;

beforeAll(async () => {
  sentry = await startFakeSentry();
  t = await startTestHost({
    handlers: {
      'app:info': () => {
        throw new Error(`provider refused ${SAVED_KEY}`);
      },
    },
  });
});

afterAll(async () => {
  await t.close();
  await sentry.close();
});

const monitoringEnabled = async () => ((await (await t.rpc('monitoring:config', {})).json()) as { enabled: boolean }).enabled;
const json = { 'content-type': 'application/json' };

describe('error monitoring follows the keys saved in the Profile tab', () => {
  it('starts when a DSN is saved, scrubs saved keys, and stops when the DSN is cleared', async () => {
    expect(await monitoringEnabled()).toBe(false);
    expect((await t.request('/api/user/keys/SENTRY_DSN', { method: 'PUT', body: JSON.stringify({ value: sentry.dsn }), headers: json })).status).toBe(200);
    expect(await monitoringEnabled()).toBe(true);
    expect((await t.request('/api/user/keys/MASSIVE_API_KEY', { method: 'PUT', body: JSON.stringify({ value: SAVED_KEY }), headers: json })).status).toBe(200);

    expect((await t.rpc('app:info', {}, { headers: { 'x-request-id': 'req-saved-key' } })).status).toBe(500);
    await vi.waitFor(() => expect(sentry.payloads('event').some((e) => (e as { tags?: Record<string, string> }).tags?.requestId === 'req-saved-key')).toBe(true), {
      timeout: 5000,
    });
    const raw = Buffer.concat(sentry.received.map((e) => e.body)).toString('utf8');
    expect(raw).toContain('provider refused [redacted]');
    expect(raw).not.toContain(SAVED_KEY);
    expect(raw).not.toContain(sentry.publicKey);

    expect((await t.request('/api/user/keys/SENTRY_DSN', { method: 'DELETE' })).status).toBe(200);
    expect(await monitoringEnabled()).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 300)); // the closing client flushes its queue
    const count = sentry.received.length;
    expect((await t.rpc('app:info', {})).status).toBe(500);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(sentry.received.length).toBe(count);
    expect(sentry.payloads('event').filter((e) => String((e as { message?: string }).message ?? JSON.stringify(e)).includes('provider refused'))).toHaveLength(1);
  });
});
