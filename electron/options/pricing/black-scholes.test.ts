import { blackScholes } from 'black-scholes';
import { describe, expect, it } from 'vitest';
import { blackScholesGreeks, blackScholesPrice, type OptionParams } from './black-scholes';

const hull = { spot: 42, strike: 40, years: 0.5, rate: 0.1, dividendYield: 0, vol: 0.2 };

describe('blackScholesPrice: textbook references', () => {
  it('Hull, Options, Futures, and Other Derivatives, 9th ed., Example 15.6: S=42, K=40, r=10 %, σ=20 %, T=0.5 → c = 4.76, p = 0.81', () => {
    // Hull: d1 = [ln(42/40) + (0.1 + 0.2²/2)·0.5] / (0.2·√0.5) = 0.7693, d2 = 0.6278,
    // c = 42·N(0.7693) − 40e^(−0.05)·N(0.6278) = 4.76, p = 40e^(−0.05)·N(−0.6278) − 42·N(−0.7693) = 0.81.
    // The HP 12c user's guide (p. 201, Example 2) gives the same 4.76 and 0.81.
    expect(blackScholesPrice({ ...hull, right: 'call' })).toBeCloseTo(4.76, 2);
    expect(blackScholesPrice({ ...hull, right: 'put' })).toBeCloseTo(0.81, 2);
  });

  it('Hull 9th ed., Example 17.1 (Merton, index with dividend yield): S=930, K=900, r=8 %, q=3 %, σ=20 %, T=2/12 → c = 51.83', () => {
    // d1 = [ln(930/900) + (0.08 − 0.03 + 0.02)·2/12] / (0.2·√(2/12)) = 0.5444, d2 = 0.4628,
    // c = 930e^(−0.005)·0.7069 − 900e^(−0.01333)·0.6782 = 51.83.
    expect(blackScholesPrice({ right: 'call', spot: 930, strike: 900, years: 2 / 12, rate: 0.08, dividendYield: 0.03, vol: 0.2 })).toBeCloseTo(51.83, 2);
  });

  it('Haug, The Complete Guide to Option Pricing Formulas, 2nd ed., p. 3 and p. 4', () => {
    // p. 3: Black-Scholes call S=60, X=65, T=0.25, r=8 %, σ=30 % → 2.1334.
    expect(blackScholesPrice({ right: 'call', spot: 60, strike: 65, years: 0.25, rate: 0.08, dividendYield: 0, vol: 0.3 })).toBeCloseTo(2.1334, 4);
    // p. 4: Merton put on an index S=100, X=95, T=0.5, r=10 %, q=5 %, σ=20 % → 2.4648.
    expect(blackScholesPrice({ right: 'put', spot: 100, strike: 95, years: 0.5, rate: 0.1, dividendYield: 0.05, vol: 0.2 })).toBeCloseTo(2.4648, 4);
  });
});

