import { useState } from 'react';
import type { Trade, TradeListInput } from '../../../../shared/schemas/journal';
import { useApiEvent } from '../../hooks/use-api-event';
import { useCall } from '../../hooks/use-call';
import { plural } from '../../lib/journal';
import { ErrorNotice } from '../common/ErrorNotice';
import { LoadingState } from '../common/LoadingState';
import { TradeFilters, type Filters } from './TradeFilters';
import { TradeForm } from './TradeForm';
import { TradeTable, type Sort } from './TradeTable';

const PAGE = 200;

/** The journal's trades: filters, a sortable table, and the add / edit form. */
export function TradesView() {
  const [filters, setFilters] = useState<Filters>({ symbol: '', strategy: '', tag: '', status: 'all' });
  const [sort, setSort] = useState<Sort>({ key: 'entryTime', order: 'desc' });
  const [editing, setEditing] = useState<Trade | 'new' | undefined>();
  const input: TradeListInput = {
    status: filters.status,
    sort: sort.key,
    order: sort.order,
    limit: PAGE,
    ...(filters.symbol.trim() && { symbol: filters.symbol.trim() }),
    ...(filters.strategy.trim() && { strategy: filters.strategy.trim() }),
    ...(filters.tag.trim() && { tag: filters.tag.trim() }),
  };
  const list = useCall('journal:list', input);
  useApiEvent('journal:changed', list.reload);

  return (
    <section className="card" aria-labelledby="trades-heading" aria-busy={list.loading}>
      <header className="card-header">
        <h3 id="trades-heading">Trades</h3>
        {list.data && (
          <span className="card-header-note muted">
            {list.data.total > list.data.trades.length ? `${list.data.trades.length} of ${list.data.total}` : list.data.total} {plural('leg', list.data.total)} · times in New York
          </span>
        )}
        <button type="button" className="button card-header-action" onClick={() => setEditing('new')}>
          Add trade
        </button>
      </header>
      <TradeFilters value={filters} onChange={setFilters} />
      {editing && <TradeForm trade={editing === 'new' ? undefined : editing} onClose={() => setEditing(undefined)} />}
      {list.error && <ErrorNotice title="Could not load the trades" error={list.error} onRetry={list.reload} />}
      {!list.data && list.loading && <LoadingState label="Loading trades…" />}
      {list.data && list.data.total === 0 && (
        <p className="empty-state">No trades yet. Add one, or import a CSV file from your broker in the Import view.</p>
      )}
      {list.data && list.data.total > 0 && <TradeTable trades={list.data.trades} sort={sort} onSort={setSort} onEdit={setEditing} />}
    </section>
  );
}
