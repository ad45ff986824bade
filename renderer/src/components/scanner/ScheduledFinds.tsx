import type { ScanResult } from '../../../../shared/schemas/scanner';
import { plural } from '../../lib/journal';
import { countNew } from '../../lib/scanner';
import { ResultsTable } from './ResultsTable';

/** What the scan schedules found while the app ran (newest first); the finds not seen yet are marked new. */
export function ScheduledFinds({ feed, newIds }: { feed: readonly ScanResult[]; newIds: ReadonlySet<string> }) {
  const fresh = countNew(feed, newIds);
  return (
    <section className="card" aria-labelledby="scheduled-finds-heading" data-testid="scheduled-finds">
      <header className="card-header">
        <h3 id="scheduled-finds-heading">From your schedules</h3>
        {fresh > 0 && (
          <span className="count-badge count-badge-info" data-testid="scheduled-finds-new">
            {fresh} new
          </span>
        )}
        <span className="card-header-note muted">
          {feed.length} {plural('find', feed.length)} since the app started
        </span>
      </header>
      <ResultsTable results={feed} newIds={newIds} caption="Finds of the scan schedules" testId="scheduled-finds-table" />
    </section>
  );
}
