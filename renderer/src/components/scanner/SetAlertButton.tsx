import type { SuggestedAlert } from '../../hooks/use-suggested-alert';

/** "Set alert" for a scan result's suggestion: off while the alert is being made and once it is. */
export function SetAlertButton({ alert, suggestion }: { alert: SuggestedAlert; suggestion: string }) {
  const status = alert.state?.status;
  return (
    <button type="button" className="link-button" disabled={status === 'saving' || status === 'set'} aria-label={`Set alert: ${suggestion}`} title={suggestion} onClick={alert.set}>
      {status === 'saving' ? 'Setting…' : 'Set alert'}
    </button>
  );
}
