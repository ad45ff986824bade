import { CALL_NAMES, isEventName, isStreamName, STREAM_EVENT_CHANNEL, type EventName, type StreamEventMessage } from '../shared/contract';
import type { CoachBridge } from '../shared/client';

/** The part of Electron's `ipcRenderer` the bridge uses (a fake stands in for it in tests). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** Subscribes to one channel; returns the unsubscribe. */
function listen(ipc: IpcRendererLike, channel: string, listener: (payload: unknown) => void): () => void {
  const wrapped = (_event: unknown, payload: unknown) => listener(payload);
  ipc.on(channel, wrapped);
  return () => {
    ipc.removeListener(channel, wrapped);
  };
}

/**
 * Builds `window.coach` from the contract: a function per call name, `on` for contract events, and
 * the streaming calls with their events. `ipcRenderer` itself never reaches the page, and no other
 * channel can be named (after VS Code).
 */
export function buildCoachBridge(ipc: IpcRendererLike): CoachBridge {
  const call = Object.fromEntries(CALL_NAMES.map((name) => [name, (input: unknown) => ipc.invoke(name, input)])) as CoachBridge['call'];
  return {
    call,
    on(event: EventName, listener: (payload: unknown) => void) {
      if (!isEventName(event)) throw new Error(`Unknown event: ${String(event)}`);
      return listen(ipc, event, listener);
    },
    stream: ((name: string, streamId: string, input: unknown) => {
      if (!isStreamName(name)) throw new Error(`Unknown stream: ${name}`);
      return ipc.invoke(name, { streamId, input });
    }) as CoachBridge['stream'],
    onStreamEvent(listener) {
      return listen(ipc, STREAM_EVENT_CHANNEL, (message) => listener(message as StreamEventMessage));
    },
  };
}
