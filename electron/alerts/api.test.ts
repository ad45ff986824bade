import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Alert } from '../../shared/schemas/alerts';
import type { Notification, NotificationList } from '../../shared/schemas/notifications';
import type { Quote } from '../../shared/schemas/market';
import { startTestHost, type TestHost } from '../testing/test-host';
import { RecordingNotifier, ScriptedLevels, ScriptedQuotes } from './testing';
import { AlertWorker } from './worker';

const json = { 'content-type': 'application/json' };
const post = (t: TestHost, path: string, body: unknown = {}) => t.request(path, { method: 'POST', body: JSON.stringify(body), headers: json });

/** Reads an SSE stream until an event named `name` arrives; returns its payload. */
async function nextEvent(res: Response, name: string): Promise<unknown> {
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) throw new Error(`stream ended before ${name}`);
    buffer += decoder.decode(value, { stream: true });
    const match = new RegExp(`event: ${name}\\ndata: (.*)\\n\\n`).exec(buffer);
    if (match) {
      reader.releaseLock();
      return JSON.parse(match[1]!);
    }
  }
}

async function until<T>(probe: () => Promise<T | undefined>, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`gave up waiting for ${what}`);
}

describe('alerts through the contract (REST)', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost({ env: { ALERT_WORKER_ENABLED: '0' } });
  });
  afterAll(() => t.close());

  it.each([
    ['an unknown symbol', { symbol: 'ZZZQ', condition: 'above', targetPrice: 10 }, 'symbol', /^Unknown symbol ZZZQ: the simulated market has indices, ETFs and large stocks/],
    ['a target of 0', { symbol: 'SPY', condition: 'above', targetPrice: 0 }, 'targetPrice', /^Target price must be above 0$/],
    ['a negative target', { symbol: 'SPY', condition: 'crosses', targetPrice: -5 }, 'targetPrice', /^Target price must be above 0$/],
    ['an expiry in the past', { symbol: 'SPY', condition: 'above', targetPrice: 600, expiresAt: '2020-01-02T15:00:00Z' }, 'expiresAt', /^Expiry is in the past \(2020-01-02T15:00:00Z\)/],
    ['an unknown key level', { symbol: 'SPY', condition: 'crosses', level: 'PDX' }, 'level', /^Unknown key level "PDX": use a name from the levels list, e.g. PDH/],
    ['no target and no level', { symbol: 'SPY', condition: 'crosses_above' }, 'targetPrice', /^Give a target price \(above 0\) or a key level$/],
    ['a target and a level', { symbol: 'SPY', condition: 'above', targetPrice: 600, level: 'PDH' }, 'targetPrice', /^Give either a target price or a key level, not both$/],
    ['a percent move without a percent', { symbol: 'SPY', condition: 'pct_move_up' }, 'percent', /^A percent-move alert needs a percent above 0$/],
    ['an unknown condition', { symbol: 'SPY', condition: 'touches', targetPrice: 600 }, 'condition', /^Condition must be one of above, below, crosses_above/],
  ])('refuses %s with a 400 naming the field, and stores nothing', async (_case, body, field, message) => {
    const res = await post(t, '/api/alerts', body);
    expect(res.status).toBe(400);
    const { error } = (await res.json()) as { error: { code: string; message: string; issues: { path: string[]; message: string }[] } };
    expect(error.code).toBe('invalid_input');
    expect(error.message).toContain(`${field}: `);
    expect(error.issues.find((i) => i.path[0] === field)?.message).toMatch(message);
    expect(await (await t.request('/api/alerts')).json()).toEqual({ alerts: [] });
  });

  it('creates, lists with filters, reads, edits, cancels and deletes an alert', async () => {
    const created = (await (await post(t, '/api/alerts', { symbol: 'spy', condition: 'crosses_above', targetPrice: 612.5, note: 'breakout' })).json()) as Alert;
    expect(created).toMatchObject({ symbol: 'SPY', condition: 'crosses_above', targetPrice: 612.5, status: 'active', triggerMode: 'once', note: 'breakout', triggerCount: 0 });
    const other = (await (await post(t, '/api/alerts', { symbol: 'QQQ', condition: 'below', targetPrice: 400, triggerMode: 'every_time', cooldownSeconds: 600 })).json()) as Alert;

    const spyOnly = (await (await t.request('/api/alerts?symbol=SPY&status=active')).json()) as { alerts: Alert[] };
    expect(spyOnly.alerts.map((a) => a.id)).toEqual([created.id]);
    expect(((await (await t.request('/api/alerts')).json()) as { alerts: Alert[] }).alerts.map((a) => a.id)).toEqual([other.id, created.id]);
    expect(await (await t.request(`/api/alerts/${created.id}`)).json()).toEqual(created);

    const edited = await t.request(`/api/alerts/${created.id}`, { method: 'PATCH', body: JSON.stringify({ level: 'PDH', note: null }), headers: json });
    expect(await edited.json()).toMatchObject({ level: 'PDH', targetPrice: null, note: null, condition: 'crosses_above' });

    const cancelled = (await (await post(t, `/api/alerts/${created.id}/cancel`)).json()) as Alert;
    expect(cancelled.status).toBe('cancelled');
    expect(((await (await t.request('/api/alerts?status=cancelled')).json()) as { alerts: Alert[] }).alerts.map((a) => a.id)).toEqual([created.id]);
    // Re-arming with a PATCH.
    expect(await (await t.request(`/api/alerts/${created.id}`, { method: 'PATCH', body: JSON.stringify({ status: 'active' }), headers: json })).json()).toMatchObject({ status: 'active' });

    expect(await (await t.request(`/api/alerts/${created.id}`, { method: 'DELETE' })).json()).toEqual({ removed: true });
    expect((await t.request(`/api/alerts/${created.id}`)).status).toBe(404);
    expect((await t.request(`/api/alerts/${created.id}`, { method: 'DELETE' })).status).toBe(404);
    await t.request(`/api/alerts/${other.id}`, { method: 'DELETE' });
  });

  it('an alert created through the contract fires when the scripted price moves: notification row, events over SSE, notification routes', async () => {
    const quotes = new ScriptedQuotes(Date.now).set('SPY', 598);
    const worker = new AlertWorker({ alerts: t.host.alerts, delivery: t.host.notifications, quotes, levels: new ScriptedLevels(), logger: t.host.logger });
    const created = await t.host.dispatch('alerts:create', { symbol: 'SPY', condition: 'crosses_above', targetPrice: 600, note: 'over 600' });
    expect(created.ok).toBe(true);
    const alert = (created as { value: Alert }).value;
    const stream = await t.request('/api/events');

    await worker.tick(); // 598: the baseline
    expect(await (await t.request('/api/notifications?unread=true')).json()).toEqual({ notifications: [], unreadCount: 0 });
    quotes.set('SPY', 601.25);
    const triggeredEvent = nextEvent(stream, 'alerts:triggered');
    await worker.tick();

    const triggered = (await triggeredEvent) as { alert: Alert; notification: Notification; toast: boolean };
    expect(triggered).toMatchObject({ alert: { id: alert.id, status: 'triggered', triggerPrice: 601.25 }, notification: { alertId: alert.id, read: false }, toast: true });
    expect(triggered.notification.title).toBe('SPY crossed above 600.00');
    expect(triggered.notification.body).toMatch(/^SPY at 601\.25, \d\d:\d\d ET\. over 600$/);

    const unread = (await (await t.request('/api/notifications?unread=true')).json()) as NotificationList;
    expect(unread).toEqual({ notifications: [triggered.notification], unreadCount: 1 });
    expect(t.host.db.prepare('SELECT alert_id, type, read FROM ai_coach_notifications').all()).toEqual([{ alert_id: alert.id, type: 'alert_triggered', read: 0 }]);
    expect(await (await t.request('/api/notifications/unread-count')).json()).toEqual({ unreadCount: 1 });

    const read = (await (await post(t, `/api/notifications/${triggered.notification.id}/read`)).json()) as Notification;
    expect(read).toMatchObject({ id: triggered.notification.id, read: true });
    expect(await (await t.request('/api/notifications?unread=true')).json()).toEqual({ notifications: [], unreadCount: 0 });
    expect((await (await t.request('/api/notifications')).json()) as NotificationList).toMatchObject({ notifications: [{ id: triggered.notification.id, read: true }] });
    expect(await (await post(t, '/api/notifications/read-all')).json()).toEqual({ marked: 0, unreadCount: 0 });
    expect((await post(t, '/api/notifications/nope/read')).status).toBe(404);

    // Deleting the alert keeps its notification, without the alert.
    await t.request(`/api/alerts/${alert.id}`, { method: 'DELETE' });
    expect(((await (await t.request('/api/notifications')).json()) as NotificationList).notifications[0]!.alertId).toBeNull();
    await stream.body!.cancel();
  });

  it('refuses a bad notifications query with a clear message', async () => {
    const res = await t.request('/api/notifications?unread=maybe');
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { issues: [{ path: ['unread'], message: 'Expected true or false' }] } });
  });
});

