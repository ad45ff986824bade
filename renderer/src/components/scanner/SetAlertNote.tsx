import type { SetAlertState } from '../../hooks/use-suggested-alert';
import type { AlertPrefill } from '../../lib/alert-draft';
import { describeCondition } from '../../lib/alerts';
import { useWorkspaceNav } from '../../hooks/use-workspace-nav';
import { ErrorNotice } from '../common/ErrorNotice';

interface SetAlertNoteProps {
  state: Extract<SetAlertState, { status: 'set' | 'failed' }>;
  /** The alert the result suggested (the Alerts form starts from it when creating failed). */
  input: AlertPrefill;
  /** Clears a failure, so "Set alert" can be tried again. */
  onDismiss: () => void;
}

/** Under a result after "Set alert": the alert made, with a way to it in the Alerts tab; or why it failed, with the form to fix it. */
export function SetAlertNote({ state, input, onDismiss }: SetAlertNoteProps) {
  const nav = useWorkspaceNav();
  if (state.status === 'failed') {
    return (
      <div className="scan-alert-note">
        <ErrorNotice title="Could not set the alert" error={state.error} compact />
        <button type="button" className="button" onClick={() => nav.draftAlert(input)}>
          Edit it in the Alerts tab
        </button>
        <button type="button" className="link-button" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    );
  }
  const { alert } = state;
  return (
    <div className="scan-alert-note" role="status" data-testid="scan-alert-set">
      <span>
        Alert set: {alert.symbol} {describeCondition(alert)}.
      </span>
      <button type="button" className="button" onClick={() => nav.showAlert(alert.id)}>
        Show in Alerts
      </button>
    </div>
  );
}
