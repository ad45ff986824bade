import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Database } from '../db/database';
import { BreakerHub } from '../net/circuit-breaker';
import { silentLogger } from '../observability/logger';
import { startFakeMassive, type FakeMassive } from '../testing/fake-massive';
import { MarketCache } from './cache';
import { MassiveClient } from './massive-client';
import { MassiveProvider } from './massive-provider';

// Response bodies in Massive.com's (formerly Polygon.io's) documented shapes.
const spxPage1 = (next: string) => ({
  ticker: 'I:SPX',
  queryCount: 2,
  resultsCount: 2,
  adjusted: true,
  results: [
    { o: 5969.34, c: 5975.38, h: 5980.1, l: 5965.7, t: Date.parse('2025-02-24T14:30:00Z') },
    { o: 5975.38, c: 5971.02, h: 5977.5, l: 5969.9, t: Date.parse('2025-02-24T14:31:00Z') },
  ],
  status: 'OK',
  request_id: '6a7e466379af0a71039d60cc78e72282',
  count: 2,
  next_url: next,
});
const spxPage2 = {
  ticker: 'I:SPX',
  queryCount: 1,
  resultsCount: 1,
  adjusted: true,
  results: [{ o: 5971.02, c: 5973.4, h: 5974.0, l: 5970.1, t: Date.parse('2025-02-24T14:32:00Z') }],
  status: 'OK',
  request_id: 'b1c2',
  count: 1,
};
const stockSnapshot = {
  count: 1,
  status: 'OK',
  tickers: [
    {
      day: { c: 601.2, h: 603.5, l: 598.1, o: 599.0, v: 41_216_512, vw: 601.02 },
      lastQuote: { P: 601.25, S: 3, p: 601.22, s: 2, t: 1_740_429_000_000_000_000 },
      lastTrade: { c: [14, 41], i: '71675577320245', p: 601.23, s: 100, t: 1_740_429_001_000_000_000, x: 4 },
      min: { av: 41_216_512, c: 601.2, h: 601.4, l: 601.0, n: 420, o: 601.1, t: 1_740_428_940_000, v: 52_000, vw: 601.2 },
      prevDay: { c: 597.21, h: 599.5, l: 594.0, o: 595.1, v: 50_120_000, vw: 597.0 },
      ticker: 'SPY',
      todaysChange: 4.02,
      todaysChangePerc: 0.673,
      updated: 1_740_429_001_000_000_000,
    },
  ],
};
const indexSnapshot = {
  request_id: '6a7e466379af0a71039d60cc78e72282',
  results: [
    {
      value: 5983.25,
      name: 'S&P 500',
      ticker: 'I:SPX',
      type: 'indices',
      market_status: 'open',
      session: { change: 13.21, change_percent: 0.221, close: 5983.25, high: 5990.1, low: 5960.2, open: 5970.0, previous_close: 5970.04 },
      last_updated: 1_740_429_001_849_882_600,
      timeframe: 'REAL-TIME',
    },
  ],
  status: 'OK',
};

const NOW = Date.parse('2025-02-25T15:00:00Z'); // the next day, so 2025-02-24 is complete
let fake: FakeMassive;
let db: Database;
let hub: BreakerHub;

function makeClient(overrides: Partial<ConstructorParameters<typeof MassiveClient>[0]> = {}) {
  return new MassiveClient({
    baseUrl: fake.url,
    apiKey: () => 'test-key',
    breaker: hub.get('massive') ?? hub.create('massive', { failureThreshold: 2, cooldownMs: 60_000 }),
    logger: silentLogger,
    sleep: async () => {},
    backoffMs: 1,
    ...overrides,
  });
}

beforeEach(async () => {
  fake = await startFakeMassive();
  db = new Database({ file: ':memory:', logger: silentLogger, slowQueryMs: 1000 });
  hub = new BreakerHub();
});

afterEach(async () => {
  db.close();
  await fake.close();
});