describe("the host's own alert worker (ALERT_TICK_MS, simulated market, a native notifier)", () => {
  let t: TestHost;
  const notifier = new RecordingNotifier();
  beforeAll(async () => {
    t = await startTestHost({ env: { ALERT_TICK_MS: '200' }, notifier });
  });
  afterAll(() => t.close());

  it('fires an alert past the simulated price, pops a native notification, and its click emits notifications:clicked', async () => {
    const quote = (await (await t.rpc('market:quote', { symbol: 'SPY' })).json()) as Quote;
    const stream = await t.request('/api/events');
    const alert = (await (await post(t, '/api/alerts', { symbol: 'SPY', condition: 'above', targetPrice: Math.round((quote.last - 1) * 100) / 100 })).json()) as Alert;

    const list = await until(async () => {
      const body = (await (await t.request('/api/notifications?unread=true')).json()) as NotificationList;
      return body.unreadCount ? body : undefined;
    }, 'the notification');
    expect(list.notifications[0]).toMatchObject({ alertId: alert.id, title: `SPY above ${(Math.round((quote.last - 1) * 100) / 100).toFixed(2)}` });
    expect(notifier.shown.map((s) => s.notification)).toEqual([{ id: list.notifications[0]!.id, title: list.notifications[0]!.title, body: list.notifications[0]!.body, alertId: alert.id }]);

    const clicked = nextEvent(stream, 'notifications:clicked');
    notifier.shown[0]!.click();
    expect(await clicked).toEqual({ notificationId: list.notifications[0]!.id, alertId: alert.id, type: 'alert_triggered' });
    expect(await (await t.request('/api/notifications/unread-count')).json()).toEqual({ unreadCount: 0 });
    await stream.body!.cancel();

    const health = (await (await t.request('/health/ready', { token: null })).json()) as { checks: { name: string; status: string; data: Record<string, unknown> }[] };
    expect(health.checks.find((c) => c.name === 'worker:alerts')).toMatchObject({ status: 'ok', data: { intervalMs: 200, lastError: null } });
  });
});
