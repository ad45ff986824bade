import { CoachError } from '../../shared/errors';
import type { CaptureSourceList, CapturedImage } from '../../shared/schemas/screenshot';
import type { ScreenCapturer } from '../screenshot/capture';

/** The part of Electron's NativeImage the capturer uses (structural, so tests can fake it). */
export interface NativeImageLike {
  toPNG(): Buffer;
  toDataURL(): string;
  getSize(): { width: number; height: number };
  isEmpty(): boolean;
}

export interface CapturerSourceLike {
  id: string;
  name: string;
  thumbnail: NativeImageLike;
}

/** Electron's `desktopCapturer`. */
export interface DesktopCapturerLike {
  getSources(options: { types: ('screen' | 'window')[]; thumbnailSize: { width: number; height: number } }): Promise<CapturerSourceLike[]>;
}

/** The displays' sizes in device pixels (Electron's `screen`: size × scaleFactor). */
export interface DisplaysLike {
  getAllDisplays(): { size: { width: number; height: number }; scaleFactor: number }[];
}

/** Small enough to list many sources at once, large enough to tell windows apart. */
export const THUMBNAIL_SIZE = { width: 320, height: 200 } as const;

/**
 * Screen capture in the desktop app through Electron's desktopCapturer: the sources with small
 * thumbnails for the picker, then the chosen one again at the size of the largest display (the
 * "thumbnail" is then the full-resolution capture) as a PNG.
 */
export class ElectronScreenCapturer implements ScreenCapturer {
  constructor(private readonly options: { desktopCapturer: DesktopCapturerLike; screen: DisplaysLike }) {}

  async sources(): Promise<CaptureSourceList['sources']> {
    const sources = await this.options.desktopCapturer.getSources({ types: ['screen', 'window'], thumbnailSize: THUMBNAIL_SIZE });
    return sources.map((source) => ({ id: source.id, name: source.name, kind: kindOf(source.id), thumbnail: source.thumbnail.toDataURL() }));
  }

  async capture(sourceId: string): Promise<CapturedImage> {
    const sources = await this.options.desktopCapturer.getSources({ types: [kindOf(sourceId)], thumbnailSize: this.fullSize() });
    const source = sources.find((s) => s.id === sourceId);
    if (!source) throw new CoachError('not_found', 'That screen or window is no longer there; pick another one');
    // An empty image is what the OS gives when the app may not record the screen (macOS privacy settings).
    if (source.thumbnail.isEmpty()) throw new CoachError('unavailable', `"${source.name}" could not be captured: the system gave an empty image (on macOS, allow Screen Recording for the app in System Settings)`);
    const { width, height } = source.thumbnail.getSize();
    return { image: source.thumbnail.toPNG().toString('base64'), mimeType: 'image/png', width, height };
  }

  /** The largest display in device pixels: a window or screen is captured at its full resolution. */
  private fullSize(): { width: number; height: number } {
    const sizes = this.options.screen.getAllDisplays().map((d) => ({ width: Math.round(d.size.width * d.scaleFactor), height: Math.round(d.size.height * d.scaleFactor) }));
    return { width: Math.max(1, ...sizes.map((s) => s.width)), height: Math.max(1, ...sizes.map((s) => s.height)) };
  }
}

/** Electron names sources `screen:<n>:0` and `window:<id>:0`. */
function kindOf(sourceId: string): 'screen' | 'window' {
  return sourceId.startsWith('screen:') ? 'screen' : 'window';
}
