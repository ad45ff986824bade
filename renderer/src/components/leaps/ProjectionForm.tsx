import { useState, type FormEvent } from 'react';
import { toIssues, type Issue } from '../../../../shared/errors';
import { LeapsProjectInputSchema, type LeapsProjectInput } from '../../../../shared/schemas/leaps';
import { fieldErrors } from '../../lib/field-errors';
import { blankIssues, defaultLeapsExpiry, numberOrText } from '../../lib/leaps';
import { fieldAria, FormField } from '../common/FormField';
import { LegRow, type LegDraft } from './LegRow';

const MAX_LEGS = 4;

const LEG_FIELDS = ['right', 'strike', 'expiry', 'quantity', 'price'];

interface ProjectionFormProps {
  busy: boolean;
  /** Problems the main process found in the last run. */
  serverIssues: readonly Issue[];
  onSubmit: (input: LeapsProjectInput) => void;
}

/** The position to project: one underlying, up to four option legs, the date step and optional spot/IV overrides. */
export function ProjectionForm({ busy, serverIssues, onSubmit }: ProjectionFormProps) {
  const [symbol, setSymbol] = useState('SPY');
  const [legs, setLegs] = useState<LegDraft[]>(() => [{ right: 'call', strike: '', expiry: defaultLeapsExpiry(new Date().toISOString().slice(0, 10)), quantity: '1', premium: '' }]);
  const [stepDays, setStepDays] = useState('14');
  const [spot, setSpot] = useState('');
  const [volPercent, setVolPercent] = useState('');
  const [clientIssues, setClientIssues] = useState<Issue[]>([]);
  const fields = ['legs', 'stepDays', 'spot', 'vol', ...legs.flatMap((_, i) => LEG_FIELDS.map((f) => `legs.${i}.${f}`))];
  const { byField: errors, other } = fieldErrors(clientIssues.length ? clientIssues : serverIssues, fields);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const blanks = blankIssues([
      ...legs.flatMap((l, i): [string, string, string][] => [
        [`legs.${i}.strike`, l.strike, 'the strike'],
        [`legs.${i}.quantity`, l.quantity, 'the number of contracts'],
        [`legs.${i}.price`, l.premium, 'the entry premium (0 when unknown)'],
      ]),
      ['stepDays', stepDays, 'the step in days'],
    ]);
    if (blanks.length) return setClientIssues(blanks);
    const vol = numberOrText(volPercent);
    const input = {
      legs: legs.map((l) => ({ kind: 'option' as const, symbol, right: l.right, strike: numberOrText(l.strike), expiry: l.expiry, quantity: numberOrText(l.quantity), price: numberOrText(l.premium) })),
      stepDays: numberOrText(stepDays),
      ...(spot.trim() && { spot: numberOrText(spot) }),
      ...(vol !== undefined && { vol: typeof vol === 'number' ? vol / 100 : vol }),
    };
    const checked = LeapsProjectInputSchema.safeParse(input);
    if (!checked.success) return setClientIssues(toIssues(checked.error));
    setClientIssues([]);
    onSubmit(input as LeapsProjectInput);
  };

  const legErrors = (i: number) => Object.fromEntries(Object.entries(errors).flatMap(([path, message]) => (path.startsWith(`legs.${i}.`) ? [[path.split('.')[2]!, message]] : [])));
  const plain = (id: string, label: string, value: string, set: (v: string) => void, hint?: string) => (
    <FormField id={id} label={label} hint={hint} error={errors[id.replace('projection-', '')]}>
      <input className="input" inputMode="decimal" {...fieldAria(id, errors[id.replace('projection-', '')], hint)} value={value} onChange={(e) => set(e.target.value)} />
    </FormField>
  );

  return (
    <form className="card leaps-form" aria-label="Position to project" onSubmit={submit} noValidate>
      <header className="card-header">
        <h3>Position</h3>
        <span className="card-header-note muted">Projected from today to the first expiry</span>
      </header>
      <div className="card-body leaps-form-body">
        <div className="form-grid leaps-form-grid">
          <FormField id="projection-symbol" label="Underlying" error={errors['legs']}>
            <input className="input" {...fieldAria('projection-symbol', errors['legs'])} value={symbol} onChange={(e) => setSymbol(e.target.value.toUpperCase())} />
          </FormField>
          {plain('projection-stepDays', 'Step (days)', stepDays, setStepDays)}
          {plain('projection-spot', 'Spot (optional)', spot, setSpot, 'Blank: the market quote')}
          {plain('projection-vol', 'IV % (optional)', volPercent, setVolPercent, "Blank: each contract's IV")}
        </div>
        {legs.map((leg, i) => (
          <LegRow
            key={i}
            index={i}
            leg={leg}
            errors={legErrors(i)}
            onChange={(next) => setLegs(legs.map((l, j) => (j === i ? next : l)))}
            onRemove={legs.length > 1 ? () => setLegs(legs.filter((_, j) => j !== i)) : undefined}
          />
        ))}
        {other.map((message) => (
          <p key={message} className="field-error">
            {message}
          </p>
        ))}
        <div className="form-actions">
          {legs.length < MAX_LEGS && (
            <button type="button" className="button" onClick={() => setLegs([...legs, { ...legs[legs.length - 1]!, quantity: '-1', premium: '' }])}>
              Add leg
            </button>
          )}
          <button type="submit" className="button button-primary" disabled={busy} data-testid="projection-submit">
            {busy ? 'Projecting…' : 'Project'}
          </button>
        </div>
      </div>
    </form>
  );
}
