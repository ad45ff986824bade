import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import { startFakeSentry, type FakeSentry } from '../testing/fake-sentry';
import { Monitoring, nodeSentrySdk, type MonitoringSettings } from './monitoring';

// The DSN can change while the app runs (entered in the Profile tab): one `start(dsn)` serves.
let first: FakeSentry;
let second: FakeSentry;
beforeAll(async () => {
  first = await startFakeSentry();
  second = await startFakeSentry({ publicKey: 'secondkey0123456789' });
});
afterAll(async () => {
  await first.close();
  await second.close();
});

const settings: MonitoringSettings = { dsn: undefined, environment: 'test', release: 'titm-ai-coach@t', tracesSampleRate: 0, installId: '00000000-0000-4000-8000-000000000000', secrets: [], testTools: true };

it('starts off, then reports to the DSN it is given, then to the next one, then stops', async () => {
  const monitoring = new Monitoring(nodeSentrySdk, settings);
  const crash = (requestId: string) => monitoring.captureError(new Error(`crash ${requestId}`), { requestId });
  expect(monitoring.publicConfig()).toMatchObject({ enabled: false, installId: null });
  crash('r0');

  monitoring.start(first.dsn);
  expect(monitoring.publicConfig()).toMatchObject({ enabled: true, installId: settings.installId });
  crash('r1');
  await vi.waitFor(() => expect(first.payloads('event').map((e) => (e.tags as Record<string, string>).requestId)).toEqual(['r1']));

  monitoring.start(second.dsn);
  crash('r2');
  await vi.waitFor(() => expect(second.payloads('event').map((e) => (e.tags as Record<string, string>).requestId)).toEqual(['r2']));

  monitoring.start(undefined);
  crash('r3');
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(first.payloads('event')).toHaveLength(1);
  expect(second.payloads('event')).toHaveLength(1);
  // The new DSN's key joined the secrets to scrub.
  expect(Buffer.concat(second.received.map((e) => e.body)).toString()).not.toContain('secondkey0123456789');
});
