import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { buildCoachBridge, type IpcRendererLike } from '../../preload/bridge';
import { httpCoachApi, ipcCoachApi, type CoachApi } from '../../shared/client';
import { STREAM_EVENT_CHANNEL, STREAM_NAMES, type StreamEventMessage } from '../../shared/contract';
import { CoachError } from '../../shared/errors';
import type { ChatMessage, ChatStreamEvent, ChatTurnResult } from '../../shared/schemas/chat';
import { registerIpcHandlers, registerIpcStreams, type IpcInvokeEventLike, type IpcMainLike, type IpcSenderLike } from '../contract/ipc';
import { silentLogger } from '../observability/logger';
import { startApiServer, type ApiServerOptions } from '../server';
import { startTestHost, TEST_TOKEN, type TestHost } from '../testing/test-host';
import { followChatSse, gate, ScriptedProvider, type ScriptStep } from './testing';
import { ChatProviderError, defineFunction } from './types';

const RENDERER_URL = 'file:///opt/titm/resources/app.asar/out/renderer/index.html';

/** A window's webContents: receives its stream events, and can be destroyed (the window closed). */
class FakeSender implements IpcSenderLike {
  readonly received: StreamEventMessage[] = [];
  private destroyed = false;
  private readonly onDestroyed = new Set<() => void>();
  constructor(private readonly deliver: (message: StreamEventMessage) => void = () => {}) {}
  send(channel: string, message: StreamEventMessage) {
    expect(channel).toBe(STREAM_EVENT_CHANNEL);
    const copy = structuredClone(message);
    this.received.push(copy);
    this.deliver(copy);
  }
  isDestroyed() {
    return this.destroyed;
  }
  once(_event: 'destroyed', listener: () => void) {
    this.onDestroyed.add(listener);
  }
  removeListener(_event: 'destroyed', listener: () => void) {
    this.onDestroyed.delete(listener);
  }
  destroy() {
    this.destroyed = true;
    for (const listener of this.onDestroyed) listener();
  }
  get listeners() {
    return this.onDestroyed.size;
  }
}

/** Electron's IPC pair for one window (see electron/contract/transports.test.ts), with stream events sent to that window only. */
function fakeWindow(frame: IpcInvokeEventLike['senderFrame'] = { url: RENDERER_URL, parent: null }) {
  const handlers = new Map<string, (event: IpcInvokeEventLike, ...args: unknown[]) => Promise<unknown>>();
  const listeners = new Map<string, Set<(event: unknown, ...args: unknown[]) => void>>();
  const sender = new FakeSender((message) => listeners.get(STREAM_EVENT_CHANNEL)?.forEach((l) => l({}, message)));
  const ipcMain: IpcMainLike = {
    handle: (channel, listener) => handlers.set(channel, listener),
    removeHandler: (channel) => handlers.delete(channel),
  };
  const ipcRenderer: IpcRendererLike = {
    invoke: async (channel, ...args) => structuredClone(await handlers.get(channel)!({ senderFrame: frame, sender }, ...args.map((a) => structuredClone(a)))),
    on: (channel, listener) => listeners.set(channel, (listeners.get(channel) ?? new Set()).add(listener)),
    removeListener: (channel, listener) => listeners.get(channel)?.delete(listener),
  };
  return { ipcMain, ipcRenderer, sender, handlers };
}

const getPrice = defineFunction({
  name: 'get_current_price',
  description: 'Last price.',
  label: 'Getting the price…',
  parameters: z.object({ symbol: z.string() }).strict(),
  run: async ({ symbol }) => ({ result: { symbol, last: 601.25 } }),
});

const provider = new ScriptedProvider([]);
const ANSWER: ScriptStep[] = [{ token: 'SPY is ' }, { call: 'get_current_price', args: '{"symbol":"SPY"}' }, { token: '601.25' }, { token: '.' }];

let t: TestHost;
let ipcWindow: ReturnType<typeof fakeWindow>;
const apis: Record<'ipc' | 'http', CoachApi> = {} as never;

