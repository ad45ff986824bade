import { describe, expect, it } from 'vitest';
import { occSymbol } from './contract-symbol';
import { contractActivity, lastTrade, quoteAround, tickSize } from './quotes';

const onTick = (price: number, tick: number) => Math.abs(price / tick - Math.round(price / tick)) < 1e-9;
const spread = (q: { bid: number; ask: number }) => Math.round((q.ask - q.bid) * 100) / 100;

describe('option quotes', () => {
  it('uses the exchange tick sizes: pennies for index ETFs, penny-program stocks 0.01/0.05, SPX 0.05/0.10', () => {
    expect([tickSize('etf', 0.5), tickSize('etf', 25)]).toEqual([0.01, 0.01]);
    expect([tickSize('stock', 2.99), tickSize('stock', 3)]).toEqual([0.01, 0.05]);
    expect([tickSize('index', 2.99), tickSize('index', 3)]).toEqual([0.05, 0.1]);
  });

  it('brackets the fair price with a bid and an ask on the tick grid', () => {
    for (const kind of ['etf', 'stock', 'index'] as const) {
      for (const theo of [0.004, 0.03, 0.41, 2.97, 3.02, 14.836, 88.5, 612.77]) {
        for (const moneyness of [0, 1, -2.5]) {
          const { bid, ask } = quoteAround({ kind, theo, moneyness, years: 0.1 });
          expect(bid).toBeLessThanOrEqual(theo);
          expect(ask).toBeGreaterThanOrEqual(theo);
          expect(bid).toBeGreaterThanOrEqual(0);
          expect(ask).toBeGreaterThan(bid);
          expect(onTick(bid, tickSize(kind, bid)) && onTick(ask, tickSize(kind, ask)), `${kind} ${theo}: ${bid}/${ask}`).toBe(true);
        }
      }
    }
  });

  it('quotes a worthless wing 0 bid, one tick offered', () => {
    expect(quoteAround({ kind: 'etf', theo: 0.002, moneyness: -4, years: 0.01 })).toEqual({ bid: 0, ask: 0.01 });
    expect(quoteAround({ kind: 'index', theo: 0.01, moneyness: 4, years: 0.01 })).toEqual({ bid: 0, ask: 0.05 });
  });

  it('is tight at the money on short tenors and wider away from the money and on long tenors', () => {
    // SPY at the money, one day: spread 0.004 × √1.803 × (1 + 1/365) = 0.0054 < one tick → 1.80 / 1.81.
    expect(quoteAround({ kind: 'etf', theo: 1.803, moneyness: 0, years: 1 / 365 })).toEqual({ bid: 1.8, ask: 1.81 });
    // Same premium, further from the money or further out: the spread grows.
    const atm = spread(quoteAround({ kind: 'index', theo: 40, moneyness: 0, years: 0.05 }));
    const wing = spread(quoteAround({ kind: 'index', theo: 40, moneyness: 2.5, years: 0.05 }));
    const long = spread(quoteAround({ kind: 'index', theo: 40, moneyness: 0, years: 2 }));
    expect(wing).toBeGreaterThan(atm);
    expect(long).toBeGreaterThan(atm);
    // Relative to the premium, a cheap contract is quoted wider than an expensive one.
    const cheap = quoteAround({ kind: 'stock', theo: 0.5, moneyness: 1, years: 0.1 });
    const dear = quoteAround({ kind: 'stock', theo: 12, moneyness: 1, years: 0.1 });
    expect(spread(cheap) / 0.5).toBeGreaterThan(spread(dear) / 12);
  });

  it('draws volume and open interest deterministically, most at the money, building through the session', () => {
    const base = { underlying: 'SPY', date: '2026-02-11', expiry: '2026-02-13', right: 'call' as const, kind: 'etf' as const, years: 0.005, monthly: false, sessionProgress: 1, baseVolume: 30_000 };
    const a = contractActivity({ ...base, strike: 690, moneyness: 0, settledMoneyness: 0 });
    expect(contractActivity({ ...base, strike: 690, moneyness: 0, settledMoneyness: 0 })).toEqual(a);
    const half = contractActivity({ ...base, strike: 690, moneyness: 0, settledMoneyness: 0, sessionProgress: 0.5 });
    // Half the session gone: floor(day / 2), within a contract of half the full day's floor(day).
    expect(Math.abs(half.volume - a.volume / 2)).toBeLessThanOrEqual(1);
    expect(a.volume).toBeGreaterThan(1000);
    expect(half.openInterest).toBe(a.openInterest);
    expect(contractActivity({ ...base, strike: 690, moneyness: 0, settledMoneyness: 0, sessionProgress: 0 }).volume).toBe(0);
    // Open interest follows where the underlying closed, not where it trades now.
    expect(contractActivity({ ...base, strike: 690, moneyness: 3, settledMoneyness: 0 }).openInterest).toBe(a.openInterest);
    // Summed over many strikes the noise averages out: the bell in moneyness shows.
    const total = (moneyness: number) =>
      Array.from({ length: 50 }, (_, i) => contractActivity({ ...base, strike: 600 + i, moneyness, settledMoneyness: 0 }).volume).reduce((x, y) => x + y, 0);
    expect(total(0)).toBeGreaterThan(3 * total(2));
    const longTenor = Array.from({ length: 50 }, (_, i) => contractActivity({ ...base, strike: 600 + i, moneyness: 0, settledMoneyness: 0, years: 1 }).volume).reduce((x, y) => x + y, 0);
    expect(total(0)).toBeGreaterThan(5 * longTenor);
  });

  it('prints the last trade inside the quote, none without volume', () => {
    expect(lastTrade(1.2, 1.3, 0, 0.5, 'etf')).toBeNull();
    for (const draw of [0, 0.25, 0.5, 0.999]) {
      const last = lastTrade(1.2, 1.3, 10, draw, 'etf')!;
      expect(last).toBeGreaterThanOrEqual(1.2);
      expect(last).toBeLessThanOrEqual(1.3);
    }
  });

  it('names contracts with OCC symbols (SPXW for PM-settled SPX, SPX for the AM monthly)', () => {
    expect(occSymbol('SPY', '2025-12-19', 'call', 600, 'PM')).toBe('SPY251219C00600000');
    expect(occSymbol('SPX', '2026-12-18', 'put', 6000, 'PM')).toBe('SPXW261218P06000000');
    expect(occSymbol('SPX', '2026-12-18', 'put', 6000, 'AM')).toBe('SPX261218P06000000');
    expect(occSymbol('AAPL', '2026-03-20', 'call', 232.5, 'PM')).toBe('AAPL260320C00232500');
    expect(occSymbol('NDX', '2026-03-20', 'call', 21_010, 'PM')).toBe('NDXP260320C21010000');
  });
});
