import type { ScanRunResult } from '../../../../shared/schemas/scanner';
import type { CoachError } from '../../../../shared/errors';
import { formatDuration } from '../../lib/format';
import { formatDateTime, plural } from '../../lib/journal';
import { ErrorNotice } from '../common/ErrorNotice';
import { LoadingState } from '../common/LoadingState';
import { ResultsTable } from './ResultsTable';

interface RunResultsProps {
  run: ScanRunResult | undefined;
  running: boolean;
  error: CoachError | undefined;
}

/** The last run's findings (kept on screen while the next one runs), the symbols whose data failed, or why the run failed. */
export function RunResults({ run, running, error }: RunResultsProps) {
  return (
    <section className="card" aria-labelledby="scan-results-heading" aria-busy={running} data-testid="scan-run-results">
      <header className="card-header">
        <h3 id="scan-results-heading">Results</h3>
        {run && (
          <span className="card-header-note muted" data-testid="scan-run-summary">
            {run.results.length} {plural('result', run.results.length)} · {run.symbols.length} {plural('symbol', run.symbols.length)} · ran {formatDateTime(new Date(run.runAt).toISOString())} New York time in {formatDuration(run.ms)}
          </span>
        )}
      </header>
      {error && <ErrorNotice title="Could not run the scan" error={error} />}
      {running && <LoadingState label="Scanning…" />}
      {run && run.errors.length > 0 && (
        <ul className="scan-symbol-errors" aria-label="Symbols left out">
          {run.errors.map((e) => (
            <li key={e.symbol}>
              <strong>{e.symbol}</strong> left out: {e.message}
            </li>
          ))}
        </ul>
      )}
      {!run && !running && !error && <p className="empty-state">Pick scans and symbols, then run the scan.</p>}
      {run && run.results.length === 0 && <p className="empty-state">Nothing met the scans’ thresholds on these symbols right now.</p>}
      {run && run.results.length > 0 && <ResultsTable results={run.results} caption="Scan results" testId="scan-results-table" />}
    </section>
  );
}
