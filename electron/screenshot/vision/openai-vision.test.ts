import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CallResult } from '../../../shared/errors';
import type { ScreenshotExtraction } from '../../../shared/schemas/screenshot';
import { createStreamDispatcher } from '../../contract/stream-dispatcher';
import { Database } from '../../db/database';
import { BreakerHub } from '../../net/circuit-breaker';
import { silentLogger } from '../../observability/logger';
import { startFakeOpenAi, textAnswer, type FakeOpenAi } from '../../testing/fake-openai';
import { ScreenshotService } from '../service';
import type { CheckedImage, Extraction, PositionExtractor } from '../types';
import { OpenAiVisionExtractor } from './openai-vision';

/**
 * The vision reader with the real `openai` SDK against a local OpenAI-compatible server: what it
 * sends, how it maps the answer, and each failure ending in the service's fallback to local OCR.
 */

const KEY = 'sk-vision-test-0123456789';
const IMAGE: CheckedImage = { data: Buffer.from('png bytes'), mimeType: 'image/png', width: 1000, height: 300, darkTheme: false };

const row = (overrides: Record<string, unknown> = {}) => ({
  symbol: 'spy',
  assetType: 'call',
  strike: 600,
  expiry: '2026-12-18',
  quantity: 2,
  side: 'long',
  avgPrice: 4.2,
  mark: 5.1,
  pnl: 180,
  confidence: { overall: 0.93, symbol: 0.99, assetType: 0.97, strike: 0.95, expiry: 0.9, quantity: 0.96, side: 0.9, avgPrice: 0.92, mark: 0.91, pnl: 0.88 },
  ...overrides,
});

const GOOD = JSON.stringify({
  broker: 'robinhood',
  positions: [row(), row({ symbol: 'QQQ', assetType: 'stock', strike: null, expiry: null, quantity: -50, side: 'long', avgPrice: 510, mark: null, pnl: null })],
});

let fake: FakeOpenAi;
let db: Database | undefined;
beforeEach(async () => {
  fake = await startFakeOpenAi();
});
afterEach(async () => {
  db?.close();
  db = undefined;
  await fake.close();
});

const vision = (timeoutMs = 10_000) => new OpenAiVisionExtractor({ apiKey: () => KEY, baseURL: fake.baseURL, model: 'vision-model', timeoutMs, breaker: new BreakerHub().create('openai') });
const read = (extractor: OpenAiVisionExtractor) => extractor.extract(IMAGE, { signal: new AbortController().signal, onProgress: () => {} });

describe('OpenAiVisionExtractor', () => {
  it('sends the image as a data: URL with a strict JSON schema, and maps the answer to positions', async () => {
    // The JSON arrives in pieces, as a streamed answer does.
    fake.queue.push(textAnswer(GOOD.slice(0, 40), GOOD.slice(40, 200), GOOD.slice(200)));
    const extraction = await read(vision());

    expect(extraction).toEqual({
      method: 'openai_vision',
      broker: 'robinhood',
      warnings: [],
      rawText: 'Long 2 SPY 2026-12-18 600 call @ 4.2, mark 5.1, P&L 180\nShort 50 QQQ @ 510',
      positions: [
        {
          symbol: 'SPY', assetType: 'call', strike: 600, expiry: '2026-12-18', quantity: 2, side: 'long', avgPrice: 4.2, mark: 5.1, pnl: 180,
          confidence: { overall: 0.93, fields: { symbol: 0.99, assetType: 0.97, strike: 0.95, expiry: 0.9, quantity: 0.96, side: 0.9, avgPrice: 0.92, mark: 0.91, pnl: 0.88 } },
          rawText: 'Long 2 SPY 2026-12-18 600 call @ 4.2, mark 5.1, P&L 180',
        },
        {
          // A negative quantity is a short position; fields not read carry no confidence.
          symbol: 'QQQ', assetType: 'stock', strike: null, expiry: null, quantity: 50, side: 'short', avgPrice: 510, mark: null, pnl: null,
          confidence: { overall: 0.93, fields: { symbol: 0.99, assetType: 0.97, quantity: 0.96, side: 0.9, avgPrice: 0.92 } },
          rawText: 'Short 50 QQQ @ 510',
        },
      ],
    });

    const request = fake.requests[0]!;
    expect(request).toMatchObject({ url: '/v1/chat/completions', authorization: `Bearer ${KEY}`, body: { model: 'vision-model', stream: true } });
    const [system, user] = request.body.messages as { role: string; content: unknown }[];
    expect(system!.role).toBe('system');
    expect(user!.content).toEqual([
      { type: 'text', text: 'Read the positions in this screenshot.' },
      { type: 'image_url', image_url: { url: `data:image/png;base64,${IMAGE.data.toString('base64')}`, detail: 'high' } },
    ]);
    const format = request.body.response_format as { type: string; json_schema: { name: string; strict: boolean; schema: Record<string, unknown> } };
    expect(format).toMatchObject({ type: 'json_schema', json_schema: { name: 'broker_positions', strict: true } });
    // Strict mode: every object closed and every property required.
    const schema = format.json_schema.schema as { required: string[]; additionalProperties: boolean; properties: { positions: { items: { required: string[]; additionalProperties: boolean } } } };
    expect(schema).toMatchObject({ required: ['broker', 'positions'], additionalProperties: false });
    expect(schema.properties.positions.items).toMatchObject({ additionalProperties: false, required: ['symbol', 'assetType', 'strike', 'expiry', 'quantity', 'side', 'avgPrice', 'mark', 'pnl', 'confidence'] });
    expect(JSON.stringify(schema)).not.toContain('$schema');
  });

  it('refuses without a key, before any request', async () => {
    const extractor = new OpenAiVisionExtractor({ apiKey: () => undefined, baseURL: fake.baseURL, model: 'vision-model', timeoutMs: 1000, breaker: new BreakerHub().create('openai') });
    await expect(read(extractor)).rejects.toThrow('no OpenAI API key is configured');
    expect(fake.requests).toEqual([]);
  });
});

