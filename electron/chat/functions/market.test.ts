import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Bar } from '../../../shared/schemas/market';
import { marketDate } from '../../market/calendar';
import { getChartData, MAX_BARS_SHOWN } from './get-chart-data';
import { getCurrentPrice } from './get-current-price';
import { getKeyLevels } from './get-key-levels';
import { getMacroContext } from './get-macro-context';
import { getMarketStatus } from './get-market-status';
import { expectCents, startFunctionHost, type FunctionHost } from './lib/testing';

/** Wilder's ATR written out from its definition (seed = mean of the first n true ranges). */
function referenceAtr(bars: readonly Bar[], n: number): number {
  const ranges = bars.slice(1).map((bar, i) => Math.max(bar.high - bar.low, Math.abs(bar.high - bars[i]!.close), Math.abs(bar.low - bars[i]!.close)));
  let atr = ranges.slice(0, n).reduce((a, b) => a + b, 0) / n;
  for (const range of ranges.slice(n)) atr = (atr * (n - 1) + range) / n;
  return atr;
}

describe('market functions through a real host (simulated market held at the start)', () => {
  let h: FunctionHost;
  beforeAll(async () => {
    h = await startFunctionHost();
  });
  afterAll(() => h.t.close());

  it('get_key_levels: the card holds the levels levels:get returned; the model gets the nearest ones each side, sorted', async () => {
    const levels = await h.call('levels:get', { symbol: 'SPX' });
    const { result, widget } = await h.run(getKeyLevels, { symbol: ' $spx ' });
    expect(widget?.type).toBe('key_levels');
    if (widget?.type !== 'key_levels') return;
    expect(widget.data.symbol).toBe('SPX');
    expect(widget.data.date).toBe(levels.date);
    expect(widget.data.levels.map((l) => l.name)).toEqual(levels.levels.map((l) => l.name));
    widget.data.levels.forEach((l, i) => expectCents(l.price, levels.levels[i]!.price));
    expectCents(widget.data.atrDaily!, levels.atr.daily!);

    const last = levels.lastPrice!;
    const above = result.resistanceAbove as { name: string; price: number; distance: number }[];
    const below = result.supportBelow as { name: string; price: number; distance: number }[];
    expect(above.length).toBeGreaterThan(0);
    expect(below.length).toBeGreaterThan(0);
    for (const l of above) expect(l.price).toBeGreaterThanOrEqual(last - 0.005);
    for (const l of below) expect(l.price).toBeLessThan(last + 0.005);
    expect(above.map((l) => l.distance)).toEqual([...above.map((l) => l.distance)].sort((a, b) => a - b));
    expect(below.map((l) => -l.distance)).toEqual([...below.map((l) => -l.distance)].sort((a, b) => a - b));
    // The nearest level above is the one with the smallest positive distance among all of them.
    const listed = levels.levels.filter((l) => !/pivot-(fibonacci|camarilla|woodie)/.test(l.group));
    const nearestAbove = listed.filter((l) => l.distance!.points >= 0).sort((a, b) => a.distance!.points - b.distance!.points)[0]!;
    expect(above[0]!.name).toBe(nearestAbove.name);
    expectCents(above[0]!.distance, nearestAbove.price - last);
    expect(result.notListed).toBe(listed.length - above.length - below.length);
    const camarilla = levels.levels.find((l) => l.name === 'R3 (camarilla)')!;
    expectCents((result.otherPivots as Record<string, Record<string, number>>).camarilla!.R3, camarilla.price);
    expect(result).toMatchObject({ symbol: 'SPX', date: levels.date, atr: { timeframe: '5m' } });
    expectCents((result.atr as { intraday: number }).intraday, levels.atr.intraday!);
  });

  it("get_key_levels on '15m' measures the intraday ATR on 15-minute regular-session bars", async () => {
    const levels = await h.call('levels:get', { symbol: 'SPY' });
    const { result } = await h.run(getKeyLevels, { symbol: 'spy', timeframe: '15m', date: levels.date });
    const bars = await h.call('market:bars', { symbol: 'SPY', timeframe: '15m', from: marketDate(Date.parse(`${levels.date}T12:00:00Z`) - 7 * 86_400_000), to: levels.date });
    const sessions = new Map(bars.sessions.map((s) => [s.date, s]));
    const dates = [...sessions.keys()].slice(-3);
    const regular = bars.bars.filter((b) => {
      const s = sessions.get(marketDate(b.time));
      return s && dates.includes(s.date) && b.time >= s.open && b.time < s.close;
    });
    expect(regular.length).toBeGreaterThan(15);
    expect(result.atr).toMatchObject({ timeframe: '15m' });
    expectCents((result.atr as { intraday: number }).intraday, referenceAtr(regular, 14));
  });

  it("get_key_levels: a weekend date is refused with the contract's message, bad arguments by the schema (tool errors the model reads)", async () => {
    await expect(h.run(getKeyLevels, { symbol: 'SPX', date: '2026-03-07' })).rejects.toThrow('date: 2026-03-07 is not a trading day: a weekend; the session before it is 2026-03-06');
    await expect(h.run(getKeyLevels, { symbol: 'SPX', timeframe: '2m' })).rejects.toThrow(/^Invalid arguments for get_key_levels: timeframe: /);
    expect(getKeyLevels.parameters.safeParse({ symbol: 'SPX', timeframe: '2m' }).success).toBe(false);
    expect(getKeyLevels.parameters.safeParse({ symbol: 'SPX', extra: 1 }).success).toBe(false);
    expect(getKeyLevels.parameters.safeParse({ symbol: 42 }).success).toBe(false);
    expect(getKeyLevels.parameters.safeParse({ symbol: 'SPX', date: '2026-02-30' }).success).toBe(false);
  });

  it('get_current_price returns the market quote', async () => {
    const quote = await h.call('market:quote', { symbol: 'QQQ' });
    const { result, widget } = await h.run(getCurrentPrice, { symbol: 'qqq' });
    expect(widget).toBeUndefined();
    expect(result).toMatchObject({ symbol: 'QQQ', session: quote.session, source: 'simulated' });
    expectCents(result.last, quote.last);
    expectCents(result.change, quote.change);
    expectCents(result.prevClose, quote.prevClose);
    await expect(h.run(getCurrentPrice, { symbol: 'ZZZZQ' })).rejects.toBeInstanceOf(Error);
  });

  it('get_chart_data summarises the bars of the last sessions and hands over at most 30', async () => {
    const { result } = await h.run(getChartData, { symbol: 'SPY', timeframe: '1d', days: 5 });
    const sessions = result.sessions as string[];
    expect(sessions).toHaveLength(5);
    const daily = await h.call('market:bars', { symbol: 'SPY', timeframe: '1d', from: sessions[0]!, to: sessions[4]! });
    expect(daily.bars).toHaveLength(5);
    const summary = result.summary as Record<string, number>;
    expectCents(summary.open, daily.bars[0]!.open);
    expectCents(summary.close, daily.bars[4]!.close);
    expectCents(summary.high, Math.max(...daily.bars.map((b) => b.high)));
    expectCents(summary.low, Math.min(...daily.bars.map((b) => b.low)));
    expect(summary.volume).toBe(daily.bars.reduce((s, b) => s + b.volume, 0));
    expectCents(summary.change, daily.bars[4]!.close - daily.bars[0]!.open);
    expect(result.lastBars).toHaveLength(5);

    const today = await h.run(getChartData, { symbol: 'SPY' });
    expect(today.result).toMatchObject({ timeframe: '5m', sessions: [expect.any(String)] });
    expect((today.result.lastBars as unknown[]).length).toBe(Math.min(MAX_BARS_SHOWN, today.result.bars as number));
    // Two sessions hold at least one whole one (78 regular 5-minute bars): only the last 30 are handed over.
    const twoDays = await h.run(getChartData, { symbol: 'SPY', timeframe: '5m', days: 2 });
    expect(twoDays.result.bars as number).toBeGreaterThan(78);
    expect(twoDays.result.lastBars as unknown[]).toHaveLength(MAX_BARS_SHOWN);
    expect(getChartData.parameters.safeParse({ symbol: 'SPY', days: 31 }).success).toBe(false);
  });

  it('get_market_status: status and the overview quotes as market:status and market:snapshot give them', async () => {
    const status = await h.call('market:status', {});
    const { result, widget } = await h.run(getMarketStatus, {});
    expect(result).toMatchObject({ status: status.status, reason: status.reason });
    expect(widget?.type).toBe('market_overview');
    if (widget?.type !== 'market_overview') return;
    const symbols = widget.data.quotes.map((q) => q.symbol);
    expect(symbols).toEqual(expect.arrayContaining(['SPX', 'SPY', 'QQQ']));
    const spy = await h.call('market:quote', { symbol: 'SPY' });
    expectCents(widget.data.quotes.find((q) => q.symbol === 'SPY')!.last, spy.last);
    expect(widget.data.status.nextOpen).toBe(status.nextOpen);
  });

  it('get_macro_context: next events, VIX and moves from macro:context, as a market overview card', async () => {
    const macro = await h.call('macro:context', {});
    const { result, widget } = await h.run(getMacroContext, {});
    expect(result.today).toBe(macro.today);
    expect((result.nextEvents as { fomc: { date: string } | null }).fomc?.date).toBe(macro.calendar.next.fomc?.date);
    expect(result.rate).toBeCloseTo(macro.rate.value, 4);
    if (macro.vix) expectCents((result.vix as { level: number }).level, macro.vix.level);
    expect(widget?.type).toBe('market_overview');
    if (widget?.type !== 'market_overview') return;
    expect(widget.data.events.map((e) => e.date)).toEqual(macro.calendar.upcoming.slice(0, 6).map((e) => e.date));
    for (const q of widget.data.quotes) {
      const move = macro.indices.find((m) => m.symbol === q.symbol)!;
      expectCents(q.prevClose, move.last - move.change);
    }
  });
});
