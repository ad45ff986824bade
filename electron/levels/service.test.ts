import { ATR } from 'technicalindicators';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LevelsResponse } from '../../shared/schemas/levels';
import type { Bar, BarsResult, Quote } from '../../shared/schemas/market';
import { addDays } from '../market/calendar';
import { startTestHost, type TestHost } from '../testing/test-host';
import { DAILY_LOOKBACK_DAYS } from './service';
import { startFakeMassive, type FakeMassive } from '../testing/fake-massive';
import { loadSpyDaily, loadSpyJuly2025, readMarketFile, SPY_JULY_2025 } from './testing/spy-data';

const MINUTE = 60_000;

/** Bars whose start lies in [from, to). */
const between = (bars: readonly Bar[], from: number, to: number) => bars.filter((b) => b.time >= from && b.time < to);
const high = (bars: readonly Bar[]) => Math.max(...bars.map((b) => b.high));
const low = (bars: readonly Bar[]) => Math.min(...bars.map((b) => b.low));
const level = (result: LevelsResponse, name: string) => result.levels.find((l) => l.name === name)?.price;

async function call<T>(t: TestHost, name: string, input: unknown): Promise<T> {
  const res = await t.rpc(name, input);
  const body = (await res.json()) as T;
  expect(res.status, JSON.stringify(body)).toBe(200);
  return body;
}

/** Status and error of a call expected to fail. */
async function failure(t: TestHost, input: unknown): Promise<{ status: number; code: string; message: string }> {
  const res = await t.rpc('levels:get', input);
  const { error } = (await res.json()) as { error: { code: string; message: string } };
  return { status: res.status, ...error };
}

/** One session's 1m bars (extended hours) as `market:bars` serves them, split into pre-market and regular hours. */
async function sessionMinutes(t: TestHost, symbol: string, date: string) {
  const { bars, sessions } = await call<BarsResult>(t, 'market:bars', { symbol, timeframe: '1m', from: date, to: date });
  const session = sessions[0]!;
  expect(session.date).toBe(date);
  return { bars, session, pre: between(bars, session.preOpen, session.open), regular: between(bars, session.open, session.close) };
}

