/**
 * The OS popup of a notification. The desktop shell gives an adapter of Electron's `Notification`
 * (electron/platform), web mode one of `node-notifier`; without one, notifications stay in-app
 * (toast, badge, list).
 */
export interface NativeNotification {
  id: string;
  title: string;
  body: string;
  alertId: string | null;
}

export interface NativeNotifier {
  /** Which implementation this is ('electron', 'node-notifier'...), for logs and health. */
  readonly kind: string;
  /**
   * Shows the popup; `onClick` runs when the user clicks it (the host then emits
   * `notifications:clicked`). Never throws: failing soft is the notifier's job.
   */
  show(notification: NativeNotification, onClick: () => void): Promise<void>;
}
