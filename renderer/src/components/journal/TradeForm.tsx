import { useState, type FormEvent } from 'react';
import { TradeCreateSchema, type Trade } from '../../../../shared/schemas/journal';
import type { CoachError } from '../../../../shared/errors';
import { useCoachApi } from '../../api/api-context';
import { toCoachError } from '../../hooks/use-call';
import { ErrorNotice } from '../common/ErrorNotice';
import { fromNewYorkInput, toNewYorkInput } from '../../lib/new-york-time';

type FieldName = 'symbol' | 'assetType' | 'optionType' | 'strike' | 'expiry' | 'multiplier' | 'side' | 'quantity' | 'entryPrice' | 'exitPrice' | 'entryTime' | 'exitTime' | 'fees' | 'strategy' | 'tags' | 'notes' | 'plannedStop' | 'plannedTarget';
type Values = Record<FieldName, string>;

/** An ISO instant as the value of a datetime-local input (the user's local time). */
const toTimeInput = (iso: string | null): string => (iso ? toNewYorkInput(iso) : '');
const str = (v: number | string | null | undefined): string => (v === null || v === undefined ? '' : String(v));

function initialValues(t?: Trade): Values {
  return {
    symbol: t?.symbol ?? '', assetType: t?.assetType ?? 'stock', optionType: t?.optionType ?? '', strike: str(t?.strike), expiry: t?.expiry ?? '',
    multiplier: str(t?.multiplier), side: t?.side ?? 'long', quantity: str(t?.quantity), entryPrice: str(t?.entryPrice), exitPrice: str(t?.exitPrice),
    entryTime: toTimeInput(t?.entryTime ?? null), exitTime: toTimeInput(t?.exitTime ?? null), fees: str(t?.fees ?? 0), strategy: t?.strategy ?? '',
    tags: t?.tags.join(', ') ?? '', notes: t?.notes ?? '', plannedStop: str(t?.plannedStop), plannedTarget: str(t?.plannedTarget),
  };
}

/** The form's strings as the contract's input; blank optional fields become null, numbers stay text when not numbers so zod names them. */
function toInput(v: Values) {
  const num = (s: string) => (s.trim() === '' ? null : Number.isFinite(Number(s)) ? Number(s) : s);
  // The inputs hold New York wall time; what is not a time goes on as text so zod names the field.
  const time = (s: string) => (s ? (fromNewYorkInput(s) ?? s) : null);
  return {
    symbol: v.symbol, assetType: v.assetType, side: v.side, quantity: num(v.quantity), entryPrice: num(v.entryPrice), exitPrice: num(v.exitPrice),
    entryTime: time(v.entryTime) ?? '', exitTime: time(v.exitTime), fees: num(v.fees) ?? 0, strategy: v.strategy.trim() || null,
    tags: v.tags.split(',').map((s) => s.trim()).filter(Boolean), notes: v.notes.trim() || null, plannedStop: num(v.plannedStop), plannedTarget: num(v.plannedTarget),
    optionType: v.assetType === 'option' ? v.optionType || null : null, strike: v.assetType === 'option' ? num(v.strike) : null,
    expiry: v.assetType === 'option' ? v.expiry || null : null, ...(v.multiplier.trim() && { multiplier: num(v.multiplier) }),
  };
}

const LABELS: Record<FieldName, string> = {
  symbol: 'Symbol', assetType: 'Asset type', optionType: 'Call / put', strike: 'Strike', expiry: 'Expiry', multiplier: 'Multiplier', side: 'Side', quantity: 'Quantity',
  entryPrice: 'Entry price', exitPrice: 'Exit price', entryTime: 'Entry time (New York)', exitTime: 'Exit time (New York)', fees: 'Fees', strategy: 'Strategy', tags: 'Tags (comma separated)',
  notes: 'Notes', plannedStop: 'Planned stop', plannedTarget: 'Planned target',
};

