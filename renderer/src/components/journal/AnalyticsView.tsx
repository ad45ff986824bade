import { useState } from 'react';
import type { AnalyticsFilter } from '../../../../shared/schemas/journal';
import { useApiEvent } from '../../hooks/use-api-event';
import { useCall } from '../../hooks/use-call';
import { ErrorNotice } from '../common/ErrorNotice';
import { LoadingState } from '../common/LoadingState';
import { BreakdownChart } from './BreakdownChart';
import { EquityCurve } from './EquityCurve';
import { PnlCalendar } from './PnlCalendar';
import { StatGrid } from './StatGrid';

/** The analytics dashboard: statistics, equity curve, daily P&L calendar and breakdowns. */
export function AnalyticsView() {
  const [filter, setFilter] = useState<AnalyticsFilter>({});
  const analytics = useCall('journal:analytics', filter);
  useApiEvent('journal:changed', analytics.reload);
  const a = analytics.data;
  const text = (key: 'symbol' | 'strategy' | 'tag', label: string) => (
    <label className="field field-inline">
      <span>{label}</span>
      <input className="input" type="search" placeholder="Any" value={filter[key] ?? ''} onChange={(e) => setFilter({ ...filter, [key]: e.target.value.trim() || undefined })} />
    </label>
  );
  const date = (key: 'from' | 'to', label: string) => (
    <label className="field field-inline">
      <span>{label}</span>
      <input className="input" type="date" value={filter[key] ?? ''} onChange={(e) => setFilter({ ...filter, [key]: e.target.value || undefined })} />
    </label>
  );

  return (
    <section className="analytics" aria-labelledby="analytics-heading" aria-busy={analytics.loading}>
      <h3 id="analytics-heading" className="visually-hidden">Analytics</h3>
      <div className="filters" role="search" aria-label="Filter analytics">
        {date('from', 'Exits from')}
        {date('to', 'to')}
        {text('symbol', 'Symbol')}
        {text('strategy', 'Strategy')}
        {text('tag', 'Tag')}
      </div>
      {analytics.error && <ErrorNotice title="Could not compute the analytics" error={analytics.error} onRetry={analytics.reload} />}
      {!a && analytics.loading && <LoadingState label="Computing analytics…" />}
      {a && a.trades === 0 && <p className="empty-state">No closed trades{Object.keys(filter).length ? ' match these filters' : ' yet'}. Import or add trades to see statistics.</p>}
      {a && a.trades > 0 && (
        <>
          <StatGrid analytics={a} />
          <div className="card">
            <header className="card-header"><h3>Equity curve</h3></header>
            <EquityCurve points={a.equityCurve} />
          </div>
          <div className="card">
            <header className="card-header"><h3>Daily P&amp;L</h3><span className="card-header-note muted">New York days, by exit</span></header>
            <PnlCalendar days={a.calendar} />
          </div>
          <div className="breakdowns">
            <BreakdownChart title="By symbol" buckets={a.bySymbol.slice(0, 12)} />
            <BreakdownChart title="By strategy" buckets={a.byStrategy.slice(0, 12)} />
            <BreakdownChart title="By weekday of entry" buckets={a.byWeekday} />
            <BreakdownChart title="By hour of entry (New York)" buckets={a.byHour} />
            <BreakdownChart title="By holding time" buckets={a.byHoldingTime} />
          </div>
        </>
      )}
    </section>
  );
}
