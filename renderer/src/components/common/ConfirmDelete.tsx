/** A row's inline "Delete? Yes / No": a slipped click deletes nothing; No or Escape keeps the row. */
export function ConfirmDelete({ label, onConfirm, onCancel }: { label: string; onConfirm: () => void; onCancel: () => void }) {
  return (
    <span role="group" aria-label={label} onKeyDown={(e) => e.key === 'Escape' && onCancel()}>
      <span aria-hidden="true">Delete? </span>
      <button type="button" className="link-button link-danger" onClick={onConfirm}>
        Yes
      </button>{' '}
      <button type="button" className="link-button" autoFocus onClick={onCancel}>
        No
      </button>
    </span>
  );
}