describe('blackScholesGreeks: textbook references', () => {
  it('Hull 9th ed., Examples 19.1–19.7: S=49, K=50, r=5 %, σ=20 %, T=20 weeks=0.3846', () => {
    const g = blackScholesGreeks({ right: 'call', spot: 49, strike: 50, years: 0.3846, rate: 0.05, dividendYield: 0, vol: 0.2 });
    // Hull quotes delta N(d1) = 0.522 (Ex. 19.1), theta −4.31 per year = −0.0118 per calendar day
    // (Ex. 19.2), gamma 0.066 (Ex. 19.4), vega 12.1 per unit σ = 0.121 per point (Ex. 19.6), rho 8.91
    // per unit r = 0.0891 per point (Ex. 19.7). Tolerances are half a unit in Hull's last digit.
    expect(Math.abs(g.delta - 0.522)).toBeLessThan(0.0005);
    expect(Math.abs(g.gamma - 0.066)).toBeLessThan(0.0005);
    expect(Math.abs(g.theta * 365 - -4.31)).toBeLessThan(0.005);
    expect(Math.abs(g.vega * 100 - 12.1)).toBeLessThan(0.05);
    expect(Math.abs(g.rho * 100 - 8.91)).toBeLessThan(0.005);
  });

  it('Haug 2nd ed., p. 26: delta of a futures-style option (b = 0) S=105, X=100, T=0.5, r=10 %, σ=36 % → 0.5946 / −0.3566', () => {
    // b = r − q = 0 ⇔ q = r. Haug: d1 = 0.3189, N(d1) = 0.6251, Δc = e^(−0.05)·0.6251 = 0.5946.
    const p = { spot: 105, strike: 100, years: 0.5, rate: 0.1, dividendYield: 0.1, vol: 0.36 };
    expect(blackScholesGreeks({ ...p, right: 'call' }).delta).toBeCloseTo(0.5946, 4);
    expect(blackScholesGreeks({ ...p, right: 'put' }).delta).toBeCloseTo(-0.3566, 4);
  });

  it('gamma 0.0278 and vega 18.9358 per unit σ for S=55, K=60, T=0.75, r=10 %, σ=30 % (Haug, values quoted in QuantLib test-suite/europeanoption.cpp)', () => {
    const g = blackScholesGreeks({ right: 'call', spot: 55, strike: 60, years: 0.75, rate: 0.1, dividendYield: 0, vol: 0.3 });
    expect(g.gamma).toBeCloseTo(0.0278, 4);
    expect(g.vega * 100).toBeCloseTo(18.9358, 4);
  });
});

// A grid over moneyness, tenor (1 day to 3 years), volatility, rate and dividend yield.
function grid(): OptionParams[] {
  const cases: OptionParams[] = [];
  for (const right of ['call', 'put'] as const)
    for (const spot of [70, 95, 100, 105, 130])
      for (const years of [1 / 365, 7 / 365, 0.25, 1, 3])
        for (const vol of [0.08, 0.25, 0.9])
          for (const [rate, dividendYield] of [[0.0365, 0.012], [0.05, 0], [0, 0.03]] as const)
            cases.push({ right, spot, strike: 100, years, rate, dividendYield, vol });
  return cases;
}

describe('blackScholesGreeks: each greek equals the finite difference of the price', () => {
  // Central differences with truncation error O(h²); the tolerance is relative to the scale of each
  // greek (its size, or the size of the price over the bump for tiny values) — 1e-6 of that scale.
  const price = (p: OptionParams) => blackScholesPrice(p);
  const central = (p: OptionParams, key: 'spot' | 'vol' | 'rate' | 'years', h: number) =>
    (price({ ...p, [key]: p[key] + h }) - price({ ...p, [key]: p[key] - h })) / (2 * h);

  it('delta, gamma, theta (per day), vega and rho (per point) over 450 contracts', () => {
    let checked = 0;
    for (const p of grid()) {
      const g = blackScholesGreeks(p);
      // Spot steps relative to the one-standard-deviation move S·σ√T, the scale on which the price curves.
      const move = p.spot * p.vol * Math.sqrt(p.years);
      const close = (analytic: number, numeric: number, scale: number) => expect(Math.abs(analytic - numeric)).toBeLessThanOrEqual(1e-6 * scale + 1e-10);
      close(g.delta, central(p, 'spot', 1e-4 * move), 1);
      const hS = 1e-3 * move;
      const gammaNumeric = (price({ ...p, spot: p.spot + hS }) - 2 * price(p) + price({ ...p, spot: p.spot - hS })) / (hS * hS);
      // A second difference also carries round-off of about 4ε·(price + spot)/h² (deep in the money
      // over one day, h is tiny and the price large), which the bound adds to 1e-4 of gamma.
      const roundOff = (4 * Number.EPSILON * (price(p) + p.spot)) / (hS * hS);
      expect(Math.abs(g.gamma - gammaNumeric)).toBeLessThanOrEqual(1e-4 * Math.max(g.gamma, 1e-3) + roundOff);
      // A step relative to T: the price's curvature in T scales like 1/T (√T behaviour near expiry).
      const hT = 1e-4 * p.years;
      close(g.theta, -central(p, 'years', hT) / 365, Math.max(Math.abs(g.theta), 1e-3));
      close(g.vega, central(p, 'vol', 1e-5) * 0.01, Math.max(g.vega, 1e-3));
      close(g.rho, central(p, 'rate', 1e-5) * 0.01, Math.max(Math.abs(g.rho), 1e-3));
      checked++;
    }
    expect(checked).toBe(450);
  });
});

