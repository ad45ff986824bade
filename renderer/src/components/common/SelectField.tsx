import { fieldAria, FormField } from './FormField';

interface SelectFieldProps<V extends string> {
  id: string;
  label: string;
  value: V;
  options: readonly V[];
  /** How each option reads; the value itself when absent. */
  optionLabel?: (value: V) => string;
  error?: string;
  onChange: (value: V) => void;
}

/** A labelled drop-down of a fixed list of values (an enum of the contract), with its error. */
export function SelectField<V extends string>({ id, label, value, options, optionLabel = (v) => v, error, onChange }: SelectFieldProps<V>) {
  return (
    <FormField id={id} label={label} error={error}>
      <select className="input" {...fieldAria(id, error)} value={value} onChange={(ev) => onChange(ev.target.value as V)}>
        {options.map((option) => (
          <option key={option} value={option}>
            {optionLabel(option)}
          </option>
        ))}
      </select>
    </FormField>
  );
}