beforeAll(async () => {
  t = await startTestHost({ chat: { provider, functions: [getPrice] } });
  ipcWindow = fakeWindow();
  registerIpcHandlers(ipcWindow.ipcMain, t.host.dispatch, { isTrustedUrl: (url) => url === RENDERER_URL, logger: silentLogger });
  registerIpcStreams(ipcWindow.ipcMain, t.host.streams, t.host.streamRegistry, { isTrustedUrl: (url) => url === RENDERER_URL, logger: silentLogger });
  apis.ipc = ipcCoachApi(buildCoachBridge(ipcWindow.ipcRenderer));
  apis.http = httpCoachApi({ baseUrl: t.server.url, token: TEST_TOKEN });
});
afterAll(async () => {
  apis.http.close();
  await t.close();
});
beforeEach(() => {
  provider.script = ANSWER;
});

/** A message as stored, without what differs between two runs of the same answer. */
const comparable = ({ id: _id, sessionId: _s, createdAt: _c, ...rest }: ChatMessage) => ({
  ...rest,
  functionCalls: rest.functionCalls.map(({ id: _i, ms: _ms, ...call }) => call),
});

async function storedMessages(sessionId: string): Promise<ChatMessage[]> {
  return (await apis.http.call('chat:session', { id: sessionId })).messages;
}

async function eventually<T>(probe: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = await probe();
    if (ok(value)) return value;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('gave up waiting');
}

describe.each(['ipc', 'http'] as const)('chat:send over %s', (transport) => {
  it('delivers the events in order and resolves with the message_complete payload, as persisted', async () => {
    const events: ChatStreamEvent[] = [];
    const result = await apis[transport].stream('chat:send', { message: `price of spy (${transport})` }, { onEvent: (e) => events.push(e) });
    expect(events.map((e) => e.type)).toEqual(['stream_start', 'token', 'function_call_start', 'function_call_result', 'token', 'token', 'message_complete', 'stream_end']);
    expect(events.filter((e) => e.type === 'token').map((e) => e.content)).toEqual(['SPY is ', '601.25', '.']);
    const { type: _type, ...complete } = events[6] as Extract<ChatStreamEvent, { type: 'message_complete' }>;
    expect(result).toEqual(complete);
    expect(result.message).toMatchObject({ content: 'SPY is 601.25.', status: 'complete', provider: 'offline' });
    expect(await storedMessages(result.sessionId)).toEqual([result.userMessage, result.message]);
  });

  it('rejects bad input with invalid_input before any event', async () => {
    const events: ChatStreamEvent[] = [];
    const error = await apis[transport].stream('chat:send', { message: ' ' }, { onEvent: (e) => events.push(e) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CoachError);
    expect(error).toMatchObject({ code: 'invalid_input', message: 'Invalid input for chat:send: message: Message cannot be empty' });
    expect(events).toEqual([]);
  });

  it('rejects with the error event of a failing provider, after error and stream_end', async () => {
    provider.script = [{ token: 'Hm' }, { fail: new ChatProviderError('provider_error', 'Upstream answered 500') }];
    const events: ChatStreamEvent[] = [];
    const error = await apis[transport].stream('chat:send', { message: 'fails' }, { onEvent: (e) => events.push(e) }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'provider_error', message: 'Upstream answered 500', requestId: expect.any(String) });
    expect(events.slice(-2).map((e) => e.type)).toEqual(['error', 'stream_end']);
    const sessions = await apis.http.call('chat:sessions', { query: 'fails' });
    expect(sessions.sessions).toEqual([]);
  });

  it('stops on abort: rejects with aborted and keeps the partial answer as stopped', async () => {
    const held = gate();
    const tokenArrived = gate();
    provider.script = [{ token: 'Partial ' }, { wait: held.promise }, { token: 'never' }];
    const stop = new AbortController();
    let sessionId = '';
    const sending = apis[transport].stream('chat:send', { message: `stop me ${transport}` }, {
      signal: stop.signal,
      onEvent: (e) => {
        if (e.type === 'stream_start') sessionId = e.sessionId;
        if (e.type === 'token') tokenArrived.open();
      },
    });
    await tokenArrived.promise;
    stop.abort();
    await expect(sending).rejects.toMatchObject({ code: 'aborted' });
    const messages = await eventually(() => storedMessages(sessionId).catch(() => []), (m) => m.length === 2);
    expect(messages[1]).toMatchObject({ role: 'assistant', content: 'Partial ', status: 'stopped' });
    held.open();
  });
});

