import type { NativeNotification, NativeNotifier } from '../notifications/notifier';
import { notShownLog, reasonOf, runClick } from '../notifications/soft-fail';
import type { Logger } from '../observability/logger';

/** The part of one Electron `Notification` the adapter uses (a structural type, so tests can fake it). */
export interface ElectronNotificationLike {
  once(event: 'click', listener: () => void): unknown;
  once(event: 'close', listener: () => void): unknown;
  once(event: 'failed', listener: (event: unknown, error: string) => void): unknown;
  show(): void;
}

/** Electron's `Notification` class: a constructor and `isSupported()`. */
export interface ElectronNotificationClass {
  new (options: { title: string; body: string; icon?: string }): ElectronNotificationLike;
  isSupported(): boolean;
}

/**
 * Popups kept alive at most: Electron drops a notification's click once its object is garbage
 * collected, so shown ones are held until clicked or closed; the oldest go first past this.
 */
const MAX_LIVE = 50;

/**
 * Native notifications in the desktop app through Electron's `Notification`. A click brings the
 * main window to the front (`focusApp`) and then reports it (the caller announces
 * `notifications:clicked`, and the renderer opens the alert). Fails soft where the OS has none.
 */
export class ElectronNotifier implements NativeNotifier {
  readonly kind = 'electron';
  private readonly live = new Set<ElectronNotificationLike>();
  private readonly notShown: (reason: string, notificationId?: string) => void;

  constructor(private readonly options: { Notification: ElectronNotificationClass; focusApp: () => void; logger: Logger; icon?: string }) {
    this.notShown = notShownLog(options.logger, this.kind);
  }

  async show(notification: NativeNotification, onClick: () => void): Promise<void> {
    const { Notification, focusApp, logger, icon } = this.options;
    try {
      if (!Notification.isSupported()) return this.notShown('this system has no notification service', notification.id);
      const popup = new Notification({ title: notification.title, body: notification.body, ...(icon && { icon }) });
      const release = () => this.live.delete(popup);
      popup.once('click', () => {
        release();
        runClick(logger, notification.id, () => {
          focusApp();
          onClick();
        });
      });
      popup.once('close', release);
      popup.once('failed', (_event, error) => {
        release();
        this.notShown(error, notification.id);
      });
      this.keep(popup);
      popup.show();
    } catch (error) {
      this.notShown(reasonOf(error), notification.id);
    }
  }

  private keep(popup: ElectronNotificationLike): void {
    this.live.add(popup);
    if (this.live.size > MAX_LIVE) this.live.delete(this.live.values().next().value!);
  }
}
