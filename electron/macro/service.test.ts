import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MacroContext } from '../../shared/schemas/macro';
import { SimulatedMarket } from '../market/simulated';
import { DEFAULT_RISK_FREE_RATE } from '../options/pricing/underlyings';
import { startFakeMassive, type FakeMassive } from '../testing/fake-massive';
import { startTestHost, type TestHost } from '../testing/test-host';
import { MacroService, SECTOR_ETFS } from './service';
import { modelVixLevel } from './vix-term';

async function context(t: TestHost, input: unknown): Promise<MacroContext> {
  const res = await t.rpc('macro:context', input);
  const body = (await res.json()) as MacroContext;
  expect(res.status, JSON.stringify(body)).toBe(200);
  return body;
}

describe('macro:context through the local API (simulated market)', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost();
  });
  afterAll(() => t.close());

  it('gives the rate, the VIX curve around the VIX quote, the calendar and every index and sector move', async () => {
    const c = await context(t, { upcoming: 5 });
    expect(c.rate.value).toBe(DEFAULT_RISK_FREE_RATE);
    expect(c.indices.map((m) => m.symbol)).toEqual(['SPX', 'NDX', 'RUT', 'DIA', 'VIX']);
    expect(c.sectors.map((m) => m.symbol)).toEqual(Object.keys(SECTOR_ETFS));
    expect(c.sectors.find((m) => m.symbol === 'XLE')).toMatchObject({ sector: 'Energy', name: 'Energy Select Sector SPDR Fund', source: 'simulated' });
    for (const m of [...c.indices, ...c.sectors]) expect(m.change / (m.last - m.change) * 100).toBeCloseTo(m.changePercent, 1);
    const vix = c.vix!;
    expect(vix.level).toBe(c.indices.find((m) => m.symbol === 'VIX')!.last);
    expect(vix.termStructure.map((p) => [p.symbol, p.source])).toEqual([['VIX9D', 'model'], ['VIX', 'simulated'], ['VIX3M', 'model'], ['VIX6M', 'model']]);
    expect(vix.termStructure[3]!.level).toBeCloseTo(modelVixLevel(vix.level, 183), 2);
    expect(vix.ratio).toBeCloseTo(vix.level / vix.termStructure[2]!.level, 10);
    expect(vix.shape).toBe(vix.ratio < 0.99 ? 'contango' : vix.ratio > 1.01 ? 'backwardation' : 'flat');
    expect(vix.note).toContain('modelled');
    expect(c.calendar.upcoming.length).toBeLessThanOrEqual(5);
    for (const e of c.calendar.upcoming) expect(e.at).toBeGreaterThanOrEqual(c.asOf);
    expect(c.calendar.sources.map((s) => s.kind)).toEqual(['fomc', 'cpi', 'nfp']);
    expect(c.warnings).toEqual([]);
  });

  it('answers GET /api/macro/context with the query string, and refuses a bad count', async () => {
    const res = await t.request('/api/macro/context?upcoming=3');
    expect(res.status).toBe(200);
    expect(((await res.json()) as MacroContext).calendar.upcoming.length).toBeLessThanOrEqual(3);
    const bad = await t.request('/api/macro/context?upcoming=0');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string; message: string } }).error).toMatchObject({ code: 'invalid_input', message: expect.stringContaining('upcoming') });
  });
});

describe('MacroService at a fixed clock', () => {
  it('reports the simulated quotes of that instant and the events after it', async () => {
    const now = Date.parse('2025-12-10T15:00:00-05:00'); // an hour after the December 2025 FOMC statement
    const market = new SimulatedMarket({ now: () => now });
    const service = new MacroService({
      market: { describe: () => ({ source: 'simulated', configured: false }), snapshot: (symbols) => Promise.all(symbols.map((s) => market.quote(s))) },
      now: () => now,
    });
    const c = await service.context(3);
    const spx = await market.quote('SPX');
    expect(c.indices[0]).toMatchObject({ symbol: 'SPX', last: spx.last, change: spx.change });
    expect(c.today).toBe('2025-12-10');
    expect(c.calendar.next.fomc).toMatchObject({ date: '2026-01-28', daysUntil: 49 });
    expect(c.calendar.upcoming.map((e) => `${e.kind} ${e.date}`)).toEqual(['nfp 2025-12-16', 'cpi 2025-12-18', 'nfp 2026-01-09']);
  });
});

describe('macro:context with a Massive.com key', () => {
  let fake: FakeMassive;
  let t: TestHost;
  const indexValues: Record<string, [number, number]> = { 'I:SPX': [6050, 6000], 'I:NDX': [21400, 21000], 'I:RUT': [2240, 2250], 'I:VIX': [24, 20], 'I:VIX9D': [27, 21], 'I:VIX3M': [22.5, 21] };
  beforeAll(async () => {
    fake = await startFakeMassive([
      (url) => {
        if (url.pathname !== '/v3/snapshot/indices') return undefined;
        const results = (url.searchParams.get('ticker.any_of') ?? '')
          .split(',')
          .flatMap((ticker) => (indexValues[ticker] ? [{ ticker, value: indexValues[ticker][0], session: { previous_close: indexValues[ticker][1] } }] : []));
        return { body: { status: 'OK', results } };
      },
      (url) =>
        url.pathname === '/v2/snapshot/locale/us/markets/stocks/tickers' && url.searchParams.get('tickers') === 'XLK'
          ? { body: { status: 'OK', tickers: [{ ticker: 'XLK', lastTrade: { p: 265 }, prevDay: { c: 260 } }] } }
          : undefined,
    ]);
    t = await startTestHost({ env: { MASSIVE_API_KEY: 'k-macro', MASSIVE_BASE_URL: fake.url } });
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it('uses the quoted tenors, models only the missing one, and names what could not be quoted', async () => {
    const c = await context(t, {});
    const vix = c.vix!;
    // VIX6M is not quoted: 19.5 + (24 − 19.5)·e^(−3·153/365) = 19.5 + 4.5·0.284354 = 20.78
    expect(vix.termStructure).toEqual([
      { symbol: 'VIX9D', tenorDays: 9, level: 27, source: 'massive' },
      { symbol: 'VIX', tenorDays: 30, level: 24, source: 'massive' },
      { symbol: 'VIX3M', tenorDays: 93, level: 22.5, source: 'massive' },
      { symbol: 'VIX6M', tenorDays: 183, level: 20.78, source: 'model' },
    ]);
    // 24 / 22.5 = 1.0667: near-term volatility above the 3-month, backwardation.
    expect(vix).toMatchObject({ shape: 'backwardation', ratio: expect.closeTo(1.0667, 4), change: 4, changePercent: 20 });
    expect(c.indices.map((m) => m.symbol)).toEqual(['SPX', 'NDX', 'RUT', 'VIX']);
    expect(c.sectors).toEqual([{ symbol: 'XLK', name: 'Technology Select Sector SPDR Fund', sector: 'Technology', last: 265, change: 5, changePercent: expect.closeTo(1.9231, 4), source: 'massive' }]);
    expect(c.warnings).toEqual(['No massive quote for DIA, XLF, XLE, XLV, XLY, XLP, XLI, XLU, XLB, XLRE, XLC']);
  });
});
