import { CALL_NAMES } from '../../shared/contract';
import type { Logger } from '../observability/logger';
import type { Dispatch } from './dispatcher';
import type { EventBus } from './event-bus';

/** The part of an `ipcMain.handle` event the sender check needs. */
export interface IpcInvokeEventLike {
  senderFrame: { url: string; parent: unknown } | null;
}

/** The part of Electron's `ipcMain` used here (a fake stands in for it in tests). */
export interface IpcMainLike {
  handle(channel: string, listener: (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>): void;
  removeHandler(channel: string): void;
}

export interface IpcOptions {
  /** True for the URLs of our own renderer (file:// of the built app, or the dev server). */
  isTrustedUrl(url: string): boolean;
  logger: Logger;
}

/**
 * One `ipcMain.handle` per contract call, generated from the contract. Calls from a sub-frame or
 * from a page that is not ours are refused before any input is looked at (after VS Code).
 * Returns the function that removes the handlers.
 */
export function registerIpcHandlers(ipcMain: IpcMainLike, dispatch: Dispatch, options: IpcOptions): () => void {
  for (const name of CALL_NAMES) {
    ipcMain.handle(name, async (event, input) => {
      const frame = event.senderFrame;
      if (!frame || frame.parent !== null || !options.isTrustedUrl(frame.url)) {
        options.logger.warn('ipc call refused: untrusted sender', { call: name, url: frame?.url });
        return { ok: false, error: { code: 'forbidden', message: 'Sender not allowed' } };
      }
      return dispatch(name, input, { transport: 'ipc' });
    });
  }
  return () => CALL_NAMES.forEach((name) => ipcMain.removeHandler(name));
}

/** Sends every contract event to a window (`webContents.send`); returns the unsubscribe. */
export function forwardEvents(events: EventBus, send: (channel: string, payload: unknown) => void): () => void {
  return events.subscribe((name, payload) => send(name, payload));
}
