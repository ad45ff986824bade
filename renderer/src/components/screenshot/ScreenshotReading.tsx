import { useEffect, useEffectEvent, useState } from 'react';
import type { ConfirmedPosition, ScreenshotExtraction } from '../../../../shared/schemas/screenshot';
import { useScreenshotExtract } from '../../hooks/use-screenshot-extract';
import { formatFileSize, type ScreenshotImage } from '../../lib/screenshot-image';
import { ErrorNotice } from '../common/ErrorNotice';
import { ProgressBar } from '../common/ProgressBar';
import { ConfirmPositions } from './ConfirmPositions';

interface ScreenshotReadingProps {
  image: ScreenshotImage;
  onRead: (extraction: ScreenshotExtraction) => void;
  onConfirm: (positions: ConfirmedPosition[], extraction: ScreenshotExtraction) => void;
  onCancel: () => void;
}

/** One image: its preview, the reading's progress (cancellable) or why it failed, then the positions to confirm. */
export function ScreenshotReading({ image, onRead, onConfirm, onCancel }: ScreenshotReadingProps) {
  const state = useScreenshotExtract(image);
  // A file the browser cannot decode either (a corrupt PNG): no broken-image icon, the caption and the reader's message say it.
  const [previewFailed, setPreviewFailed] = useState(false);
  const read = useEffectEvent(onRead);
  const extraction = state.phase === 'done' ? state.extraction : undefined;
  useEffect(() => {
    if (extraction) read(extraction);
  }, [extraction]);

  return (
    <div className="screenshot-reading">
      <figure className="screenshot-preview">
        {!previewFailed && <img src={image.previewUrl} alt="The screenshot being read" onError={() => setPreviewFailed(true)} />}
        <figcaption>
          {image.fileName ?? 'Pasted image'} · {formatFileSize(image.bytes)}
        </figcaption>
      </figure>
      {state.phase === 'reading' && (
        <div className="screenshot-progress">
          <ProgressBar value={state.progress?.progress ?? 0} label={state.progress?.message ?? 'Sending the image…'} />
          <button type="button" className="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      )}
      {state.phase === 'failed' && <ErrorNotice title="The positions could not be read" error={state.error} />}
      {state.phase === 'done' && <ConfirmPositions extraction={state.extraction} onConfirm={(positions) => onConfirm(positions, state.extraction)} onCancel={onCancel} />}
    </div>
  );
}
