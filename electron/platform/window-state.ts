import type { SettingValue } from '../../shared/schemas/settings';

/** A rectangle in screen coordinates (DIP), as Electron's `Rectangle`. */
export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** What the 'window.bounds' setting stores. */
export type SavedWindowBounds = SettingValue<'window.bounds'>;

/** Where and how big to open the main window. */
export interface WindowPlacement extends Rect {
  maximized: boolean;
}

export const DEFAULT_WINDOW_SIZE = { width: 1440, height: 900 } as const;
/** Below this the three-panel layout stops being usable; passed to BrowserWindow too. */
export const MIN_WINDOW_SIZE = { width: 800, height: 560 } as const;
/** How much of the saved window must still be on a display to reopen it there (a grabbable title bar). */
const MIN_VISIBLE = { width: 120, height: 40 } as const;
/** The setting's schema limits (shared/schemas/settings.ts). */
const SETTING_LIMITS = { minWidth: 400, minHeight: 300, max: 20_000 } as const;

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}

function intersectionArea(a: Rect, b: Rect): { width: number; height: number } {
  const width = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
  const height = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
  return { width: Math.max(0, width), height: Math.max(0, height) };
}

/** Fits a size inside a work area, never below the minimum unless the work area itself is smaller. */
function fitSize(width: number, height: number, area: Rect): { width: number; height: number } {
  return {
    width: Math.round(clamp(width, Math.min(MIN_WINDOW_SIZE.width, area.width), area.width)),
    height: Math.round(clamp(height, Math.min(MIN_WINDOW_SIZE.height, area.height), area.height)),
  };
}

function centerIn(area: Rect, size: { width: number; height: number }): Rect {
  return {
    x: Math.round(area.x + (area.width - size.width) / 2),
    y: Math.round(area.y + (area.height - size.height) / 2),
    ...size,
  };
}

/** The work area the saved window overlaps most, if enough of it is visible there to grab it. */
export function findHostDisplay(bounds: Rect, workAreas: readonly Rect[]): Rect | undefined {
  let best: Rect | undefined;
  let bestArea = 0;
  for (const area of workAreas) {
    const overlap = intersectionArea(bounds, area);
    const size = overlap.width * overlap.height;
    const visible = overlap.width >= Math.min(MIN_VISIBLE.width, bounds.width) && overlap.height >= Math.min(MIN_VISIBLE.height, bounds.height);
    if (visible && size > bestArea) {
      best = area;
      bestArea = size;
    }
  }
  return best;
}

/**
 * Where to open the main window from the saved bounds and the displays' work areas (taskbars and
 * docks excluded). A window left on a display that is gone (or mostly off every screen) comes back
 * centered on the primary display, keeping its size if it fits; a window that sticks out of its
 * display is pulled back inside so its title bar can always be reached.
 */
export function restoreWindowPlacement(saved: SavedWindowBounds | undefined, workAreas: readonly Rect[], primary: Rect): WindowPlacement {
  if (!saved) {
    return { ...centerIn(primary, fitSize(DEFAULT_WINDOW_SIZE.width, DEFAULT_WINDOW_SIZE.height, primary)), maximized: false };
  }
  const host = findHostDisplay(saved, workAreas);
  if (!host) {
    return { ...centerIn(primary, fitSize(saved.width, saved.height, primary)), maximized: saved.maximized };
  }
  const size = fitSize(saved.width, saved.height, host);
  return {
    x: Math.round(clamp(saved.x, host.x, host.x + host.width - size.width)),
    y: Math.round(clamp(saved.y, host.y, host.y + host.height - size.height)),
    ...size,
    maximized: saved.maximized,
  };
}

/**
 * The value stored in 'window.bounds'. `normalBounds` is the un-maximized rectangle
 * (`getNormalBounds()`), so un-maximizing after a restart returns to the size the user chose.
 */
export function toSavedWindowBounds(normalBounds: Rect, maximized: boolean): SavedWindowBounds {
  return {
    x: Math.round(normalBounds.x),
    y: Math.round(normalBounds.y),
    width: Math.round(clamp(normalBounds.width, SETTING_LIMITS.minWidth, SETTING_LIMITS.max)),
    height: Math.round(clamp(normalBounds.height, SETTING_LIMITS.minHeight, SETTING_LIMITS.max)),
    maximized,
  };
}

export function sameWindowBounds(a: SavedWindowBounds | undefined, b: SavedWindowBounds | undefined): boolean {
  if (!a || !b) return a === b;
  return a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height && a.maximized === b.maximized;
}
