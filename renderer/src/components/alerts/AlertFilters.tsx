import { ALERT_STATUSES, type AlertStatus } from '../../../../shared/schemas/alerts';

export interface AlertFilterValues {
  status: AlertStatus | 'all';
  symbol: string;
}

export const NO_ALERT_FILTERS: AlertFilterValues = { status: 'all', symbol: '' };

/** Status and symbol filters of the alert list. */
export function AlertFilters({ value, onChange }: { value: AlertFilterValues; onChange: (next: AlertFilterValues) => void }) {
  return (
    <div className="filters" role="search" aria-label="Filter alerts">
      <label className="field field-inline">
        <span>Status</span>
        <select className="input" value={value.status} onChange={(e) => onChange({ ...value, status: e.target.value as AlertFilterValues['status'] })}>
          <option value="all">All</option>
          {ALERT_STATUSES.map((status) => (
            <option key={status} value={status}>
              {status.charAt(0).toUpperCase() + status.slice(1)}
            </option>
          ))}
        </select>
      </label>
      <label className="field field-inline">
        <span>Symbol</span>
        <input className="input" type="search" value={value.symbol} placeholder="Any" spellCheck={false} onChange={(e) => onChange({ ...value, symbol: e.target.value })} />
      </label>
    </div>
  );
}
