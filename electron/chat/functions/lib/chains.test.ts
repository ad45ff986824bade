import { describe, expect, it } from 'vitest';
import type { ChainContract, OptionChain } from '../../../../shared/schemas/chains';
import { findContract, nearestStrikes, rowsAround } from './chains';

function contract(right: 'call' | 'put', strike: number): ChainContract {
  return { symbol: `X${right}${strike}`, right, strike, expiry: '2026-03-20', bid: 1, ask: 1.1, mid: 1.05, last: null, volume: 0, openInterest: 0, iv: 0.2, delta: 0.5, gamma: 0.01, theta: -0.1, vega: 0.2, rho: 0.05, inTheMoney: false };
}

/** Strikes 90..110 by 5; calls only above 100 at 110 (a one-sided row). */
function chain(): OptionChain {
  const strikes = [90, 95, 100, 105, 110].map((strike) => ({ strike, call: strike === 110 ? null : contract('call', strike), put: contract('put', strike) }));
  const expiry = { date: '2026-03-20', daysToExpiry: 18, settlement: 'PM' as const, kind: 'monthly' as const };
  return { underlying: 'XYZ', spot: 101, asOf: 0, source: 'simulated', rate: 0.04, dividendYield: 0, style: 'american', multiplier: 100, expirations: [expiry], expiry, yearsToExpiry: 0.05, atTheMoneyStrike: 100, strikes };
}

describe('chain helpers', () => {
  it('nearest strikes: closest first, the lower one first on a tie', () => {
    expect(nearestStrikes([90, 95, 100, 105], 97.5, 2)).toEqual([95, 100]);
    expect(nearestStrikes([90, 95, 100, 105], 104, 3)).toEqual([105, 100, 95]);
  });

  it('rows around the money: centred on the ATM strike, shifted inside the chain at its ends', () => {
    expect(rowsAround(chain(), 3).map((r) => r.strike)).toEqual([95, 100, 105]);
    expect(rowsAround(chain(), 2).map((r) => r.strike)).toEqual([100, 105]);
    expect(rowsAround({ ...chain(), atTheMoneyStrike: 110 }, 3).map((r) => r.strike)).toEqual([100, 105, 110]);
    expect(rowsAround(chain(), 40)).toHaveLength(5);
  });

  it('finds a listed contract, and names the nearest listed strikes of that side otherwise', () => {
    expect(findContract(chain(), 105, 'put').symbol).toBe('Xput105');
    expect(() => findContract(chain(), 102, 'call')).toThrow(
      expect.objectContaining({ code: 'not_found', message: '102 is not a listed XYZ call strike for 2026-03-20; the nearest listed strikes are 95, 100, 105 (spot 101)' }),
    );
    // 110 has no call: the calls listed nearest to it are named.
    expect(() => findContract(chain(), 110, 'call')).toThrow('the nearest listed strikes are 95, 100, 105');
  });
});
