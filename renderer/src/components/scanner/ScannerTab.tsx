import '../../styles/scanner.css';
import { useCall } from '../../hooks/use-call';
import { useScannerSession } from '../../hooks/use-scanner-session';
import { ErrorNotice } from '../common/ErrorNotice';
import { LoadingState } from '../common/LoadingState';
import { RunResults } from './RunResults';
import { ScanPicker } from './ScanPicker';
import { ScheduledFinds } from './ScheduledFinds';
import { SchedulesCard } from './SchedulesCard';

/** The opportunity scanner: pick scans and symbols and run them; the findings, what the schedules found, and the schedules. */
export function ScannerTab() {
  const catalog = useCall('scanner:catalog', {});
  const session = useScannerSession();
  return (
    <div className="tab-content scanner-tab" data-testid="scanner-tab">
      <section className="card" aria-labelledby="scan-heading" aria-busy={catalog.loading}>
        <header className="card-header">
          <h3 id="scan-heading">Scan</h3>
          <span className="card-header-note muted">Technical scans read today’s bars and key levels; options scans the nearest expiration’s chain</span>
        </header>
        {catalog.error && <ErrorNotice title="Could not load the scans" error={catalog.error} onRetry={catalog.reload} />}
        {!catalog.data && catalog.loading && <LoadingState label="Loading the scans…" />}
        {catalog.data && <ScanPicker catalog={catalog.data} initial={session.lastRun} running={session.running} onRun={session.run} />}
      </section>
      <RunResults run={session.lastRun} running={session.running} error={session.runError} />
      {session.feed.length > 0 && <ScheduledFinds feed={session.feed} newIds={session.newIds} />}
      <SchedulesCard catalog={catalog.data} />
    </div>
  );
}
