import { useEffect, useState } from 'react';
import type { CoachError } from '../../../shared/errors';
import type { ScreenshotExtraction, ScreenshotProgress } from '../../../shared/schemas/screenshot';
import { useCoachApi } from '../api/api-context';
import type { ScreenshotImage } from '../lib/screenshot-image';
import { toCoachError } from './use-call';

export type ExtractState =
  | { phase: 'reading'; progress: ScreenshotProgress | undefined }
  | { phase: 'done'; extraction: ScreenshotExtraction }
  | { phase: 'failed'; error: CoachError };

/**
 * Reads the positions of one image (`screenshot:extract`) as soon as it is given, with the
 * progress the server streams. Unmounting, or another image, cancels the reading: the server
 * stops it and counts nothing.
 */
export function useScreenshotExtract(image: ScreenshotImage): ExtractState {
  const api = useCoachApi();
  const [state, setState] = useState<{ image: ScreenshotImage; value: ExtractState }>({ image, value: { phase: 'reading', progress: undefined } });

  useEffect(() => {
    const controller = new AbortController();
    const input = { image: image.base64, mimeType: image.mimeType, fileName: image.fileName, source: image.source };
    const set = (value: ExtractState) => !controller.signal.aborted && setState({ image, value });
    api
      .stream('screenshot:extract', input, {
        signal: controller.signal,
        onEvent: (event) => set({ phase: 'reading', progress: event }),
      })
      .then(
        (extraction) => set({ phase: 'done', extraction }),
        (e: unknown) => set({ phase: 'failed', error: toCoachError(e) }),
      );
    return () => controller.abort();
  }, [api, image]);

  return state.image === image ? state.value : { phase: 'reading', progress: undefined };
}
