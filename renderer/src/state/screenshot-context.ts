import { createContext } from 'react';
import type { ScreenshotQuota, ScreenshotSource } from '../../../shared/schemas/screenshot';

/** Reading positions from a broker screenshot, from wherever the image comes (drop, file, paste, capture). */
export interface ScreenshotFlow {
  /** Checks the file (type, size) and opens the reading dialog on it, or on the reason it cannot be read. */
  openFile(file: File, source: Exclude<ScreenshotSource, 'capture'>): void;
  /** Captures a screen: the desktop app's source picker, or the browser's own (web mode). */
  capture(): void;
  /** Files are being dragged over the window (the center panel shows the drop zone). */
  dragging: boolean;
  /** Today's readings against the daily limit; undefined until loaded. */
  quota: ScreenshotQuota | undefined;
  refreshQuota(): void;
}

export const ScreenshotContext = createContext<ScreenshotFlow | undefined>(undefined);