describe('Massive client', () => {
  it('follows next_url across pages and asks for index tickers with the I: prefix', async () => {
    fake.routes.push((url) => {
      if (url.pathname === '/v2/aggs/ticker/I:SPX/range/1/minute/2025-02-24/2025-02-24') return { body: spxPage1(`${fake.url}/v2/aggs/ticker/I:SPX/range/1/minute/1740407520000/2025-02-24?cursor=bGltaXQ9Mg`) };
      if (url.pathname === '/v2/aggs/ticker/I:SPX/range/1/minute/1740407520000/2025-02-24' && url.searchParams.get('cursor') === 'bGltaXQ9Mg') return { body: spxPage2 };
      return undefined;
    });
    const bars = await makeClient().aggregates('SPX', '1m', '2025-02-24', '2025-02-24');
    expect(bars.map((b) => b.close)).toEqual([5975.38, 5971.02, 5973.4]);
    expect(bars[0]).toEqual({ time: Date.parse('2025-02-24T14:30:00Z'), open: 5969.34, high: 5980.1, low: 5965.7, close: 5975.38, volume: 0 });
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[0]!.url).toContain('adjusted=true&sort=asc&limit=50000');
    expect(fake.requests.every((r) => r.authorization === 'Bearer test-key')).toBe(true);
  });

  it('retries a 429 (honouring Retry-After) and then succeeds', async () => {
    let calls = 0;
    const waits: number[] = [];
    fake.routes.push((url) => {
      if (!url.pathname.startsWith('/v2/snapshot')) return undefined;
      calls += 1;
      return calls === 1 ? { status: 429, headers: { 'retry-after': '2' }, body: { status: 'ERROR', error: 'You have exceeded the maximum requests per minute' } } : { body: stockSnapshot };
    });
    const snapshots = await makeClient({ sleep: async (ms) => void waits.push(ms) }).stockSnapshots(['SPY']);
    expect(snapshots[0]!.ticker).toBe('SPY');
    expect(calls).toBe(2);
    expect(waits).toEqual([2000]);
    expect(hub.get('massive')!.state).toBe('closed');
  });

  it('opens the breaker after repeated 500s, then refuses without calling', async () => {
    fake.routes.push(() => ({ status: 500, body: { status: 'ERROR', error: 'Internal Server Error' } }));
    const client = makeClient({ maxRetries: 1 });
    await expect(client.stockSnapshots(['SPY'])).rejects.toMatchObject({ status: 500 });
    await expect(client.stockSnapshots(['SPY'])).rejects.toMatchObject({ status: 500 });
    expect(fake.requests).toHaveLength(4); // two calls, each tried twice
    expect(hub.get('massive')!.snapshot()).toMatchObject({ state: 'open', consecutiveFailures: 2, lastFailure: { status: 500 } });
    await expect(client.stockSnapshots(['SPY'])).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining('massive is unavailable') });
    expect(fake.requests).toHaveLength(4);
  });

  it('keeps the key out of the error when the upstream echoes it', async () => {
    const key = 'mk-live-echoed-9f8e7d6c5b4a';
    fake.routes.push(() => ({ status: 400, body: { status: 'ERROR', error: `bad request for apiKey=${key}` } }));
    const error = (await makeClient({ apiKey: () => key }).stockSnapshots(['SPY']).catch((e: unknown) => e)) as Error;
    expect(error.message).toContain('Massive.com answered HTTP 400');
    expect(error.message).toContain('apiKey=[redacted]');
    expect(error.message).not.toContain(key);
  });

  it('gives up on a server that does not answer within the timeout', async () => {
    fake.routes.push(() => ({ hang: true }));
    const client = makeClient({ timeoutMs: 150, maxRetries: 0 });
    await expect(client.indexSnapshots(['SPX'])).rejects.toThrow('Massive.com did not answer within 150 ms');
    expect(hub.get('massive')!.snapshot().consecutiveFailures).toBe(1);
  });

  it('does not count a refused key or an unknown ticker against the breaker', async () => {
    fake.routes.push((url) => (url.pathname.includes('NOPE') ? undefined : { status: 401, body: { status: 'ERROR', error: 'Unknown API Key' } }));
    const client = makeClient();
    await expect(client.stockSnapshots(['SPY'])).rejects.toMatchObject({ code: 'unavailable', message: expect.stringContaining('refused the API key') });
    await expect(client.aggregates('NOPE', '1d', '2025-02-24', '2025-02-24')).rejects.toMatchObject({ code: 'not_found' });
    expect(hub.get('massive')!.snapshot().consecutiveFailures).toBe(0);
  });

  it('reads the key at each request, so a key saved later is used at once', async () => {
    const saved: { key?: string } = {};
    fake.routes.push(() => ({ body: stockSnapshot }));
    const client = makeClient({ apiKey: () => saved.key });
    await expect(client.stockSnapshots(['SPY'])).rejects.toMatchObject({ code: 'unavailable', message: 'No Massive.com API key is configured' });
    saved.key = 'saved-later';
    await client.stockSnapshots(['SPY']);
    expect(fake.requests.map((r) => r.authorization)).toEqual(['Bearer saved-later']);
  });
});

