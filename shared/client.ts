import type { CallInput, CallName, CallOutput, EventName, EventPayload, StreamEvent, StreamEventMessage, StreamInput, StreamName, StreamOutput } from './contract';
import { isEventName, STREAM_RESULT_FRAME } from './contract';
import { CoachError, isErrorCode, type ApiErrorBody, type CallResult } from './errors';

/** What the preload exposes as `window.coach`: one function per contract call, events, and the streaming calls. */
export type CoachBridge = {
  call: { [K in CallName]: (input: CallInput<K>) => Promise<CallResult<CallOutput<K>>> };
  on(event: EventName, listener: (payload: unknown) => void): () => void;
  /** Starts a streaming call under the caller's id; resolves with its output once it ends. */
  stream<K extends StreamName>(name: K, streamId: string, input: StreamInput<K>): Promise<CallResult<StreamOutput<K>>>;
  /** Every stream event of this window, tagged with its stream id. */
  onStreamEvent(listener: (message: StreamEventMessage) => void): () => void;
};

export interface StreamOptions<K extends StreamName> {
  /** Each event as it arrives, in order (DESIGN.md's chat protocol for `chat:send`). */
  onEvent(event: StreamEvent<K>): void;
  /** Aborting stops the stream (the partial answer is kept) and rejects with code `aborted`. */
  signal?: AbortSignal;
}

export type ConnectionState = 'connecting' | 'connected' | 'disconnected';

/** The renderer's one way to talk to the main process, whichever transport carries it. */
export interface CoachApi {
  readonly transport: 'ipc' | 'http';
  /** Resolves with the output, or rejects with a `CoachError` (code, message, issues, requestId). */
  call<K extends CallName>(name: K, input: CallInput<K>): Promise<CallOutput<K>>;
  on<K extends EventName>(name: K, listener: (payload: EventPayload<K>) => void): () => void;
  /**
   * A streaming call: events go to `onEvent` as they come; resolves with the output (for
   * `chat:send`, the message_complete payload) or rejects with a `CoachError` carrying the `error`
   * event's code (`aborted` when stopped through `signal`).
   */
  stream<K extends StreamName>(name: K, input: StreamInput<K>, options: StreamOptions<K>): Promise<StreamOutput<K>>;
  onConnection(listener: (state: ConnectionState) => void): () => void;
  close(): void;
}

function unwrap<T>(result: CallResult<T>): T {
  if (result.ok) return result.value;
  throw CoachError.fromBody(result.error);
}

/** Desktop: calls go through the preload bridge (IPC). */
export function ipcCoachApi(bridge: CoachBridge): CoachApi {
  return {
    transport: 'ipc',
    async call(name, input) {
      const invoke = bridge.call[name] as (input: unknown) => Promise<CallResult<CallOutput<typeof name>>>;
      return unwrap(await invoke(input));
    },
    on(name, listener) {
      return bridge.on(name, listener as (payload: unknown) => void);
    },
    async stream(name, input, { onEvent, signal }) {
      if (signal?.aborted) throw stopped();
      const streamId = globalThis.crypto.randomUUID();
      const off = bridge.onStreamEvent((message) => {
        if (message.streamId === streamId) onEvent(message.event as StreamEvent<typeof name>);
      });
      // The main process registers the stream before it reads any later message, so this cancel finds it.
      const cancel = () => void bridge.call['chat:cancel']({ streamId });
      signal?.addEventListener('abort', cancel, { once: true });
      try {
        return unwrap(await bridge.stream(name, streamId, input));
      } finally {
        signal?.removeEventListener('abort', cancel);
        off();
      }
    },
    onConnection(listener) {
      listener('connected');
      return () => {};
    },
    close() {},
  };
}

export interface HttpApiOptions {
  baseUrl: string;
  token: string;
  fetch?: typeof fetch;
  /** First reconnect delay of the event stream; doubles up to 30 s. */
  reconnectMs?: number;
}

type AnyListener = (payload: unknown) => void;

