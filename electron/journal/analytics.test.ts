import { describe, expect, it } from 'vitest';
import { computeAnalytics, legNetPnl, type LegInput } from './analytics';
import { marketClock } from './time';

// A week of trades in January 2024, when New York is UTC−5 (EST). Every expected figure below is
// worked out by hand in the comments, never taken from the code.
function leg(groupId: string, fields: Partial<LegInput>): LegInput {
  return { groupId, symbol: 'SPY', underlying: 'SPY', side: 'long', quantity: 1, multiplier: 1, entryPrice: 0, exitPrice: 0, entryTime: '', exitTime: '', fees: 0, strategy: null, plannedStop: null, ...fields };
}

const LEGS: LegInput[] = [
  // T1 SPY stock long 100 @ 470.00 → 472.50, fees 2.00: 2.50 × 100 − 2 = +248.00. Stop 469 → risk 1.00 × 100 = 100 → R 2.48.
  // Entry Mon 09:35 NY, exit 09:50 NY (15 min).
  leg('T1', { quantity: 100, entryPrice: 470, exitPrice: 472.5, fees: 2, entryTime: '2024-01-08T14:35:00Z', exitTime: '2024-01-08T14:50:00Z', strategy: 'breakout', plannedStop: 469 }),
  // T2 QQQ call long 2 × 100 @ 3.00 → 2.20, fees 2.60: −0.80 × 200 − 2.60 = −162.60. Stop 2.00 → risk 1.00 × 200 = 200 → R −0.813.
  // Entry Tue 10:00 NY, exit 11:30 NY (90 min).
  leg('T2', { symbol: 'QQQ240119C00410000', underlying: 'QQQ', quantity: 2, multiplier: 100, entryPrice: 3, exitPrice: 2.2, fees: 2.6, entryTime: '2024-01-09T15:00:00Z', exitTime: '2024-01-09T16:30:00Z', strategy: 'breakout', plannedStop: 2 }),
  // T3 SPY 475/480 call vertical, two legs, one trade. Entry Wed 14:00 NY, exit Thu 10:00 NY (20 h).
  //   long 475 call 1 × 100 @ 2.10 → 3.40, fees 0.65: 1.30 × 100 − 0.65 = +129.35
  //   short 480 call 1 × 100 @ 1.05 → 1.60, fees 0.65: −(0.55 × 100) − 0.65 = −55.65
  //   trade: 129.35 − 55.65 = +73.70; no stop → no R.
  leg('T3', { symbol: 'SPY240119C00475000', multiplier: 100, entryPrice: 2.1, exitPrice: 3.4, fees: 0.65, entryTime: '2024-01-10T19:00:00Z', exitTime: '2024-01-11T15:00:00Z', strategy: 'spread' }),
  leg('T3', { symbol: 'SPY240119C00480000', side: 'short', multiplier: 100, entryPrice: 1.05, exitPrice: 1.6, fees: 0.65, entryTime: '2024-01-10T19:00:00Z', exitTime: '2024-01-11T15:00:00Z', strategy: 'spread' }),
  // T4 AAPL short 50 @ 190 → 190, no fees: 0.00, a breakeven. Entry Thu 11:00 NY, exit 11:03 (3 min).
  leg('T4', { symbol: 'AAPL', underlying: 'AAPL', side: 'short', quantity: 50, entryPrice: 190, exitPrice: 190, entryTime: '2024-01-11T16:00:00Z', exitTime: '2024-01-11T16:03:00Z' }),
  // T5 SPY short 10 @ 480 → 485, fees 1: −(5 × 10) − 1 = −51.00. Stop 482 → risk 2 × 10 = 20 → R −2.55.
  // Entry Fri 15:00 NY, exit Tue 10:00 NY (3 days 19 h).
  leg('T5', { side: 'short', quantity: 10, entryPrice: 480, exitPrice: 485, fees: 1, entryTime: '2024-01-12T20:00:00Z', exitTime: '2024-01-16T15:00:00Z', strategy: 'fade', plannedStop: 482 }),
  // T6 QQQ long 20 @ 400 → 405: 5 × 20 = +100.00. Stop 398 → risk 2 × 20 = 40 → R 2.5. Entry Tue 10:30 NY, exit 11:00 (30 min).
  leg('T6', { symbol: 'QQQ', underlying: 'QQQ', quantity: 20, entryPrice: 400, exitPrice: 405, entryTime: '2024-01-16T15:30:00Z', exitTime: '2024-01-16T16:00:00Z', strategy: 'breakout', plannedStop: 398 }),
  // T7 TSLA long, still open: counted as open, in no statistic.
  leg('T7', { symbol: 'TSLA', underlying: 'TSLA', quantity: 10, entryPrice: 200, exitPrice: null, entryTime: '2024-01-16T17:00:00Z', exitTime: null }),
  // T8 SPY long 100 @ 471.00 → 471.10, fees 1: 0.10 × 100 − 1 = +9.00. Entry Wed 09:31 NY, exit 09:33 (2 min).
  leg('T8', { quantity: 100, entryPrice: 471, exitPrice: 471.1, fees: 1, entryTime: '2024-01-17T14:31:00Z', exitTime: '2024-01-17T14:33:00Z', strategy: 'scalp' }),
];

