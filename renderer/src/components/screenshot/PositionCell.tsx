import type { ReactNode } from 'react';

export const LOW_CONFIDENCE_TITLE = 'Low confidence — please check';

interface ControlAria {
  id: string;
  'aria-label': string;
  'aria-invalid': true | undefined;
  'aria-describedby': string | undefined;
  title: string | undefined;
}

interface PositionCellProps {
  id: string;
  /** What a screen reader calls the control: "Strike, row 2". */
  label: string;
  error: string | undefined;
  /** The reader was unsure of this field: highlighted until the user edits it. */
  low: boolean;
  children: (aria: ControlAria) => ReactNode;
}

/** One field of a position: the control, highlighted when read with low confidence, and its validation message. */
export function PositionCell({ id, label, error, low, children }: PositionCellProps) {
  const classes = ['confirm-cell', low && 'low-confidence', error && 'confirm-cell-invalid'].filter(Boolean).join(' ');
  return (
    <td className={classes}>
      {children({
        id,
        'aria-label': label,
        'aria-invalid': error ? true : undefined,
        'aria-describedby': error ? `${id}-error` : undefined,
        title: low ? LOW_CONFIDENCE_TITLE : undefined,
      })}
      {error && (
        <span id={`${id}-error`} className="field-error confirm-cell-error">
          {error}
        </span>
      )}
    </td>
  );
}
