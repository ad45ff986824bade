import { afterEach, describe, expect, it } from 'vitest';
import { CoachError, type CallResult } from '../../shared/errors';
import type { ExtractedPosition, ScreenshotExtraction, ScreenshotProgress } from '../../shared/schemas/screenshot';
import { createStreamDispatcher } from '../contract/stream-dispatcher';
import { Database } from '../db/database';
import { silentLogger } from '../observability/logger';
import { NO_TABLE_MESSAGE, ScreenshotService, type ImageChecker } from './service';
import type { CheckedImage, Extraction, PositionExtractor, ProgressListener } from './types';

/** Tuesday 2026-12-01, 10:00 in New York. */
const NOON_ISH = Date.parse('2026-12-01T15:00:00.000Z');
const PNG_BYTES = Buffer.from('fake png bytes, the checker double takes them as they are');
const IMAGE = PNG_BYTES.toString('base64');

const SPY_CALL: ExtractedPosition = {
  symbol: 'SPY',
  assetType: 'call',
  strike: 600,
  expiry: '2026-12-18',
  quantity: 2,
  side: 'long',
  avgPrice: 4.2,
  mark: 5.1,
  pnl: 180,
  confidence: { overall: 0.9, fields: { symbol: 0.99, strike: 0.95, quantity: 0.8 } },
  rawText: 'SPY 18 Dec 26 600 Call +2 4.20 5.10 +180.00',
};
const QQQ_STOCK: ExtractedPosition = { ...SPY_CALL, symbol: 'QQQ', assetType: 'stock', strike: null, expiry: null, quantity: 10, confidence: { overall: 0.7, fields: {} }, rawText: 'QQQ 10' };

/** An extractor double: reports the given progress, then answers, fails or waits for the signal. */
class FakeExtractor implements PositionExtractor {
  calls = 0;
  constructor(
    readonly method: PositionExtractor['method'],
    private readonly answer: Partial<Extraction> | Error | 'wait-for-abort',
    private readonly steps: Parameters<ProgressListener>[0][] = [],
  ) {}

  async extract(_image: CheckedImage, { signal, onProgress }: { signal: AbortSignal; onProgress: ProgressListener }): Promise<Extraction> {
    this.calls += 1;
    for (const step of this.steps) onProgress(step);
    if (this.answer === 'wait-for-abort') {
      await new Promise((resolve) => signal.addEventListener('abort', resolve, { once: true }));
      throw new Error('the OCR worker was terminated');
    }
    if (this.answer instanceof Error) throw this.answer;
    return { method: this.method, broker: 'thinkorswim', positions: [SPY_CALL], warnings: [], rawText: 'SPY 18 Dec 26 600 Call', ...this.answer };
  }
}

const LOCAL_STEPS = [
  { stage: 'preparing', progress: 0, message: 'Preparing the image…' },
  { stage: 'recognizing', progress: 0.5, message: 'Recognizing text… 50%' },
  { stage: 'parsing', progress: 1, message: 'Reading the table…' },
] as const;

const checkedImage: ImageChecker = async (bytes) => ({ data: bytes, mimeType: 'image/png', width: 1200, height: 400, darkTheme: true });

let db: Database | undefined;
afterEach(() => db?.close());

function setUp(options: { local?: FakeExtractor; vision?: FakeExtractor; visionEnabled?: boolean; checkImage?: ImageChecker; limit?: number; start?: number } = {}) {
  db = new Database({ file: ':memory:', logger: silentLogger, slowQueryMs: 1000 });
  let now = options.start ?? NOON_ISH;
  const local = options.local ?? new FakeExtractor('local_ocr', {}, [...LOCAL_STEPS]);
  let ids = 0;
  const service = new ScreenshotService({
    db,
    dailyLimit: () => options.limit,
    checkImage: options.checkImage ?? checkedImage,
    extractors: { local, ...(options.vision ? { vision: { extractor: options.vision, enabled: () => options.visionEnabled ?? true } } : {}) },
    clock: () => now,
    newId: () => `read-${++ids}`,
  });
  // Through the contract's dispatcher: every event and the output are checked against their schemas.
  const streams = createStreamDispatcher(service.streamHandlers(), { logger: silentLogger, validateOutput: true });
  const extract = async (input: Record<string, unknown> = {}, signal = new AbortController().signal) => {
    const events: ScreenshotProgress[] = [];
    const result = await streams('screenshot:extract', { image: IMAGE, mimeType: 'image/png', source: 'drop', ...input }, { transport: 'internal', signal, emit: (e) => events.push(e as ScreenshotProgress) });
    return { events, result: result as CallResult<ScreenshotExtraction> };
  };
  const stored = () => db!.prepare<{ n: number }>('SELECT count(*) AS n FROM ai_coach_screenshot_reads').get()!.n;
  return { service, local, extract, stored, advanceTo: (at: number) => (now = at) };
}

