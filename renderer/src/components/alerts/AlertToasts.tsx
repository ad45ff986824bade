import { useState } from 'react';
import '../../styles/alerts.css';
import { useApiEvent } from '../../hooks/use-api-event';
import { useWorkspaceNav } from '../../hooks/use-workspace-nav';
import { AlertToast, type ToastItem } from './AlertToast';

/** At most this many toasts at once; the oldest makes room. */
const MAX_TOASTS = 4;

/**
 * Where fired alerts reach the user inside the app: a stack of toasts (unless the profile turned
 * alerts off: the event then says `toast: false`), and the Alerts tab opened on the alert when a
 * toast or the OS popup (`notifications:clicked`) is clicked.
 */
export function AlertToasts() {
  const nav = useWorkspaceNav();
  const [toasts, setToasts] = useState<ToastItem[]>([]);

  useApiEvent('alerts:triggered', ({ notification, toast }) => {
    if (!toast) return;
    const item = { notificationId: notification.id, alertId: notification.alertId, title: notification.title, body: notification.body };
    setToasts((prev) => (prev.some((t) => t.notificationId === item.notificationId) ? prev : [...prev, item].slice(-MAX_TOASTS)));
  });
  useApiEvent('notifications:clicked', ({ alertId }) => nav.showAlert(alertId));

  const dismiss = (id: string) => setToasts((prev) => prev.filter((t) => t.notificationId !== id));
  return (
    <div className="toast-stack" role="status" aria-label="Fired alerts">
      {toasts.map((toast) => (
        <AlertToast
          key={toast.notificationId}
          toast={toast}
          onDismiss={() => dismiss(toast.notificationId)}
          onOpen={() => {
            dismiss(toast.notificationId);
            nav.showAlert(toast.alertId);
          }}
        />
      ))}
    </div>
  );
}
