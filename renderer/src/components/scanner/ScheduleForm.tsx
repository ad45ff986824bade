import { useState, type FormEvent } from 'react';
import { toIssues, type CoachError } from '../../../../shared/errors';
import { ScheduleCreateSchema, type ScanDefinition, type ScanId, type ScanSchedule, type ScheduleCreate } from '../../../../shared/schemas/scanner';
import { useCoachApi } from '../../api/api-context';
import { toCoachError } from '../../hooks/use-call';
import { fieldErrors, type FieldErrors } from '../../lib/field-errors';
import { numberOrText } from '../../lib/leaps';
import { ErrorNotice } from '../common/ErrorNotice';
import { fieldAria, FormField } from '../common/FormField';
import { ScanChecklist } from './ScanChecklist';
import { SymbolChips } from './SymbolChips';

const NO_ERRORS: FieldErrors = { byField: {}, other: [] };
const FIELDS = ['name', 'scans', 'symbols', 'everyMinutes', 'enabled'] as const;
const EVERY_HINT = '1 to 240; runs in market hours only';

interface ScheduleFormProps {
  scans: readonly ScanDefinition[];
  watchlist: readonly string[];
  onSaved: (schedule: ScanSchedule) => void;
  onClose: () => void;
}

/** A new scan schedule: its name, scans, symbols (the watchlist or a list), how often, and whether it runs. */
export function ScheduleForm({ scans, watchlist, onSaved, onClose }: ScheduleFormProps) {
  const api = useCoachApi();
  const [name, setName] = useState('');
  const [picked, setPicked] = useState<ScanId[]>([]);
  const [useWatchlist, setUseWatchlist] = useState(true);
  const [symbols, setSymbols] = useState<string[]>(() => [...watchlist]);
  const [every, setEvery] = useState('15');
  const [enabled, setEnabled] = useState(true);
  const [errors, setErrors] = useState<FieldErrors>(NO_ERRORS);
  const [failure, setFailure] = useState<CoachError>();
  const [saving, setSaving] = useState(false);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(undefined);
    // A wrong "every" travels as text on purpose: zod refuses it with the field's message.
    const input = { name, scans: picked, symbols: useWatchlist ? null : symbols, everyMinutes: numberOrText(every), enabled } as ScheduleCreate;
    const checked = ScheduleCreateSchema.safeParse(input);
    if (!checked.success) return setErrors(fieldErrors(toIssues(checked.error), FIELDS));
    setErrors(NO_ERRORS);
    setSaving(true);
    api.call('scanner:schedules:create', input).then(
      (schedule) => {
        setSaving(false);
        onSaved(schedule);
      },
      (error: unknown) => {
        setSaving(false);
        const e = toCoachError(error);
        if (e.code === 'invalid_input' && e.issues?.length) setErrors(fieldErrors(e.issues, FIELDS));
        else setFailure(e);
      },
    );
  };

  const e = errors.byField;
  return (
    <form className="form schedule-form" aria-label="New scan schedule" data-testid="schedule-form" onSubmit={submit} noValidate>
      <div className="form-grid">
        <FormField id="schedule-name" label="Name" error={e.name}>
          <input className="input" {...fieldAria('schedule-name', e.name)} value={name} maxLength={80} autoComplete="off" onChange={(ev) => setName(ev.target.value)} />
        </FormField>
        <FormField id="schedule-every" label="Every (minutes)" hint={EVERY_HINT} error={e.everyMinutes}>
          <input className="input" {...fieldAria('schedule-every', e.everyMinutes, EVERY_HINT)} value={every} inputMode="numeric" autoComplete="off" onChange={(ev) => setEvery(ev.target.value)} />
        </FormField>
        <label className="checkbox-row schedule-enabled">
          <input type="checkbox" checked={enabled} onChange={(ev) => setEnabled(ev.target.checked)} />
          Enabled
        </label>
      </div>
      <ScanChecklist id="schedule-scans" scans={scans} selected={picked} onChange={setPicked} error={e.scans} />
      <label className="checkbox-row">
        <input type="checkbox" checked={useWatchlist} onChange={(ev) => setUseWatchlist(ev.target.checked)} />
        Scan the watchlist (as it is at each run)
      </label>
      {!useWatchlist && <SymbolChips id="schedule-symbols" label="Symbols" symbols={symbols} watchlist={watchlist} onChange={setSymbols} error={e.symbols} />}
      {errors.other.length > 0 && (
        <p role="alert" className="field-error">
          {errors.other.join('; ')}
        </p>
      )}
      {failure && <ErrorNotice title="Could not save the schedule" error={failure} compact />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? 'Saving…' : 'Create schedule'}
        </button>
        <button type="button" className="button button-ghost" onClick={onClose}>
          Close
        </button>
      </div>
    </form>
  );
}