describe('levels:get through the local API (simulated market)', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost();
  });
  afterAll(() => t.close());

  it("prior-day levels are the previous session's regular minutes, today's from today's minutes", async () => {
    const result = await call<LevelsResponse>(t, 'levels:get', { symbol: 'spy', date: '2025-07-02' });
    expect(result).toMatchObject({ symbol: 'SPY', source: 'simulated', date: '2025-07-02', previousDate: '2025-07-01' });

    const prior = await sessionMinutes(t, 'SPY', '2025-07-01');
    expect(prior.bars.length).toBeGreaterThan(prior.regular.length); // extended hours are served and must be left out
    expect(level(result, 'PDH')).toBe(high(prior.regular));
    expect(level(result, 'PDL')).toBe(low(prior.regular));
    const [priorDaily] = (await call<BarsResult>(t, 'market:bars', { symbol: 'SPY', timeframe: '1d', from: '2025-07-01', to: '2025-07-01' })).bars;
    expect(level(result, 'PDC')).toBe(priorDaily!.close);
    expect(level(result, 'PDC')).toBe(prior.regular.at(-1)!.close);

    const today = await sessionMinutes(t, 'SPY', '2025-07-02');
    expect(level(result, 'PMH')).toBe(high(today.pre));
    expect(level(result, 'PML')).toBe(low(today.pre));
    expect(level(result, 'Open')).toBe(today.regular[0]!.open);
    expect(level(result, 'HOD')).toBe(high(today.regular));
    expect(level(result, 'LOD')).toBe(low(today.regular));
    const first15 = between(today.regular, today.session.open, today.session.open + 15 * MINUTE);
    expect(first15).toHaveLength(15);
    expect(level(result, 'ORH 15m')).toBe(high(first15));
    expect(level(result, 'ORL 15m')).toBe(low(first15));
    // A past session is measured from its last print (after-hours included), not from today's quote.
    expect(result.lastPrice).toBe(today.bars.at(-1)!.close);
  });

  it('distances are level − last price, in points, percent and daily ATRs; ATR equals technicalindicators', async () => {
    const date = '2025-07-02';
    const result = await call<LevelsResponse>(t, 'levels:get', { symbol: 'QQQ', date });
    const { bars: daily } = await call<BarsResult>(t, 'market:bars', { symbol: 'QQQ', timeframe: '1d', from: addDays(date, -DAILY_LOOKBACK_DAYS), to: date });
    const completed = daily.slice(0, -1); // today's bar is still forming
    const theirAtr = ATR.calculate({ high: completed.map((b) => b.high), low: completed.map((b) => b.low), close: completed.map((b) => b.close), period: 14 }).at(-1)!;
    expect(result.atr.daily).toBeCloseTo(theirAtr, 9);
    expect(result.expectedMove?.atr?.upper).toBeCloseTo(level(result, 'PDC')! + theirAtr, 9);

    const last = result.lastPrice!;
    expect(result.levels.length).toBeGreaterThan(40);
    for (const { name, price, distance } of result.levels) {
      expect(distance, name).not.toBeNull();
      expect(distance!.points, name).toBeCloseTo(price - last, 9);
      expect(distance!.percent, name).toBeCloseTo(((price - last) / last) * 100, 9);
      expect(distance!.atr, name).toBeCloseTo((price - last) / theirAtr, 9);
    }
  });

  it('VWAP and its bands per regular-session minute, cumulative from 09:30', async () => {
    const result = await call<LevelsResponse>(t, 'levels:get', { symbol: 'SPY', date: '2025-07-02' });
    const { regular } = await sessionMinutes(t, 'SPY', '2025-07-02');
    expect(result.vwap.series.map((p) => p.time)).toEqual(regular.map((b) => b.time));
    let volume = 0;
    let priceVolume = 0;
    regular.forEach((bar, i) => {
      volume += bar.volume;
      priceVolume += ((bar.high + bar.low + bar.close) / 3) * bar.volume;
      const point = result.vwap.series[i]!;
      expect(point.vwap).toBeCloseTo(priceVolume / volume, 9);
      expect(point.upper2 - point.vwap).toBeCloseTo(2 * point.sigma, 9);
      expect(point.vwap - point.lower3).toBeCloseTo(3 * point.sigma, 9);
    });
    expect(result.vwap.last).toEqual(result.vwap.series.at(-1));
    expect(level(result, 'VWAP')).toBe(result.vwap.last!.vwap);
    expect(level(result, 'VWAP +1σ')).toBe(result.vwap.last!.upper1);
  });

  it('after a holiday, the prior day is the 13:00 early close before it', async () => {
    const result = await call<LevelsResponse>(t, 'levels:get', { symbol: 'SPY', date: '2025-07-07' });
    expect(result.previousDate).toBe('2025-07-03');
    const halfDay = await sessionMinutes(t, 'SPY', '2025-07-03');
    expect(halfDay.session.close - halfDay.session.open).toBe(210 * MINUTE);
    expect(between(halfDay.bars, halfDay.session.close, halfDay.session.afterClose).length).toBeGreaterThan(0);
    expect(level(result, 'PDH')).toBe(high(halfDay.regular));
    expect(level(result, 'PDL')).toBe(low(halfDay.regular));
    expect(level(result, 'PDC')).toBe(halfDay.regular.at(-1)!.close);
  });

  it('without a date: the session of the latest bar, measured from the quote', async () => {
    const result = await call<LevelsResponse>(t, 'levels:get', { symbol: 'SPY' });
    const { bars } = await call<BarsResult>(t, 'market:bars', { symbol: 'SPY', timeframe: '1m' });
    const latest = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' }).format(bars.at(-1)!.time);
    expect(result.date).toBe(latest);
    const quote = await call<Quote>(t, 'market:quote', { symbol: 'SPY' });
    // The simulated last price moves within the minute under way; the quote is rounded to cents.
    expect(Math.abs(result.lastPrice! - quote.last)).toBeLessThan(quote.last * 0.002);
  });

  it('refuses closed days, future dates, bad input and unknown symbols, naming the problem', async () => {
    expect(await failure(t, { symbol: 'SPY', date: '2025-07-04' })).toMatchObject({
      status: 400,
      code: 'invalid_input',
      message: 'Invalid input for levels:get: date: 2025-07-04 is not a trading day: a market holiday (Independence Day); the session before it is 2025-07-03',
    });
    expect((await failure(t, { symbol: 'SPY', date: '2025-07-05' })).message).toContain('2025-07-05 is not a trading day: a weekend');
    const nextYear = `${new Date().getUTCFullYear() + 1}-06-01`;
    expect(await failure(t, { symbol: 'SPY', date: nextYear })).toMatchObject({ status: 400, message: expect.stringContaining(`${nextYear} is in the future`) });
    expect(await failure(t, { symbol: 'SPY', date: '2025-02-30' })).toMatchObject({ status: 400, message: expect.stringContaining('Not a real calendar date') });
    expect(await failure(t, { symbol: '$$$' })).toMatchObject({ status: 400, message: expect.stringContaining('Symbol must be 1–10 letters') });
    expect(await failure(t, { symbol: 'SPY', extra: 1 })).toMatchObject({ status: 400 });
    // The simulated market's history begins on 2025-01-02.
    expect(await failure(t, { symbol: 'SPY', date: '2024-12-02' })).toMatchObject({ status: 404, message: 'No simulated bars for SPY on 2024-12-02 or the session before it' });
    expect(await failure(t, { symbol: 'ZZZZ', date: '2025-07-02' })).toMatchObject({ status: 404, code: 'not_found', message: expect.stringContaining('Unknown symbol ZZZZ') });
  });

  it('logs each computation under the request id', async () => {
    const res = await t.rpc('levels:get', { symbol: 'SPY', date: '2025-07-02' }, { headers: { 'x-request-id': 'levels-log-1' } });
    expect(res.status).toBe(200);
    const line = t.logs.find((l) => l.requestId === 'levels-log-1' && l.msg === 'levels computed');
    expect(line).toMatchObject({ call: 'levels:get', symbol: 'SPY', date: '2025-07-02', source: 'simulated', vwapPoints: 390 });
  });
});

