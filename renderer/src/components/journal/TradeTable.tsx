import type { Trade, TRADE_SORT_KEYS } from '../../../../shared/schemas/journal';
import { useDeleteCall } from '../../hooks/use-delete-call';
import { contractLabel, formatDateTime, formatMoney, formatNumber, plural, pnlTone } from '../../lib/journal';
import { ConfirmDelete } from '../common/ConfirmDelete';
import { SortableHeader } from '../common/SortableHeader';
import { ErrorNotice } from '../common/ErrorNotice';

export interface Sort {
  key: (typeof TRADE_SORT_KEYS)[number];
  order: 'asc' | 'desc';
}

const COLUMNS: { key?: Sort['key']; label: string; end?: boolean }[] = [
  { key: 'entryTime', label: 'Entry' },
  { key: 'symbol', label: 'Contract' },
  { label: 'Side' },
  { key: 'quantity', label: 'Qty', end: true },
  // The P&L early and both prices in one column: with the chat beside the table, they stay in view.
  { key: 'netPnl', label: 'Net P&L', end: true },
  { label: 'Entry → exit price', end: true },
  { key: 'exitTime', label: 'Exit' },
  { key: 'strategy', label: 'Strategy' },
  { label: 'Actions', end: true },
];

/** The trades, one row per leg; legs of one multi-leg trade are marked with the same group tag. */
export function TradeTable({ trades, sort, onSort, onEdit }: { trades: Trade[]; sort: Sort; onSort: (s: Sort) => void; onEdit: (t: Trade) => void }) {
  const { remove, error } = useDeleteCall('journal:delete');
  const legsByGroup = new Map<string, number>();
  for (const t of trades) legsByGroup.set(t.groupId, (legsByGroup.get(t.groupId) ?? 0) + 1);

  return (
    <>
      {error && <ErrorNotice title="Could not delete the trade" error={error} compact />}
      <div className="table-scroll">
        <table className="data-table trade-table">
          <caption className="visually-hidden">Journal trades</caption>
          <thead>
            <tr>
              {COLUMNS.map((c) => (
                <SortableHeader key={c.label} label={c.label} sortKey={c.key} sort={sort} onSort={(key) => onSort({ key, order: sort.key === key && sort.order === 'desc' ? 'asc' : 'desc' })} end={c.end} />
              ))}
            </tr>
          </thead>
          <tbody>
            {trades.map((t) => (
              <tr key={t.id}>
                <td className="num">{formatDateTime(t.entryTime)}</td>
                <td>
                  <span className="contract">{contractLabel(t)}</span>
                  {(legsByGroup.get(t.groupId) ?? 0) > 1 && <span className="tag tag-small leg-tag" title="Legs of one trade">{legsByGroup.get(t.groupId)} {plural('leg', legsByGroup.get(t.groupId)!)}</span>}
                </td>
                <td>{t.side}</td>
                <td className="num align-end">{formatNumber(t.quantity, 4)}</td>
                <td className={`num align-end ${pnlTone(t.netPnl)}`}>{t.netPnl === null ? <span className="muted">open</span> : formatMoney(t.netPnl)}</td>
                <td className="num align-end">
                  {formatNumber(t.entryPrice, 4)} → {formatNumber(t.exitPrice, 4)}
                </td>
                <td className="num">{formatDateTime(t.exitTime)}</td>
                <td>{t.strategy ?? <span className="muted">—</span>}</td>
                <td className="align-end row-actions">
                  <ConfirmDelete what={`${contractLabel(t)} ${formatDateTime(t.entryTime)}`} onDelete={() => remove(t.id)}>
                    <button type="button" className="link-button" onClick={() => onEdit(t)} aria-label={`Edit ${contractLabel(t)} ${formatDateTime(t.entryTime)}`}>
                      Edit
                    </button>
                  </ConfirmDelete>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
