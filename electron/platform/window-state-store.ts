import type { SettingsMap } from '../../shared/schemas/settings';
import type { Dispatch } from '../contract/dispatcher';
import type { Logger } from '../observability/logger';
import { sameWindowBounds, toSavedWindowBounds, type Rect, type SavedWindowBounds } from './window-state';

/** The part of a BrowserWindow the saver reads (a fake stands in for it in tests). */
export interface BoundsSource {
  getNormalBounds(): Rect;
  isMaximized(): boolean;
  isDestroyed(): boolean;
}

/** The saved 'window.bounds', read through the contract like any client; undefined when absent or unreadable. */
export async function readSavedWindowBounds(dispatch: Dispatch, logger: Logger): Promise<SavedWindowBounds | undefined> {
  const result = await dispatch('settings:list', {}, { transport: 'internal' });
  if (!result.ok) {
    logger.warn('window bounds not restored: settings unreadable', { code: result.error.code });
    return undefined;
  }
  // The settings service only returns values that pass the key's schema.
  return (result.value as SettingsMap)['window.bounds'];
}

export interface WindowStateSaver {
  /** After a move, resize, maximize or un-maximize: saves once the window has been still for a moment. */
  schedule(): void;
  /** Saves now (window closing, app quitting). */
  flush(): Promise<void>;
  /** Drops any pending save; later calls do nothing (the database is about to close). */
  dispose(): void;
}

export interface WindowStateSaverOptions {
  window: BoundsSource;
  dispatch: Dispatch;
  logger: Logger;
  /** The bounds already stored, so an unchanged window writes nothing. */
  initial?: SavedWindowBounds;
  delayMs?: number;
}

/**
 * Remembers the main window's bounds in the 'window.bounds' setting. Dragging fires dozens of
 * move events a second, so writes are debounced, and skipped when nothing changed.
 */
export function createWindowStateSaver(options: WindowStateSaverOptions): WindowStateSaver {
  const delayMs = options.delayMs ?? 500;
  let lastSaved = options.initial;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let disposed = false;

  const clearTimer = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = undefined;
  };

  const save = async (): Promise<void> => {
    clearTimer();
    if (disposed || options.window.isDestroyed()) return;
    const value = toSavedWindowBounds(options.window.getNormalBounds(), options.window.isMaximized());
    if (sameWindowBounds(value, lastSaved)) return;
    lastSaved = value;
    const result = await options.dispatch('settings:set', { key: 'window.bounds', value }, { transport: 'internal' });
    if (!result.ok) options.logger.warn('window bounds not saved', { code: result.error.code, message: result.error.message });
  };

  return {
    schedule() {
      if (disposed) return;
      clearTimer();
      timer = setTimeout(() => void save(), delayMs);
    },
    flush: save,
    dispose() {
      disposed = true;
      clearTimer();
    },
  };
}
