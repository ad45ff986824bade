import { useState } from 'react';
import type { ConfirmedPosition, ScreenshotExtraction } from '../../../../shared/schemas/screenshot';
import { blankRow, checkTable, editRow, rowsFromExtraction, type DraftRow, type RowValues } from '../../lib/screenshot-rows';
import { PositionsTable } from './PositionsTable';

const BROKER_NAMES: Record<ScreenshotExtraction['broker'], string> = {
  thinkorswim: 'thinkorswim',
  ibkr: 'Interactive Brokers TWS',
  robinhood: 'Robinhood',
  webull: 'Webull',
  tastytrade: 'Tastytrade',
  generic: 'a generic table',
};
const METHOD_NAMES: Record<ScreenshotExtraction['method'], string> = { local_ocr: 'local OCR', openai_vision: 'OpenAI vision' };

interface ConfirmPositionsProps {
  extraction: ScreenshotExtraction;
  onConfirm: (positions: ConfirmedPosition[]) => void;
  onCancel: () => void;
}

/**
 * The positions read, for the user to check and correct before the coach sees them: editable rows
 * (low-confidence fields highlighted), rows added or removed, each row validated as the coach's
 * input is; "Send to AI Coach" only once every row is valid, and only by its button.
 */
export function ConfirmPositions({ extraction, onConfirm, onCancel }: ConfirmPositionsProps) {
  const [rows, setRows] = useState<DraftRow[]>(() => rowsFromExtraction(extraction.positions));
  const check = checkTable(rows);
  const positions = check.positions;

  const change = <F extends keyof RowValues>(key: string, field: F, value: RowValues[F]) => setRows((prev) => prev.map((row) => (row.key === key ? editRow(row, field, value) : row)));
  const remove = (key: string) => setRows((prev) => prev.filter((row) => row.key !== key));
  const read = extraction.positions.length;

  return (
    <form
      className="confirm-positions"
      aria-label="Positions to confirm"
      onSubmit={(e) => {
        e.preventDefault();
        if (positions) onConfirm(positions);
      }}
      // Enter in a cell ends the edit, it does not send: only the button sends (a form would submit).
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.target instanceof HTMLInputElement) e.preventDefault();
      }}
    >
      <p className="confirm-summary">
        {read === 0 ? 'No positions were read' : `${read} position${read === 1 ? '' : 's'} read`} as {BROKER_NAMES[extraction.broker]} by {METHOD_NAMES[extraction.method]}. Check every
        highlighted field; nothing is sent to the coach until you confirm.
      </p>
      {extraction.warnings.length > 0 && (
        <ul className="confirm-warnings" aria-label="Reading warnings">
          {extraction.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      <PositionsTable rows={rows} checks={check.rows} onChange={change} onRemove={remove} />
      <div className="confirm-actions">
        <button type="button" className="button" onClick={() => setRows((prev) => [...prev, blankRow()])}>
          Add row
        </button>
        {check.problem && <span className="field-error">{check.problem}</span>}
        <span className="confirm-actions-end">
          <button type="button" className="button button-ghost" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" className="button button-primary" disabled={!positions}>
            Send to AI Coach
          </button>
        </span>
      </div>
    </form>
  );
}
