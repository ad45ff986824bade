import { describe, expect, it } from 'vitest';
import { WidgetSchema } from '../../../../shared/schemas/chat-widgets';
import type { Analytics, Bucket } from '../../../../shared/schemas/journal';
import type { LevelsResponse } from '../../../../shared/schemas/levels';
import type { PortfolioAnalysis } from '../../../../shared/schemas/positions';
import { journalStatsWidget, keyLevelsWidget, MAX_EQUITY_POINTS, pnlTrackerWidget, thin } from './widgets';

const bucket = (key: string, netPnl: number, trades = 1): Bucket => ({ key, trades, wins: netPnl > 0 ? trades : 0, losses: netPnl < 0 ? trades : 0, netPnl, winRate: null });
const greeks = { delta: 0, gamma: 0, theta: 0, vega: 0, rho: 0 };

describe('widget builders (plain data)', () => {
  it('thin keeps the first and last points and at most `max` evenly spaced ones', () => {
    expect(thin([1, 2, 3], 5)).toEqual([1, 2, 3]);
    const values = Array.from({ length: 101 }, (_, i) => i);
    expect(thin(values, 5)).toEqual([0, 25, 50, 75, 100]);
    expect(thin(values, MAX_EQUITY_POINTS)).toHaveLength(MAX_EQUITY_POINTS);
  });

  it('journal card: best and worst three among symbols and strategies ("(none)" left out), equity thinned to 60', () => {
    const analytics = {
      trades: 200, wins: 120, losses: 80, netPnl: 1234.567, winRate: 0.6, profitFactor: 1.456, expectancy: 6.17, averageWin: 30.1, averageLoss: -29.9,
      maxDrawdown: { amount: 400.004, peakAt: null, troughAt: null },
      equityCurve: Array.from({ length: 200 }, (_, i) => ({ time: `t${i}`, equity: i * 1.001, pnl: 1 })),
      bySymbol: [bucket('SPX', 900), bucket('SPY', -50), bucket('QQQ', 500), bucket('AAPL', -300), bucket('TSLA', 10)],
      byStrategy: [bucket('(none)', 5000), bucket('iron condor', 700), bucket('scalp', -600)],
    } as unknown as Analytics;
    const widget = journalStatsWidget(analytics, 'Journal stats');
    expect(WidgetSchema.parse(widget)).toEqual(widget);
    if (widget.type !== 'journal_stats') throw new Error(widget.type);
    expect(widget.data.best.map((b) => b.label)).toEqual(['SPX', 'iron condor (strategy)', 'QQQ']);
    expect(widget.data.worst.map((b) => b.label)).toEqual(['scalp (strategy)', 'AAPL', 'SPY']);
    expect(widget.data.netPnl).toBe(1234.57);
    expect(widget.data.maxDrawdown).toBe(400);
    expect(widget.data.equity).toHaveLength(60);
    expect(widget.data.equity[0]).toBe(0);
    expect(widget.data.equity.at(-1)).toBe(199.2);
  });

  it('P&L tracker: one row per position and the portfolio total, to the cent', () => {
    const position = (id: string, cost: number, value: number) => ({
      id, name: `Position ${id}`, underlying: 'SPY', strategy: { kind: 'long_call', label: 'Long call', premium: 'debit' }, totals: greeks,
      costBasis: cost, marketValue: value, unrealizedPnl: value - cost, maxLoss: cost, betaWeightedDelta: null, flags: [],
    });
    const portfolio = { asOf: '2026-03-02T15:00:00.000Z', positions: [position('a', 100.004, 150.006), position('b', 200, 180)], costBasis: 300.004, marketValue: 330.006, unrealizedPnl: 30.002 } as unknown as PortfolioAnalysis;
    const widget = pnlTrackerWidget(portfolio);
    expect(WidgetSchema.parse(widget)).toEqual(widget);
    expect(widget).toMatchObject({
      title: 'Open positions · 2',
      data: { rows: [{ label: 'Position a', costBasis: 100, marketValue: 150.01, unrealizedPnl: 50 }, { label: 'Position b', unrealizedPnl: -20 }], total: { costBasis: 300, marketValue: 330.01, unrealizedPnl: 30 } },
    });
  });

  it('key levels card: every level, prices to the cent, VWAP and ATR from the levels', () => {
    const levels = {
      symbol: 'SPX', source: 'simulated', date: '2026-03-02', previousDate: '2026-02-27', lastPrice: 6000.123,
      levels: [
        { name: 'PDH', price: 6010.456, group: 'prior-day', distance: { points: 10.333, percent: 0.17222, atr: 0.2066 } },
        { name: 'PDL', price: 5950.004, group: 'prior-day', distance: null },
      ],
      openingRanges: [], vwap: { series: [], last: { time: 0, vwap: 5990.555, sigma: 1, upper1: 0, lower1: 0, upper2: 0, lower2: 0, upper3: 0, lower3: 0 } },
      atr: { period: 14, daily: 50.005, intraday: null, intradayTimeframe: '5m' }, expectedMove: null, extendedHoursFilter: null,
    } as unknown as LevelsResponse;
    const widget = keyLevelsWidget(levels);
    expect(WidgetSchema.parse(widget)).toEqual(widget);
    expect(widget.data).toMatchObject({
      lastPrice: 6000.12,
      vwap: 5990.56,
      levels: [{ name: 'PDH', price: 6010.46, distance: { points: 10.33, percent: 0.172, atr: 0.21 } }, { name: 'PDL', price: 5950, distance: null }],
    });
  });
});
