import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpCoachApi, ipcCoachApi, type CoachApi } from '../../shared/client';
import type { EventPayload } from '../../shared/contract';
import { CoachError } from '../../shared/errors';
import { buildCoachBridge, type IpcRendererLike } from '../../preload/bridge';
import { silentLogger } from '../observability/logger';
import { startTestHost, TEST_TOKEN, type TestHost } from '../testing/test-host';
import { forwardEvents, registerIpcHandlers, type IpcInvokeEventLike, type IpcMainLike } from './ipc';

const RENDERER_URL = 'file:///opt/titm/resources/app.asar/out/renderer/index.html';

/**
 * Stands in for Electron's IPC pair: handlers registered on the fake ipcMain are invoked by the fake
 * ipcRenderer with an event from `frame`; `webContents.send` reaches the renderer's listeners.
 */
function fakeIpc(frame: IpcInvokeEventLike['senderFrame']) {
  const handlers = new Map<string, (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => {
      if (handlers.has(channel)) throw new Error(`second handler for ${channel}`);
      handlers.set(channel, listener);
    },
    removeHandler: (channel) => handlers.delete(channel),
  };
  const ipcRenderer: IpcRendererLike = {
    invoke: async (channel, ...args) => {
      const handler = handlers.get(channel);
      if (!handler) throw new Error(`No handler registered for '${channel}'`);
      // Electron copies arguments with the structured clone algorithm; so do we.
      return structuredClone(await handler({ senderFrame: frame }, ...args.map((a) => structuredClone(a))));
    },
    on: (channel, listener) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  };
  const send = (channel: string, payload: unknown) => listeners.get(channel)?.forEach((l) => l({}, structuredClone(payload)));
  return { ipcMain, ipcRenderer, send, handlers };
}

let t: TestHost;
const apis: Record<'ipc' | 'http', CoachApi> = {} as never;

beforeAll(async () => {
  t = await startTestHost();
  const ipc = fakeIpc({ url: RENDERER_URL, parent: null });
  registerIpcHandlers(ipc.ipcMain, t.host.dispatch, { isTrustedUrl: (url) => url === RENDERER_URL, logger: silentLogger });
  forwardEvents(t.host.events, ipc.send);
  apis.ipc = ipcCoachApi(buildCoachBridge(ipc.ipcRenderer));
  apis.http = httpCoachApi({ baseUrl: t.server.url, token: TEST_TOKEN });
});

afterAll(async () => {
  apis.http.close();
  await t.close();
});

// The same test body for both transports: nothing below knows which one carries the calls.
describe.each(['ipc', 'http'] as const)('one contract over %s', (transport) => {
  const width = transport === 'ipc' ? 420 : 640;

  it('carries a call and its typed output', async () => {
    const info = await apis[transport].call('app:info', {});
    expect(info).toMatchObject({ name: 'TITM AI Coach', version: '0.0.0-test', mode: 'web' });
  });

  it('writes through the service and reads it back', async () => {
    const stored = await apis[transport].call('settings:set', { key: 'ui.chatPanelWidth', value: width });
    expect(stored).toEqual({ key: 'ui.chatPanelWidth', value: width });
    expect(await apis[transport].call('settings:list', {})).toMatchObject({ 'ui.chatPanelWidth': width });
  });

  it('delivers contract events', async () => {
    const api = apis[transport];
    const received = new Promise<EventPayload<'settings:changed'>>((resolve) => {
      const off = api.on('settings:changed', (payload) => {
        if (payload.key === 'ui.activeTab') {
          off();
          resolve(payload);
        }
      });
    });
    await waitForConnection(api);
    await t.host.dispatch('settings:set', { key: 'ui.activeTab', value: `tab-${transport}` });
    expect(await received).toEqual({ key: 'ui.activeTab', value: `tab-${transport}` });
  });

  it('rejects bad input with the zod issues, and writes nothing', async () => {
    const before = await apis[transport].call('settings:list', {});
    const error = await apis[transport].call('settings:set', { key: 'ui.chatPanelWidth', value: 12 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoachError);
    expect(error).toMatchObject({ code: 'invalid_input' });
    expect((error as CoachError).issues).toEqual([expect.objectContaining({ path: ['value'], code: 'too_small' })]);
    expect((error as CoachError).requestId).toMatch(/\S/);
    expect(await apis[transport].call('settings:list', {})).toEqual(before);
  });
});

describe('IPC sender check', () => {
  it.each([
    ['a sub-frame', { url: RENDERER_URL, parent: {} }],
    ['a foreign page', { url: 'https://evil.example/index.html', parent: null }],
    ['a destroyed frame', null],
  ])('refuses calls from %s before touching the input', async (_label, frame) => {
    const ipc = fakeIpc(frame);
    registerIpcHandlers(ipc.ipcMain, t.host.dispatch, { isTrustedUrl: (url) => url === RENDERER_URL, logger: silentLogger });
    const api = ipcCoachApi(buildCoachBridge(ipc.ipcRenderer));
    await expect(api.call('settings:set', { key: 'ui.activeTab', value: 'x' })).rejects.toMatchObject({ code: 'forbidden' });
    expect((await t.host.dispatch('settings:list', {})).ok).toBe(true);
  });

  it('registers exactly one handler per contract call and removes them all', async () => {
    const ipc = fakeIpc({ url: RENDERER_URL, parent: null });
    const remove = registerIpcHandlers(ipc.ipcMain, t.host.dispatch, { isTrustedUrl: () => true, logger: silentLogger });
    const { CALL_NAMES } = await import('../../shared/contract');
    expect([...ipc.handlers.keys()].sort()).toEqual([...CALL_NAMES].sort());
    remove();
    expect(ipc.handlers.size).toBe(0);
  });
});

async function waitForConnection(api: CoachApi): Promise<void> {
  await new Promise<void>((resolve) => {
    const off = api.onConnection((state) => {
      if (state === 'connected') {
        queueMicrotask(() => off());
        resolve();
      }
    });
  });
}
