import { useAppStatus } from '../../hooks/use-app-status';
import { useModalDialog } from '../../hooks/use-modal-dialog';
import { HealthReportBody } from '../system/HealthReportBody';
import { HealthSummary } from '../system/HealthSummary';

/**
 * The health checks in a modal <dialog> above the status bar.
 */
export function HealthDialog({ onClose }: { onClose: () => void }) {
  const { health } = useAppStatus();
  const dialog = useModalDialog(onClose);
  const { data } = health;

  return (
    <dialog {...dialog.props} className="modal-dialog health-dialog" aria-labelledby="health-dialog-title">
      <div className="dialog-body">
        <header className="dialog-header">
          <h2 id="health-dialog-title">Health checks</h2>
          {data && <HealthSummary report={data} />}
          <span className="dialog-header-actions">
            <button type="button" className="button" onClick={health.reload} disabled={health.loading}>
              Refresh
            </button>
            <button type="button" className="button button-ghost" onClick={dialog.close}>
              Close
            </button>
          </span>
        </header>
        <HealthReportBody health={health} compact />
      </div>
    </dialog>
  );
}
