import { useState, type FormEvent } from 'react';
import { CoachError } from '../../../../shared/errors';
import { MAX_IMPORT_CHARS, SymbolSchema, type ImportBarsReport } from '../../../../shared/schemas/market';
import { useCoachApi } from '../../api/api-context';
import { toCoachError } from '../../hooks/use-call';
import { ErrorNotice } from '../common/ErrorNotice';
import { fieldAria, FormField } from '../common/FormField';
import { LoadingState } from '../common/LoadingState';

/** Zones a US trader's files are usually written in; the box takes any IANA name. */
const ZONES = ['America/New_York', 'America/Chicago', 'America/Los_Angeles', 'UTC', 'Europe/London'];
const ZONE_HINT = 'For timestamps written without an offset';
const FILE_HINT = 'ISO times with or without an offset, or epoch seconds / ms; up to 1 MB';
/** Rows of a failed file listed under the message; the rest are counted. */
const ISSUES_SHOWN = 8;

type State = { name: 'idle' } | { name: 'working' } | { name: 'done'; report: ImportBarsReport } | { name: 'failed'; error: CoachError };

interface FieldErrors {
  symbol?: string;
  file?: string;
}

/**
 * The user's own OHLCV bars from a CSV file (`market:importBars`): symbol, file and the zone of
 * timestamps written without an offset. Every row is checked; a file with a bad row stores nothing,
 * and the rows at fault are listed.
 */
export function ImportBarsCard({ onShow }: { onShow: (symbol: string) => void }) {
  const api = useCoachApi();
  const [open, setOpen] = useState(false);
  const [symbol, setSymbol] = useState('');
  const [timeZone, setTimeZone] = useState(ZONES[0]!);
  const [file, setFile] = useState<File | undefined>();
  const [fieldErrors, setFieldErrors] = useState<FieldErrors>({});
  const [state, setState] = useState<State>({ name: 'idle' });

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const parsedSymbol = SymbolSchema.safeParse(symbol);
    const errors: FieldErrors = {
      symbol: parsedSymbol.success ? undefined : parsedSymbol.error.issues[0]!.message,
      file: !file ? 'Choose a CSV file' : file.size > MAX_IMPORT_CHARS ? `${file.name} is ${(file.size / 1e6).toFixed(1)} MB; files up to 1 MB are read, split larger ones` : undefined,
    };
    setFieldErrors(errors);
    if (errors.symbol || errors.file || !parsedSymbol.success) return;
    setState({ name: 'working' });
    try {
      const report = await api.call('market:importBars', { symbol: parsedSymbol.data, csv: await file!.text(), timeZone });
      setState({ name: 'done', report });
    } catch (error) {
      setState({ name: 'failed', error: toCoachError(error) });
    }
  };

  if (!open) {
    return (
      <section className="card import-bars-card" aria-label="Import bars">
        <div className="card-body import-bars-closed">
          <span className="muted">Chart your own bars: a CSV of time, open, high, low, close and volume.</span>
          <button type="button" className="button" onClick={() => setOpen(true)}>
            Import bars…
          </button>
        </div>
      </section>
    );
  }

  return (
    <section className="card import-bars-card" aria-labelledby="import-bars-heading">
      <header className="card-header">
        <h3 id="import-bars-heading">Import bars from CSV</h3>
        <button type="button" className="button button-ghost" onClick={() => setOpen(false)}>
          Close
        </button>
      </header>
      <form className="card-body import-bars-form" onSubmit={(event) => void submit(event)} noValidate>
        <FormField id="import-bars-symbol" label="Symbol" error={fieldErrors.symbol}>
          <input className="input" {...fieldAria('import-bars-symbol', fieldErrors.symbol)} value={symbol} maxLength={12} spellCheck={false} autoComplete="off" onChange={(e) => setSymbol(e.target.value)} />
        </FormField>
        <FormField id="import-bars-zone" label="Time zone" hint={ZONE_HINT}>
          <input className="input" {...fieldAria('import-bars-zone', undefined, ZONE_HINT)} list="import-bars-zones" value={timeZone} maxLength={64} onChange={(e) => setTimeZone(e.target.value)} />
        </FormField>
        <datalist id="import-bars-zones">
          {ZONES.map((zone) => (
            <option key={zone} value={zone} />
          ))}
        </datalist>
        <FormField id="import-bars-file" label="CSV file" hint={FILE_HINT} error={fieldErrors.file}>
          <input type="file" accept=".csv,text/csv,text/plain" {...fieldAria('import-bars-file', fieldErrors.file, FILE_HINT)} onChange={(e) => setFile(e.target.files?.[0])} />
        </FormField>
        <div className="form-actions">
          <button type="submit" className="button button-primary" disabled={state.name === 'working'}>
            Import
          </button>
        </div>
      </form>
      <div className="card-body import-bars-result" aria-live="polite">
        {state.name === 'working' && <LoadingState label="Reading and checking every row…" />}
        {state.name === 'failed' && <FailedImport error={state.error} />}
        {state.name === 'done' && <ImportReport report={state.report} onShow={onShow} />}
      </div>
    </section>
  );
}

function ImportReport({ report, onShow }: { report: ImportBarsReport; onShow: (symbol: string) => void }) {
  const when = (ms: number) => new Date(ms).toLocaleString('en-US', { timeZone: 'America/New_York', dateStyle: 'medium', timeStyle: 'short' });
  return (
    <div className="import-bars-report" role="status">
      <p>
        <strong>
          {report.imported.toLocaleString('en-US')} {report.timeframe} bars of {report.symbol}
        </strong>{' '}
        stored, {when(report.first)} to {when(report.last)} (New York){report.replaced > 0 ? `, ${report.replaced.toLocaleString('en-US')} replaced` : ''}.
      </p>
      <p className="muted">
        Columns: time “{report.columns.time}” ({report.timestampFormat}), open “{report.columns.open}”, high “{report.columns.high}”, low “{report.columns.low}”,
        close “{report.columns.close}”, volume {report.columns.volume ? `“${report.columns.volume}”` : 'none'}.
      </p>
      <button type="button" className="button" onClick={() => onShow(report.symbol)}>
        Chart {report.symbol}
      </button>
    </div>
  );
}

function FailedImport({ error }: { error: CoachError }) {
  const issues = error.issues ?? [];
  // Many rows at fault: a count in the notice, the rows in a list under it.
  const summary = issues.length > 1 ? new CoachError(error.code, `${issues.length} problems in the file`, { requestId: error.requestId }) : error;
  return (
    <>
      <ErrorNotice title="Nothing was imported" error={summary} compact />
      {issues.length > 1 && (
        <ul className="import-bars-issues">
          {issues.slice(0, ISSUES_SHOWN).map((issue, i) => (
            <li key={i}>{issue.message}</li>
          ))}
          {issues.length > ISSUES_SHOWN && <li className="muted">…and {issues.length - ISSUES_SHOWN} more</li>}
        </ul>
      )}
    </>
  );
}
