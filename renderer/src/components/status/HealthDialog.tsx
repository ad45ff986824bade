import { useRef, type MouseEvent } from 'react';
import { useAppStatus } from '../../hooks/use-app-status';
import { HealthReportBody } from '../system/HealthReportBody';
import { HealthSummary } from '../system/HealthSummary';

/**
 * The health checks in a modal <dialog> above the status bar. The native dialog gives focus
 * trapping, Escape and focus return for free; it is opened as soon as it mounts.
 */
export function HealthDialog({ onClose }: { onClose: () => void }) {
  const { health } = useAppStatus();
  const dialog = useRef<HTMLDialogElement | null>(null);
  const { data } = health;

  const attach = (element: HTMLDialogElement | null) => {
    dialog.current = element;
    if (element && !element.open) element.showModal();
  };
  // A click on the backdrop lands on the <dialog> itself; clicks on its content land on children.
  const onBackdropClick = (event: MouseEvent<HTMLDialogElement>) => {
    if (event.target === event.currentTarget) dialog.current?.close();
  };

  return (
    <dialog ref={attach} className="health-dialog" aria-labelledby="health-dialog-title" onClose={onClose} onClick={onBackdropClick}>
      <div className="dialog-body">
        <header className="dialog-header">
          <h2 id="health-dialog-title">Health checks</h2>
          {data && <HealthSummary report={data} />}
          <span className="dialog-header-actions">
            <button type="button" className="button" onClick={health.reload} disabled={health.loading}>
              Refresh
            </button>
            <button type="button" className="button button-ghost" onClick={() => dialog.current?.close()}>
              Close
            </button>
          </span>
        </header>
        <HealthReportBody health={health} compact />
      </div>
    </dialog>
  );
}