/** Local OCR double for the fallback (the real one has its own tests). */
const localOcr: PositionExtractor & { calls: number } = {
  method: 'local_ocr',
  calls: 0,
  async extract(): Promise<Extraction> {
    localOcr.calls += 1;
    const position = { symbol: 'SPY', assetType: 'stock', strike: null, expiry: null, quantity: 10, side: 'long', avgPrice: 590, mark: null, pnl: null } as const;
    return { method: 'local_ocr', broker: 'generic', positions: [{ ...position, confidence: { overall: 0.9, fields: { symbol: 0.9 } }, rawText: 'SPY 10 590' }], warnings: [], rawText: 'SPY 10 590' };
  },
};

/** A reading through the service with vision on: its result, and what the warning says. */
async function readThroughService(extractor: OpenAiVisionExtractor): Promise<ScreenshotExtraction> {
  db = new Database({ file: ':memory:', logger: silentLogger, slowQueryMs: 1000 });
  localOcr.calls = 0;
  const service = new ScreenshotService({
    db,
    dailyLimit: () => undefined,
    checkImage: async () => IMAGE,
    extractors: { local: localOcr, vision: { extractor, enabled: () => true } },
  });
  const streams = createStreamDispatcher(service.streamHandlers(), { logger: silentLogger, validateOutput: true });
  const result = (await streams('screenshot:extract', { image: IMAGE.data.toString('base64'), source: 'paste' }, { transport: 'internal', signal: new AbortController().signal, emit: () => {} })) as CallResult<ScreenshotExtraction>;
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

describe('vision failures end in local OCR', () => {
  it('a good answer is used as is', async () => {
    fake.queue.push(textAnswer(GOOD));
    expect(await readThroughService(vision())).toMatchObject({ method: 'openai_vision', broker: 'robinhood', warnings: [], quota: { used: 1 } });
    expect(localOcr.calls).toBe(0);
  });

  it.each([
    ['text that is not JSON', textAnswer('Here are your positions: SPY 600c x2'), 'vision-model answered with text that is not JSON'],
    ['JSON that breaks the schema', textAnswer(JSON.stringify({ broker: 'robinhood', positions: [{ symbol: 'SPY' }] })), "vision-model's answer does not match the positions schema: positions.0.assetType:"],
    ['an empty positions list', textAnswer(JSON.stringify({ broker: 'generic', positions: [] })), 'it found no positions'],
    ['HTTP 500', { status: 500, message: 'The server had an error while processing your request.' }, 'answered HTTP 500: The server had an error while processing your request.'],
    ['an answer cut before its end', { ...textAnswer('{"broker":', '"generic"', ',"positions":[]}'), endAfter: 2 }, 'ended the answer before it was finished'],
  ] as const)('%s → local OCR, with a warning saying why', async (_case, completion, reason) => {
    fake.queue.push(completion);
    const extraction = await readThroughService(vision());
    expect(extraction).toMatchObject({ method: 'local_ocr', broker: 'generic', quota: { used: 1 } });
    expect(extraction.warnings).toEqual([expect.stringMatching(/^OpenAI vision failed \(.*\); read with local OCR instead$/)]);
    expect(extraction.warnings[0]).toContain(reason);
    expect(extraction.warnings[0]).not.toContain(KEY);
    expect(localOcr.calls).toBe(1);
  });

  it('a server that stays silent past the timeout → local OCR', async () => {
    fake.queue.push({ ...textAnswer('{"broker"', ':"generic"'), stallAfter: 1 });
    const extraction = await readThroughService(vision(300));
    expect(extraction.warnings).toEqual([expect.stringContaining('did not answer within 0.3 s')]);
    expect(extraction.method).toBe('local_ocr');
    await fake.requests[0]!.closed;
    expect(fake.requests[0]!.closedByClient).toBe(true);
  });
});
