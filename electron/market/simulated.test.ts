import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { Bar } from '../../shared/schemas/market';
import { loadSpyDaily } from '../levels/testing/spy-data';
import { makeTempDir } from '../testing/test-host';
import { sessionFor } from './calendar';
import { SimulatedMarket } from './simulated';

const here = path.dirname(fileURLToPath(import.meta.url));
// A Wednesday afternoon long after the ranges below, so every day asked for is complete.
const LATER = Date.parse('2026-06-17T18:00:00Z');
const market = (now = LATER) => new SimulatedMarket({ now: () => now });

describe('simulated market: determinism', () => {
  it('gives the same bars for a day whatever range it is asked in', async () => {
    const alone = await market().bars('SPY', '1m', '2026-03-10', '2026-03-10');
    const inRange = await market().bars('SPY', '1m', '2026-03-05', '2026-03-12');
    const session = sessionFor('2026-03-10')!;
    expect(alone.length).toBeGreaterThan(700);
    expect(inRange.filter((b) => b.time >= session.preOpen && b.time < session.afterClose)).toEqual(alone);
    // A fresh instance asked for a much later day first walks its chain the same way.
    const lateFirst = market();
    await lateFirst.bars('SPY', '1d', '2026-06-01', '2026-06-05');
    expect(await lateFirst.bars('SPY', '1m', '2026-03-10', '2026-03-10')).toEqual(alone);
  });

  it('gives the same bars in another process', async () => {
    const dir = makeTempDir('titm-sim-');
    const script = path.join(dir, 'print-bars.mts');
    fs.writeFileSync(
      script,
      `import { SimulatedMarket } from ${JSON.stringify(path.join(here, 'simulated.ts'))};
const m = new SimulatedMarket({ now: () => ${LATER} });
console.log(JSON.stringify(await m.bars('NVDA', '5m', '2025-11-26', '2025-11-28')));`,
    );
    const child = spawnSync(process.execPath, ['--import', 'tsx', script], { encoding: 'utf8', cwd: path.join(here, '../..') });
    fs.rmSync(dir, { recursive: true, force: true });
    expect(child.stderr).toBe('');
    const fromChild: unknown = JSON.parse(child.stdout);
    expect(fromChild).toEqual(await market().bars('NVDA', '5m', '2025-11-26', '2025-11-28'));
  });

  it('daily bars agree with the regular-session minutes', async () => {
    const [daily] = await market().bars('QQQ', '1d', '2026-02-10', '2026-02-10');
    const session = sessionFor('2026-02-10')!;
    const regular = (await market().bars('QQQ', '1m', '2026-02-10', '2026-02-10')).filter((b) => b.time >= session.open && b.time < session.close);
    expect(daily).toEqual({
      time: Date.parse('2026-02-10T05:00:00Z'), // 00:00 New York
      open: regular[0]!.open,
      high: Math.max(...regular.map((b) => b.high)),
      low: Math.min(...regular.map((b) => b.low)),
      close: regular[regular.length - 1]!.close,
      volume: regular.reduce((sum, b) => sum + b.volume, 0),
    });
  });
});

describe('simulated market: the trading calendar', () => {
  it('has no bars on holidays or weekends', async () => {
    const bars = await market().bars('SPY', '1h', '2025-12-24', '2025-12-28');
    const dates = new Set(bars.map((b) => new Date(b.time - 5 * 3_600_000).toISOString().slice(0, 10)));
    expect([...dates]).toEqual(['2025-12-24', '2025-12-26']);
    expect(await market().bars('SPX', '1m', '2025-01-09', '2025-01-09')).toEqual([]);
    expect(await market().bars('SPX', '1d', '2027-03-26', '2027-03-26')).toEqual([]);
  });

  it('ends an early-close day at 13:00 with after-hours to 17:00', async () => {
    const session = sessionFor('2025-11-28')!;
    const bars = await market().bars('SPY', '1m', '2025-11-28', '2025-11-28');
    expect(bars[0]!.time).toBe(session.preOpen);
    expect(bars[bars.length - 1]!.time).toBeLessThan(session.afterClose);
    const regular = bars.filter((b) => b.time >= session.open && b.time < session.close);
    expect(regular).toHaveLength(210); // 09:30–13:00, every minute trades
  });

  it('indices print the regular session only, with no volume', async () => {
    const session = sessionFor('2026-03-10')!;
    const bars = await market().bars('SPX', '1m', '2026-03-10', '2026-03-10');
    expect(bars).toHaveLength(390);
    expect(bars[0]!.time).toBe(session.open);
    expect(bars.every((b) => b.volume === 0)).toBe(true);
  });
});

