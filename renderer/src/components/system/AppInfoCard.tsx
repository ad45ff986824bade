import { useAppStatus } from '../../hooks/use-app-status';
import { formatDateTime, formatPlatform } from '../../lib/format';
import { ErrorNotice } from '../common/ErrorNotice';
import { LoadingState } from '../common/LoadingState';

/** Name, version, mode, data folder, platform and start time of the running app. */
export function AppInfoCard() {
  const { info } = useAppStatus();
  const { data } = info;

  return (
    <section className="card" aria-labelledby="app-info-heading">
      <header className="card-header">
        <h3 id="app-info-heading">Application</h3>
      </header>
      {info.error && <ErrorNotice title="Could not load app info" error={info.error} onRetry={info.reload} />}
      {!data && !info.error && <LoadingState label="Loading app info…" />}
      {data && (
        <dl className="facts">
          <dt>Name</dt>
          <dd>{data.name}</dd>
          <dt>Version</dt>
          <dd className="num">{data.version}</dd>
          <dt>Mode</dt>
          <dd>
            <span className="tag">{data.mode === 'electron' ? 'Desktop (Electron)' : 'Web'}</span>
          </dd>
          <dt>Data folder</dt>
          <dd>
            <code className="path selectable">{data.dataDir}</code>
          </dd>
          <dt>Platform</dt>
          <dd>{formatPlatform(data.platform)}</dd>
          <dt>Started at</dt>
          <dd className="num">
            <time dateTime={data.startedAt}>{formatDateTime(data.startedAt)}</time>
          </dd>
        </dl>
      )}
    </section>
  );
}