describe('Massive provider (with the SQLite cache)', () => {
  const provider = (now = NOW) => new MassiveProvider(makeClient(), new MarketCache(db), () => now);

  it('serves a quote from the cache for 60 s without a second request', async () => {
    fake.routes.push((url) => (url.pathname === '/v3/snapshot/indices' ? { body: indexSnapshot } : url.pathname.startsWith('/v2/snapshot') ? { body: stockSnapshot } : undefined));
    const [spx, spy] = await provider().snapshot(['SPX', 'SPY']);
    expect(spx).toEqual({ symbol: 'SPX', last: 5983.25, change: 13.21, changePercent: 0.221, prevClose: 5970.04, session: 'open', time: 1_740_429_001_849, source: 'massive' });
    expect(spy).toMatchObject({ symbol: 'SPY', last: 601.23, prevClose: 597.21, change: 4.02, changePercent: 0.673, time: 1_740_429_001_000 });
    expect(fake.requests.map((r) => r.url)).toEqual(['/v3/snapshot/indices?ticker.any_of=I%3ASPX', '/v2/snapshot/locale/us/markets/stocks/tickers?tickers=SPY']);

    expect(await provider(NOW + 59_000).quote('SPY')).toEqual(spy);
    expect(fake.requests).toHaveLength(2);
    await provider(NOW + 61_000).quote('SPY');
    expect(fake.requests).toHaveLength(3);
  });

  it('keeps completed days of bars and asks only once', async () => {
    fake.routes.push((url) => (url.pathname.startsWith('/v2/aggs/ticker/I:SPX/range/1/minute/2025-02-24') ? { body: { ...spxPage1(''), next_url: undefined } } : undefined));
    const first = await provider().bars('SPX', '1m', '2025-02-24', '2025-02-24');
    const again = await provider(NOW + 3_600_000).bars('SPX', '1m', '2025-02-24', '2025-02-24');
    expect(first).toHaveLength(2);
    expect(again).toEqual(first);
    expect(fake.requests).toHaveLength(1);
  });

  it('refreshes the day under way after a minute', async () => {
    let served = 0;
    fake.routes.push(() => {
      served += 1;
      return { body: { ...spxPage1(''), next_url: undefined, results: spxPage1('').results.slice(0, served) } };
    });
    const during = Date.parse('2025-02-24T14:35:00Z');
    expect(await provider(during).bars('SPX', '1m', '2025-02-24', '2025-02-24')).toHaveLength(1);
    expect(await provider(during + 30_000).bars('SPX', '1m', '2025-02-24', '2025-02-24')).toHaveLength(1);
    expect(await provider(during + 61_000).bars('SPX', '1m', '2025-02-24', '2025-02-24')).toHaveLength(2);
    expect(fake.requests).toHaveLength(2);
  });

  it('says not_found for a symbol Massive has no bars for', async () => {
    fake.routes.push(() => ({ body: { ticker: 'ZZZZ', queryCount: 0, resultsCount: 0, adjusted: true, status: 'OK', request_id: 'x' } }));
    await expect(provider().bars('ZZZZ', '1d', '2025-02-24', '2025-02-24')).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('ZZZZ') });
  });
});