describe('levels:get on imported real SPY minutes (July 2025)', () => {
  let t: TestHost;
  beforeAll(async () => {
    t = await startTestHost();
    const lines = readMarketFile(SPY_JULY_2025).split('\n');
    const csv = [lines[0], ...lines.filter((l) => /^2025-07-0[123] /.test(l))].join('\n');
    await call(t, 'market:importBars', { symbol: 'SPY', csv });
  });
  afterAll(() => t.close());

  it("defaults to the last imported session; PDH/PDL equal SPY's official 2025-07-02 high and low", async () => {
    const result = await call<LevelsResponse>(t, 'levels:get', { symbol: 'SPY' });
    expect(result).toMatchObject({ symbol: 'SPY', source: 'csv', date: '2025-07-03', previousDate: '2025-07-02' });
    // spy_daily_2021-01-04_to_2025-12-31.csv, 2025-07-02: high 620.49, low 616.61.
    expect(level(result, 'PDH')).toBeCloseTo(620.49, 2);
    expect(level(result, 'PDL')).toBeCloseTo(616.61, 2);
    // The file's 2025-07-03 04:00–09:29 rows, read without the app's parser; 08:57's bad 617.325 print included (no filter).
    const pre = readMarketFile(SPY_JULY_2025)
      .split('\n')
      .filter((l) => /^2025-07-03 0(4|5|6|7|8|9):/.test(l) && l.slice(11, 16) < '09:30')
      .map((l) => l.split(',').map(Number));
    expect(level(result, 'PMH')).toBe(Math.max(...pre.map((r) => r[2]!)));
    expect(level(result, 'PML')).toBe(Math.min(...pre.map((r) => r[3]!)));
    expect(level(result, 'PML')).toBe(617.325);
    // The half day's last print (16:59 after-hours) is the last price, and the quote agrees.
    const quote = await call<Quote>(t, 'market:quote', { symbol: 'SPY' });
    expect(result.lastPrice).toBe(quote.last);
  });

  it('5-minute imports (the real SPX export) stand in for minutes: prior day and opening range from the 5m rows', async () => {
    const open0211 = 1739284200; // 2025-02-11 09:30 New York, epoch s
    const rows = readMarketFile('spx_5min_rth_2025-02-10_to_2026-02-13.csv').trim().split('\n');
    const twoDays = rows.slice(1).filter((l) => Number(l.split(',')[0]) < open0211 + 86_400);
    await call(t, 'market:importBars', { symbol: 'SPX', csv: [rows[0], ...twoDays].join('\n') });
    const result = await call<LevelsResponse>(t, 'levels:get', { symbol: 'SPX', date: '2025-02-11' });
    expect(result).toMatchObject({ symbol: 'SPX', source: 'csv', previousDate: '2025-02-10' });
    const parsed = twoDays.map((l) => l.split(',').map(Number) as [number, number, number, number, number]);
    // 2025-02-10 09:30–15:55 (the file's 16:00 row is after the close and left out).
    const priorRegular = parsed.filter(([time]) => time >= open0211 - 86_400 && time < open0211 - 86_400 + 390 * 60);
    expect(priorRegular).toHaveLength(78);
    expect(level(result, 'PDH')).toBe(Math.max(...priorRegular.map((r) => r[2])));
    expect(level(result, 'PDL')).toBe(Math.min(...priorRegular.map((r) => r[3])));
    expect(level(result, 'PDC')).toBe(priorRegular.at(-1)![4]);
    const first15 = parsed.filter(([time]) => time >= open0211 && time < open0211 + 15 * 60);
    expect(first15).toHaveLength(3);
    expect(level(result, 'ORH 15m')).toBe(Math.max(...first15.map((r) => r[2])));
    expect(level(result, 'ORL 15m')).toBe(Math.min(...first15.map((r) => r[3])));
  });
});

