import type { CoachError } from '../../../../shared/errors';
import { useAppStatus } from '../../hooks/use-app-status';
import { ConnectionIndicator } from './ConnectionIndicator';
import { HealthIndicator } from './HealthIndicator';

interface StatusBarProps {
  /** The last setting that could not be saved, shown until dismissed or the next save succeeds. */
  saveError: CoachError | undefined;
  onDismissSaveError: () => void;
}

/** The bottom bar: live link, health, and facts about the running app. */
export function StatusBar({ saveError, onDismissSaveError }: StatusBarProps) {
  const { info, connection } = useAppStatus();
  const { data } = info;

  return (
    <footer className="status-bar" aria-label="Status bar">
      <ConnectionIndicator state={connection} />
      <HealthIndicator />
      {saveError && (
        <span role="alert" className="status-item status-error" title={saveError.requestId ? `Request ID ${saveError.requestId}` : undefined}>
          Setting not saved: {saveError.message}
          <button type="button" className="link-button" onClick={onDismissSaveError} aria-label="Dismiss">
            ×
          </button>
        </span>
      )}
      <span className="status-spacer" />
      {info.error && (
        <span className="status-item status-error" title={`${info.error.message}${info.error.requestId ? ` (request ID ${info.error.requestId})` : ''}`}>
          App info unavailable
          <button type="button" className="link-button" onClick={info.reload}>
            Retry
          </button>
        </span>
      )}
      {data && (
        <>
          <span className="status-item status-path" title={data.dataDir}>
            <span className="status-label">Data</span>
            <span className="truncate">{data.dataDir}</span>
          </span>
          <span className="status-item num" title={`${data.name} ${data.version}`}>
            v{data.version}
            <span className="tag tag-small">{data.mode}</span>
          </span>
        </>
      )}
    </footer>
  );
}
