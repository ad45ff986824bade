import type { IncomingMessage, ServerResponse } from 'node:http';
import { ERROR_STATUS, type ApiErrorBody } from '../../shared/errors';

export const MAX_BODY_BYTES = 1024 * 1024;

/** Headers every response carries: no sniffing, no referrer, no framing, no caching of API data. */
export const BASE_HEADERS = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-frame-options': 'DENY',
  'cross-origin-resource-policy': 'same-origin',
} as const;

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    ...BASE_HEADERS,
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
    'cache-control': 'no-store',
    ...headers,
  });
  res.end(text);
}

/** `{error: {code, message, issues?, requestId}}` with the status of the code; never a stack. */
export function sendError(res: ServerResponse, error: ApiErrorBody, headers: Record<string, string> = {}): void {
  sendJson(res, ERROR_STATUS[error.code], { error }, headers);
}

export class BodyError extends Error {
  constructor(
    readonly code: 'invalid_input' | 'payload_too_large',
    message: string,
  ) {
    super(message);
  }
}

/** Reads the body as bytes, refusing more than `limit` of them. */
export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new BodyError('payload_too_large', `Request body is larger than ${limit} bytes`);
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/** Reads a JSON body (empty body = `{}`), refusing more than `limit` bytes. */
export async function readJsonBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  const type = req.headers['content-type'];
  if (type && !/^application\/json\b/i.test(type)) throw new BodyError('invalid_input', 'Content-Type must be application/json');
  const text = (await readBody(req, limit)).toString('utf8').trim();
  if (!text) return {};
  try {
    return JSON.parse(text);
  } catch {
    throw new BodyError('invalid_input', 'Request body is not valid JSON');
  }
}
