import { describe, expect, it } from 'vitest';
import type { ChainContract, Expiration } from '../../../../shared/schemas/chains';
import { addLeg, expiryLabel, groupExpirations, legFromQuote, netDebit, toOptionLegs } from './chain-view';

const expiration = (date: string, daysToExpiry: number, kind: Expiration['kind'], settlement: Expiration['settlement'] = 'PM'): Expiration => ({ date, daysToExpiry, kind, settlement });
const contract = (strike: number, bid: number, ask: number): ChainContract => ({
  symbol: `SPY260213C00${strike}000`, right: 'call', strike, expiry: '2026-02-13', bid, ask, mid: (bid + ask) / 2, last: null, volume: 0, openInterest: 0,
  iv: 0.2, delta: 0.5, gamma: 0.01, theta: -0.1, vega: 0.2, rho: 0.05, inTheMoney: false,
});

describe('options tab view helpers', () => {
  it('groups expirations by kind in the selector order and labels them with the weekday and days left', () => {
    const groups = groupExpirations([expiration('2026-02-11', 0, '0dte'), expiration('2026-02-13', 2, 'weekly'), expiration('2026-02-20', 9, 'monthly', 'AM'), expiration('2026-02-12', 1, 'daily')]);
    expect(groups.map((g) => [g.label, g.expirations.map((e) => e.date)])).toEqual([
      ['0DTE', ['2026-02-11']],
      ['Dailies', ['2026-02-12']],
      ['Weeklies', ['2026-02-13']],
      ['Monthlies', ['2026-02-20']],
    ]);
    expect(expiryLabel(expiration('2026-02-13', 2, 'weekly'))).toBe('Fri, Feb 13, 2026 · 2d');
    expect(expiryLabel(expiration('2026-02-20', 9, 'monthly', 'AM'))).toBe('Fri, Feb 20, 2026 · 9d · AM settled');
    expect(expiryLabel(expiration('2026-02-11', 0, '0dte'))).toBe('Wed, Feb 11, 2026 · today');
  });

  it('buys at the ask and sells at the bid, signs the quantity, and nets a vertical to its debit', () => {
    let legs = addLeg([], legFromQuote('SPY', contract(600, 3.1, 3.15), 'buy', 100));
    legs = addLeg(legs, legFromQuote('SPY', contract(605, 1.2, 1.24), 'sell', 100));
    expect(toOptionLegs(legs)).toEqual([
      { kind: 'option', symbol: 'SPY', right: 'call', strike: 600, expiry: '2026-02-13', quantity: 1, price: 3.15, multiplier: 100 },
      { kind: 'option', symbol: 'SPY', right: 'call', strike: 605, expiry: '2026-02-13', quantity: -1, price: 1.2, multiplier: 100 },
    ]);
    // (3.15 − 1.20) × 100 = 195 dollars paid.
    expect(netDebit(legs)).toBeCloseTo(195, 10);
    // The same contract and side again: one more contract on that line, not a second line.
    legs = addLeg(legs, legFromQuote('SPY', contract(600, 3.1, 3.15), 'buy', 100));
    expect(legs.map((l) => [l.strike, l.side, l.quantity])).toEqual([[600, 'buy', 2], [605, 'sell', 1]]);
  });
});
