import type { IncomingMessage, ServerResponse } from 'node:http';
import { isStreamName, STREAM_RESULT_FRAME, streamEventsCarryOutcome, streams, type StreamName } from '../../shared/contract';
import type { ApiErrorBody } from '../../shared/errors';
import type { StreamDispatch } from '../contract/stream-dispatcher';
import type { Logger } from '../observability/logger';
import { BodyError, MAX_BODY_BYTES, readJsonBody, sendJson } from './http';
import { compileRestRoutes, matchRestRoute, type RestMatch } from './rest';
import { openEventStream, sseFrame } from './sse';

/** A comment line this often keeps proxies and idle timers from closing a quiet answer. */
export const STREAM_HEARTBEAT_MS = 15_000;

const STREAM_PATH = /^\/api\/stream\/([\w:-]+)$/;

/** `POST /api/stream/<name>` and the REST addresses of the contract's streams (`POST /api/chat/message`). */
export function streamRouter(): (method: string, path: string) => RestMatch<StreamName> | undefined {
  const restRoutes = compileRestRoutes<StreamName>(streams);
  return (method, path) => {
    const generic = STREAM_PATH.exec(path);
    if (generic) {
      if (!isStreamName(generic[1]!)) return undefined;
      return method === 'POST' ? { call: generic[1], params: {} } : { allow: ['POST'] };
    }
    return matchRestRoute(restRoutes, method, path);
  };
}

export interface StreamRequest {
  name: StreamName;
  streams: StreamDispatch;
  requestId: string;
  log: Logger;
  fail(error: Omit<ApiErrorBody, 'requestId'>): void;
  /** Sets the HTTP heartbeat (tests shorten it). */
  heartbeatMs?: number;
}

/**
 * Runs a streaming call over HTTP. With `Accept: text/event-stream` the events go out as SSE as
 * they happen (`event: <type>`, `data: <json>`); otherwise the output is one JSON response. Either
 * way the same handler runs, so the same is persisted. Input the stream refuses gets a plain error
 * response (no stream starts), and the client going away stops the call like a cancel.
 */
export async function serveStream(req: IncomingMessage, res: ServerResponse, request: StreamRequest): Promise<void> {
  const maxBody = streams[request.name].maxBody;
  let input: unknown;
  try {
    input = await readJsonBody(req, maxBody?.bytes ?? MAX_BODY_BYTES);
  } catch (error) {
    if (!(error instanceof BodyError)) throw error;
    return request.fail({ code: error.code, message: error.code === 'payload_too_large' && maxBody ? maxBody.message : error.message });
  }
  if (!input || typeof input !== 'object' || Array.isArray(input)) return request.fail({ code: 'invalid_input', message: 'Request body must be a JSON object' });

  const controller = new AbortController();
  // 'close' before the response finished: the client dropped the connection (or stopped the fetch).
  res.on('close', () => {
    if (!res.writableFinished) controller.abort();
  });
  const sse = /\btext\/event-stream\b/i.test(req.headers.accept ?? '');
  let heartbeat: NodeJS.Timeout | undefined;
  const open = () => {
    openEventStream(res);
    heartbeat = setInterval(() => res.write(': heartbeat\n\n'), request.heartbeatMs ?? STREAM_HEARTBEAT_MS);
  };
  const emit = (event: unknown) => {
    if (!sse || res.destroyed) return;
    if (!res.headersSent) open();
    const type = (event as { type?: unknown }).type;
    res.write(sseFrame(typeof type === 'string' ? type : 'message', event));
  };

  const result = await request.streams(request.name, input, { requestId: request.requestId, log: request.log, transport: 'http', signal: controller.signal, emit });
  clearInterval(heartbeat);
  if (res.headersSent) {
    // The chat's events said how it ended (message_complete or error, then stream_end); any other
    // stream's outcome (a screenshot's positions, or why it could not be read) is its last frame.
    if (!streamEventsCarryOutcome(request.name) && !res.destroyed) {
      res.write(sseFrame(STREAM_RESULT_FRAME, result.ok ? { ok: true, value: result.value } : { ok: false, error: result.error }));
    }
    res.end();
    return;
  }
  if (result.ok) return sendJson(res, 200, result.value ?? null);
  request.fail(result.error);
}
