import { useState, type FormEvent } from 'react';
import { toIssues, type CoachError, type Issue } from '../../../../shared/errors';
import { LeapsRollInputSchema, type LeapsRollInput, type LeapsRollResult } from '../../../../shared/schemas/leaps';
import { useCoachApi } from '../../api/api-context';
import { toCoachError } from '../../hooks/use-call';
import { fieldErrors } from '../../lib/field-errors';
import { blankIssues, defaultLeapsExpiry, numberOrText, parseNumberList } from '../../lib/leaps';
import { ErrorNotice } from '../common/ErrorNotice';
import { fieldAria, FormField } from '../common/FormField';
import { RollResultCard } from './RollResultCard';

type Field = 'symbol' | 'quantity' | 'strike' | 'expiry' | 'premium' | 'targetStrike' | 'targetExpiry' | 'closePrice' | 'openPrice' | 'originalPremium' | 'previousRolls';

const LABELS: Record<Field, [string, string?]> = {
  symbol: ['Underlying'],
  quantity: ['Contracts (− = short)'],
  strike: ['Current strike'],
  expiry: ['Current expiry'],
  premium: ['Entry premium / share'],
  targetStrike: ['New strike'],
  targetExpiry: ['New expiry'],
  closePrice: ['Close price (optional)', 'Blank: the chain'],
  openPrice: ['Open price (optional)', 'Blank: the chain'],
  originalPremium: ['First premium (optional)', 'Of the first contract of the chain'],
  previousRolls: ['Earlier rolls (optional)', 'Net per share, + credit / − debit, e.g. 1.30, -0.45'],
};
/** Which field of the form a contract path belongs to. */
const PATHS: Record<string, Field> = {
  'current.symbol': 'symbol', 'current.quantity': 'quantity', 'current.strike': 'strike', 'current.expiry': 'expiry', 'current.price': 'premium',
  'target.strike': 'targetStrike', 'target.expiry': 'targetExpiry', target: 'targetStrike', closePrice: 'closePrice', openPrice: 'openPrice', originalPremium: 'originalPremium',
  previousRolls: 'previousRolls',
};

/** Roll a contract to another strike and/or expiry: the form, then the net credit or debit, breakevens and greeks. */
export function RollCalculator() {
  const api = useCoachApi();
  const leaps = defaultLeapsExpiry(new Date().toISOString().slice(0, 10));
  const [values, setValues] = useState<Record<Field, string>>({
    symbol: 'SPY', quantity: '1', strike: '', expiry: leaps, premium: '', targetStrike: '', targetExpiry: leaps, closePrice: '', openPrice: '', originalPremium: '', previousRolls: '',
  });
  const [right, setRight] = useState<'call' | 'put'>('call');
  const [fill, setFill] = useState<'mid' | 'natural'>('mid');
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [result, setResult] = useState<LeapsRollResult | undefined>();
  const [failure, setFailure] = useState<CoachError | undefined>();
  const [busy, setBusy] = useState(false);

  const show = (issues: readonly Issue[]) =>
    setErrors(Object.fromEntries(Object.entries(fieldErrors(issues, Object.keys(PATHS)).byField).map(([path, message]) => [PATHS[path]!, message])));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    const blanks = blankIssues([
      ['current.symbol', values.symbol, 'the underlying'],
      ['current.quantity', values.quantity, 'the number of contracts'],
      ['current.strike', values.strike, 'the strike held'],
      ['current.price', values.premium, 'the entry premium (0 when unknown)'],
      ['target.strike', values.targetStrike, 'the new strike'],
    ]);
    if (blanks.length) return show(blanks);
    const rolls = parseNumberList(values.previousRolls);
    if ('error' in rolls) return setErrors({ previousRolls: rolls.error });
    const optional = (name: 'closePrice' | 'openPrice' | 'originalPremium') => (values[name].trim() ? { [name]: numberOrText(values[name]) } : {});
    const input = {
      current: { kind: 'option', symbol: values.symbol, right, strike: numberOrText(values.strike), expiry: values.expiry, quantity: numberOrText(values.quantity), price: numberOrText(values.premium) },
      target: { strike: numberOrText(values.targetStrike), expiry: values.targetExpiry },
      fill,
      previousRolls: rolls.values.map((netCredit) => ({ netCredit })),
      ...optional('closePrice'),
      ...optional('openPrice'),
      ...optional('originalPremium'),
    };
    const checked = LeapsRollInputSchema.safeParse(input);
    if (!checked.success) return show(toIssues(checked.error));
    setErrors({});
    setBusy(true);
    try {
      setResult(await api.call('leaps:roll', input as LeapsRollInput));
    } catch (thrown) {
      const e = toCoachError(thrown);
      if (e.issues?.length) show(e.issues);
      setFailure(e);
    } finally {
      setBusy(false);
    }
  };

  const field = (name: Field, type = 'text') => {
    const id = `roll-${name}`;
    const [label, hint] = LABELS[name];
    return (
      <FormField id={id} label={label} hint={hint} error={errors[name]}>
        <input className="input" type={type} {...fieldAria(id, errors[name], hint)} value={values[name]} onChange={(e) => setValues({ ...values, [name]: name === 'symbol' ? e.target.value.toUpperCase() : e.target.value })} />
      </FormField>
    );
  };

  return (
    <section className="leaps-roll" aria-labelledby="roll-heading" aria-busy={busy}>
      <form className="card leaps-form" aria-label="Roll calculator" onSubmit={(e) => void submit(e)} noValidate>
        <header className="card-header">
          <h3 id="roll-heading">Roll calculator</h3>
          <span className="card-header-note muted">Close the contract held, open another of the same right</span>
        </header>
        <div className="card-body form-grid leaps-form-grid">
          {field('symbol')}
          <FormField id="roll-right" label="Call / put">
            <select id="roll-right" className="input" value={right} onChange={(e) => setRight(e.target.value as 'call' | 'put')}>
              <option value="call">Call</option>
              <option value="put">Put</option>
            </select>
          </FormField>
          {field('quantity')}
          {field('strike')}
          {field('expiry', 'date')}
          {field('premium')}
          {field('targetStrike')}
          {field('targetExpiry', 'date')}
          {field('closePrice')}
          {field('openPrice')}
          <FormField id="roll-fill" label="Chain price">
            <select id="roll-fill" className="input" value={fill} onChange={(e) => setFill(e.target.value as 'mid' | 'natural')}>
              <option value="mid">Mid</option>
              <option value="natural">Natural (bid when selling, ask when buying)</option>
            </select>
          </FormField>
          {field('originalPremium')}
          {field('previousRolls')}
          <div className="form-actions field-wide">
            <button type="submit" className="button button-primary" disabled={busy} data-testid="roll-submit">
              {busy ? 'Calculating…' : 'Calculate roll'}
            </button>
          </div>
        </div>
      </form>
      {failure && <ErrorNotice title="Could not calculate the roll" error={failure} />}
      {result && <RollResultCard result={result} />}
    </section>
  );
}
