import { fieldAria, FormField } from '../common/FormField';

/** One option leg as the form holds it (text, so half-typed numbers survive). */
export interface LegDraft {
  right: 'call' | 'put';
  strike: string;
  expiry: string;
  quantity: string;
  premium: string;
}

interface LegRowProps {
  index: number;
  leg: LegDraft;
  /** Messages by field name (strike, expiry, quantity, price, right). */
  errors: Partial<Record<string, string>>;
  onChange: (leg: LegDraft) => void;
  onRemove?: () => void;
}

/** Call/put, strike, expiry, quantity (negative = short) and entry premium of one leg. */
export function LegRow({ index, leg, errors, onChange, onRemove }: LegRowProps) {
  const id = (name: string) => `leg-${index}-${name}`;
  const text = (name: 'strike' | 'expiry' | 'quantity' | 'premium', label: string, error: string | undefined, type = 'text') => (
    <FormField id={id(name)} label={label} error={error}>
      <input className="input" type={type} inputMode={type === 'text' ? 'decimal' : undefined} {...fieldAria(id(name), error)} value={leg[name]} onChange={(e) => onChange({ ...leg, [name]: e.target.value })} />
    </FormField>
  );
  return (
    <fieldset className="fieldset leg-row" data-testid={`leg-row-${index}`}>
      <legend>Leg {index + 1}</legend>
      <FormField id={id('right')} label="Call / put" error={errors.right}>
        <select className="input" {...fieldAria(id('right'), errors.right)} value={leg.right} onChange={(e) => onChange({ ...leg, right: e.target.value as LegDraft['right'] })}>
          <option value="call">Call</option>
          <option value="put">Put</option>
        </select>
      </FormField>
      {text('strike', 'Strike', errors.strike)}
      {text('expiry', 'Expiry', errors.expiry, 'date')}
      {text('quantity', 'Contracts (− = short)', errors.quantity)}
      {text('premium', 'Entry premium / share', errors.price)}
      {onRemove && (
        <button type="button" className="button leg-remove" aria-label={`Remove leg ${index + 1}`} onClick={onRemove}>
          Remove
        </button>
      )}
    </fieldset>
  );
}
