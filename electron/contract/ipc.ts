import { z } from 'zod';
import { CALL_NAMES, STREAM_EVENT_CHANNEL, STREAM_NAMES, type StreamEventMessage } from '../../shared/contract';
import { describeIssues, toIssues, type CallResult } from '../../shared/errors';
import type { Logger } from '../observability/logger';
import type { Dispatch } from './dispatcher';
import type { EventBus } from './event-bus';
import type { StreamDispatch } from './stream-dispatcher';
import type { StreamRegistry } from './stream-registry';

/** The part of the calling window's `webContents` a stream needs: where its events go, and its end. */
export interface IpcSenderLike {
  send(channel: string, message: StreamEventMessage): void;
  isDestroyed(): boolean;
  once(event: 'destroyed', listener: () => void): unknown;
  removeListener(event: 'destroyed', listener: () => void): unknown;
}

/** The part of an `ipcMain.handle` event the sender check needs (and streams, the sender). */
export interface IpcInvokeEventLike {
  senderFrame: { url: string; parent: unknown } | null;
  sender?: IpcSenderLike;
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
      const refused = refuseUntrusted(event, name, options);
      if (refused) return refused;
      return dispatch(name, input, { transport: 'ipc' });
    });
  }
  return () => CALL_NAMES.forEach((name) => ipcMain.removeHandler(name));
}

/** Calls from a sub-frame or from a page that is not ours are refused before any input is looked at. */
function refuseUntrusted(event: IpcInvokeEventLike, name: string, options: IpcOptions): CallResult<never> | undefined {
  const frame = event.senderFrame;
  if (frame && frame.parent === null && options.isTrustedUrl(frame.url)) return undefined;
  options.logger.warn('ipc call refused: untrusted sender', { call: name, url: frame?.url });
  return { ok: false, error: { code: 'forbidden', message: 'Sender not allowed' } };
}

const StreamRequestSchema = z.object({ streamId: z.string().min(1).max(128), input: z.unknown() }).strict();

/**
 * One `ipcMain.handle` per streaming call of the contract, taking `{streamId, input}` and answering
 * the output as a `CallResult`. The events go to the calling window only, on STREAM_EVENT_CHANNEL
 * tagged with the stream id; `chat:cancel {streamId}` stops a stream through the registry, and so
 * does the window going away. Returns the function that removes the handlers.
 */
export function registerIpcStreams(ipcMain: IpcMainLike, streams: StreamDispatch, registry: StreamRegistry, options: IpcOptions): () => void {
  for (const name of STREAM_NAMES) {
    ipcMain.handle(name, async (event, request) => {
      const refused = refuseUntrusted(event, name, options);
      if (refused) return refused;
      const sender = event.sender;
      if (!sender || sender.isDestroyed()) return { ok: false, error: { code: 'forbidden', message: 'Sender not allowed' } };
      const parsed = StreamRequestSchema.safeParse(request);
      if (!parsed.success) return { ok: false, error: { code: 'invalid_input', message: `Invalid stream request for ${name}: ${describeIssues(toIssues(parsed.error))}` } };
      const { streamId, input } = parsed.data;
      let stream: ReturnType<StreamRegistry['open']>;
      try {
        stream = registry.open(streamId);
      } catch (error) {
        return { ok: false, error: { code: 'invalid_input', message: (error as Error).message } };
      }
      const gone = () => registry.cancel(streamId);
      sender.once('destroyed', gone);
      try {
        return await streams(name, input, {
          transport: 'ipc',
          signal: stream.signal,
          emit: (streamEvent) => {
            if (!sender.isDestroyed()) sender.send(STREAM_EVENT_CHANNEL, { streamId, event: streamEvent });
          },
        });
      } finally {
        stream.close();
        sender.removeListener('destroyed', gone);
      }
    });
  }
  return () => STREAM_NAMES.forEach((name) => ipcMain.removeHandler(name));
}

/** Sends every contract event to a window (`webContents.send`); returns the unsubscribe. */
export function forwardEvents(events: EventBus, send: (channel: string, payload: unknown) => void): () => void {
  return events.subscribe((name, payload) => send(name, payload));
}
