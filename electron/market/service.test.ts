import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeMassive, type FakeMassive } from '../testing/fake-massive';
import { startTestHost, type TestHost } from '../testing/test-host';

const marketData = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/market-data');
/** The real SPY 1-minute file, first three sessions (2025-07-01 to the 2025-07-03 half day). */
function spyJulyFirstDays(): string {
  const lines = fs.readFileSync(path.join(marketData, 'spy_1min_ext_2025-07-01_to_2025-07-30.csv'), 'utf8').split('\n');
  return [lines[0], ...lines.filter((l) => /^2025-07-0[123] /.test(l))].join('\n');
}

/** Status, body, and the error message when the call failed (`{error: {code, message}}`). */
async function json(res: Response): Promise<{ status: number; body: Record<string, unknown>; message: string | undefined }> {
  const body = (await res.json()) as Record<string, unknown> & { error?: { message: string } };
  return { status: res.status, body, message: body.error?.message };
}

describe('market calls through the local API (simulated market, CSV import)', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost();
  });
  afterAll(() => t.close());

  it('quotes a known symbol from the simulated market and reports the provider as healthy', async () => {
    const { status, body } = await json(await t.rpc('market:quote', { symbol: 'spy' }));
    expect(status).toBe(200);
    expect(body).toMatchObject({ symbol: 'SPY', source: 'simulated' });
    expect(body.last as number).toBeGreaterThan(100);
    const health = await json(await t.rpc('health:ready', {}));
    const check = (health.body.checks as { name: string }[]).find((c) => c.name === 'provider:market');
    expect(check).toMatchObject({ status: 'ok', critical: false, data: { source: 'simulated', configured: false } });
  });

  it('answers clear errors: unknown symbol, bad symbol, from after to, range too large', async () => {
    const unknown = await json(await t.rpc('market:bars', { symbol: 'ZZZZ', timeframe: '5m' }));
    expect(unknown.status).toBe(404);
    expect(unknown.message).toContain('Unknown symbol ZZZZ');
    const bad = await json(await t.rpc('market:quote', { symbol: '$$$' }));
    expect(bad.status).toBe(400);
    expect(bad.message).toContain('Symbol must be 1–10 letters');
    const reversed = await json(await t.rpc('market:bars', { symbol: 'SPY', timeframe: '1m', from: '2026-03-10', to: '2026-03-01' }));
    expect(reversed.status).toBe(400);
    expect(reversed.message).toContain('from (2026-03-10) is after to (2026-03-01)');
    const huge = await json(await t.rpc('market:bars', { symbol: 'SPY', timeframe: '1m', from: '2025-01-01', to: '2025-12-31' }));
    expect(huge.status).toBe(400);
    expect(huge.message).toContain('Range too large: 364 days of 1m bars; at most 31 days');
    const notADate = await json(await t.rpc('market:bars', { symbol: 'SPY', timeframe: '1d', from: '2025-02-30' }));
    expect(notADate.status).toBe(400);
  });

  it('serves bars with the sessions of the range, and I:SPX as SPX', async () => {
    const { status, body } = await json(await t.rpc('market:bars', { symbol: 'I:SPX', timeframe: '15m', from: '2025-12-24', to: '2025-12-26' }));
    expect(status).toBe(200);
    expect(body).toMatchObject({ symbol: 'SPX', timeframe: '15m', source: 'simulated' });
    expect((body.sessions as { date: string }[]).map((s) => s.date)).toEqual(['2025-12-24', '2025-12-26']);
    expect(body.bars).toHaveLength(14 + 26); // 09:30–13:00 and 09:30–16:00 in 15-minute bars
  });

  it('imports a real CSV file and serves it for that symbol, checked against the official daily bars', async () => {
    const { status, body } = await json(await t.rpc('market:importBars', { symbol: 'SPY', csv: spyJulyFirstDays() }));
    expect(status).toBe(200);
    expect(body).toMatchObject({ symbol: 'SPY', timeframe: '1m', imported: 2698, timestampFormat: 'iso-local', columns: { time: 'date', close: 'Close', volume: 'Volume' } });
    expect(body.first).toBe(Date.parse('2025-07-01T08:00:00Z')); // 04:00 New York, naive timestamps read in America/New_York

    const five = await json(await t.rpc('market:bars', { symbol: 'SPY', timeframe: '5m', from: '2025-07-03', to: '2025-07-03' }));
    expect(five.body.source).toBe('csv');
    // The 09:30 bar of 2025-07-03, from the file's five rows 09:30–09:34 read by hand.
    expect((five.body.bars as { time: number }[]).find((b) => b.time === Date.parse('2025-07-03T13:30:00Z'))).toMatchObject({
      open: 622.45, high: 623.48, low: 622.43, close: 623.3401, volume: 515328 + 343364 + 296816 + 349876 + 349784,
    });

    // Regular-session highs and lows equal SPY's official daily bars (spy_daily file), the half day cut at 13:00.
    const daily = await json(await t.rpc('market:bars', { symbol: 'SPY', timeframe: '1d', from: '2025-07-01', to: '2025-07-03' }));
    const official = [[618.83, 615.52], [620.49, 616.61], [626.28, 622.43]];
    (daily.body.bars as { high: number; low: number }[]).forEach((bar, i) => {
      expect(bar.high).toBeCloseTo(official[i]![0]!, 2);
      expect(bar.low).toBeCloseTo(official[i]![1]!, 2);
    });
    expect((await json(await t.rpc('market:symbols', { query: 'SP' }))).body).toContainEqual({ symbol: 'SPY', name: 'SPDR S&P 500 ETF Trust', kind: 'etf', source: 'csv' });
    const finer = await json(await t.rpc('market:bars', { symbol: 'SPY', timeframe: '1m', from: '2025-07-01', to: '2025-07-01' }));
    expect(finer.status).toBe(200);
  });

  it('refuses a file with bad rows whole, naming the rows', async () => {
    const csv = 'timestamp,open,high,low,close,volume\n1739197800,6046.4,6059.51,6046.4,6054.12,1\n1739198100,6053.76,6040,6047.88,6049.49,1\nnot-a-time,1,1,1,1,1\n';
    const { status, message } = await json(await t.rpc('market:importBars', { symbol: 'QQQ', csv }));
    expect(status).toBe(400);
    expect(message).toContain('2 bad row(s)');
    expect(message).toContain('row 3: high 6040 / low 6047.88 do not contain open 6053.76 and close 6049.49');
    expect(message).toContain('row 4: timestamp "not-a-time" is not epoch-s like the first row');
    const quote = await json(await t.rpc('market:quote', { symbol: 'QQQ' }));
    expect(quote.body.source).toBe('simulated'); // nothing was stored
    const noColumns = await json(await t.rpc('market:importBars', { symbol: 'QQQ', csv: 'when,price\n1,2\n' }));
    expect(noColumns.message).toContain('Missing column(s) time, open, high, low, close');
  });

  it('reads epoch seconds (the real SPX 5-minute export)', async () => {
    const lines = fs.readFileSync(path.join(marketData, 'spx_5min_rth_2025-02-10_to_2026-02-13.csv'), 'utf8').split('\n').slice(0, 79);
    const { body } = await json(await t.rpc('market:importBars', { symbol: 'SPX', csv: lines.join('\n') }));
    expect(body).toMatchObject({ timeframe: '5m', imported: 78, timestampFormat: 'epoch-s', first: 1739197800_000 });
    const status = await json(await t.rpc('market:status', { at: Date.parse('2025-07-04T15:00:00Z') }));
    expect(status.body).toMatchObject({ status: 'closed', reason: 'Holiday: Independence Day' });
  });
});

