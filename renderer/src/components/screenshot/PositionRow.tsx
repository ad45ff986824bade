import type { PositionField } from '../../../../shared/schemas/screenshot';
import { isLowConfidence, type DraftRow, type RowCheck, type RowValues } from '../../lib/screenshot-rows';
import { PositionCell } from './PositionCell';

interface PositionRowProps {
  row: DraftRow;
  index: number;
  check: RowCheck | undefined;
  onChange: <F extends keyof RowValues>(field: F, value: RowValues[F]) => void;
  onRemove: () => void;
}

/** One position of the confirmation table: every field editable, its message beside it. */
export function PositionRow({ row, index, check, onChange, onRemove }: PositionRowProps) {
  const errors = check && !check.ok ? check.errors : {};
  const option = row.assetType !== 'stock';
  const cell = (field: PositionField, label: string) => ({
    id: `position-${row.key}-${field}`,
    label: `${label}, row ${index + 1}`,
    error: errors[field],
    low: isLowConfidence(row, field),
  });
  const text = (field: Exclude<keyof RowValues, 'assetType' | 'side'>, label: string, inputMode: 'text' | 'decimal' = 'decimal', disabled = false) => (
    <PositionCell {...cell(field, label)}>
      {(aria) => <input {...aria} className="input" type="text" inputMode={inputMode} value={row[field]} disabled={disabled} onChange={(e) => onChange(field, e.target.value)} />}
    </PositionCell>
  );

  return (
    <tr data-testid="confirm-row">
      {text('symbol', 'Symbol', 'text')}
      <PositionCell {...cell('assetType', 'Type')}>
        {(aria) => (
          <select {...aria} className="input" value={row.assetType} onChange={(e) => onChange('assetType', e.target.value as RowValues['assetType'])}>
            <option value="stock">Stock</option>
            <option value="call">Call</option>
            <option value="put">Put</option>
          </select>
        )}
      </PositionCell>
      {text('strike', 'Strike', 'decimal', !option)}
      <PositionCell {...cell('expiry', 'Expiry')}>
        {(aria) => <input {...aria} className="input" type="date" value={row.expiry} disabled={!option} onChange={(e) => onChange('expiry', e.target.value)} />}
      </PositionCell>
      {text('quantity', 'Quantity')}
      <PositionCell {...cell('side', 'Side')}>
        {(aria) => (
          <select {...aria} className="input" value={row.side} onChange={(e) => onChange('side', e.target.value as RowValues['side'])}>
            <option value="long">Long</option>
            <option value="short">Short</option>
          </select>
        )}
      </PositionCell>
      {text('avgPrice', 'Average price')}
      {text('mark', 'Mark')}
      {text('pnl', 'P&L')}
      <td>
        <button type="button" className="link-button" onClick={onRemove} aria-label={`Remove row ${index + 1}${row.symbol ? ` (${row.symbol})` : ''}`}>
          Remove
        </button>
      </td>
    </tr>
  );
}
