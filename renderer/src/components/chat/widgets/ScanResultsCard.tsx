import type { WidgetData } from '../../../../../shared/schemas/chat-widgets';
import { useWorkspaceNav } from '../../../hooks/use-workspace-nav';
import { plural } from '../../../lib/journal';
import { formatNewYork } from '../../../lib/new-york-time';
import { ScanResultRow } from './ScanResultRow';

/** The scanner's best findings (ten at most), each with its reason and a "Set alert" for the alert it suggests. */
export function ScanResultsCard({ data }: { data: WidgetData<'scan_results'> }) {
  const nav = useWorkspaceNav();
  const { found, rows } = data;
  return (
    <div className="chat-widget-body">
      <p className="chat-widget-meta muted">
        {found} found · {data.symbolCount} {plural('symbol', data.symbolCount)} · {data.scans.length} {plural('scan', data.scans.length)} · {formatNewYork(new Date(data.runAt).toISOString())} ET
      </p>
      {rows.length === 0 ? (
        <p className="chat-widget-meta">No scan met its threshold on these symbols.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table chat-table scan-results">
            <caption className="visually-hidden">Scan results: symbol, scan, score, direction and reason, best first</caption>
            <thead>
              <tr>
                <th scope="col">Symbol</th>
                <th scope="col">Scan</th>
                <th scope="col" className="align-end">
                  Score
                </th>
                <th scope="col">Direction</th>
              </tr>
            </thead>
            {rows.map((row) => (
              <ScanResultRow key={row.id} row={row} />
            ))}
          </table>
        </div>
      )}
      {data.failed.length > 0 && <p className="chat-widget-meta muted">No data for {data.failed.join(', ')}.</p>}
      {found > rows.length && (
        <p className="chat-widget-meta">
          The best {rows.length} of {found}.{' '}
          <button type="button" className="link-button" onClick={nav.showScanner}>
            Open the Scanner tab
          </button>
        </p>
      )}
    </div>
  );
}
