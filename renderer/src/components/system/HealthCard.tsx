import { useAppStatus } from '../../hooks/use-app-status';
import { formatTime } from '../../lib/format';
import { ErrorNotice } from '../common/ErrorNotice';
import { LoadingState } from '../common/LoadingState';
import { HealthTable } from './HealthTable';
import { ReadinessBadge } from './ReadinessBadge';

/** The health report: overall readiness, when it was checked, each check, and a Refresh button. */
export function HealthCard() {
  const { health } = useAppStatus();
  const { data } = health;

  return (
    <section className="card" aria-labelledby="health-heading" aria-busy={health.loading}>
      <header className="card-header">
        <h3 id="health-heading">Health</h3>
        {data && <ReadinessBadge report={data} />}
        {data && (
          <span className="muted num card-header-note">
            Checked <time dateTime={data.checkedAt}>{formatTime(data.checkedAt)}</time>
          </span>
        )}
        <button type="button" className="button card-header-action" onClick={health.reload} disabled={health.loading}>
          {health.loading && data ? 'Refreshing…' : 'Refresh'}
        </button>
      </header>
      {health.error && <ErrorNotice title="Could not check health" error={health.error} onRetry={health.reload} />}
      {!data && !health.error && <LoadingState label="Checking health…" />}
      {data && <HealthTable checks={data.checks} caption="Health checks" />}
    </section>
  );
}
