import type { NotificationPrefs } from '../../shared/schemas/profile';
import type { Notification, NotificationList } from '../../shared/schemas/notifications';
import { CoachError } from '../../shared/errors';
import type { HandlerMap } from '../contract/dispatcher';
import type { EventBus } from '../contract/event-bus';
import type { Database } from '../db/database';
import type { Logger } from '../observability/logger';
import type { FiredAlert } from '../alerts/service';
import type { NativeNotifier } from './notifier';
import { NotificationRepository } from './repository';

export interface NotificationsServiceOptions {
  db: Database;
  events: EventBus;
  logger: Logger;
  /** The profile's preferences, read at each delivery (a change applies to the next alert). */
  prefs: () => NotificationPrefs;
  /** OS popups; none: in-app only. */
  notifier?: NativeNotifier;
}

/** The notification inbox (list, read state, unread badge) and the delivery of fired alerts. */
export class NotificationsService {
  readonly repo: NotificationRepository;
  private readonly events: EventBus;
  private readonly logger: Logger;
  private readonly prefs: () => NotificationPrefs;
  private readonly notifier: NativeNotifier | undefined;

  constructor(options: NotificationsServiceOptions) {
    this.repo = new NotificationRepository(options.db);
    this.events = options.events;
    this.logger = options.logger;
    this.prefs = options.prefs;
    this.notifier = options.notifier;
  }

  list(input: { unread: boolean; limit: number }): NotificationList {
    return { notifications: this.repo.list(input), unreadCount: this.repo.unreadCount() };
  }

  markRead(id: string): Notification {
    const wasUnread = this.repo.get(id)?.read === false;
    if (!this.repo.markRead(id)) throw new CoachError('not_found', `No notification ${id}`);
    if (wasUnread) this.countChanged();
    return this.repo.get(id)!;
  }

  markAllRead(): { marked: number; unreadCount: number } {
    const marked = this.repo.markAllRead();
    if (marked) this.countChanged();
    return { marked, unreadCount: 0 };
  }

  /**
   * Tells everyone of alerts that fired (already stored): the events of the contract, and a native
   * popup per alert. With alerts turned off in the profile they are still recorded and listed, but
   * neither toast nor popup shows; with browser notifications off there is no popup.
   */
  deliver(fired: FiredAlert[]): void {
    if (!fired.length) return;
    const prefs = this.prefs();
    for (const { alert, notification } of fired) {
      this.events.emit('alerts:triggered', { alert, notification, toast: prefs.alertsEnabled });
      this.show(notification, prefs);
    }
    this.countChanged();
  }

  /**
   * Tells everyone of another stored notification (a scanner schedule's new results) as alerts are
   * told: `notifications:created`, the popup when the profile allows, the badge. Returns whether
   * the renderer should toast it (the profile's alertsEnabled).
   */
  announce(notification: Notification): boolean {
    const prefs = this.prefs();
    this.show(notification, prefs);
    this.countChanged();
    return prefs.alertsEnabled;
  }

  handlers(): HandlerMap {
    return {
      'notifications:list': (input) => this.list(input),
      'notifications:markRead': ({ id }) => this.markRead(id),
      'notifications:markAllRead': () => this.markAllRead(),
      'notifications:unreadCount': () => ({ unreadCount: this.repo.unreadCount() }),
    };
  }

  private show(notification: Notification, prefs: NotificationPrefs): void {
    this.events.emit('notifications:created', notification);
    if (prefs.alertsEnabled && prefs.browserNotifications && this.notifier) void this.popup(this.notifier, notification);
  }

  /** Not awaited by the tick: a slow OS notifier must not hold the next one up. */
  private async popup(notifier: NativeNotifier, n: Notification): Promise<void> {
    await notifier.show({ id: n.id, title: n.title, body: n.body, alertId: n.alertId }, () => {
      // The user saw it: it counts as read, and the app opens on the alert.
      try {
        if (this.repo.markRead(n.id)) this.countChanged();
      } catch (error) {
        this.logger.warn('could not mark a clicked notification read', { notificationId: n.id, error });
      }
      this.events.emit('notifications:clicked', { notificationId: n.id, alertId: n.alertId, type: n.type });
    });
    this.logger.debug('native notification shown', { notifier: notifier.kind, notificationId: n.id });
  }

  private countChanged(): void {
    this.events.emit('notifications:changed', { unreadCount: this.repo.unreadCount() });
  }
}