describe('journal analytics on a hand-worked week', () => {
  const a = computeAnalytics(LEGS);

  it('counts trades as groups of legs, open ones apart', () => {
    expect(a.trades).toBe(7); // T1 T2 T3 T4 T5 T6 T8; T3's two legs are one trade
    expect(a.openTrades).toBe(1); // T7
    expect(a.wins).toBe(4); // T1 T3 T6 T8
    expect(a.losses).toBe(2); // T2 T5
    expect(a.breakevens).toBe(1); // T4
  });

  it('sums P&L net of fees with the multiplier', () => {
    // 248 − 162.60 + 73.70 + 0 − 51 + 100 + 9 = 217.10
    expect(a.netPnl).toBeCloseTo(217.1, 2);
    // winners 248 + 73.70 + 100 + 9 = 430.70; losers 162.60 + 51 = 213.60
    expect(a.grossProfit).toBeCloseTo(430.7, 2);
    expect(a.grossLoss).toBeCloseTo(213.6, 2);
    // 2 + 2.60 + 0.65 + 0.65 + 0 + 1 + 0 + 1 = 7.90
    expect(a.fees).toBeCloseTo(7.9, 2);
  });

  it('derives the ratios', () => {
    expect(a.winRate).toBeCloseTo(4 / 6, 4); // the breakeven is left out: 4 / (4 + 2)
    expect(a.profitFactor).toBeCloseTo(2.0164, 4); // 430.70 / 213.60 = 2.01639…
    expect(a.expectancy).toBeCloseTo(31.01, 2); // 217.10 / 7 trades = 31.014…
    expect([107.67, 107.68]).toContain(a.averageWin); // 430.70 / 4 = 107.675, rounded to cents
    expect(a.averageLoss).toBeCloseTo(-106.8, 2); // −213.60 / 2
    expect(a.largestWin).toBeCloseTo(248, 2);
    expect(a.largestLoss).toBeCloseTo(-162.6, 2);
  });

  it('computes R-multiples of the trades with a planned stop', () => {
    // T1 2.48, T2 −162.60 / 200 = −0.813, T5 −51 / 20 = −2.55, T6 100 / 40 = 2.5
    expect(a.rMultiple.trades).toBe(4);
    expect(a.rMultiple.total).toBeCloseTo(1.617, 4); // 2.48 − 0.813 − 2.55 + 2.5
    expect(a.rMultiple.average).toBeCloseTo(0.40425, 3); // 1.617 / 4
    expect(a.rMultiple.best).toBeCloseTo(2.5, 4);
    expect(a.rMultiple.worst).toBeCloseTo(-2.55, 4);
  });

  it('builds the equity curve in exit order and finds its deepest drawdown', () => {
    // exits: T1 248 | T2 85.40 | T3 159.10 | T4 159.10 | T5 108.10 | T6 208.10 | T8 217.10
    expect(a.equityCurve.map((p) => p.equity)).toEqual([248, 85.4, 159.1, 159.1, 108.1, 208.1, 217.1]);
    // peak 248 after T1; lowest after it 85.40 after T2: 248 − 85.40 = 162.60 (T5's fall to 108.10 is only 139.90)
    expect(a.maxDrawdown).toEqual({ amount: 162.6, peakAt: '2024-01-08T14:50:00Z', troughAt: '2024-01-09T16:30:00Z' });
    // outcomes in exit order: W L W B L W W → longest win run 2 (T6 T8), longest loss run 1
    expect(a.longestWinStreak).toBe(2);
    expect(a.longestLossStreak).toBe(1);
  });

  it('puts each trade on the New York day of its exit', () => {
    expect(a.calendar).toEqual([
      { date: '2024-01-08', netPnl: 248, trades: 1 },
      { date: '2024-01-09', netPnl: -162.6, trades: 1 },
      { date: '2024-01-11', netPnl: 73.7, trades: 2 }, // T3 73.70 + T4 0
      { date: '2024-01-16', netPnl: 49, trades: 2 }, // T5 −51 + T6 100
      { date: '2024-01-17', netPnl: 9, trades: 1 },
    ]);
  });

  it('breaks the results down by symbol, strategy, weekday, hour and holding time', () => {
    const find = (list: typeof a.bySymbol, key: string) => list.find((b) => b.key === key);
    // SPY: T1 248, T3 73.70, T5 −51, T8 9 → 279.70, 3 wins 1 loss
    expect(find(a.bySymbol, 'SPY')).toEqual({ key: 'SPY', trades: 4, wins: 3, losses: 1, netPnl: 279.7, winRate: 0.75 });
    expect(find(a.bySymbol, 'QQQ')).toEqual({ key: 'QQQ', trades: 2, wins: 1, losses: 1, netPnl: -62.6, winRate: 0.5 });
    expect(find(a.bySymbol, 'AAPL')).toEqual({ key: 'AAPL', trades: 1, wins: 0, losses: 0, netPnl: 0, winRate: null });
    expect(a.bySymbol[0]!.key).toBe('SPY'); // most trades first
    // breakout: T1 248 + T2 −162.60 + T6 100 = 185.40
    expect(a.byStrategy[0]).toEqual({ key: 'breakout', trades: 3, wins: 2, losses: 1, netPnl: 185.4, winRate: 0.6667 });
    expect(find(a.byStrategy, '(none)')?.trades).toBe(1); // T4
    // entry weekdays: Mon T1; Tue T2 T6; Wed T3 T8; Thu T4; Fri T5
    expect(a.byWeekday.map((b) => [b.key, b.trades, b.netPnl])).toEqual([
      ['Mon', 1, 248],
      ['Tue', 2, -62.6],
      ['Wed', 2, 82.7],
      ['Thu', 1, 0],
      ['Fri', 1, -51],
    ]);
    // entry hours NY: 09 T1 T8; 10 T2 T6; 11 T4; 14 T3; 15 T5
    expect(a.byHour.map((b) => [b.key, b.trades, b.netPnl])).toEqual([
      ['09', 2, 257],
      ['10', 2, -62.6],
      ['11', 1, 0],
      ['14', 1, 73.7],
      ['15', 1, -51],
    ]);
    // held: T4 3 min, T8 2 min | T1 15 min | T2 90 min, T6 30 min | T3 20 h | T5 3 d 19 h
    expect(a.byHoldingTime.map((b) => [b.key, b.trades, b.netPnl])).toEqual([
      ['< 5 min', 2, 9],
      ['5–30 min', 1, 248],
      ['30 min–2 h', 2, -62.6],
      ['2 h–1 day', 1, 73.7],
      ['1–7 days', 1, -51],
      ['> 7 days', 0, 0],
    ]);
  });
});

