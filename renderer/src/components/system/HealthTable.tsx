import type { HealthCheck } from '../../../../shared/schemas/app';
import { formatDuration, formatTime } from '../../lib/format';
import { StatusPill } from '../common/StatusPill';

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;

/** A fact as people read it: no value is a dash, a timestamp is a local time. */
function formatFact(value: string | number | boolean | null): string {
  if (value === null) return '—';
  if (typeof value === 'string' && ISO_TIME.test(value)) return formatTime(value);
  return String(value);
}

/** Extra facts of a check ("schemaVersion 1") shown under its detail. */
function CheckData({ data }: { data: NonNullable<HealthCheck['data']> }) {
  const entries = Object.entries(data);
  if (!entries.length) return null;
  return (
    <span className="check-data">
      {entries.map(([key, value]) => (
        <span key={key}>
          {key} <span className="num">{formatFact(value)}</span>
        </span>
      ))}
    </span>
  );
}

/** Every health check with its status, whether it is critical, what it said and how long it took. */
export function HealthTable({ checks, caption }: { checks: HealthCheck[]; caption: string }) {
  return (
    <div className="table-scroll">
      <table className="data-table health-table">
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            <th scope="col">Check</th>
            <th scope="col">Status</th>
            <th scope="col">Critical</th>
            <th scope="col">Detail</th>
            <th scope="col" className="align-end">
              Duration
            </th>
          </tr>
        </thead>
        <tbody>
          {checks.map((check) => (
            <tr key={check.name}>
              <th scope="row" className="check-name">
                {check.name}
              </th>
              <td>
                <StatusPill status={check.status} />
              </td>
              <td>{check.critical ? 'Yes' : 'No'}</td>
              <td className="check-detail">
                {check.detail && <span>{check.detail}</span>}
                {check.data && <CheckData data={check.data} />}
                {!check.detail && !check.data && <span className="muted">—</span>}
              </td>
              <td className="num align-end">{formatDuration(check.durationMs)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
