// Every figure below is worked by hand in the comment beside it (×100 shares per contract); none
// comes from the code under test.
import { describe, expect, it } from 'vitest';
import type { Leg } from '../../../shared/schemas/options';
import { blackScholesPrice } from '../pricing/black-scholes';
import { expirationPayoff, firstExpiryPayoff, profitIntervals, summarisePayoff, type PayoffSummary } from './payoff';
import { call, JAN, put, stock } from './testing';

interface Case {
  name: string;
  legs: Leg[];
  expected: PayoffSummary;
  /** [price, P&L] points checked on the curve. */
  points: [number, number][];
}

const CASES: Case[] = [
  // +100 @600: P&L = (S − 600) × 100; at 0: −60 000.
  { name: 'long stock', legs: [stock(100, 600)], expected: { breakevens: [600], maxProfit: 'unlimited', maxLoss: 60_000 }, points: [[610, 1000]] },
  // −50 @600: P&L = (600 − S) × 50; at 0: +30 000.
  { name: 'short stock', legs: [stock(-50, 600)], expected: { breakevens: [600], maxProfit: 30_000, maxLoss: 'unlimited' }, points: [[590, 500]] },
  // +1 600C @5: debit 500; breakeven 600 + 5 = 605.
  { name: 'long call', legs: [call(1, 600, 5)], expected: { breakevens: [605], maxProfit: 'unlimited', maxLoss: 500 }, points: [[600, -500], [615, 1000]] },
  // −2 610C @1: credit 2 × 100 = 200; breakeven 611; at 620: (1 − 10) × 200 = −1 800.
  { name: 'short call', legs: [call(-2, 610, 1)], expected: { breakevens: [611], maxProfit: 200, maxLoss: 'unlimited' }, points: [[620, -1800]] },
  // +1 590P @4: debit 400; breakeven 586; best at 0: (590 − 4) × 100 = 58 600.
  { name: 'long put', legs: [put(1, 590, 4)], expected: { breakevens: [586], maxProfit: 58_600, maxLoss: 400 }, points: [[580, 600]] },
  // −1 590P @4: credit 400; breakeven 586; worst at 0: −58 600.
  { name: 'short put', legs: [put(-1, 590, 4)], expected: { breakevens: [586], maxProfit: 400, maxLoss: 58_600 }, points: [[580, -600]] },
  // +100 @600, −1 610C @2: below 610 (S − 600) × 100 + 200 → breakeven 598; capped at 1 000 + 200 = 1 200; at 0: −60 000 + 200.
  { name: 'covered call', legs: [stock(100, 600), call(-1, 610, 2)], expected: { breakevens: [598], maxProfit: 1200, maxLoss: 59_800 }, points: [[650, 1200]] },
  // +100 @600, +1 580P @3: above 580 (S − 600) × 100 − 300 → breakeven 603; floor (580 − 600) × 100 − 300 = −2 300.
  { name: 'protective put', legs: [stock(100, 600), put(1, 580, 3)], expected: { breakevens: [603], maxProfit: 'unlimited', maxLoss: 2300 }, points: [[500, -2300]] },
  // +100 @600, +1 580P @3, −1 620C @2: net debit 100; (S − 600) × 100 − 100 → breakeven 601; cap 2 000 − 100; floor −2 000 − 100.
  { name: 'collar', legs: [stock(100, 600), put(1, 580, 3), call(-1, 620, 2)], expected: { breakevens: [601], maxProfit: 1900, maxLoss: 2100 }, points: [[610, 900]] },
  // +600C @5 / −605C @2: debit 300, max profit (5 − 3) × 100 = 200, breakeven 603.
  { name: 'bull call spread', legs: [call(1, 600, 5), call(-1, 605, 2)], expected: { breakevens: [603], maxProfit: 200, maxLoss: 300 }, points: [[604, 100]] },
  // −600C @5 / +605C @2: credit 300, max loss 500 − 300 = 200, breakeven 603.
  { name: 'bear call spread', legs: [call(-1, 600, 5), call(1, 605, 2)], expected: { breakevens: [603], maxProfit: 300, maxLoss: 200 }, points: [[601, 200]] },
  // −600P @5 / +595P @3: credit 200, max loss 500 − 200 = 300, breakeven 600 − 2 = 598.
  { name: 'bull put spread', legs: [put(-1, 600, 5), put(1, 595, 3)], expected: { breakevens: [598], maxProfit: 200, maxLoss: 300 }, points: [[596, -200]] },
  // +600P @5 / −595P @3: debit 200, max profit 500 − 200 = 300, breakeven 598.
  { name: 'bear put spread', legs: [put(1, 600, 5), put(-1, 595, 3)], expected: { breakevens: [598], maxProfit: 300, maxLoss: 200 }, points: [[590, 300]] },
  // +600C @6 +600P @5: debit 1 100; breakevens 600 ∓ 11; the call side grows without bound.
  { name: 'long straddle', legs: [call(1, 600, 6), put(1, 600, 5)], expected: { breakevens: [589, 611], maxProfit: 'unlimited', maxLoss: 1100 }, points: [[620, 900]] },
  // Sold: credit 1 100, same breakevens; at 0 the put loses 600 × 100 − 1 100 = 58 900 but the call's side is unlimited.
  { name: 'short straddle', legs: [call(-1, 600, 6), put(-1, 600, 5)], expected: { breakevens: [589, 611], maxProfit: 1100, maxLoss: 'unlimited' }, points: [[600, 1100]] },
  // +590P @2 +610C @3: debit 500; breakevens 585 and 615; at 0: 59 000 − 500.
  { name: 'long strangle', legs: [put(1, 590, 2), call(1, 610, 3)], expected: { breakevens: [585, 615], maxProfit: 'unlimited', maxLoss: 500 }, points: [[0, 58_500]] },
  // −3 × (590P @2 + 610C @3): credit 3 × 500 = 1 500; breakevens 585, 615.
  { name: 'short strangle', legs: [put(-3, 590, 2), call(-3, 610, 3)], expected: { breakevens: [585, 615], maxProfit: 1500, maxLoss: 'unlimited' }, points: [[620, -1500]] },
  // +580P @1 −590P @2 −610C @2 +620C @1: credit 2.00 = 200; wings 10 wide: max loss 1 000 − 200 = 800; breakevens 588, 612.
  {
    name: 'short iron condor',
    legs: [put(1, 580, 1), put(-1, 590, 2), call(-1, 610, 2), call(1, 620, 1)],
    expected: { breakevens: [588, 612], maxProfit: 200, maxLoss: 800 },
    points: [[600, 200], [570, -800], [630, -800]],
  },
  // Reversed: debit 200, max profit 800, same breakevens.
  { name: 'long iron condor', legs: [put(-1, 580, 1), put(1, 590, 2), call(1, 610, 2), call(-1, 620, 1)], expected: { breakevens: [588, 612], maxProfit: 800, maxLoss: 200 }, points: [[600, -200]] },
  // +590P @1 −600P @5 −600C @5 +610C @1: credit 8.00 = 800 (at 600); max loss 1 000 − 800 = 200; breakevens 600 ∓ 8.
  {
    name: 'short iron butterfly',
    legs: [put(1, 590, 1), put(-1, 600, 5), call(-1, 600, 5), call(1, 610, 1)],
    expected: { breakevens: [592, 608], maxProfit: 800, maxLoss: 200 },
    points: [[600, 800], [604, 400]],
  },
  { name: 'long iron butterfly', legs: [put(-1, 590, 1), put(1, 600, 5), call(1, 600, 5), call(-1, 610, 1)], expected: { breakevens: [592, 608], maxProfit: 200, maxLoss: 800 }, points: [[600, -800]] },
  // +590C @12 −2 600C @6 +610C @2: debit 12 − 12 + 2 = 2 = 200; at 600: 10 × 100 − 200 = 800; breakevens 592, 608.
  { name: 'long call butterfly', legs: [call(1, 590, 12), call(-2, 600, 6), call(1, 610, 2)], expected: { breakevens: [592, 608], maxProfit: 800, maxLoss: 200 }, points: [[600, 800], [650, -200]] },
  { name: 'short call butterfly', legs: [call(-1, 590, 12), call(2, 600, 6), call(-1, 610, 2)], expected: { breakevens: [592, 608], maxProfit: 200, maxLoss: 800 }, points: [[600, -800]] },
  // +590P @2 −2 600P @6 +610P @12: debit 2 − 12 + 12 = 2 = 200; at 600: 1 000 − 200 = 800.
  { name: 'long put butterfly', legs: [put(1, 590, 2), put(-2, 600, 6), put(1, 610, 12)], expected: { breakevens: [592, 608], maxProfit: 800, maxLoss: 200 }, points: [[0, -200]] },
  { name: 'short put butterfly', legs: [put(-1, 590, 2), put(2, 600, 6), put(-1, 610, 12)], expected: { breakevens: [592, 608], maxProfit: 200, maxLoss: 800 }, points: [[596, -400]] },
  // +600C @5 −2 610C @2: debit 100; (S − 600) × 100 − 100 → 601; at 610: 900; above: 900 − (S − 610) × 100 → 619; unlimited above.
  { name: '1×2 call ratio spread', legs: [call(1, 600, 5), call(-2, 610, 2)], expected: { breakevens: [601, 619], maxProfit: 900, maxLoss: 'unlimited' }, points: [[630, -1100]] },
  // Custom (risk reversal) +610C @3 −590P @2: debit 100; flat −100 between; breakeven 611; at 0: −59 000 − 100.
  { name: 'custom risk reversal', legs: [call(1, 610, 3), put(-1, 590, 2)], expected: { breakevens: [611], maxProfit: 'unlimited', maxLoss: 59_100 }, points: [[600, -100]] },
];

