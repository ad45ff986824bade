import type { AlertStatus } from '../../../../shared/schemas/alerts';

/** An alert's status as a coloured chip; the word is always shown, so colour is never the only cue. */
export function AlertStatusChip({ status }: { status: AlertStatus }) {
  return (
    <span className={`pill alert-status alert-status-${status}`} data-testid="alert-status">
      {status}
    </span>
  );
}