describe('simulated market: realism', () => {
  it('prices sit where the real instruments trade', async () => {
    const m = market();
    const ranges: Record<string, [number, number]> = { SPX: [4500, 7500], NDX: [15000, 27000], SPY: [450, 750], QQQ: [380, 650], VIX: [8, 45] };
    for (const [symbol, [low, high]] of Object.entries(ranges)) {
      for (const bar of await m.bars(symbol, '1d', '2025-01-02', '2026-06-16')) {
        expect(bar.low, symbol).toBeGreaterThan(low);
        expect(bar.high, symbol).toBeLessThan(high);
        expect(bar.high).toBeGreaterThanOrEqual(Math.max(bar.open, bar.close));
        expect(bar.low).toBeLessThanOrEqual(Math.min(bar.open, bar.close));
      }
    }
  });

  it('volume is U-shaped in the regular session and thin outside it', async () => {
    const days = await market().bars('SPY', '1m', '2026-03-02', '2026-03-13');
    const byPhase = { pre: 0, firstHalfHour: 0, lunch: 0, lastHalfHour: 0, after: 0 };
    for (const bar of days) {
      const session = sessionFor(bar.time)!;
      const minute = (bar.time - session.open) / 60_000;
      if (bar.time < session.open) byPhase.pre += bar.volume;
      else if (bar.time >= session.close) byPhase.after += bar.volume;
      else if (minute < 30) byPhase.firstHalfHour += bar.volume;
      else if (minute >= 150 && minute < 180) byPhase.lunch += bar.volume;
      else if (minute >= 360) byPhase.lastHalfHour += bar.volume;
    }
    expect(byPhase.firstHalfHour).toBeGreaterThan(2 * byPhase.lunch);
    expect(byPhase.lastHalfHour).toBeGreaterThan(2 * byPhase.lunch);
    // 330 pre-market minutes trade less than the 30 minutes of lunch.
    expect(byPhase.pre).toBeLessThan(byPhase.lunch);
    expect(byPhase.after).toBeLessThan(byPhase.lunch);
  });

  it('opens away from the previous close (overnight gaps) and clusters volatility', async () => {
    const daily = await market().bars('SPY', '1d', '2025-01-02', '2026-06-16');
    const gaps = daily.slice(1).map((bar, i) => Math.abs(bar.open / daily[i]!.close - 1));
    expect(gaps.filter((g) => g > 0.001).length).toBeGreaterThan(gaps.length / 2);
    // Clustering: big moves follow big moves, so |return| is positively autocorrelated.
    const moves = daily.slice(1).map((bar, i) => Math.abs(Math.log(bar.close / daily[i]!.close)));
    const mean = moves.reduce((a, b) => a + b, 0) / moves.length;
    let cov = 0;
    let variance = 0;
    for (let i = 1; i < moves.length; i += 1) cov += (moves[i]! - mean) * (moves[i - 1]! - mean);
    for (const m of moves) variance += (m - mean) ** 2;
    expect(cov / variance).toBeGreaterThan(0.05);
  });
});

/** Mean high–low range over the daily σ of close-to-close log returns, and the overnight (close→open) share of the variance. */
function dailyShape(daily: readonly Bar[]): { rangeOverSigma: number; overnightShare: number } {
  const moves = daily.slice(1).map((bar, i) => Math.log(bar.close / daily[i]!.close));
  const gaps = daily.slice(1).map((bar, i) => Math.log(bar.open / daily[i]!.close));
  const meanSquare = (xs: number[]) => xs.reduce((a, x) => a + x * x, 0) / xs.length;
  const range = daily.reduce((a, bar) => a + (bar.high - bar.low) / bar.close, 0) / daily.length;
  return { rangeOverSigma: range / Math.sqrt(meanSquare(moves)), overnightShare: meanSquare(gaps) / meanSquare(moves) };
}

