import { useState, type FormEvent } from 'react';
import { toIssues } from '../../../../shared/errors';
import { ScanRunInputSchema, type ScanCatalog, type ScanId, type ScanRunInput } from '../../../../shared/schemas/scanner';
import { fieldErrors, type FieldErrors } from '../../lib/field-errors';
import { plural } from '../../lib/journal';
import { ScanChecklist } from './ScanChecklist';
import { SymbolChips } from './SymbolChips';

const NO_ERRORS: FieldErrors = { byField: {}, other: [] };

interface ScanPickerProps {
  catalog: ScanCatalog;
  /** The scans and symbols of the last run, picked again; every scan over the watchlist otherwise. */
  initial?: { scans: readonly ScanId[]; symbols: readonly string[] };
  running: boolean;
  onRun: (input: ScanRunInput) => void;
}

/** Which scans to run over which symbols, checked with the contract's schema before the run. */
export function ScanPicker({ catalog, initial, running, onRun }: ScanPickerProps) {
  const [scans, setScans] = useState<ScanId[]>(() => [...(initial?.scans ?? catalog.scans.map((s) => s.id))]);
  const [symbols, setSymbols] = useState<string[]>(() => [...(initial?.symbols ?? catalog.defaultSymbols)]);
  const [errors, setErrors] = useState<FieldErrors>(NO_ERRORS);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const input = { scans, symbols };
    const checked = ScanRunInputSchema.safeParse(input);
    if (!checked.success) return setErrors(fieldErrors(toIssues(checked.error), ['scans', 'symbols']));
    setErrors(NO_ERRORS);
    onRun(input);
  };
  const edit = <T,>(set: (value: T) => void) => (value: T) => {
    set(value);
    setErrors(NO_ERRORS);
  };

  return (
    <form className="form scan-picker" aria-label="Scan" onSubmit={submit} noValidate>
      <ScanChecklist id="scan-pick" scans={catalog.scans} selected={scans} onChange={edit(setScans)} error={errors.byField.scans} />
      <SymbolChips id="scan-symbols" label="Symbols" symbols={symbols} watchlist={catalog.defaultSymbols} onChange={edit(setSymbols)} error={errors.byField.symbols} />
      {errors.other.length > 0 && (
        <p role="alert" className="field-error">
          {errors.other.join('; ')}
        </p>
      )}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={running} aria-describedby="scan-picker-summary">
          {running ? 'Scanning…' : 'Run scan'}
        </button>
        <span id="scan-picker-summary" className="muted">
          {scans.length} {plural('scan', scans.length)} × {symbols.length} {plural('symbol', symbols.length)}
        </span>
      </div>
    </form>
  );
}
