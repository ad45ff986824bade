import { useState, type FormEvent } from 'react';
import { toIssues, type CoachError } from '../../../../shared/errors';
import { ALERT_CONDITIONS, ALERT_LEVEL_NAMES, AlertCreateSchema, isPctCondition, type Alert } from '../../../../shared/schemas/alerts';
import { useCoachApi } from '../../api/api-context';
import { toCoachError } from '../../hooks/use-call';
import { ALERT_FORM_FIELDS, createInput, draftFromAlert, draftIssues, emptyDraft, updateInput, type AlertDraft, type AlertPrefill } from '../../lib/alert-draft';
import { CONDITION_LABELS } from '../../lib/alerts';
import { fieldErrors, type FieldErrors } from '../../lib/field-errors';
import { ErrorNotice } from '../common/ErrorNotice';
import { fieldAria, FormField } from '../common/FormField';
import { SelectField } from '../common/SelectField';

const NO_ERRORS: FieldErrors = { byField: {}, other: [] };
const TRIGGER_MODES = ['once', 'every_time'] as const;
const REFERENCE_HINT = 'Blank: the last price when the alert is saved';
const EXPIRY_HINT = 'New York time; blank: never expires';
const LEVEL_HINT = "Its price is taken from each session's levels";

interface AlertFormProps {
  /** The alert being edited; a new alert when absent. */
  alert?: Alert;
  /** Values for a new alert (e.g. from the chart's levels). */
  prefill?: AlertPrefill;
  onSaved: (alert: Alert) => void;
  onClose: () => void;
}

