interface CrashNoticeProps {
  title: string;
  error: unknown;
  /** Sentry's id of the report, when monitoring is on. */
  eventId?: string;
  actionLabel: string;
  onAction: () => void;
}

/** What replaces a part of the UI that crashed while rendering: what broke, and a way out. */
export function CrashNotice({ title, error, eventId, actionLabel, onAction }: CrashNoticeProps) {
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div role="alert" className="error-notice crash-notice">
      <div className="error-notice-text">
        <strong className="error-notice-title">{title}</strong>
        <span className="error-notice-message">{message}</span>
        {eventId && (
          <span className="error-notice-meta">
            <span>
              Report <code className="selectable">{eventId}</code>
            </span>
          </span>
        )}
      </div>
      <button type="button" className="button" onClick={onAction}>
        {actionLabel}
      </button>
    </div>
  );
}
