import { useState, type ReactNode } from 'react';

interface ConfirmDeleteProps {
  /** What is deleted, as screen readers announce it: "Delete SPY 600/605 call debit spread Dec 19". */
  what: string;
  onDelete: () => void;
  /** The row's other actions, shown beside Delete until it is pressed. */
  children?: ReactNode;
}

/** A Delete link that asks "Delete? Yes / No" first (No has the focus; Escape also cancels): a deleted row cannot be brought back. */
export function ConfirmDelete({ what, onDelete, children }: ConfirmDeleteProps) {
  const [asking, setAsking] = useState(false);
  if (asking) {
    return (
      <span role="group" aria-label={`Delete ${what}?`} onKeyDown={(e) => e.key === 'Escape' && setAsking(false)}>
        <span aria-hidden="true">Delete? </span>
        <button
          type="button"
          className="link-button link-danger"
          onClick={() => {
            setAsking(false);
            onDelete();
          }}
        >
          Yes
        </button>{' '}
        <button type="button" className="link-button" autoFocus onClick={() => setAsking(false)}>
          No
        </button>
      </span>
    );
  }
  return (
    <>
      {children}
      <button type="button" className="link-button" onClick={() => setAsking(true)} aria-label={`Delete ${what}`}>
        Delete
      </button>
    </>
  );
}
