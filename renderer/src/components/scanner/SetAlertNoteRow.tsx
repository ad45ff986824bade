import type { SuggestedAlert } from '../../hooks/use-suggested-alert';
import { SetAlertNote } from './SetAlertNote';

/** The row under a scan result once "Set alert" has made the alert or failed to; nothing before. */
export function SetAlertNoteRow({ alert, columns }: { alert: SuggestedAlert; columns: number }) {
  const { input, state } = alert;
  if (!input || (state?.status !== 'set' && state?.status !== 'failed')) return null;
  return (
    <tr className="scan-result-note">
      <td colSpan={columns}>
        <SetAlertNote state={state} input={input} onDismiss={alert.dismiss} />
      </td>
    </tr>
  );
}
