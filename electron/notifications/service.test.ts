import { afterEach, describe, expect, it } from 'vitest';
import { AlertCreateSchema } from '../../shared/schemas/alerts';
import { et, makeAlertsWorld } from '../alerts/testing';

type World = ReturnType<typeof makeAlertsWorld>;
let world: World | undefined;
afterEach(() => {
  world?.db.close();
  world = undefined;
});

/** A world where one `above 600` SPY alert fires on the next tick. */
async function firing() {
  world = makeAlertsWorld(et('2026-12-01', '10:00'));
  world.quotes.set('SPY', 601);
  const alert = await world.alerts.create(AlertCreateSchema.parse({ symbol: 'SPY', condition: 'above', targetPrice: 600 }));
  return { w: world, alert };
}

describe('delivery of fired alerts', () => {
  it('emits alerts:triggered (toast on), notifications:created, the new unread count and alerts:changed, and pops a native notification', async () => {
    const { w, alert } = await firing();
    await w.worker.tick();
    const [notification] = w.notifications.repo.list({ unread: true, limit: 10 });
    expect(w.events.map((e) => e.name)).toEqual(['alerts:changed', 'alerts:changed', 'alerts:triggered', 'notifications:created', 'notifications:changed']);
    expect(w.named('alerts:changed')).toEqual([
      { reason: 'created', ids: [alert.id] },
      { reason: 'triggered', ids: [alert.id] },
    ]);
    expect(w.named('alerts:triggered')).toEqual([{ alert: w.alerts.get(alert.id), notification, toast: true }]);
    expect(w.named('notifications:changed')).toEqual([{ unreadCount: 1 }]);
    expect(w.notifier.shown.map((s) => s.notification)).toEqual([{ id: notification!.id, title: 'SPY above 600.00', body: 'SPY at 601.00, 10:00 ET.', alertId: alert.id }]);
  });

  it('with alerts turned off in the profile the trigger is still recorded and listed, but there is no toast and no popup', async () => {
    const { w, alert } = await firing();
    w.prefs.alertsEnabled = false;
    await w.worker.tick();
    expect(w.alerts.get(alert.id).status).toBe('triggered');
    expect(w.notifications.repo.unreadCount()).toBe(1);
    expect(w.named('alerts:triggered')).toMatchObject([{ toast: false }]);
    expect(w.notifier.shown).toEqual([]);
  });

  it('with browser notifications off there is a toast but no native popup', async () => {
    const { w } = await firing();
    w.prefs.browserNotifications = false;
    await w.worker.tick();
    expect(w.named('alerts:triggered')).toMatchObject([{ toast: true }]);
    expect(w.notifier.shown).toEqual([]);
  });

  it('a click on the native popup marks it read and emits notifications:clicked for the renderer to open the alert', async () => {
    const { w, alert } = await firing();
    await w.worker.tick();
    const { notification, click } = w.notifier.shown[0]!;
    click();
    expect(w.named('notifications:clicked')).toEqual([{ notificationId: notification.id, alertId: alert.id, type: 'alert_triggered' }]);
    expect(w.notifications.repo.get(notification.id)!.read).toBe(true);
    expect(w.named('notifications:changed').at(-1)).toEqual({ unreadCount: 0 });
  });
});

describe('the inbox', () => {
  it('lists newest first, marks one or all read, and tells the badge each time the count changes', async () => {
    const { w } = await firing();
    await w.alerts.create(AlertCreateSchema.parse({ symbol: 'SPY', condition: 'above', targetPrice: 600.5 }));
    await w.worker.tick(); // both fire in one tick
    w.quotes.set('SPY', 605);
    await w.alerts.create(AlertCreateSchema.parse({ symbol: 'SPY', condition: 'above', targetPrice: 604 }));
    w.time.now += 30_000;
    await w.worker.tick();
    const all = w.notifications.list({ unread: false, limit: 100 });
    expect(all.unreadCount).toBe(3);
    expect(all.notifications.map((n) => n.title)).toEqual(['SPY above 604.00', 'SPY above 600.50', 'SPY above 600.00']);
    expect(w.notifications.list({ unread: false, limit: 2 }).notifications).toHaveLength(2);

    const counts = () => w.named('notifications:changed');
    const before = counts().length;
    w.notifications.markRead(all.notifications[0]!.id);
    w.notifications.markRead(all.notifications[0]!.id); // already read: no new count
    expect(counts().slice(before)).toEqual([{ unreadCount: 2 }]);
    expect(w.notifications.list({ unread: true, limit: 100 }).notifications.map((n) => n.title)).toEqual(['SPY above 600.50', 'SPY above 600.00']);
    expect(w.notifications.markAllRead()).toEqual({ marked: 2, unreadCount: 0 });
    expect(w.notifications.markAllRead()).toEqual({ marked: 0, unreadCount: 0 });
    expect(counts().slice(before)).toEqual([{ unreadCount: 2 }, { unreadCount: 0 }]);
    expect(() => w.notifications.markRead('missing')).toThrow(/No notification missing/);
  });
});
