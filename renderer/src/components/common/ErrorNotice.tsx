import type { CoachError } from '../../../../shared/errors';

interface ErrorNoticeProps {
  title: string;
  error: CoachError;
  onRetry?: () => void;
  compact?: boolean;
}

/** A failed call: what went wrong, and the request id to find it in the app's log. */
export function ErrorNotice({ title, error, onRetry, compact = false }: ErrorNoticeProps) {
  return (
    <div role="alert" className={compact ? 'error-notice error-notice-compact' : 'error-notice'}>
      <div className="error-notice-text">
        <strong className="error-notice-title">{title}</strong>
        <span className="error-notice-message">{error.message}</span>
        <span className="error-notice-meta">
          <span>
            Code <code>{error.code}</code>
          </span>
          {error.requestId && (
            <span>
              Request ID <code className="selectable">{error.requestId}</code>
            </span>
          )}
        </span>
      </div>
      {onRetry && (
        <button type="button" className="button" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
