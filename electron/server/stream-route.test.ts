import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { httpCoachApi } from '../../shared/client';
import type { StreamName } from '../../shared/contract';
import type { ScreenshotExtraction } from '../../shared/schemas/screenshot';
import type { StreamDispatch } from '../contract/stream-dispatcher';
import { silentLogger } from '../observability/logger';
import { sendError } from './http';
import { serveStream } from './stream-route';

const extraction: ScreenshotExtraction = {
  id: 'ex-1',
  method: 'local_ocr',
  broker: 'generic',
  positions: [],
  confidence: 0,
  rawText: '',
  warnings: [],
  image: { mimeType: 'image/png', width: 640, height: 200, bytes: 1000, darkTheme: false },
  durationMs: 5,
  quota: { day: '2025-06-02', used: 1, limit: 5, remaining: 4 },
};
const progress = { type: 'progress', stage: 'checking', progress: 0, message: 'Checking the image…' } as const;

let server: http.Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

/** A local API whose only stream is the given dispatch, at `POST /api/stream/<name>`. */
async function serve(dispatch: StreamDispatch): Promise<string> {
  server = http.createServer((req, res) => {
    const name = req.url!.replace('/api/stream/', '') as StreamName;
    void serveStream(req, res, { name, streams: dispatch, requestId: 'req-1', log: silentLogger, fail: (error) => sendError(res, { ...error, requestId: 'req-1' }) });
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
}

const input = { image: 'iVBORw0KGgo=', source: 'drop' } as const;

describe('a stream whose events do not carry its outcome, over SSE', () => {
  it('ends with a result frame holding the output, which the client resolves with after the progress events', async () => {
    const baseUrl = await serve(async (_name, _input, ctx) => {
      ctx.emit(progress);
      ctx.emit({ ...progress, stage: 'recognizing', progress: 0.5, message: 'Reading the text…' });
      return { ok: true, value: extraction };
    });
    const api = httpCoachApi({ baseUrl, token: 't' });
    const events: unknown[] = [];
    await expect(api.stream('screenshot:extract', input, { onEvent: (e) => events.push(e) })).resolves.toEqual(extraction);
    expect(events).toEqual([progress, { ...progress, stage: 'recognizing', progress: 0.5, message: 'Reading the text…' }]);

    const raw = await fetch(`${baseUrl}/api/stream/screenshot:extract`, { method: 'POST', headers: { accept: 'text/event-stream', 'content-type': 'application/json' }, body: JSON.stringify(input) }).then((r) => r.text());
    expect([...raw.matchAll(/^event: (\w+)$/gm)].map((m) => m[1])).toEqual(['progress', 'progress', 'result']);
  });

  it('ends with the error when the handler fails after its first event, and the client rejects with its code and message', async () => {
    const baseUrl = await serve(async (_name, _input, ctx) => {
      ctx.emit(progress);
      return { ok: false, error: { code: 'invalid_input', message: 'The file is not a PNG, JPEG or WebP image the app can read', requestId: 'req-1' } };
    });
    const api = httpCoachApi({ baseUrl, token: 't' });
    await expect(api.stream('screenshot:extract', input, { onEvent: () => {} })).rejects.toMatchObject({
      code: 'invalid_input',
      message: 'The file is not a PNG, JPEG or WebP image the app can read',
      requestId: 'req-1',
    });
  });

  it('a failure before any event is a plain error response, as before', async () => {
    const baseUrl = await serve(async () => ({ ok: false, error: { code: 'rate_limited', message: 'You have read 5 screenshots today, the daily limit.', requestId: 'req-1' } }));
    const api = httpCoachApi({ baseUrl, token: 't' });
    await expect(api.stream('screenshot:extract', input, { onEvent: () => {} })).rejects.toMatchObject({ code: 'rate_limited', message: 'You have read 5 screenshots today, the daily limit.' });
  });
});

describe('the chat protocol', () => {
  it('gets no result frame: its own events end it', async () => {
    const baseUrl = await serve(async (_name, _input, ctx) => {
      ctx.emit({ type: 'stream_end' });
      return { ok: true, value: null };
    });
    const raw = await fetch(`${baseUrl}/api/stream/chat:send`, { method: 'POST', headers: { accept: 'text/event-stream', 'content-type': 'application/json' }, body: JSON.stringify({ message: 'hi' }) }).then((r) => r.text());
    expect([...raw.matchAll(/^event: (\w+)$/gm)].map((m) => m[1])).toEqual(['stream_end']);
  });
});
