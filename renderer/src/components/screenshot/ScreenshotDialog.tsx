import { useEffect, useEffectEvent } from 'react';
import type { ConfirmedPosition, ScreenshotExtraction, ScreenshotQuota } from '../../../../shared/schemas/screenshot';
import { useModalDialog } from '../../hooks/use-modal-dialog';
import type { Reading } from '../../state/screenshot-context';
import { QuotaNote } from './QuotaNote';
import { ScreenshotReading } from './ScreenshotReading';

interface ScreenshotDialogProps {
  reading: Reading;
  quota: ScreenshotQuota | undefined;
  /** The dialog opened (the quota is fetched fresh). */
  onOpened: () => void;
  onRead: (extraction: ScreenshotExtraction) => void;
  onConfirm: (positions: ConfirmedPosition[], extraction: ScreenshotExtraction) => void;
  onClose: () => void;
}

/**
 * Reading a screenshot in a modal <dialog> (focus kept inside, Escape closes and cancels the
 * reading, focus goes back where it was): the image, the reading's progress, then the positions to
 * confirm. Nothing reaches the coach before "Send to AI Coach".
 */
export function ScreenshotDialog({ reading, quota, onOpened, onRead, onConfirm, onClose }: ScreenshotDialogProps) {
  const dialog = useModalDialog(onClose);
  const opened = useEffectEvent(onOpened);
  useEffect(() => opened(), []);

  return (
    <dialog {...dialog.props} className="modal-dialog screenshot-dialog" aria-labelledby="screenshot-dialog-title">
      <div className="dialog-body">
        <header className="dialog-header">
          <h2 id="screenshot-dialog-title">Read positions from a screenshot</h2>
          {quota && <QuotaNote quota={quota} />}
          <span className="dialog-header-actions">
            <button type="button" className="button button-ghost" onClick={dialog.close}>
              Close
            </button>
          </span>
        </header>
        <div className="screenshot-dialog-content">
          {reading.problem !== undefined ? (
            <div role="alert" className="error-notice screenshot-problem">
              <div className="error-notice-text">
                <strong className="error-notice-title">This image cannot be read</strong>
                <span className="error-notice-message">{reading.problem}</span>
                <span className="error-notice-meta">Nothing was sent.</span>
              </div>
            </div>
          ) : (
            <ScreenshotReading image={reading.image} onRead={onRead} onConfirm={onConfirm} onCancel={dialog.close} />
          )}
        </div>
      </div>
    </dialog>
  );
}
