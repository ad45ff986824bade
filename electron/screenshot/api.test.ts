import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readSse } from '../../shared/client';
import { CoachError } from '../../shared/errors';
import { STREAM_RESULT_FRAME } from '../../shared/contract';
import type { ScreenshotExtraction } from '../../shared/schemas/screenshot';
import { startFakeOpenAi, textAnswer } from '../testing/fake-openai';
import { startTestHost, type TestHost } from '../testing/test-host';
import type { ImageChecker } from './service';
import type { PositionExtractor } from './types';

/**
 * `POST /api/screenshot/extract` on a real host and server, with doubles for the image check and
 * the OCR (they have their own tests): what the HTTP client gets for an image too large to carry,
 * one the check refuses, and a reading that works (progress over SSE, the quota counted).
 */

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const NOT_AN_IMAGE = 'This file is not a PNG, JPEG or WebP image';

/** Takes PNG bytes by their signature, refuses anything else (the real check decodes them too). */
const checkImage: ImageChecker = async (bytes) => {
  if (!bytes.subarray(0, 8).equals(PNG_SIGNATURE)) throw new CoachError('invalid_input', NOT_AN_IMAGE);
  return { data: bytes, mimeType: 'image/png', width: 900, height: 300, darkTheme: false };
};

const localOcr: PositionExtractor = {
  method: 'local_ocr',
  async extract(_image, { onProgress }) {
    onProgress({ stage: 'recognizing', progress: 0.5, message: 'Recognizing text… 50%' });
    const position = { symbol: 'SPY', assetType: 'stock', strike: null, expiry: null, quantity: 100, side: 'long', avgPrice: 590, mark: 600, pnl: 1000 } as const;
    return { method: 'local_ocr', broker: 'generic', positions: [{ ...position, confidence: { overall: 0.95, fields: { symbol: 0.99, quantity: 0.95 } }, rawText: 'SPY 100 590.00 600.00 +1,000.00' }], warnings: [], rawText: 'Symbol Qty Avg Mark P&L\nSPY 100 590.00 600.00 +1,000.00' };
  },
};

const json = { 'content-type': 'application/json' };
const body = (bytes: Buffer) => JSON.stringify({ image: bytes.toString('base64'), mimeType: 'image/png', fileName: 'positions.png', source: 'file' });

describe('POST /api/screenshot/extract', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost({ screenshot: { checkImage, localOcr } });
  });
  afterAll(() => t.close());

  const used = async () => ((await (await t.request('/api/screenshot/quota')).json()) as { used: number }).used;

  it('a 30 MB image → 413 saying the limit, nothing counted', async () => {
    const huge = Buffer.concat([PNG_SIGNATURE, Buffer.alloc(30 * 1024 * 1024)]);
    const res = await t.request('/api/screenshot/extract', { method: 'POST', body: body(huge), headers: json });
    expect(res.status).toBe(413);
    expect(await res.json()).toMatchObject({ error: { code: 'payload_too_large', message: 'The image is larger than 10 MB: crop the screenshot to the positions table or save it as JPEG' } });
    expect(await used()).toBe(0);
  });

  it('just over 10 MB (the body fits the HTTP limit, the image does not) → 400 saying the limit', async () => {
    const big = Buffer.concat([PNG_SIGNATURE, Buffer.alloc(10 * 1024 * 1024 + 1000)]);
    const res = await t.request('/api/screenshot/extract', { method: 'POST', body: body(big), headers: json });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_input', message: expect.stringContaining('The image is larger than 10 MB') } });
  });

  it('a file that is not an image → 400 with the check\'s message, nothing counted', async () => {
    const res = await t.request('/api/screenshot/extract', { method: 'POST', body: body(Buffer.from('%PDF-1.7 not a picture')), headers: json });
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: { code: 'invalid_input', message: NOT_AN_IMAGE } });
    expect(await used()).toBe(0);
  });

  it('reads an image: progress as SSE, then the extraction as the last frame, with the quota counted', async () => {
    const png = Buffer.concat([PNG_SIGNATURE, Buffer.from('rest of a small png')]);
    const res = await t.request('/api/screenshot/extract', { method: 'POST', body: body(png), headers: { ...json, accept: 'text/event-stream' } });
    expect(res.headers.get('content-type')).toBe('text/event-stream; charset=utf-8');
    const frames: [string, unknown][] = [];
    await readSse(res.body!, (name, data) => frames.push([name, JSON.parse(data)]));
    expect(frames.slice(0, -1)).toEqual([
      ['progress', { type: 'progress', stage: 'checking', progress: 0, message: 'Checking the image…' }],
      ['progress', { type: 'progress', stage: 'recognizing', progress: 0.525, message: 'Recognizing text… 50%' }],
    ]);
    const [name, outcome] = frames.at(-1)!;
    expect(name).toBe(STREAM_RESULT_FRAME);
    expect(outcome).toMatchObject({ ok: true, value: { method: 'local_ocr', broker: 'generic', positions: [{ symbol: 'SPY', quantity: 100 }], quota: { used: 1, limit: 5, remaining: 4 } } });

    const plain = await t.request('/api/screenshot/extract', { method: 'POST', body: body(png), headers: json });
    const extraction = (await plain.json()) as ScreenshotExtraction;
    expect(extraction).toMatchObject({ method: 'local_ocr', positions: [{ symbol: 'SPY' }], quota: { used: 2, limit: 5, remaining: 3 } });
  });
});