describe('payoff at expiration', () => {
  it.each(CASES)('$name', ({ legs, expected, points }) => {
    const payoff = expirationPayoff(legs);
    expect(summarisePayoff(payoff)).toEqual(expected);
    for (const [price, pnl] of points) expect(payoff.at(price)).toBeCloseTo(pnl, 9);
  });

  it('finds breakevens between strikes exactly, not on a grid (600.25 strike, 1.37 premium)', () => {
    // +600.25C @1.37: breakeven 600.25 + 1.37 = 601.62.
    expect(summarisePayoff(expirationPayoff([call(1, 600.25, 1.37)])).breakevens[0]).toBeCloseTo(601.62, 10);
  });

  it('lists the price ranges that make money', () => {
    const condor = expirationPayoff([put(1, 580, 1), put(-1, 590, 2), call(-1, 610, 2), call(1, 620, 1)]);
    expect(profitIntervals(condor, [588, 612])).toEqual([[588, 612]]);
    const straddle = expirationPayoff([call(1, 600, 6), put(1, 600, 5)]);
    expect(profitIntervals(straddle, [589, 611])).toEqual([[0, 589], [611, Infinity]]);
  });
});

describe('payoff at the first expiry of a calendar or diagonal (later legs by Black-Scholes at current IV)', () => {
  // The later leg keeps Hull's example after the front month settles: T = 0.5, r = 10 %, σ = 20 %, q = 0.
  // Hull, Options, Futures, and Other Derivatives, example 15.6: S = 42, K = 40 → call 4.76.
  const laterValue = (leg: { right: 'call' | 'put'; strike: number }, price: number) =>
    blackScholesPrice({ right: leg.right, spot: price, strike: leg.strike, years: 0.5, rate: 0.1, dividendYield: 0, vol: 0.2 });

  it('long call calendar 40: short front @1.00, long back @3.00 (debit 200)', () => {
    const payoff = firstExpiryPayoff([call(-1, 40, 1), call(1, 40, 3, JAN)], '2025-12-19', laterValue);
    // At 42: front settles at 2 → (1 − 2) × 100 = −100; back worth 4.76 → (4.76 − 3) × 100 = 176; total 76.
    expect(payoff.at(42)).toBeCloseTo(76, 0);
    const summary = summarisePayoff(payoff);
    // Max profit at the strike (back call delta < 1 above it, > 0 below it): S = K = 40, d1 = (0.10 + 0.02) × 0.5 / (0.2 √0.5) = 0.42426,
    // d2 = 0.28284, N(d1) = 0.66431, N(d2) = 0.61135: C = 40 × 0.66431 − 40 e^−0.05 × 0.61135 = 3.3111;
    // P&L = (3.3111 − 3) × 100 + 100 = 131.11.
    expect(summary.maxProfit).toBeCloseTo(131.11, 1);
    // Max loss: near 0 both calls are worthless, −200; far above, the back call → S − 40 e^−0.05, the front → S − 40:
    // 40 (1 − e^−0.05) × 100 − 200 = −4.9, a smaller loss.
    expect(summary.maxLoss).toBeCloseTo(200, 6);
    // Breakevens where C(S) = 2 below the strike and C(S) − (S − 40) = 2 above it (bisection with Python's math.erf: 37.7693, 50.6672).
    expect(summary.breakevens).toHaveLength(2);
    expect(summary.breakevens[0]).toBeCloseTo(37.7693, 3);
    expect(summary.breakevens[1]).toBeCloseTo(50.6672, 3);
  });

  it('long call diagonal: short front 42C @0.50, long back 40C @3.00 (debit 250)', () => {
    const summary = summarisePayoff(firstExpiryPayoff([call(-1, 42, 0.5), call(1, 40, 3, JAN)], '2025-12-19', laterValue));
    // Max profit at the short strike 42: back call 4.76 (Hull) → (4.76 − 3 + 0.50) × 100 = 226.
    expect(summary.maxProfit).toBeCloseTo(226, 0);
    // Far above: (S − 40 e^−0.05 − 3) − (S − 42 − 0.5) = 1.4508 → +145 (no upper breakeven); near 0: −250.
    expect(summary.maxLoss).toBeCloseTo(250, 6);
    // One breakeven, where C(S) = 2.5 (Python bisection: 38.6927).
    expect(summary.breakevens).toHaveLength(1);
    expect(summary.breakevens[0]).toBeCloseTo(38.6927, 3);
  });

  it('is the exact expiration payoff when every leg settles on the first expiry', () => {
    expect(firstExpiryPayoff([call(1, 600, 5), call(-1, 605, 2)], '2025-12-19', laterValue).linear).toBe(true);
  });
});