/** Another local API on the test host's services, for settings the shared server does not have. */
const secondServer = (options: Partial<ApiServerOptions>) =>
  startApiServer({
    host: '127.0.0.1',
    port: 0,
    token: TEST_TOKEN,
    dispatch: t.host.dispatch,
    streams: t.host.streams,
    events: t.host.events,
    health: t.host.health,
    logger: silentLogger,
    rateLimit: { perSecond: 100, burst: 100 },
    ...options,
  });

describe('chat:send over HTTP', () => {
  const post = (path: string, body: unknown, accept?: string) =>
    t.request(path, { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json', ...(accept ? { accept } : {}) } });

  it('streams SSE from POST /api/chat/message with the SSE headers, one event per type', async () => {
    const res = await post('/api/chat/message', { message: 'sse' }, 'text/event-stream');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('no-cache');
    expect(res.headers.get('connection')).toBe('keep-alive');
    const text = await res.text();
    expect(text.startsWith('event: stream_start\ndata: {"type":"stream_start","sessionId":"')).toBe(true);
    expect([...text.matchAll(/^event: (\w+)$/gm)].map((m) => m[1])).toEqual([
      'stream_start', 'token', 'function_call_start', 'function_call_result', 'token', 'token', 'message_complete', 'stream_end',
    ]);
  });

  it('answers JSON (the default) with the same final message and the same rows as the stream', async () => {
    const json = await post('/api/chat/message', { message: 'same answer' });
    expect(json.status).toBe(200);
    expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
    const blocking = (await json.json()) as ChatTurnResult;
    const streamed = await apis.http.stream('chat:send', { message: 'same answer' }, { onEvent: () => {} });
    expect(comparable(blocking.message)).toEqual(comparable(streamed.message));
    expect(comparable(blocking.message)).toMatchObject({ content: 'SPY is 601.25.', status: 'complete' });
    const rows = async (id: string) => (await storedMessages(id)).map(comparable);
    expect(await rows(blocking.sessionId)).toEqual(await rows(streamed.sessionId));
    expect(await rows(blocking.sessionId)).toHaveLength(2);
  });

  it('refuses bad input with a plain 400 even when SSE is asked for; errors of the JSON path carry their status', async () => {
    const bad = await post('/api/chat/message', { message: '' }, 'text/event-stream');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_input');
    expect((await post('/api/chat/message', { sessionId: 'nope', message: 'x' }, 'text/event-stream')).status).toBe(404);
    provider.script = [{ fail: new ChatProviderError('timeout', 'The model stayed silent for 60 s') }];
    const failed = await post('/api/chat/message', { message: 'slow' });
    expect(failed.status).toBe(504);
    expect(await failed.json()).toMatchObject({ error: { code: 'timeout', message: 'The model stayed silent for 60 s' } });
    expect((await t.request('/api/chat/message')).status).toBe(405);
    expect((await post('/api/stream/chat:nope', {})).status).toBe(404);
  });

  it('stops the turn when the client disconnects, keeping the partial answer', async () => {
    const held = gate();
    provider.script = [{ token: 'Half ' }, { wait: held.promise }, { token: 'never' }];
    const disconnect = new AbortController();
    const res = await t.request('/api/stream/chat:send', {
      method: 'POST',
      body: JSON.stringify({ message: 'disconnect me' }),
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      signal: disconnect.signal,
    });
    const { reading, firstToken } = followChatSse(res.body!);
    const sessionId = await firstToken;
    disconnect.abort();
    await reading;
    const messages = await eventually(() => storedMessages(sessionId).catch(() => []), (m) => m.length === 2);
    expect(messages.map((m) => [m.role, m.content, m.status])).toEqual([
      ['user', 'disconnect me', 'complete'],
      ['assistant', 'Half ', 'stopped'],
    ]);
    held.open();
  });

  it('sends a heartbeat comment while the answer is quiet', async () => {
    const server = await secondServer({ streamHeartbeatMs: 20 });
    const held = gate();
    provider.script = [{ token: 'a' }, { wait: held.promise }, { token: 'b' }];
    try {
      const res = await fetch(`${server.url}/api/chat/message`, {
        method: 'POST',
        body: JSON.stringify({ message: 'quiet' }),
        headers: { authorization: `Bearer ${TEST_TOKEN}`, 'content-type': 'application/json', accept: 'text/event-stream' },
      });
      const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
      let text = '';
      while (!text.includes(': heartbeat\n\n')) text += (await reader.read()).value ?? '';
      held.open();
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        text += value;
      }
      expect(text.indexOf(': heartbeat')).toBeGreaterThan(text.indexOf('event: token'));
      expect(text.trimEnd().endsWith('event: stream_end\ndata: {"type":"stream_end"}')).toBe(true);
    } finally {
      await server.close();
    }
  });
});

describe('chat:send over IPC', () => {
  it('sends the events to the calling window only, tagged with its stream id', async () => {
    const other = fakeWindow();
    registerIpcStreams(other.ipcMain, t.host.streams, t.host.streamRegistry, { isTrustedUrl: () => true, logger: silentLogger });
    const before = ipcWindow.sender.received.length;
    await apis.ipc.stream('chat:send', { message: 'mine' }, { onEvent: () => {} });
    const mine = ipcWindow.sender.received.slice(before);
    expect(mine).toHaveLength(8);
    expect(new Set(mine.map((m) => m.streamId)).size).toBe(1);
    expect(other.sender.received).toEqual([]);
    expect(ipcWindow.sender.listeners).toBe(0);
    expect(t.host.streamRegistry.size).toBe(0);
  });

  it('stops the streams of a window that closes', async () => {
    const win = fakeWindow();
    registerIpcStreams(win.ipcMain, t.host.streams, t.host.streamRegistry, { isTrustedUrl: () => true, logger: silentLogger });
    const held = gate();
    const reached = gate();
    provider.script = [{ token: 'Before close ' }, { wait: held.promise, reached: reached.open }];
    const result = win.ipcRenderer.invoke('chat:send', { streamId: 'win-1', input: { message: 'close the window' } });
    await reached.promise;
    win.sender.destroy();
    expect(await result).toMatchObject({ ok: false, error: { code: 'aborted' } });
    const start = win.sender.received[0]!.event as Extract<ChatStreamEvent, { type: 'stream_start' }>;
    expect((await storedMessages(start.sessionId))[1]).toMatchObject({ content: 'Before close ', status: 'stopped' });
    held.open();
  });

  it('refuses untrusted senders, malformed requests and a stream id already running', async () => {
    const foreign = fakeWindow({ url: 'https://evil.example/', parent: null });
    registerIpcStreams(foreign.ipcMain, t.host.streams, t.host.streamRegistry, { isTrustedUrl: (url) => url === RENDERER_URL, logger: silentLogger });
    expect(await foreign.ipcRenderer.invoke('chat:send', { streamId: 's', input: { message: 'hi' } })).toMatchObject({ ok: false, error: { code: 'forbidden' } });
    expect(await ipcWindow.ipcRenderer.invoke('chat:send', { message: 'hi' })).toMatchObject({ ok: false, error: { code: 'invalid_input' } });

    const held = gate();
    const reached = gate();
    provider.script = [{ wait: held.promise, reached: reached.open }];
    const first = ipcWindow.ipcRenderer.invoke('chat:send', { streamId: 'dup', input: { message: 'one' } });
    await reached.promise;
    expect(await ipcWindow.ipcRenderer.invoke('chat:send', { streamId: 'dup', input: { message: 'two' } })).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', message: 'Stream dup is already running' },
    });
    held.open();
    expect(await first).toMatchObject({ ok: true });
  });

  it('registers one handler per stream of the contract and removes them', () => {
    const win = fakeWindow();
    const remove = registerIpcStreams(win.ipcMain, t.host.streams, t.host.streamRegistry, { isTrustedUrl: () => true, logger: silentLogger });
    expect([...win.handlers.keys()]).toEqual(STREAM_NAMES);
    remove();
    expect(win.handlers.size).toBe(0);
  });
});
