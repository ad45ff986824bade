import { useCall } from '../../hooks/use-call';
import { ErrorNotice } from '../common/ErrorNotice';
import { LoadingState } from '../common/LoadingState';
import { MonitoringTestTools } from './MonitoringTestTools';

/** Whether errors are reported (Sentry) or kept in the log files, and the facts the reports carry. */
export function MonitoringCard() {
  const config = useCall('monitoring:config', {});
  const { data } = config;

  return (
    <section className="card" aria-labelledby="monitoring-heading">
      <header className="card-header">
        <h3 id="monitoring-heading">Error monitoring</h3>
      </header>
      {config.error && <ErrorNotice title="Could not load the monitoring settings" error={config.error} onRetry={config.reload} />}
      {!data && !config.error && <LoadingState label="Loading…" />}
      {data && (
        <>
          <dl className="facts">
            <dt>Reporting</dt>
            <dd>
              <span className="tag">{data.enabled ? 'On (Sentry)' : 'Off — errors stay in the log files'}</span>
            </dd>
            {data.enabled && (
              <>
                <dt>Environment</dt>
                <dd>{data.environment}</dd>
                <dt>Release</dt>
                <dd className="num">{data.release}</dd>
                <dt>Install ID</dt>
                <dd>
                  <code className="selectable">{data.installId}</code>
                </dd>
              </>
            )}
          </dl>
          {data.testTools && <MonitoringTestTools />}
        </>
      )}
    </section>
  );
}
