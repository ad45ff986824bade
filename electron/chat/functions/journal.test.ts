import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TradeCreate } from '../../../shared/schemas/journal';
import { analyzeTradeHistory } from './analyze-trade-history';
import { getTradeHistory } from './get-trade-history';
import { startFunctionHost, type FunctionHost } from './lib/testing';

/**
 * Five closed trades (one a day, 2026-03-02 to 03-06) and one open one. Net P&L by hand:
 * SPY 10 × (105 − 100) − 1 = 49 · SPY 10 × (98 − 100) − 1 = −21 · QQQ short 5 × (200 − 190) = 50 ·
 * AAPL 20 × (45 − 50) = −100 · SPX call 1 × 100 × (12.5 − 10) − 2 = 248.
 */
const day = (d: number, hour: number) => `2026-03-0${d}T${hour}:00:00Z`;
const TRADES: TradeCreate[] = [
  { symbol: 'SPY', side: 'long', quantity: 10, entryPrice: 100, exitPrice: 105, entryTime: day(2, 15), exitTime: day(2, 16), fees: 1 },
  { symbol: 'SPY', side: 'long', quantity: 10, entryPrice: 100, exitPrice: 98, entryTime: day(3, 15), exitTime: day(3, 16), fees: 1, strategy: 'scalp' },
  { symbol: 'QQQ', side: 'short', quantity: 5, entryPrice: 200, exitPrice: 190, entryTime: day(4, 15), exitTime: day(4, 16) },
  { symbol: 'AAPL', side: 'long', quantity: 20, entryPrice: 50, exitPrice: 45, entryTime: day(5, 15), exitTime: day(5, 16), strategy: 'scalp' },
  {
    symbol: 'SPXW 260320C6000',
    underlying: 'SPX',
    assetType: 'option',
    optionType: 'call',
    strike: 6000,
    expiry: '2026-03-20',
    side: 'long',
    quantity: 1,
    entryPrice: 10,
    exitPrice: 12.5,
    entryTime: day(6, 15),
    exitTime: day(6, 17),
    fees: 2,
  },
  { symbol: 'TSLA', side: 'long', quantity: 3, entryPrice: 250, entryTime: day(9, 15) },
];

describe('journal functions through a real host', () => {
  let h: FunctionHost;
  beforeAll(async () => {
    h = await startFunctionHost();
    for (const trade of TRADES) await h.call('journal:create', trade);
  });
  afterAll(() => h.t.close());

  it('analyze_trade_history: the statistics of the five closed trades, as computed by hand', async () => {
    const { result, widget } = await h.run(analyzeTradeHistory, {});
    expect(result).toMatchObject({ trades: 5, openTrades: 1, wins: 3, losses: 2, netPnl: 226, winRate: 0.6, expectancy: 45.2, averageLoss: -60.5, largestWin: 248, largestLoss: -100, maxDrawdown: 100 });
    expect(result.profitFactor).toBe(2.87); // 347 / 121
    expect(result.averageWin).toBe(115.67); // 347 / 3
    expect(widget?.type).toBe('journal_stats');
    if (widget?.type !== 'journal_stats') return;
    expect(widget.data).toMatchObject({ trades: 5, wins: 3, losses: 2, netPnl: 226, maxDrawdown: 100, profitFactor: 2.87 });
    // Equity after each exit: 49, 28, 78, −22, 226.
    expect(widget.data.equity).toEqual([49, 28, 78, -22, 226]);
    expect(widget.data.best).toEqual([
      { label: 'SPX', netPnl: 248, trades: 1 },
      { label: 'QQQ', netPnl: 50, trades: 1 },
      { label: 'SPY', netPnl: 28, trades: 2 },
    ]);
    expect(widget.data.worst).toEqual([
      { label: 'scalp (strategy)', netPnl: -121, trades: 2 },
      { label: 'AAPL', netPnl: -100, trades: 1 },
    ]);
  });

  it('analyze_trade_history for one symbol and a date range; none matching says so without a card', async () => {
    const spy = await h.run(analyzeTradeHistory, { symbol: 'spy' });
    expect(spy.result).toMatchObject({ trades: 2, wins: 1, losses: 1, netPnl: 28 });
    expect(spy.widget?.title).toBe('Journal stats · SPY');
    const middle = await h.run(analyzeTradeHistory, { from: '2026-03-03', to: '2026-03-05' });
    expect(middle.result).toMatchObject({ trades: 3, netPnl: -71 });
    const none = await h.run(analyzeTradeHistory, { symbol: 'NVDA' });
    expect(none.result).toMatchObject({ trades: 0, note: expect.stringContaining('No closed trades') });
    expect(none.widget).toBeUndefined();
  });

  it('get_trade_history: newest first, limited, filtered, with the total count', async () => {
    const latest = await h.run(getTradeHistory, { limit: 3 });
    expect(latest.result).toMatchObject({ total: 6, shown: 3 });
    expect((latest.result.trades as { symbol: string }[]).map((t) => t.symbol)).toEqual(['TSLA', 'SPXW 260320C6000', 'AAPL']);
    const trades = latest.result.trades as Record<string, unknown>[];
    expect(trades[0]).toMatchObject({ netPnl: null, exitPrice: null });
    expect(trades[1]).toMatchObject({ underlying: 'SPX', option: '6000 call 2026-03-20', netPnl: 248 });
    const spy = await h.run(getTradeHistory, { symbol: 'SPY' });
    expect((spy.result.trades as { netPnl: number }[]).map((t) => t.netPnl)).toEqual([-21, 49]);
    expect(getTradeHistory.parameters.safeParse({ limit: 101 }).success).toBe(false);
    expect(getTradeHistory.parameters.safeParse({ from: '03/01/2026' }).success).toBe(false);
  });
});