/** Web mode: calls are `POST /api/rpc/<name>`, events come over SSE from `GET /api/events`. */
export function httpCoachApi(options: HttpApiOptions): CoachApi {
  // Looked up at each call, not bound once: error monitoring wraps fetch after the API is made, and
  // the page's calls should be its breadcrumbs.
  const doFetch: typeof fetch = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const headers = { authorization: `Bearer ${options.token}` };
  const listeners = new Map<EventName, Set<AnyListener>>();
  const connectionListeners = new Set<(state: ConnectionState) => void>();
  let state: ConnectionState = 'disconnected';
  let stream: AbortController | undefined;
  let closed = false;

  const setState = (next: ConnectionState) => {
    if (next === state) return;
    state = next;
    for (const l of connectionListeners) l(state);
  };

  const dispatchEvent = (name: string, data: string) => {
    if (!isEventName(name)) return;
    const payload: unknown = JSON.parse(data);
    for (const l of listeners.get(name) ?? []) l(payload);
  };

  async function runStream(): Promise<void> {
    let delay = options.reconnectMs ?? 1000;
    while (!closed) {
      stream = new AbortController();
      setState('connecting');
      try {
        const res = await doFetch(`${options.baseUrl}/api/events`, { headers, signal: stream.signal });
        if (!res.ok || !res.body) throw new Error(`event stream refused: ${res.status}`);
        setState('connected');
        delay = options.reconnectMs ?? 1000;
        await readSse(res.body, dispatchEvent);
      } catch {
        if (closed) break;
      }
      setState('disconnected');
      if (closed) break;
      await new Promise((resolve) => setTimeout(resolve, delay));
      delay = Math.min(delay * 2, 30_000);
    }
  }

  const ensureStream = () => {
    if (!stream && !closed) void runStream();
  };

  return {
    transport: 'http',
    async call(name, input) {
      let res: Response;
      try {
        res = await doFetch(`${options.baseUrl}/api/rpc/${name}`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify(input ?? {}),
        });
      } catch (error) {
        throw new CoachError('unavailable', `The app's local service cannot be reached: ${(error as Error).message}`);
      }
      if (res.ok) return (await res.json()) as CallOutput<typeof name>;
      throw await errorOf(res, name);
    },
    async stream(name, input, { onEvent, signal }) {
      let res: Response;
      try {
        res = await doFetch(`${options.baseUrl}/api/stream/${name}`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json', accept: 'text/event-stream' },
          body: JSON.stringify(input ?? {}),
          signal,
        });
      } catch (error) {
        if (signal?.aborted) throw stopped();
        throw new CoachError('unavailable', `The app's local service cannot be reached: ${(error as Error).message}`);
      }
      if (!res.ok || !res.body || !/text\/event-stream/.test(res.headers.get('content-type') ?? '')) throw await errorOf(res, name);
      let output: StreamOutput<typeof name> | undefined;
      let failure: CoachError | undefined;
      try {
        await readSse(res.body, (frame, data) => {
          if (frame === STREAM_RESULT_FRAME) {
            // The outcome of a stream whose events do not carry it (see STREAM_RESULT_FRAME).
            const outcome = JSON.parse(data) as { ok: true; value: StreamOutput<typeof name> } | { ok: false; error: ApiErrorBody };
            if (outcome.ok) output = outcome.value;
            else failure ??= CoachError.fromBody(outcome.error);
            return;
          }
          const event = JSON.parse(data) as StreamEvent<typeof name>;
          onEvent(event);
          if (event.type === 'message_complete') {
            const { type: _complete, ...rest } = event;
            output = rest as StreamOutput<typeof name>;
          } else if (event.type === 'error') {
            failure = new CoachError(isErrorCode(event.code) ? event.code : 'internal', event.message, { requestId: event.requestId });
          }
        });
      } catch (error) {
        if (signal?.aborted) throw stopped();
        throw new CoachError('unavailable', `The answer stream broke off: ${(error as Error).message}`);
      }
      if (failure) throw failure;
      if (output) return output;
      throw new CoachError('unavailable', `The answer stream of ${name} ended without its result`);
    },
    on(name, listener) {
      const set = listeners.get(name) ?? new Set();
      set.add(listener as AnyListener);
      listeners.set(name, set);
      ensureStream();
      return () => set.delete(listener as AnyListener);
    },
    onConnection(listener) {
      connectionListeners.add(listener);
      listener(state);
      ensureStream();
      return () => connectionListeners.delete(listener);
    },
    close() {
      closed = true;
      stream?.abort();
      setState('disconnected');
    },
  };
}

/** The CoachError of a refused request (the usual `{error}` body), or a generic one for anything else. */
async function errorOf(res: Response, name: string): Promise<CoachError> {
  const body: unknown = await res.json().catch(() => undefined);
  const error = (body as { error?: unknown } | undefined)?.error;
  if (error && typeof error === 'object' && 'code' in error) return CoachError.fromBody(error as never);
  return new CoachError('internal', `Unexpected response ${res.status} from ${name}`);
}

/** The rejection of a stream the caller stopped (the partial answer is kept by the main process). */
const stopped = () => new CoachError('aborted', 'Stopped; the partial answer is kept');

/** Parses a `text/event-stream` body, calling `onEvent(name, data)` for each complete event. */
export async function readSse(body: ReadableStream<Uint8Array>, onEvent: (name: string, data: string) => void): Promise<void> {
  const reader = body.pipeThrough(new TextDecoderStream() as ReadableWritablePair<string, Uint8Array>).getReader();
  let buffer = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += value;
    let end: number;
    while ((end = buffer.indexOf('\n\n')) >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      let name = 'message';
      const data: string[] = [];
      for (const line of block.split('\n')) {
        if (line.startsWith('event:')) name = line.slice(6).trim();
        else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
      }
      if (data.length) onEvent(name, data.join('\n'));
    }
  }
}
