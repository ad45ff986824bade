import type { Position } from '../../../../shared/schemas/positions';
import { useDeleteCall } from '../../hooks/use-delete-call';
import { formatMoney, pnlTone } from '../../lib/journal';
import { ConfirmDelete } from '../common/ConfirmDelete';
import { ErrorNotice } from '../common/ErrorNotice';

interface PositionListProps {
  positions: Position[];
  /** Unrealized P&L of the open positions, by id (from the portfolio analysis); missing while it loads. */
  pnlById: ReadonlyMap<string, number>;
  selectedId: string | undefined;
  onSelect: (id: string) => void;
}

/** The positions as a table: pick one to analyse it, delete one after a confirmation. */
export function PositionList({ positions, pnlById, selectedId, onSelect }: PositionListProps) {
  const { remove, error } = useDeleteCall('positions:delete');

  return (
    <>
      {error && <ErrorNotice title="Could not delete the position" error={error} compact />}
      <div className="table-scroll">
        <table className="data-table position-table">
          <caption className="visually-hidden">Positions</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Strategy</th>
              <th scope="col">Underlying</th>
              <th scope="col" className="align-end">Legs</th>
              <th scope="col" className="align-end">Unrealized P&amp;L</th>
              <th scope="col">Status</th>
              <th scope="col" className="align-end">Actions</th>
            </tr>
          </thead>
          <tbody>
            {positions.map((p) => {
              const pnl = pnlById.get(p.id);
              return (
                <tr key={p.id} aria-selected={p.id === selectedId} className={p.id === selectedId ? 'position-selected' : undefined} data-testid="position-row" data-position-id={p.id}>
                  <td>
                    <button type="button" className="link-button position-name" aria-pressed={p.id === selectedId} onClick={() => onSelect(p.id)}>
                      {p.name}
                    </button>
                  </td>
                  <td data-testid="position-row-strategy">{p.strategy.label}</td>
                  <td>{p.underlying}</td>
                  <td className="num align-end">{p.legs.length}</td>
                  <td className={`num align-end ${pnlTone(pnl)}`}>{p.status === 'open' ? formatMoney(pnl) : <span className="muted">—</span>}</td>
                  <td>
                    <span className={`tag tag-small status-${p.status}`}>{p.status}</span>
                  </td>
                  <td className="align-end row-actions">
                    <ConfirmDelete what={p.name} onDelete={() => remove(p.id)} />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
