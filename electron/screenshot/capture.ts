import type { CaptureSourceList, CapturedImage } from '../../shared/schemas/screenshot';

/**
 * Screen capture by the desktop shell (Electron's desktopCapturer, electron/platform/). The web
 * mode has none: the renderer asks the browser (`getDisplayMedia`) instead.
 */
export interface ScreenCapturer {
  sources(): Promise<CaptureSourceList['sources']>;
  /** A full-size PNG of the source; `not_found` when it went away. */
  capture(sourceId: string): Promise<CapturedImage>;
}
