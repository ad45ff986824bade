import { describe, expect, it } from 'vitest';
import { matchExecutions } from './matcher';
import type { Execution } from './types';

const T0 = Date.UTC(2024, 0, 8, 14, 30);
const MIN = 60_000;
let row = 0;

function fill(side: Execution['side'], quantity: number, price: number, minute: number, extra: Partial<Execution> = {}): Execution {
  return { row: ++row, timeMs: T0 + minute * MIN, symbol: 'SPY', underlying: 'SPY', assetType: 'stock', optionType: null, strike: null, expiry: null, multiplier: 1, side, quantity, price, fees: 0, orderKey: null, event: null, ...extra };
}

const option = (strike: number, expiry: string, orderKey: string): Partial<Execution> => ({
  symbol: `SPY${expiry.slice(2).replace(/-/g, '')}C${String(strike * 1000).padStart(8, '0')}`, assetType: 'option', optionType: 'call', strike, expiry, multiplier: 100, orderKey,
});

const legs = (fills: Execution[]) => matchExecutions(fills, 'generic').trades.map((t) => [t.side, t.quantity, t.entryPrice, t.exitPrice]);

describe('matching fills into round trips, first in first out', () => {
  it('closes the oldest lot first', () => {
    // buy 100 @ 10, buy 100 @ 11, sell 150 @ 12: 100 of the first lot, then 50 of the second
    const result = matchExecutions([fill('buy', 100, 10, 0), fill('buy', 100, 11, 1), fill('sell', 150, 12, 2)], 'generic');
    expect(result.trades.map((t) => [t.quantity, t.entryPrice, t.exitPrice])).toEqual([[100, 10, 12], [50, 11, 12]]);
    expect(result.openLots).toBe(1); // 50 @ 11 still open
  });

  it('splits a lot over partial exits and spreads the fees by quantity', () => {
    // buy 10 @ 5 (fee 1.00 = 0.10 a share), sell 3 @ 6 (fee 0.30), sell 7 @ 4 (fee 0.70)
    const trades = matchExecutions([fill('buy', 10, 5, 0, { fees: 1 }), fill('sell', 3, 6, 1, { fees: 0.3 }), fill('sell', 7, 4, 2, { fees: 0.7 })], 'generic').trades;
    expect(trades.map((t) => [t.quantity, t.exitPrice, t.fees])).toEqual([[3, 6, 0.6], [7, 4, 1.4]]); // 3 × 0.10 + 0.30; 7 × 0.10 + 0.70
    expect(trades[0]!.groupId).toBe(trades[1]!.groupId); // one opening fill scaled out of: one trade
  });

  it('turns a sale larger than the position into a short', () => {
    // long 5 @ 10, sell 8 @ 11: closes 5 long, opens 3 short @ 11; buy 3 @ 9 closes the short
    expect(legs([fill('buy', 5, 10, 0), fill('sell', 8, 11, 1), fill('buy', 3, 9, 2)])).toEqual([
      ['long', 5, 10, 11],
      ['short', 3, 11, 9],
    ]);
  });

  it('keeps options of another strike or expiry apart, and groups the legs of one order', () => {
    const result = matchExecutions(
      [
        fill('buy', 1, 2.1, 0, option(475, '2024-01-19', 'open')),
        fill('sell', 1, 1.05, 0, option(480, '2024-01-19', 'open')),
        fill('buy', 2, 3, 1, option(475, '2024-01-26', 'other')),
        // Closing the 19 Jan 475 call must not touch the 26 Jan one, nor the 480.
        fill('sell', 1, 3.4, 5, option(475, '2024-01-19', 'close')),
        fill('buy', 1, 1.6, 5, option(480, '2024-01-19', 'close')),
      ],
      'generic',
    );
    expect(result.trades.map((t) => [t.symbol, t.side, t.entryPrice, t.exitPrice])).toEqual([
      ['SPY240119C00475000', 'long', 2.1, 3.4],
      ['SPY240119C00480000', 'short', 1.05, 1.6],
    ]);
    expect(result.trades[0]!.groupId).toBe(result.trades[1]!.groupId); // the vertical is one trade
    expect(result.openLots).toBe(1); // the 26 Jan call
  });

  it('closes an option at 0 when it expires', () => {
    expect(legs([fill('sell', 1, 0.95, 0, option(470, '2024-01-19', 'o')), fill('close', 1, 0, 60, { ...option(470, '2024-01-19', 'x'), event: 'expired' })])).toEqual([['short', 1, 0.95, 0]]);
  });

  it('gives the same fingerprints for the same fills, distinct ones for identical round trips', () => {
    const fills = () => [fill('buy', 1, 10, 0), fill('buy', 1, 10, 0), fill('sell', 2, 11, 1)];
    const a = matchExecutions(fills(), 'generic').trades.map((t) => t.fingerprint);
    expect(a).toHaveLength(2);
    expect(new Set(a).size).toBe(2); // two identical round trips, ranked 1 and 2
    expect(matchExecutions(fills(), 'generic').trades.map((t) => t.fingerprint)).toEqual(a);
    expect(matchExecutions(fills(), 'ibkr').trades.map((t) => t.fingerprint)).not.toEqual(a);
  });
});