describe('edge cases of the definitions', () => {
  it('gives null, not Infinity, for the profit factor without losses, and nulls on an empty journal', () => {
    const onlyWins = computeAnalytics([leg('a', { entryPrice: 10, exitPrice: 11, entryTime: '2024-01-08T15:00:00Z', exitTime: '2024-01-08T15:10:00Z' })]);
    expect(onlyWins.profitFactor).toBeNull();
    expect(onlyWins.averageLoss).toBeNull();
    expect(onlyWins.winRate).toBe(1);
    const empty = computeAnalytics([]);
    expect(empty).toMatchObject({ trades: 0, netPnl: 0, winRate: null, profitFactor: null, expectancy: null, largestWin: null, maxDrawdown: { amount: 0, peakAt: null, troughAt: null } });
  });

  it('measures drawdown from the starting zero when the first trade loses', () => {
    // −50 then +20: the peak is the start (0), the trough −50 → drawdown 50, peakAt null
    const a = computeAnalytics([
      leg('a', { entryPrice: 10, exitPrice: 5, quantity: 10, entryTime: '2024-01-08T15:00:00Z', exitTime: '2024-01-08T15:10:00Z' }),
      leg('b', { entryPrice: 10, exitPrice: 12, quantity: 10, entryTime: '2024-01-08T16:00:00Z', exitTime: '2024-01-08T16:10:00Z' }),
    ]);
    expect(a.maxDrawdown).toEqual({ amount: 50, peakAt: null, troughAt: '2024-01-08T15:10:00Z' });
  });

  it('prices a short option leg with its multiplier', () => {
    // short 3 puts @ 1.20 bought back @ 0.45, fees 3.90: 0.75 × 3 × 100 − 3.90 = 221.10
    expect(legNetPnl({ side: 'short', quantity: 3, multiplier: 100, entryPrice: 1.2, exitPrice: 0.45, fees: 3.9 })).toBeCloseTo(221.1, 6);
    expect(legNetPnl({ side: 'long', quantity: 1, multiplier: 1, entryPrice: 1, exitPrice: null, fees: 0 })).toBeNull();
  });

  it('reads New York days across daylight saving time', () => {
    expect(marketClock('2024-07-01T13:30:00Z')).toEqual({ date: '2024-07-01', weekday: 0, hour: 9 }); // EDT, UTC−4
    expect(marketClock('2024-01-02T04:30:00Z')).toEqual({ date: '2024-01-01', weekday: 0, hour: 23 }); // EST, UTC−5
  });
});
