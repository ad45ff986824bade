import type { ReactNode } from 'react';

interface FormFieldProps {
  /** The id of the control inside; the label points at it, the error is described by it. */
  id: string;
  label: string;
  /** A short help line under the control. */
  hint?: string;
  error?: string;
  /** The control, with `id`, `aria-invalid` and `aria-describedby` from `fieldAria(id, error, hint)`. */
  children: ReactNode;
}

/** A labelled form control with its help line and its validation message. */
export function FormField({ id, label, hint, error, children }: FormFieldProps) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children}
      {hint && !error && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={`${id}-error`} className="field-error">
          {error}
        </p>
      )}
    </div>
  );
}

/** The accessibility attributes tying a control to its FormField's message. */
export function fieldAria(id: string, error: string | undefined, hint?: string) {
  const describedBy = error ? `${id}-error` : hint ? `${id}-hint` : undefined;
  return { id, 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy };
}
