import { afterEach, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../observability/logger';
import { ElectronNotifier } from './electron-notifier';
import { Notification } from './fake-electron';

const notification = { id: 'n-1', title: 'SPX crossed PDH 6010.25', body: 'Last 6011.40', alertId: 'a-1' };

function setup() {
  const lines: { level: string; msg: string; reason?: string }[] = [];
  const logger = createLogger({ level: 'debug', console: false, sink: (line) => lines.push(JSON.parse(line) as (typeof lines)[number]) });
  const order: string[] = [];
  const notifier = new ElectronNotifier({ Notification, focusApp: () => order.push('focus'), logger });
  return { notifier, lines, order };
}

afterEach(() => {
  Notification.created.length = 0;
  Notification.supported = true;
});

describe('ElectronNotifier', () => {
  it("shows the alert's title and body as an OS popup", async () => {
    const { notifier } = setup();
    await notifier.show(notification, () => {});
    expect(Notification.created).toHaveLength(1);
    expect(Notification.created[0]!.options).toEqual({ title: notification.title, body: notification.body });
    expect(Notification.created[0]!.shown).toBe(true);
  });

  it('a click brings the window to the front first, then reports the click, once', async () => {
    const { notifier, order } = setup();
    await notifier.show(notification, () => order.push('clicked'));
    expect(order).toEqual([]);
    Notification.created[0]!.click();
    Notification.created[0]!.click();
    expect(order).toEqual(['focus', 'clicked']);
  });

  it('fails soft where the OS has no notifications: nothing shown, one warning', async () => {
    const { notifier, lines } = setup();
    Notification.supported = false;
    const onClick = vi.fn();
    await expect(notifier.show(notification, onClick)).resolves.toBeUndefined();
    await expect(notifier.show({ ...notification, id: 'n-2' }, onClick)).resolves.toBeUndefined();
    expect(Notification.created).toEqual([]);
    expect(lines.filter((l) => l.level === 'warn')).toMatchObject([{ msg: 'native notifications unavailable; alerts show in the app only', reason: 'this system has no notification service' }]);
  });

  it("logs Windows' 'failed' and a throwing click handler instead of throwing", async () => {
    const { notifier, lines } = setup();
    await notifier.show(notification, () => {
      throw new Error('renderer gone');
    });
    Notification.created[0]!.fail('toast XML rejected');
    expect(lines.at(-1)).toMatchObject({ level: 'warn', reason: 'toast XML rejected' });
    await notifier.show({ ...notification, id: 'n-2' }, () => {
      throw new Error('renderer gone');
    });
    expect(() => Notification.created[1]!.click()).not.toThrow();
    expect(lines.at(-1)).toMatchObject({ level: 'error', msg: 'native notification click handler failed' });
  });
});
