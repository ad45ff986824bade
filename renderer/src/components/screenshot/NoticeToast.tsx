import { useAutoDismiss } from '../../hooks/use-auto-dismiss';

/** How long the notice stays when left alone (paused while the pointer or the focus is on it). */
const NOTICE_MS = 6_000;

/** A short confirmation in the app's toast style ("Positions sent to AI Coach for analysis."); it leaves by itself. */
export function NoticeToast({ text, onDismiss }: { text: string; onDismiss: () => void }) {
  const hold = useAutoDismiss(NOTICE_MS, onDismiss);

  return (
    <div className="toast-stack toast-stack-notice" role="status" aria-label="Notice">
      <div className="toast toast-notice" data-testid="notice-toast" {...hold}>
        <span className="toast-body">
          <span className="toast-text">{text}</span>
        </span>
        <button type="button" className="link-button toast-close" aria-label="Dismiss" onClick={onDismiss}>
          ×
        </button>
      </div>
    </div>
  );
}