/** Adds or edits a trade; every problem is shown beside its field (zod, same schema as the main process). */
export function TradeForm({ trade, onClose }: { trade?: Trade; onClose: () => void }) {
  const api = useCoachApi();
  const [values, setValues] = useState<Values>(() => initialValues(trade));
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({});
  const [failure, setFailure] = useState<CoachError | undefined>();
  const [saving, setSaving] = useState(false);

  const showIssues = (issues: { path: (string | number)[]; message: string }[]) =>
    setErrors(Object.fromEntries(issues.map((i) => [String(i.path[0] ?? 'form'), i.message])));

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setFailure(undefined);
    const input = toInput(values);
    const checked = TradeCreateSchema.safeParse(input);
    if (!checked.success) return showIssues(checked.error.issues.map((i) => ({ path: i.path.map(String), message: i.message })));
    setErrors({});
    setSaving(true);
    try {
      if (trade) await api.call('journal:update', { id: trade.id, ...checked.data, multiplier: checked.data.multiplier ?? trade.multiplier });
      else await api.call('journal:create', input as never);
      onClose();
    } catch (error) {
      const e = toCoachError(error);
      if (e.issues?.length) showIssues(e.issues);
      else setFailure(e);
    } finally {
      setSaving(false);
    }
  };

  const field = (name: FieldName, control: 'text' | 'number' | 'datetime' | 'date' | 'textarea' = 'text') => {
    const id = `trade-${name}`;
    const error = errors[name];
    const common = { id, value: values[name], 'aria-invalid': Boolean(error), 'aria-describedby': error ? `${id}-error` : undefined, onChange: (e: { target: { value: string } }) => setValues({ ...values, [name]: e.target.value }) };
    return (
      <div className={`field${control === 'textarea' ? ' field-wide' : ''}`}>
        <label htmlFor={id}>{LABELS[name]}</label>
        {control === 'textarea' ? <textarea className="input" rows={2} {...common} /> : <input className="input" type={control === 'datetime' ? 'datetime-local' : control === 'date' ? 'date' : 'text'} inputMode={control === 'number' ? 'decimal' : undefined} {...common} />}
        {error && <span id={`${id}-error`} className="field-error">{error}</span>}
      </div>
    );
  };
  const select = (name: 'assetType' | 'side' | 'optionType', options: [string, string][]) => (
    <div className="field">
      <label htmlFor={`trade-${name}`}>{LABELS[name]}</label>
      <select id={`trade-${name}`} className="input" value={values[name]} aria-invalid={Boolean(errors[name])} onChange={(e) => setValues({ ...values, [name]: e.target.value })}>
        {options.map(([value, label]) => <option key={value} value={value}>{label}</option>)}
      </select>
      {errors[name] && <span className="field-error">{errors[name]}</span>}
    </div>
  );

  return (
    <form className="trade-form" aria-label={trade ? 'Edit trade' : 'Add trade'} onSubmit={(e) => void submit(e)} noValidate>
      <div className="form-grid">
        {field('symbol')}
        {select('assetType', [['stock', 'Stock / ETF'], ['option', 'Option'], ['future', 'Future']])}
        {select('side', [['long', 'Long'], ['short', 'Short']])}
        {field('quantity', 'number')}
        {values.assetType === 'option' && select('optionType', [['', 'Choose…'], ['call', 'Call'], ['put', 'Put']])}
        {values.assetType === 'option' && field('strike', 'number')}
        {values.assetType === 'option' && field('expiry', 'date')}
        {values.assetType !== 'stock' && field('multiplier', 'number')}
        {field('entryPrice', 'number')}
        {field('entryTime', 'datetime')}
        {field('exitPrice', 'number')}
        {field('exitTime', 'datetime')}
        {field('fees', 'number')}
        {field('plannedStop', 'number')}
        {field('plannedTarget', 'number')}
        {field('strategy')}
        {field('tags')}
        {field('notes', 'textarea')}
      </div>
      {failure && <ErrorNotice title="Could not save the trade" error={failure} compact />}
      <div className="form-actions">
        <button type="submit" className="button button-primary" disabled={saving}>
          {saving ? 'Saving…' : trade ? 'Save changes' : 'Add trade'}
        </button>
        <button type="button" className="button button-ghost" onClick={onClose}>
          Cancel
        </button>
      </div>
    </form>
  );
}
