import { useAutoDismiss } from '../../hooks/use-auto-dismiss';

export interface ToastItem {
  notificationId: string;
  /** The alert that fired (null once deleted, and for scanner finds). */
  alertId: string | null;
  /** A scan schedule's finds: the toast opens the Scanner tab. */
  scanner: boolean;
  title: string;
  body: string;
}

/** How long a toast stays when left alone (paused while the pointer or the focus is on it). */
const TOAST_MS = 8_000;

/** One fired alert (or a scan schedule's new finds): a click opens it; it leaves by itself after a few seconds. */
export function AlertToast({ toast, onOpen, onDismiss }: { toast: ToastItem; onOpen: () => void; onDismiss: () => void }) {
  const hold = useAutoDismiss(TOAST_MS, onDismiss);

  return (
    <div
      className="toast"
      data-testid="alert-toast"
      data-notification-id={toast.notificationId}
      {...hold}
    >
      <button type="button" className="toast-body" onClick={onOpen}>
        <strong className="toast-title">{toast.title}</strong>
        <span className="toast-text">{toast.body}</span>
      </button>
      <button type="button" className="link-button toast-close" aria-label={`Dismiss ${toast.title}`} onClick={onDismiss}>
        ×
      </button>
    </div>
  );
}