describe('market calls with a Massive.com key', () => {
  let fake: FakeMassive;
  let t: TestHost;
  beforeAll(async () => {
    fake = await startFakeMassive([
      (url) =>
        url.pathname === '/v2/snapshot/locale/us/markets/stocks/tickers'
          ? { body: { status: 'OK', count: 1, tickers: [{ ticker: 'AAPL', todaysChange: 1.5, todaysChangePerc: 0.65, updated: 1, day: { c: 231.5 }, lastTrade: { p: 231.5, t: 1_740_429_001_000_000_000 }, prevDay: { c: 230 } }] } }
          : undefined,
    ]);
    t = await startTestHost({ env: { MASSIVE_API_KEY: 'k-123', MASSIVE_BASE_URL: fake.url } });
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('quotes through Massive and says so in health', async () => {
    const { body } = await json(await t.rpc('market:quote', { symbol: 'AAPL' }));
    expect(body).toMatchObject({ symbol: 'AAPL', last: 231.5, prevClose: 230, source: 'massive' });
    expect(fake.requests[0]!.authorization).toBe('Bearer k-123');
    const health = await json(await t.rpc('health:ready', {}));
    expect((health.body.checks as { name: string }[]).find((c) => c.name === 'provider:market')).toMatchObject({ data: { source: 'massive', configured: true, breaker: 'closed' } });
  });
});
