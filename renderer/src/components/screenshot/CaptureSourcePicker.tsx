import type { CaptureSourceList } from '../../../../shared/schemas/screenshot';
import { useModalDialog } from '../../hooks/use-modal-dialog';

type Source = CaptureSourceList['sources'][number];

interface CaptureSourcePickerProps {
  sources: readonly Source[];
  onPick: (source: Source) => void;
  onClose: () => void;
}

/** The desktop app's screen picker: a thumbnail of every screen and window; the one chosen is captured at full size. */
export function CaptureSourcePicker({ sources, onPick, onClose }: CaptureSourcePickerProps) {
  const dialog = useModalDialog(onClose);

  return (
    <dialog {...dialog.props} className="modal-dialog screenshot-dialog capture-picker" aria-labelledby="capture-picker-title">
      <div className="dialog-body">
        <header className="dialog-header">
          <h2 id="capture-picker-title">Capture a screen or window</h2>
          <span className="dialog-header-actions">
            <button type="button" className="button button-ghost" onClick={dialog.close}>
              Cancel
            </button>
          </span>
        </header>
        {sources.length === 0 ? (
          <p className="empty-note">No screen or window can be captured right now.</p>
        ) : (
          <ul className="capture-sources">
            {sources.map((source) => (
              <li key={source.id}>
                <button type="button" className="capture-source" onClick={() => onPick(source)}>
                  <img src={source.thumbnail} alt="" />
                  <span>
                    {source.name} <span className="capture-kind">({source.kind})</span>
                  </span>
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
    </dialog>
  );
}