/** Creates or edits an alert; checked with the contract's schema first, every problem shown beside its field. */
export function AlertForm({ alert, prefill, onSaved, onClose }: AlertFormProps) {
  const api = useCoachApi();
  const [draft, setDraft] = useState<AlertDraft>(() => (alert ? draftFromAlert(alert) : emptyDraft(prefill)));
  const [errors, setErrors] = useState<FieldErrors>(NO_ERRORS);
  const [failure, setFailure] = useState<CoachError>();
  const [status, setStatus] = useState<'idle' | 'saving' | 'unchanged'>('idle');
  const edit = (change: Partial<AlertDraft>) => {
    setDraft((prev) => ({ ...prev, ...change }));
    setStatus((prev) => (prev === 'unchanged' ? 'idle' : prev));
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setFailure(undefined);
    const input = createInput(draft);
    const checked = AlertCreateSchema.safeParse(input);
    const issues = [...draftIssues(draft), ...(checked.success ? [] : toIssues(checked.error))];
    if (issues.length) return setErrors(fieldErrors(issues, ALERT_FORM_FIELDS));
    setErrors(NO_ERRORS);
    const patch = alert && updateInput(alert, draft);
    if (alert && !patch) return setStatus('unchanged');
    setStatus('saving');
    (patch ? api.call('alerts:update', patch) : api.call('alerts:create', input)).then(
      (saved) => {
        setStatus('idle');
        onSaved(saved);
      },
      (error: unknown) => {
        setStatus('idle');
        const e = toCoachError(error);
        // Refused by the main process (unknown symbol, expiry past...): its messages go on the fields.
        if (e.code === 'invalid_input' && e.issues?.length) setErrors(fieldErrors(e.issues, ALERT_FORM_FIELDS));
        else setFailure(e);
      },
    );
  };

  const e = errors.byField;
  const pct = isPctCondition(draft.condition);
  // "Give a target price or a key level" concerns whichever of the two is on screen.
  const levelError = e.level ?? e.targetPrice;
  const input = (id: string, key: 'symbol' | 'targetPrice' | 'percent' | 'referencePrice' | 'cooldownMinutes', error?: string, hint?: string, numeric = true) => (
    <input
      className="input"
      {...fieldAria(id, error, hint)}
      value={draft[key]}
      inputMode={numeric ? 'decimal' : undefined}
      spellCheck={false}
      autoComplete="off"
      onChange={(ev) => edit({ [key]: ev.target.value })}
    />
  );

  return (
    <form className="form alert-form" aria-label={alert ? `Edit alert on ${alert.symbol}` : 'New alert'} data-testid="alert-form" onSubmit={submit} noValidate>
      <div className="form-grid">
        <FormField id="alert-symbol" label="Symbol" error={e.symbol}>
          {input('alert-symbol', 'symbol', e.symbol, undefined, false)}
        </FormField>
        <SelectField id="alert-condition" label="Condition" value={draft.condition} options={ALERT_CONDITIONS} optionLabel={(c) => CONDITION_LABELS[c]} error={e.condition} onChange={(condition) => edit({ condition })} />
        {!pct && (
          <fieldset className="alert-target-kind">
            <legend>Target</legend>
            {(['price', 'level'] as const).map((kind) => (
              <label key={kind} className="radio-row">
                <input type="radio" name="alert-target-kind" value={kind} checked={draft.targetKind === kind} onChange={() => edit({ targetKind: kind })} />
                {kind === 'price' ? 'A price' : 'A key level'}
              </label>
            ))}
          </fieldset>
        )}
        {!pct && draft.targetKind === 'price' && (
          <FormField id="alert-target-price" label="Target price" error={e.targetPrice}>
            {input('alert-target-price', 'targetPrice', e.targetPrice)}
          </FormField>
        )}
        {!pct && draft.targetKind === 'level' && (
          <FormField id="alert-level" label="Key level" hint={LEVEL_HINT} error={levelError}>
            <select className="input" {...fieldAria('alert-level', levelError, LEVEL_HINT)} value={draft.level} onChange={(ev) => edit({ level: ev.target.value })}>
              <option value="">Choose a level…</option>
              {ALERT_LEVEL_NAMES.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          </FormField>
        )}
        {pct && (
          <FormField id="alert-percent" label="Move (%)" error={e.percent}>
            {input('alert-percent', 'percent', e.percent)}
          </FormField>
        )}
        {pct && (
          <FormField id="alert-reference-price" label="From price" hint={REFERENCE_HINT} error={e.referencePrice}>
            {input('alert-reference-price', 'referencePrice', e.referencePrice, REFERENCE_HINT)}
          </FormField>
        )}
        <SelectField
          id="alert-trigger-mode"
          label="Fires"
          value={draft.triggerMode}
          options={TRIGGER_MODES}
          optionLabel={(mode) => (mode === 'once' ? 'Once' : 'Every time (re-arms)')}
          error={e.triggerMode}
          onChange={(triggerMode) => edit({ triggerMode })}
        />
        {draft.triggerMode === 'every_time' && (
          <FormField id="alert-cooldown" label="Cooldown (minutes)" error={e.cooldownSeconds}>
            {input('alert-cooldown', 'cooldownMinutes', e.cooldownSeconds)}
          </FormField>
        )}
        <FormField id="alert-expires" label="Expires" hint={EXPIRY_HINT} error={e.expiresAt}>
          <input className="input" type="datetime-local" {...fieldAria('alert-expires', e.expiresAt, EXPIRY_HINT)} value={draft.expiresAt} onChange={(ev) => edit({ expiresAt: ev.target.value })} />
        </FormField>
        <FormField id="alert-note" label="Note" error={e.note}>
          <textarea className="input" rows={2} maxLength={600} {...fieldAria('alert-note', e.note)} value={draft.note} onChange={(ev) => edit({ note: ev.target.value })} />
        </FormField>
      </div>
      {errors.other.length > 0 && (
        <p role="alert" className="field-error">
          {errors.other.join('; ')}
        </p>
      )}
      {failure && <ErrorNotice title="Could not save the alert" error={failure} compact />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={status === 'saving'}>
          {status === 'saving' ? 'Saving…' : alert ? 'Save changes' : 'Create alert'}
        </button>
        <button type="button" className="button button-ghost" onClick={onClose}>
          Close
        </button>
        <span role="status" className="save-status">
          {status === 'unchanged' && 'Nothing changed'}
        </span>
      </div>
    </form>
  );
}