describe('simulated market: like the real market', () => {
  it('index ETFs are their index times a ratio in regular hours, minute by minute', async () => {
    for (const [etf, index, ratio] of [['SPY', 'SPX', 1 / 10.03], ['QQQ', 'NDX', 1 / 40.6], ['IWM', 'RUT', 1 / 10.05]] as const) {
      const indexBars = await market().bars(index, '1m', '2026-03-09', '2026-03-10');
      const byTime = new Map((await market().bars(etf, '1m', '2026-03-09', '2026-03-10')).map((bar) => [bar.time, bar]));
      expect(indexBars.length).toBe(2 * 390);
      for (const bar of indexBars) {
        const tracked = byTime.get(bar.time)!;
        for (const field of ['open', 'high', 'low', 'close'] as const) expect(Math.abs(tracked[field] - bar[field] * ratio), `${etf} ${field}`).toBeLessThanOrEqual(0.005 + 1e-9);
        expect(tracked.volume).toBeGreaterThan(0);
      }
      // The ETF still trades before and after the index's hours.
      expect(byTime.size).toBeGreaterThan(indexBars.length);
      const quote = await market().quote(etf);
      const indexQuote = await market().quote(index);
      expect(quote.prevClose).toBeCloseTo(indexQuote.prevClose * ratio, 2);
    }
  });

  it("splits the day's variance and sizes the day's range as the real SPY does", async () => {
    // Real SPY, 2021–2025 (../shared/market-data): range ≈ 1.0–1.25 daily σ, about a third of the variance overnight.
    const real = dailyShape(loadSpyDaily());
    const simulated = dailyShape(await market().bars('SPY', '1d', '2025-01-02', '2026-06-16'));
    expect(real.rangeOverSigma).toBeGreaterThan(1);
    expect(real.rangeOverSigma).toBeLessThan(1.25);
    expect(simulated.rangeOverSigma / real.rangeOverSigma).toBeGreaterThan(0.85);
    expect(simulated.rangeOverSigma / real.rangeOverSigma).toBeLessThan(1.2);
    expect(simulated.overnightShare).toBeGreaterThan(0.6 * real.overnightShare);
    expect(simulated.overnightShare).toBeLessThan(1.4 * real.overnightShare);
  });
});

describe('simulated market: the live day', () => {
  const session = sessionFor('2026-03-10')!;

  it("stops today's bars at the clock, with the minute under way partly done", async () => {
    const now = session.open + 60 * 60_000 + 30_000; // 10:30:30
    const bars = await market(now).bars('SPY', '1m', '2026-03-10', '2026-03-10');
    const full = await market().bars('SPY', '1m', '2026-03-10', '2026-03-10');
    const last = bars[bars.length - 1]!;
    expect(last.time).toBe(session.open + 60 * 60_000);
    expect(bars.slice(0, -1)).toEqual(full.slice(0, bars.length - 1));
    const whole = full[bars.length - 1]!;
    expect(last.open).toBe(whole.open);
    expect(last.volume).toBe(Math.round(whole.volume / 2));
    expect(await market(now).bars('SPY', '1m', '2026-03-11', '2026-03-11')).toEqual([]);
  });

  it('quotes the last print against the previous close, and moves with the clock', async () => {
    const at = (minutes: number) => market(session.open + minutes * 60_000).quote('SPY');
    const first = await at(30);
    const later = await at(90);
    const [yesterday] = await market().bars('SPY', '1d', '2026-03-09', '2026-03-09');
    expect(first).toMatchObject({ symbol: 'SPY', session: 'open', source: 'simulated', prevClose: yesterday!.close });
    expect(first.change).toBeCloseTo(first.last - first.prevClose, 2);
    expect(first.changePercent).toBeCloseTo((first.change / first.prevClose) * 100, 1);
    expect(later.last).not.toBe(first.last);
    const weekend = await market(Date.parse('2026-03-14T15:00:00Z')).quote('SPX');
    expect(weekend.session).toBe('closed');
    const [friday] = await market().bars('SPX', '1d', '2026-03-13', '2026-03-13');
    expect(weekend.last).toBe(friday!.close);
  });

  it('quotes the session before at the very millisecond the first bar of the day begins', async () => {
    const monday = sessionFor('2026-12-07')!;
    const [friday] = await market(monday.preOpen).bars('SPX', '1d', '2026-12-04', '2026-12-04');
    // SPY's day starts with the 04:00 pre-market bar, SPX's with the 09:30 open.
    const spy = await market(monday.preOpen).quote('SPY');
    expect(spy).toMatchObject({ session: 'pre', time: Date.parse('2026-12-05T01:00:00Z') }); // Friday's 19:59 bar ended at 20:00
    const spx = await market(monday.open).quote('SPX');
    expect(spx).toMatchObject({ session: 'open', last: friday!.close });
    expect((await market(monday.preOpen + 1).quote('SPY')).time).toBe(monday.preOpen + 1);
  });

  it('refuses an unknown symbol with a clear message', async () => {
    await expect(market().quote('ZZZZ')).rejects.toMatchObject({ code: 'not_found', message: expect.stringContaining('Unknown symbol ZZZZ') });
    expect(await market().snapshot(['SPY', 'ZZZZ', 'VIX'])).toHaveLength(2);
  });
});
