import { useCallback, useMemo, useRef, useState, type ReactNode } from 'react';
import type { CaptureSourceList, ConfirmedPosition, ScreenshotExtraction, ScreenshotQuota } from '../../../../shared/schemas/screenshot';
import { useCoachApi } from '../../api/api-context';
import { toCoachError } from '../../hooks/use-call';
import { useFileDrop } from '../../hooks/use-file-drop';
import { useImagePaste } from '../../hooks/use-image-paste';
import { useWorkspaceNav } from '../../hooks/use-workspace-nav';
import { captureDisplayFrame } from '../../lib/display-capture';
import { imageFromCapture, imageFromFile, imageProblem, type ScreenshotImage } from '../../lib/screenshot-image';
import { ScreenshotContext, type Reading, type ScreenshotFlow } from '../../state/screenshot-context';
import '../../styles/screenshot.css';
import { CaptureSourcePicker } from '../screenshot/CaptureSourcePicker';
import { NoticeToast } from '../screenshot/NoticeToast';
import { ScreenshotDialog } from '../screenshot/ScreenshotDialog';

const POSITIONS_SENT_TOAST = 'Positions sent to AI Coach for analysis.';
const POSITIONS_WAITING_TOAST = 'Positions confirmed: they go to AI Coach once its current answer has finished.';

/**
 * The screenshot flow of the whole window: files dropped anywhere or pasted, the chat's menu
 * (file picker, screen capture), the reading dialog, and the hand-off of the confirmed positions
 * to the chat (through the workspace navigation, which brings the chat forward).
 */
export function ScreenshotProvider({ children }: { children: ReactNode }) {
  const api = useCoachApi();
  const nav = useWorkspaceNav();
  const [reading, setReading] = useState<Reading>();
  const [sources, setSources] = useState<CaptureSourceList['sources']>();
  // The confirmation whose notice shows; it says "sent" only once the chat has taken the positions.
  const [notice, setNotice] = useState<number>();
  const waiting = nav.pendingPositions !== undefined;
  const [quota, setQuota] = useState<ScreenshotQuota>();

  // Numbers the readings (and the toasts): a new one remounts the dialog, cancelling the last reading.
  const seq = useRef(0);
  // The last image given (dropped, pasted, picked): one read from disk after it came is not shown.
  const latest = useRef(0);
  const show = useCallback((next: { image: ScreenshotImage } | { problem: string }) => setReading({ ...next, seq: ++seq.current } as Reading), []);

  const refreshQuota = useCallback(() => {
    api.call('screenshot:quota', {}).then(setQuota, () => setQuota(undefined));
  }, [api]);

  const openFile = useCallback(
    (file: Blob & { name?: string }, source: ScreenshotImage['source']) => {
      const given = ++latest.current;
      const problem = imageProblem(file);
      if (problem) return show({ problem });
      // Reading a large file takes a moment: a second image given meanwhile is the one the user wants.
      const showIfLatest = (next: { image: ScreenshotImage } | { problem: string }) => given === latest.current && show(next);
      imageFromFile(file, source).then(
        (image) => showIfLatest({ image }),
        (error: unknown) => showIfLatest({ problem: `The image could not be opened: ${toCoachError(error).message}` }),
      );
    },
    [show],
  );

  const capture = useCallback(() => {
    api.call('screenshot:sources', {}).then(
      (list) => {
        if (list.supported) return setSources(list.sources);
        captureDisplayFrame().then(
          (blob) => blob && openFile(new File([blob], 'screen-capture.png', { type: 'image/png' }), 'capture'),
          (error: unknown) => show({ problem: `The screen could not be captured: ${toCoachError(error).message}` }),
        );
      },
      (error: unknown) => show({ problem: `The screen could not be captured: ${toCoachError(error).message}` }),
    );
  }, [api, openFile, show]);

  const captureSource = (source: CaptureSourceList['sources'][number]) => {
    setSources(undefined);
    api.call('screenshot:capture', { sourceId: source.id }).then(
      (captured) => show({ image: imageFromCapture(captured, source.name) }),
      (error: unknown) => show({ problem: `The screen could not be captured: ${toCoachError(error).message}` }),
    );
  };

  const { dragging } = useFileDrop((files) => openFile(files[0]!, 'drop'));
  useImagePaste((file) => openFile(file, 'paste'));

  const onRead = useCallback((extraction: ScreenshotExtraction) => setQuota(extraction.quota), []);
  const confirm = (positions: ConfirmedPosition[], extraction: ScreenshotExtraction) => {
    setReading(undefined);
    nav.analysePositions({ positions, extractionId: extraction.id, broker: extraction.broker });
    setNotice(++seq.current);
  };

  const flow = useMemo<ScreenshotFlow>(() => ({ openFile, capture, dragging, quota, refreshQuota }), [openFile, capture, dragging, quota, refreshQuota]);
  return (
    <ScreenshotContext.Provider value={flow}>
      {children}
      {reading && (
        <ScreenshotDialog
          key={reading.seq}
          reading={reading}
          quota={quota}
          onOpened={refreshQuota}
          onRead={onRead}
          onConfirm={confirm}
          onClose={() => {
            setReading(undefined);
            refreshQuota();
          }}
        />
      )}
      {sources && <CaptureSourcePicker sources={sources} onPick={captureSource} onClose={() => setSources(undefined)} />}
      {notice !== undefined && (
        // A new notice when the positions go: "sent" gets its full time on screen.
        <NoticeToast key={`${notice}-${waiting}`} text={waiting ? POSITIONS_WAITING_TOAST : POSITIONS_SENT_TOAST} onDismiss={() => setNotice(undefined)} />
      )}
    </ScreenshotContext.Provider>
  );
}
