import type { RowCheck, DraftRow, RowValues } from '../../lib/screenshot-rows';
import { PositionRow } from './PositionRow';

interface PositionsTableProps {
  rows: readonly DraftRow[];
  checks: ReadonlyMap<string, RowCheck>;
  onChange: <F extends keyof RowValues>(key: string, field: F, value: RowValues[F]) => void;
  onRemove: (key: string) => void;
}

/** The confirmation table's grid: one editable row per position. */
export function PositionsTable({ rows, checks, onChange, onRemove }: PositionsTableProps) {
  return (
    <div className="table-scroll confirm-table-scroll">
      <table className="data-table confirm-table">
        <caption className="visually-hidden">Positions read from the screenshot</caption>
        <thead>
          <tr>
            <th scope="col">Symbol</th>
            <th scope="col">Type</th>
            <th scope="col">Strike</th>
            <th scope="col">Expiry</th>
            <th scope="col">Qty</th>
            <th scope="col">Side</th>
            <th scope="col">Avg price</th>
            <th scope="col">Mark</th>
            <th scope="col">P&amp;L</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, index) => (
            <PositionRow key={row.key} row={row} index={index} check={checks.get(row.key)} onChange={(field, value) => onChange(row.key, field, value)} onRemove={() => onRemove(row.key)} />
          ))}
        </tbody>
      </table>
    </div>
  );
}
