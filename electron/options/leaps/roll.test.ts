import { describe, expect, it } from 'vitest';
import type { Greeks } from '../../../shared/schemas/options';
import { computeRoll, rollBreakeven } from './roll';

const greeks = (delta: number, gamma = 0.02, theta = -0.03, vega = 0.1): Greeks => ({ delta, gamma, theta, vega, rho: 0.05 });

describe('computeRoll (arithmetic worked by hand in the comments)', () => {
  it('rolls two short puts out and down for a credit', () => {
    // Short 2 puts K=100 (Jan) sold at 3.00; buy back at 1.20, sell the 95 put (Mar) at 2.50.
    //   close cash = −2·100·1.20 = −240 (paid);  open cash = +2·100·2.50 = +500 (received)
    //   net = 2.50 − 1.20 = +1.30 a share credit; 2·100·1.30 = +260
    //   chain: 3.00 received, then +1.30 → 4.30 a share (860 for 200 shares); cost basis −4.30
    //   breakeven: before 100 − 3.00 = 97.00; after 95 − 4.30 = 90.70
    const roll = computeRoll({
      right: 'put',
      quantity: -2,
      multiplier: 100,
      current: { strike: 100, expiry: '2027-01-15', price: 1.2, greeks: greeks(-0.3) },
      target: { strike: 95, expiry: '2027-03-19', price: 2.5, greeks: greeks(-0.25) },
      originalPremium: 3,
      previousRolls: [],
    });
    expect(roll.label).toBe('Roll out and down');
    expect(roll.direction).toEqual({ out: true, in: false, up: false, down: true });
    expect(roll.close).toMatchObject({ price: 1.2, cash: expect.closeTo(-240, 9), breakeven: 97 });
    expect(roll.open).toMatchObject({ price: 2.5, cash: expect.closeTo(500, 9), breakeven: expect.closeTo(90.7, 9) });
    expect(roll.net).toEqual({ perShare: expect.closeTo(1.3, 9), dollars: expect.closeTo(260, 9), type: 'credit' });
    expect(roll.chain).toEqual({ original: 3, rolls: [expect.closeTo(1.3, 9)], cumulativePerShare: expect.closeTo(4.3, 9), cumulativeDollars: expect.closeTo(860, 9), adjustedCostBasis: expect.closeTo(-4.3, 9) });
    // Short puts: position delta = −0.30 · (−2 · 100) = +60 before, −0.25 · −200 = +50 after.
    expect(roll.close.greeks.delta).toBeCloseTo(60, 9);
    expect(roll.open.greeks.delta).toBeCloseTo(50, 9);
    expect(roll.close.greeks.theta).toBeCloseTo(6, 9); // −0.03 · −200: a short collects theta
  });

  it('rolls a long LEAPS call up and out, taking profit, with an earlier roll in the chain', () => {
    // Long 1 call K=150 bought at 20.00; an earlier roll took out +2.00. Sell it at 35.00, buy the
    // 170 call a year further out at 28.00.
    //   close cash = +3500, open cash = −2800, net = 35 − 28 = +7.00 a share (+700)
    //   chain: −20 + 2 = −18 before, −18 + 7 = −11 after → cost basis 11.00 a share, −1100 in all
    //   breakeven: before 150 + 18 = 168; after 170 + 11 = 181
    const roll = computeRoll({
      right: 'call',
      quantity: 1,
      multiplier: 100,
      current: { strike: 150, expiry: '2027-01-15', price: 35, greeks: greeks(0.85) },
      target: { strike: 170, expiry: '2028-01-21', price: 28, greeks: greeks(0.7) },
      originalPremium: 20,
      previousRolls: [2],
    });
    expect(roll.label).toBe('Roll out and up');
    expect(roll.net).toEqual({ perShare: 7, dollars: 700, type: 'credit' });
    expect(roll.close).toMatchObject({ cash: 3500, breakeven: 168 });
    expect(roll.open).toMatchObject({ cash: -2800, breakeven: 181 });
    expect(roll.chain).toEqual({ original: -20, rolls: [2, 7], cumulativePerShare: -11, cumulativeDollars: -1100, adjustedCostBasis: 11 });
    expect(roll.open.greeks.delta).toBeCloseTo(70, 9);
  });

  it('has no breakeven once a short has paid more to roll than it took in', () => {
    // Short call K=50 sold at 1.00; buy back at 4.00, sell the same strike later at 2.50:
    //   net = 2.50 − 4.00 = −1.50 debit; chain 1.00 − 1.50 = −0.50 → the short can only lose at expiry.
    const roll = computeRoll({
      right: 'call',
      quantity: -1,
      multiplier: 100,
      current: { strike: 50, expiry: '2027-01-15', price: 4, greeks: greeks(0.8) },
      target: { strike: 50, expiry: '2027-02-19', price: 2.5, greeks: greeks(0.6) },
      originalPremium: 1,
      previousRolls: [],
    });
    expect(roll.label).toBe('Roll out');
    expect(roll.net).toEqual({ perShare: -1.5, dollars: -150, type: 'debit' });
    expect(roll.close.breakeven).toBe(51); // 50 + 1.00 before the roll
    expect(roll.open.breakeven).toBeNull();
    expect(roll.chain.adjustedCostBasis).toBeCloseTo(0.5, 9);
  });

  it('names an even roll and a roll in', () => {
    const roll = computeRoll({
      right: 'put',
      quantity: 1,
      multiplier: 100,
      current: { strike: 40, expiry: '2027-06-18', price: 2, greeks: greeks(-0.4) },
      target: { strike: 40, expiry: '2027-03-19', price: 2, greeks: greeks(-0.45) },
      originalPremium: 2,
      previousRolls: [],
    });
    expect(roll.label).toBe('Roll in');
    expect(roll.net.type).toBe('even');
  });
});

describe('rollBreakeven', () => {
  it('adds the net debit to a long call, takes the net credit off a short put, and refuses impossible ones', () => {
    expect(rollBreakeven('call', 100, 1, -5)).toBe(105); // paid 5
    expect(rollBreakeven('put', 100, 1, -5)).toBe(95);
    expect(rollBreakeven('put', 100, -1, 5)).toBe(95); // received 5
    expect(rollBreakeven('call', 100, -1, 5)).toBe(105);
    expect(rollBreakeven('call', 100, 1, 2)).toBeNull(); // a long that took in a net credit never loses
    expect(rollBreakeven('put', 5, 1, -6)).toBeNull(); // 5 − 6 < 0: no price that low
  });
});
