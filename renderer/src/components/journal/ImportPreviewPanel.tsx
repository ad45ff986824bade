import { useState } from 'react';
import { IMPORT_FIELDS, IMPORT_PRESETS, type ImportMapping, type ImportPresetId, type ImportPreview } from '../../../../shared/schemas/journal';
import { contractLabel, formatDateTime, formatMoney, formatNumber, plural, pnlTone } from '../../lib/journal';
import type { ImportSettings } from './ImportWizard';

const PRESET_LABELS: Record<ImportPresetId, string> = {
  generic: 'Generic CSV', thinkorswim: 'thinkorswim statement', ibkr: 'Interactive Brokers Flex', tastytrade: 'tastytrade', webull: 'Webull', schwab: 'Schwab', robinhood: 'Robinhood',
};

/** The tag the importer puts on a leg closed by the broker rather than by a trade. */
const closeEventOf = (tags: string[]): string | undefined => tags.find((tag) => tag === 'expired' || tag === 'assigned' || tag === 'exercised');

interface Props {
  preview: ImportPreview;
  fileName: string;
  onRepreview: (settings: ImportSettings) => void;
  onCommit: (settings: ImportSettings & { uploadId: string }) => void;
  onCancel: () => void;
}

/** What an import would do: the format and mapping (editable), the counts, every error, the first trades. */
export function ImportPreviewPanel({ preview, fileName, onRepreview, onCommit, onCancel }: Props) {
  const [preset, setPreset] = useState<ImportPresetId>(preview.preset);
  const [mapping, setMapping] = useState<ImportMapping>(preview.mapping);
  const [timezone, setTimezone] = useState('America/New_York');
  const { counts } = preview;
  const fresh = counts.trades - counts.duplicates;
  const blocked = preview.fileErrors.length > 0 || counts.errors > 0 || fresh === 0;

  return (
    <div className="import-preview">
      <p>
        <strong>{fileName}</strong> — {preview.detectedPreset ? <>detected format <strong>{PRESET_LABELS[preview.detectedPreset]}</strong></> : 'format not recognised'}
      </p>
      <fieldset className="mapping">
        <legend>Format and columns</legend>
        <label className="field field-inline">
          <span>Format</span>
          <select className="input" value={preset} onChange={(e) => setPreset(e.target.value as ImportPresetId)}>
            {IMPORT_PRESETS.map((id) => <option key={id} value={id}>{PRESET_LABELS[id]}</option>)}
          </select>
        </label>
        <label className="field field-inline">
          <span>Time zone of the file</span>
          <input className="input" value={timezone} onChange={(e) => setTimezone(e.target.value)} />
        </label>
        {preview.headers.length > 0 && (
          <div className="mapping-grid">
            {IMPORT_FIELDS.map((field) => (
              <label key={field} className="field">
                <span>
                  {field}
                  {preview.requiredFields.includes(field) && <span aria-label="required"> *</span>}
                </span>
                <select className="input" aria-label={`Column for ${field}`} value={mapping[field] ?? ''} onChange={(e) => setMapping({ ...mapping, [field]: e.target.value })}>
                  <option value="">(none)</option>
                  {preview.headers.filter(Boolean).map((h) => <option key={h} value={h}>{h}</option>)}
                </select>
              </label>
            ))}
          </div>
        )}
        <button type="button" className="button" onClick={() => onRepreview({ preset, mapping, timezone })}>
          Preview again
        </button>
      </fieldset>

      <dl className="import-counts">
        {([['Rows', counts.rows], ['Fills', counts.executions], ['Skipped (not trades)', counts.skipped], ['Errors', counts.errors], ['Left out (warnings)', counts.warnings], ['Trade legs', counts.trades], ['Trades', counts.groups], ['Already imported', counts.duplicates], ['Still open (not imported)', counts.openLots]] as const).map(([label, n]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd className="num">{n.toLocaleString('en-US')}</dd>
          </div>
        ))}
      </dl>

      {preview.fileErrors.map((message) => (
        <p key={message} role="alert" className="field-error file-error">{message}</p>
      ))}
      {preview.rowErrors.length > 0 && (
        <div className="table-scroll row-errors">
          <table className="data-table" aria-label="Row errors">
            <thead>
              <tr><th scope="col">Row</th><th scope="col">Column</th><th scope="col">Problem</th></tr>
            </thead>
            <tbody>
              {preview.rowErrors.map((e, i) => (
                <tr key={i}><td className="num">{e.row}</td><td>{e.column ?? '—'}</td><td>{e.message}</td></tr>
              ))}
            </tbody>
          </table>
          {counts.errors > preview.rowErrors.length && <p className="muted">…and {counts.errors - preview.rowErrors.length} more.</p>}
        </div>
      )}
      {preview.rowWarnings.length > 0 && (
        <div className="table-scroll row-errors">
          <table className="data-table" aria-label="Row warnings">
            <thead>
              <tr><th scope="col">Row</th><th scope="col">Left out because</th></tr>
            </thead>
            <tbody>
              {preview.rowWarnings.map((w, i) => (
                <tr key={i}><td className="num">{w.row}</td><td>{w.message}</td></tr>
              ))}
            </tbody>
          </table>
          {counts.warnings > preview.rowWarnings.length && <p className="muted">…and {counts.warnings - preview.rowWarnings.length} more.</p>}
        </div>
      )}
      {preview.trades.length > 0 && (
        <div className="table-scroll">
          <table className="data-table" aria-label="Trades to import">
            <thead>
              <tr>
                <th scope="col">Entry</th><th scope="col">Contract</th><th scope="col">Side</th><th scope="col" className="align-end">Qty</th>
                <th scope="col" className="align-end">Entry</th><th scope="col" className="align-end">Exit</th><th scope="col" className="align-end">Fees</th><th scope="col" className="align-end">Net P&amp;L</th>
              </tr>
            </thead>
            <tbody>
              {preview.trades.map((t) => (
                <tr key={t.fingerprint}>
                  <td className="num">{formatDateTime(t.entryTime)}</td>
                  <td>{contractLabel(t)}</td>
                  <td>{t.side}</td>
                  <td className="num align-end">{formatNumber(t.quantity, 4)}</td>
                  <td className="num align-end">{formatNumber(t.entryPrice, 4)}</td>
                  <td className="num align-end">
                    {formatNumber(t.exitPrice, 4)}
                    {closeEventOf(t.tags) && <span className="exit-event"> {closeEventOf(t.tags)}</span>}
                  </td>
                  <td className="num align-end">{formatMoney(t.fees)}</td>
                  <td className={`num align-end ${pnlTone(t.netPnl)}`}>{formatMoney(t.netPnl)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="form-actions">
        <button type="button" className="button button-primary" disabled={blocked} onClick={() => onCommit({ uploadId: preview.uploadId, preset, mapping, timezone })}>
          {fresh > 0 ? `Import ${fresh.toLocaleString('en-US')} ${plural('trade leg', fresh)}` : 'Nothing new to import'}
        </button>
        <button type="button" className="button button-ghost" onClick={onCancel}>
          Choose another file
        </button>
      </div>
    </div>
  );
}