describe('the host with an OpenAI key', () => {
  it('reads with OPENAI_VISION_MODEL on the OPENAI_BASE_URL server, with the chat\'s key', async () => {
    const fake = await startFakeOpenAi();
    const key = 'sk-host-vision-0123456789abcdef';
    const t = await startTestHost({ env: { OPENAI_API_KEY: key, OPENAI_BASE_URL: fake.baseURL, OPENAI_MODEL: 'chat-model', OPENAI_VISION_MODEL: 'vision-model' }, screenshot: { checkImage, localOcr } });
    try {
      const answer = { broker: 'webull', positions: [{ symbol: 'IWM', assetType: 'stock', strike: null, expiry: null, quantity: 20, side: 'long', avgPrice: 220, mark: null, pnl: null, confidence: { overall: 0.9, symbol: 0.9, assetType: 0.9, strike: 0, expiry: 0, quantity: 0.9, side: 0.9, avgPrice: 0.9, mark: 0, pnl: 0 } }] };
      fake.queue.push(textAnswer(JSON.stringify(answer)));
      const png = Buffer.concat([PNG_SIGNATURE, Buffer.from('small')]);
      const res = await t.request('/api/screenshot/extract', { method: 'POST', body: body(png), headers: json });
      expect(await res.json()).toMatchObject({ method: 'openai_vision', broker: 'webull', positions: [{ symbol: 'IWM', quantity: 20 }], warnings: [] });
      expect(fake.requests[0]).toMatchObject({ authorization: `Bearer ${key}`, body: { model: 'vision-model' } });
      // The key goes to the server it belongs to, and nowhere else: not into a log line.
      expect(t.logs.length).toBeGreaterThan(0);
      expect(JSON.stringify(t.logs)).not.toContain(key);
    } finally {
      await t.close();
      await fake.close();
    }
  });
});

describe('screen capture: only the app\'s own window (IPC), never the local HTTP API', () => {
  let t: TestHost;
  const captured: string[] = [];
  beforeAll(async () => {
    t = await startTestHost({
      screenshot: { checkImage, localOcr },
      capturer: {
        sources: async () => [{ id: 'screen:0:0', name: 'Entire screen', kind: 'screen', thumbnail: 'data:image/png;base64,AAAA' }],
        capture: async (sourceId) => {
          captured.push(sourceId);
          return { image: PNG_SIGNATURE.toString('base64'), mimeType: 'image/png', width: 1920, height: 1080 };
        },
      },
    });
  });
  afterAll(() => t.close());

  it('over IPC: the sources, then the capture', async () => {
    expect(await t.host.dispatch('screenshot:sources', {}, { transport: 'ipc' })).toMatchObject({ ok: true, value: { supported: true, sources: [{ id: 'screen:0:0' }] } });
    expect(await t.host.dispatch('screenshot:capture', { sourceId: 'screen:0:0' }, { transport: 'ipc' })).toMatchObject({ ok: true, value: { width: 1920 } });
    expect(captured).toEqual(['screen:0:0']);
  });

  it('over HTTP: no sources listed, and a capture is refused with 403 without touching the screen', async () => {
    const rpc = (name: string, input: unknown) => t.request(`/api/rpc/${name}`, { method: 'POST', body: JSON.stringify(input), headers: json });
    expect(await (await rpc('screenshot:sources', {})).json()).toEqual({ supported: false, sources: [] });
    const res = await rpc('screenshot:capture', { sourceId: 'screen:0:0' });
    expect(res.status).toBe(403);
    expect(await res.json()).toMatchObject({ error: { code: 'forbidden', message: expect.stringContaining("use the browser's own screen picker") } });
    expect(captured).toEqual(['screen:0:0']);
  });
});
