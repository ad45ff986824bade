import { createContext } from 'react';
import type { ScreenshotQuota, ScreenshotSource } from '../../../shared/schemas/screenshot';
import type { ScreenshotImage } from '../lib/screenshot-image';

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

/** What the reading dialog shows: an image being read, or why the image cannot be read (nothing was sent). `seq` keys the dialog, so a new image restarts it. */
export type Reading = { seq: number; image: ScreenshotImage; problem?: undefined } | { seq: number; image?: undefined; problem: string };

export const ScreenshotContext = createContext<ScreenshotFlow | undefined>(undefined);