describe('blackScholesPrice: no-arbitrage identities', () => {
  it('put–call parity c − p = S·e^(−qT) − K·e^(−rT) over the grid', () => {
    for (const p of grid().filter((c) => c.right === 'call')) {
      const parity = p.spot * Math.exp(-p.dividendYield * p.years) - p.strike * Math.exp(-p.rate * p.years);
      expect(blackScholesPrice(p) - blackScholesPrice({ ...p, right: 'put' })).toBeCloseTo(parity, 10);
    }
  });

  it('agrees with the independent npm package black-scholes@1.1.0 (no dividend yield) to 1e-9 over the grid', () => {
    // That package sums a 100-term Taylor series of N(x) and clamps |x| ≥ 8: a different method.
    let compared = 0;
    for (const p of grid().filter((c) => c.dividendYield === 0)) {
      expect(blackScholesPrice(p)).toBeCloseTo(blackScholes(p.spot, p.strike, p.years, p.vol, p.rate, p.right), 9);
      compared++;
    }
    expect(compared).toBe(150);
  });
});

describe('limits: expiry and zero volatility give intrinsic values, never NaN', () => {
  it('T = 0: price is the payoff, delta the exercise indicator, gamma and vega 0', () => {
    const itmCall = blackScholesGreeks({ ...hull, right: 'call', years: 0 });
    // Theta keeps its T → 0 limit for an in-the-money call, the carry of the strike: −r·K per year
    // = −0.1·40/365 = −0.010959 per day (with q = 0); rho's limit T·K·e^(−rT) is 0.
    expect(itmCall).toEqual({ price: 2, delta: 1, gamma: 0, theta: (-0.1 * 40) / 365, vega: 0, rho: 0 });
    const otmCall = blackScholesGreeks({ ...hull, right: 'call', years: 0, spot: 38 });
    expect(otmCall.price).toBe(0);
    expect(otmCall.delta).toBe(0);
    const itmPut = blackScholesGreeks({ ...hull, right: 'put', years: 0, spot: 38 });
    expect(itmPut.price).toBe(2);
    expect(itmPut.delta).toBe(-1);
    // At the money the limit of N(d1) is N(0) = 1/2.
    expect(blackScholesGreeks({ ...hull, right: 'call', years: 0, spot: 40 }).delta).toBe(0.5);
    expect(blackScholesPrice({ ...hull, right: 'call', years: -0.1 })).toBe(2);
  });

  it('σ = 0: the discounted forward payoff, S·e^(−qT) − K·e^(−rT) when positive', () => {
    // 42 − 40·e^(−0.05) = 42 − 38.0492 = 3.9508.
    const call = blackScholesGreeks({ ...hull, right: 'call', vol: 0 });
    expect(call.price).toBeCloseTo(42 - 40 * Math.exp(-0.05), 12);
    expect(call.delta).toBe(1);
    expect(call.gamma).toBe(0);
    expect(call.vega).toBe(0);
    expect(blackScholesPrice({ ...hull, right: 'put', vol: 0 })).toBe(0);
    for (const value of Object.values(blackScholesGreeks({ ...hull, right: 'put', vol: 0, spot: 40 * Math.exp(-0.05) }))) {
      expect(Number.isNaN(value)).toBe(false);
    }
  });
});