describe('ScreenshotService.extract', () => {
  it('reads with local OCR by default, counts one reading and returns the extraction with the new quota', async () => {
    const { extract, stored } = setUp();
    const { result } = await extract();
    expect(result).toEqual({
      ok: true,
      value: {
        id: 'read-1',
        method: 'local_ocr',
        broker: 'thinkorswim',
        positions: [SPY_CALL],
        confidence: 0.9,
        rawText: 'SPY 18 Dec 26 600 Call',
        warnings: [],
        image: { mimeType: 'image/png', width: 1200, height: 400, bytes: PNG_BYTES.length, darkTheme: true },
        durationMs: 0,
        quota: { day: '2026-12-01', used: 1, limit: 5, remaining: 4 },
      },
    });
    expect(stored()).toBe(1);
  });

  it('streams progress in order: the check, then the reader\'s own stages mapped onto the rest of the bar', async () => {
    const { extract } = setUp();
    const { events } = await extract();
    expect(events).toEqual([
      { type: 'progress', stage: 'checking', progress: 0, message: 'Checking the image…' },
      { type: 'progress', stage: 'preparing', progress: 0.05, message: 'Preparing the image…' },
      { type: 'progress', stage: 'recognizing', progress: 0.525, message: 'Recognizing text… 50%' },
      { type: 'progress', stage: 'parsing', progress: 1, message: 'Reading the table…' },
    ]);
  });

  it('the mean of the positions\' overall confidence is the reading\'s', async () => {
    const { extract } = setUp({ local: new FakeExtractor('local_ocr', { positions: [SPY_CALL, QQQ_STOCK] }) });
    const { result } = await extract();
    expect(result.ok && result.value.confidence).toBeCloseTo(0.8, 10);
  });

  it('refuses once the daily limit is reached, before reading anything, and stores nothing', async () => {
    const { extract, stored, local } = setUp({ limit: 2 });
    await extract();
    await extract();
    const { events, result } = await extract();
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'rate_limited', message: 'You have read 2 screenshots today, the daily limit. It resets at midnight New York time; you can raise it in the Profile tab (Broker screenshots).' },
    });
    expect(events).toEqual([]);
    expect(local.calls).toBe(2);
    expect(stored()).toBe(2);
  });

  it('a reading under way holds its place: a second one at the limit is refused', async () => {
    const { extract, stored } = setUp({ limit: 1, local: new FakeExtractor('local_ocr', 'wait-for-abort') });
    const stop = new AbortController();
    const first = extract({}, stop.signal);
    await new Promise((resolve) => setImmediate(resolve));
    // Not "you have read 1 screenshot today": none is read yet.
    expect((await extract()).result).toMatchObject({
      ok: false,
      error: { code: 'rate_limited', message: "A screenshot being read now takes the last place under today's limit of 1: wait for it to finish, or raise the limit in the Profile tab (Broker screenshots)." },
    });
    stop.abort();
    expect((await first).result).toMatchObject({ ok: false, error: { code: 'aborted', message: 'Reading stopped; nothing was counted' } });
    expect(stored()).toBe(0);
  });

  it('a new day in New York resets the count (midnight there, not UTC)', async () => {
    // 23:30 in New York on Monday 2026-11-30 is already Tuesday in UTC.
    const { extract, advanceTo } = setUp({ limit: 1, start: Date.parse('2026-12-01T04:30:00.000Z') });
    expect((await extract()).result).toMatchObject({ ok: true, value: { quota: { day: '2026-11-30', used: 1, remaining: 0 } } });
    advanceTo(Date.parse('2026-12-01T04:59:59.000Z'));
    expect((await extract()).result).toMatchObject({ ok: false, error: { code: 'rate_limited' } });
    advanceTo(Date.parse('2026-12-01T05:00:00.000Z'));
    expect((await extract()).result).toMatchObject({ ok: true, value: { quota: { day: '2026-12-01', used: 1, remaining: 0 } } });
  });

  it('an image the checker refuses ends with its message; nothing is read or stored', async () => {
    const refuse: ImageChecker = async () => {
      throw new CoachError('invalid_input', 'This file is not a PNG, JPEG or WebP image');
    };
    const { extract, stored, local } = setUp({ checkImage: refuse });
    const { result } = await extract();
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: 'This file is not a PNG, JPEG or WebP image' } });
    expect(local.calls).toBe(0);
    expect(stored()).toBe(0);
  });

  it('base64 that does not decode to itself is refused before the image check', async () => {
    let checked = 0;
    const { extract, stored } = setUp({ checkImage: async (bytes) => (checked += 1, checkedImage(bytes, undefined)) });
    const { result } = await extract({ image: 'abc' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: expect.stringContaining('not valid base64') } });
    expect(checked).toBe(0);
    expect(stored()).toBe(0);
  });

  it('no positions found → a clear message, nothing counted', async () => {
    const { extract, stored, service } = setUp({ local: new FakeExtractor('local_ocr', { positions: [], rawText: 'Watchlist AAPL 231.50' }) });
    const { result } = await extract();
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input', message: NO_TABLE_MESSAGE } });
    expect(stored()).toBe(0);
    expect(service.quota()).toMatchObject({ used: 0, remaining: 5 });
  });

  it('uses OpenAI vision when enabled, and local OCR not at all', async () => {
    const vision = new FakeExtractor('openai_vision', { broker: 'robinhood' }, [{ stage: 'vision', progress: 0.1, message: 'Asking the model…' }]);
    const { extract, local } = setUp({ vision });
    const { result, events } = await extract();
    expect(result).toMatchObject({ ok: true, value: { method: 'openai_vision', broker: 'robinhood', warnings: [] } });
    expect(events.map((e) => e.stage)).toEqual(['checking', 'vision']);
    expect([vision.calls, local.calls]).toEqual([1, 0]);
  });

  it('vision not enabled (no key) → local OCR only', async () => {
    const vision = new FakeExtractor('openai_vision', {});
    const { extract, local } = setUp({ vision, visionEnabled: false });
    expect((await extract()).result).toMatchObject({ ok: true, value: { method: 'local_ocr' } });
    expect([vision.calls, local.calls]).toEqual([0, 1]);
  });

  it('vision failing falls back to local OCR with a warning; the bar never goes back', async () => {
    const vision = new FakeExtractor('openai_vision', new Error('the model server (127.0.0.1:1234) answered HTTP 500: boom'), [{ stage: 'vision', progress: 0.1, message: 'Asking the model…' }]);
    const { extract, stored } = setUp({ vision });
    const { result, events } = await extract();
    expect(result).toMatchObject({
      ok: true,
      value: { method: 'local_ocr', warnings: ['OpenAI vision failed (the model server (127.0.0.1:1234) answered HTTP 500: boom); read with local OCR instead'], quota: { used: 1 } },
    });
    expect(events.map((e) => [e.stage, Number(e.progress.toFixed(4))])).toEqual([
      ['checking', 0],
      ['vision', 0.145],
      ['preparing', 0.145],
      ['recognizing', 0.5725],
      ['parsing', 1],
    ]);
    expect(stored()).toBe(1);
  });

  it('vision finding no positions also falls back', async () => {
    const { extract } = setUp({ vision: new FakeExtractor('openai_vision', { positions: [] }) });
    expect((await extract()).result).toMatchObject({ ok: true, value: { method: 'local_ocr', warnings: ['OpenAI vision failed (it found no positions); read with local OCR instead'] } });
  });

  it('a stop while reading ends with aborted and counts nothing', async () => {
    const { extract, stored } = setUp({ local: new FakeExtractor('local_ocr', 'wait-for-abort') });
    const stop = new AbortController();
    const reading = extract({}, stop.signal);
    setImmediate(() => stop.abort());
    expect((await reading).result).toMatchObject({ ok: false, error: { code: 'aborted' } });
    expect(stored()).toBe(0);
  });
});

describe('ScreenshotService.dispose', () => {
  it('ends the readers that keep a worker', async () => {
    const ended: string[] = [];
    const withWorker = (method: PositionExtractor['method']): PositionExtractor => ({ method, extract: () => Promise.reject(new Error('unused')), dispose: async () => void ended.push(method) });
    const service = new ScreenshotService({
      db: (db = new Database({ file: ':memory:', logger: silentLogger, slowQueryMs: 1000 })),
      dailyLimit: () => undefined,
      checkImage: checkedImage,
      extractors: { local: withWorker('local_ocr'), vision: { extractor: withWorker('openai_vision'), enabled: () => false } },
    });
    await service.dispose();
    expect(ended.sort()).toEqual(['local_ocr', 'openai_vision']);
  });
});
