import nodeNotifier from 'node-notifier';
import type { Logger } from '../observability/logger';
import type { NativeNotification, NativeNotifier } from './notifier';
import { notShownLog, reasonOf, runClick } from './soft-fail';

/** What node-notifier hands to the notify callback: an error, or the OS notifier's answer. */
type NotifyCallback = (error: Error | string | null, response?: string) => void;

/** The part of a node-notifier backend this adapter uses (structural, so a test can script answers). */
export interface NotifierBackend {
  notify(options: { title: string; message: string; wait: boolean }, callback: NotifyCallback): unknown;
}

/** Answers (lower-cased) that mean the user clicked the popup: macOS NotificationCenter and Windows toasts. */
const CLICKED = /^(activate|clicked)$/;

/**
 * The OS notifier of this platform. On Linux notify-send is looked for at each call
 * (`suppressOsdCheck`): node-notifier would otherwise remember a missing one for the life of the
 * process, and a user who installs libnotify would see nothing until a restart.
 */
export function platformBackend(platform: NodeJS.Platform = process.platform): NotifierBackend {
  if (platform === 'darwin') return new nodeNotifier.NotificationCenter({ withFallback: true });
  if (platform === 'win32') return new nodeNotifier.WindowsToaster({ withFallback: true });
  const options: nodeNotifier.Option & { suppressOsdCheck: boolean } = { suppressOsdCheck: true };
  return new nodeNotifier.NotifySend(options);
}

/**
 * Native notifications in web mode through node-notifier (notify-send, macOS Notification Center,
 * Windows toasts). Fails soft: a machine with no OS notifier (a server, a container, Linux without
 * libnotify) still gets the in-app toast; the reason is logged once at warn, later failures at debug.
 * Clicks are reported where the backend waits for the user (`wait: true`: macOS and Windows);
 * notify-send exits as soon as the popup is shown, so on Linux there is no click to report.
 */
export class NodeNotifier implements NativeNotifier {
  readonly kind = 'node-notifier';
  private readonly logger: Logger;
  private readonly backend: NotifierBackend;
  private readonly notShown: (reason: string, notificationId?: string) => void;

  constructor(options: { logger: Logger; backend?: NotifierBackend }) {
    this.logger = options.logger;
    this.backend = options.backend ?? platformBackend();
    this.notShown = notShownLog(options.logger, this.kind);
  }

  /** Resolves once the OS notifier has answered (shown, clicked, timed out or failed); never rejects. */
  show(notification: NativeNotification, onClick: () => void): Promise<void> {
    return new Promise((resolve) => {
      try {
        this.backend.notify({ title: notification.title, message: notification.body, wait: true }, (error, response) => {
          if (error instanceof Error) this.notShown(reasonOf(error), notification.id);
          else if (typeof response === 'string' && CLICKED.test(response.trim().toLowerCase())) runClick(this.logger, notification.id, onClick);
          resolve();
        });
      } catch (error) {
        this.notShown(reasonOf(error), notification.id);
        resolve();
      }
    });
  }
}
