import http from 'node:http';
import type { AddressInfo } from 'node:net';

/** One piece of an answer: a content delta, or a fragment of a tool call (OpenAI's `delta.tool_calls[]` item). */
export type FakeDelta =
  | { content: string }
  | { toolCall: { index: number; id?: string; name?: string; arguments?: string } };

/**
 * One scripted answer to `POST /v1/chat/completions`:
 * - a stream of deltas, each sent as its own SSE chunk, then a chunk with `finish_reason`
 *   ('tool_calls' when a tool call was streamed, else 'stop') and `data: [DONE]`;
 *   `dropAfter: n` destroys the socket after n deltas (a dropped connection, no finish, no [DONE]);
 *   `endAfter: n` ends the response cleanly after n deltas, without a finish chunk or [DONE] (a cut body);
 *   `stallAfter: n` stops sending after n deltas and keeps the connection open (timeouts, abort);
 *   `delayMs` waits between deltas;
 * - or an HTTP error status with OpenAI's error body.
 */
export type FakeCompletion =
  | { deltas: FakeDelta[]; dropAfter?: number; endAfter?: number; stallAfter?: number; delayMs?: number }
  | { status: number; message?: string };

export interface FakeOpenAiRequest {
  method: string;
  url: string;
  authorization: string | undefined;
  /** The JSON body the client sent (messages, tools, model, stream). */
  body: Record<string, unknown>;
  /** True once the client closed the connection before the answer was complete. */
  closedByClient: boolean;
  /** Resolves when the connection is closed, by either side. */
  closed: Promise<void>;
}

export interface FakeOpenAi {
  /** The base URL for the SDK (`.../v1`). */
  baseURL: string;
  requests: FakeOpenAiRequest[];
  /** Answers used in order, one per request. */
  queue: FakeCompletion[];
  /** Answers a request when the queue is empty (benchmarks); none → HTTP 500 saying the script ran out. */
  otherwise?: (request: FakeOpenAiRequest) => FakeCompletion;
  close(): Promise<void>;
}

/** A content answer streamed as the given pieces. */
export function textAnswer(...pieces: string[]): FakeCompletion {
  return { deltas: pieces.map((content) => ({ content })) };
}

/** A tool call as OpenAI streams it: id, name and empty arguments first, then the arguments in fragments. */
export function toolCallDeltas(index: number, id: string, name: string, fragments: string[]): FakeDelta[] {
  return [{ toolCall: { index, id, name, arguments: '' } }, ...fragments.map((fragment) => ({ toolCall: { index, arguments: fragment } }))];
}

/**
 * A local HTTP server that speaks OpenAI's streaming `chat.completions` (SSE lines of
 * `chat.completion.chunk` objects, then `data: [DONE]`), scripted per test, for the real `openai`
 * SDK pointed at it through `baseURL` (no network).
 */
export async function startFakeOpenAi(queue: FakeCompletion[] = []): Promise<FakeOpenAi> {
  const requests: FakeOpenAiRequest[] = [];
  const open = new Set<http.ServerResponse>();
  let completions = 0;
  const server = http.createServer((req, res) => {
    let raw = '';
    req.setEncoding('utf8');
    req.on('data', (part: string) => (raw += part));
    req.on('end', () => {
      let closedResolve!: () => void;
      const request: FakeOpenAiRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        authorization: req.headers.authorization,
        body: parseBody(raw),
        closedByClient: false,
        closed: new Promise<void>((resolve) => (closedResolve = resolve)),
      };
      requests.push(request);
      open.add(res);
      res.on('close', () => {
        open.delete(res);
        if (!res.writableFinished && !droppedByServer.has(res)) request.closedByClient = true;
        closedResolve();
      });
      if (request.method !== 'POST' || request.url !== '/v1/chat/completions') {
        sendError(res, 404, `Unknown path ${request.method} ${request.url}`);
        return;
      }
      const completion = fake.queue.shift() ?? fake.otherwise?.(request) ?? { status: 500, message: 'fake OpenAI server: no scripted answer left' };
      completions += 1;
      if ('status' in completion) sendError(res, completion.status, completion.message ?? `HTTP ${completion.status}`);
      else void stream(res, completion, `chatcmpl-fake-${completions}`, String(request.body.model ?? 'fake-model'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const fake: FakeOpenAi = {
    baseURL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`,
    requests,
    queue,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of open) res.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  return fake;
}

/** Responses the script cut on purpose (`dropAfter`), so their close is not the client's. */
const droppedByServer = new WeakSet<http.ServerResponse>();

function parseBody(raw: string): Record<string, unknown> {
  try {
    return JSON.parse(raw) as Record<string, unknown>;
  } catch {
    return { unparsable: raw };
  }
}

function sendError(res: http.ServerResponse, status: number, message: string): void {
  res.writeHead(status, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: { message, type: status >= 500 ? 'server_error' : 'invalid_request_error', param: null, code: null } }));
}

async function stream(res: http.ServerResponse, completion: Extract<FakeCompletion, { deltas: unknown }>, id: string, model: string): Promise<void> {
  res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
  const created = Math.floor(Date.now() / 1000);
  const send = (delta: Record<string, unknown>, finishReason: string | null) =>
    res.write(`data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created, model, system_fingerprint: null, choices: [{ index: 0, delta, logprobs: null, finish_reason: finishReason }] })}\n\n`);
  send({ role: 'assistant', content: '' }, null);
  const stopAt = completion.dropAfter ?? completion.endAfter ?? completion.stallAfter;
  let toolCalls = false;
  for (const delta of completion.deltas.slice(0, stopAt)) {
    if (completion.delayMs) await new Promise((resolve) => setTimeout(resolve, completion.delayMs));
    if (res.destroyed) return;
    if ('content' in delta) send({ content: delta.content }, null);
    else {
      toolCalls = true;
      const { index, id: callId, name, arguments: args } = delta.toolCall;
      const fn = { ...(name !== undefined ? { name } : {}), ...(args !== undefined ? { arguments: args } : {}) };
      send({ tool_calls: [{ index, ...(callId ? { id: callId, type: 'function' } : {}), function: fn }] }, null);
    }
  }
  if (completion.dropAfter !== undefined) {
    droppedByServer.add(res);
    // Let what was written reach the client first: the cut comes after those chunks, mid-body.
    await new Promise<void>((resolve) => res.write('', () => resolve()));
    res.destroy();
    return;
  }
  if (completion.endAfter !== undefined) {
    res.end();
    return;
  }
  if (completion.stallAfter !== undefined) return;
  send({}, toolCalls ? 'tool_calls' : 'stop');
  res.end('data: [DONE]\n\n');
}
