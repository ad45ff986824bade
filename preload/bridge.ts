import { CALL_NAMES, isEventName, type EventName } from '../shared/contract';
import type { CoachBridge } from '../shared/client';

/** The part of Electron's `ipcRenderer` the bridge uses (a fake stands in for it in tests). */
export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/**
 * Builds `window.coach` from the contract: a function per call name and `on` for contract events.
 * `ipcRenderer` itself never reaches the page, and no other channel can be named (after VS Code).
 */
export function buildCoachBridge(ipc: IpcRendererLike): CoachBridge {
  const call = Object.fromEntries(CALL_NAMES.map((name) => [name, (input: unknown) => ipc.invoke(name, input)])) as CoachBridge['call'];
  return {
    call,
    on(event: EventName, listener: (payload: unknown) => void) {
      if (!isEventName(event)) throw new Error(`Unknown event: ${String(event)}`);
      const wrapped = (_event: unknown, payload: unknown) => listener(payload);
      ipc.on(event, wrapped);
      return () => {
        ipc.removeListener(event, wrapped);
      };
    },
  };
}