describe('levels:get with a Massive.com key (a fake server serving the real SPY files)', () => {
  const newYorkDates = new Intl.DateTimeFormat('en-CA', { timeZone: 'America/New_York' });
  const newYorkDate = (time: number) => newYorkDates.format(time);
  const minutes = loadSpyJuly2025().bars;
  const daily = loadSpyDaily();
  const aggregates = (bars: readonly Bar[], from: string, to: string) => ({
    status: 'OK',
    results: bars.filter((b) => newYorkDate(b.time) >= from && newYorkDate(b.time) <= to).map((b) => ({ t: b.time, o: b.open, h: b.high, l: b.low, c: b.close, v: b.volume })),
  });
  let fake: FakeMassive;
  let t: TestHost;
  beforeAll(async () => {
    fake = await startFakeMassive([
      (url) => {
        const [, range, from, to] = /^\/v2\/aggs\/ticker\/SPY\/range\/(1\/minute|1\/day)\/([\d-]+)\/([\d-]+)$/.exec(url.pathname) ?? [];
        if (!range) return undefined;
        return { body: aggregates(range === '1/day' ? daily : minutes, from!, to!) };
      },
      (url) =>
        url.pathname === '/v2/snapshot/locale/us/markets/stocks/tickers'
          ? { body: { status: 'OK', tickers: [{ ticker: 'SPY', todaysChange: 1, todaysChangePerc: 0.1, updated: 1, day: { c: 700 }, lastTrade: { p: 700, t: Date.now() * 1e6 }, prevDay: { c: 699 } }] } }
          : undefined,
    ]);
    t = await startTestHost({ env: { MASSIVE_API_KEY: 'k-levels', MASSIVE_BASE_URL: fake.url } });
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  it("prior day from Massive's daily bar (the official close, not the 15:59 minute), measured from the session's last print", async () => {
    const result = await call<LevelsResponse>(t, 'levels:get', { symbol: 'SPY', date: '2025-07-03' });
    expect(result).toMatchObject({ source: 'massive', previousDate: '2025-07-02' });
    // spy_daily, 2025-07-02: high 620.49, low 616.61, close 620.45 (the 15:59 minute closed at 620.39).
    expect(level(result, 'PDH')).toBeCloseTo(620.49, 4);
    expect(level(result, 'PDL')).toBeCloseTo(616.61, 4);
    expect(level(result, 'PDC')).toBeCloseTo(620.45, 4);
    // Today's quote (700) is another session's: distances are from 07-03's last bar (16:59 after-hours).
    const afterHoursEnd = Date.parse('2025-07-03T21:00:00Z'); // 17:00 New York on the half day
    const lastMinute = minutes.filter((b) => newYorkDate(b.time) === '2025-07-03' && b.time < afterHoursEnd).at(-1)!;

    expect(result.lastPrice).toBe(lastMinute.close);
    expect(fake.requests.every((r) => r.authorization === 'Bearer k-levels')).toBe(true);
  });
});
