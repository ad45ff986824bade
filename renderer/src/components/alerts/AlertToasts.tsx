import { useState } from 'react';
import type { Notification } from '../../../../shared/schemas/notifications';
import '../../styles/alerts.css';
import { useApiEvent } from '../../hooks/use-api-event';
import { useWorkspaceNav } from '../../hooks/use-workspace-nav';
import { AlertToast, type ToastItem } from './AlertToast';

/** At most this many toasts at once; the oldest makes room. */
const MAX_TOASTS = 4;

/**
 * Where fired alerts and the scan schedules' new finds reach the user inside the app: a stack of
 * toasts (unless the profile turned alerts off: the event then says `toast: false`); a click on a
 * toast or on the OS popup (`notifications:clicked`) opens the Alerts tab on the alert, or the
 * Scanner tab for scanner finds.
 */
export function AlertToasts() {
  const nav = useWorkspaceNav();
  const [toasts, setToasts] = useState<ToastItem[]>([]);

  const add = ({ notification, toast }: { notification: Notification; toast: boolean }) => {
    if (!toast) return;
    const item = { notificationId: notification.id, alertId: notification.alertId, scanner: notification.type === 'scanner_results', title: notification.title, body: notification.body };
    setToasts((prev) => (prev.some((t) => t.notificationId === item.notificationId) ? prev : [...prev, item].slice(-MAX_TOASTS)));
  };
  useApiEvent('alerts:triggered', add);
  useApiEvent('scanner:results', add);
  useApiEvent('notifications:clicked', ({ alertId, type }) => (type === 'scanner_results' ? nav.showScanner() : nav.showAlert(alertId)));

  const dismiss = (id: string) => setToasts((prev) => prev.filter((t) => t.notificationId !== id));
  return (
    <div className="toast-stack" role="status" aria-label="Alerts and scanner finds">
      {toasts.map((toast) => (
        <AlertToast
          key={toast.notificationId}
          toast={toast}
          onDismiss={() => dismiss(toast.notificationId)}
          onOpen={() => {
            dismiss(toast.notificationId);
            if (toast.scanner) nav.showScanner();
            else nav.showAlert(toast.alertId);
          }}
        />
      ))}
    </div>
  );
}
