import { describe, expect, it } from 'vitest';
import { blackScholesGreeks, blackScholesPrice, type OptionParams } from './black-scholes';
import { americanGreeks, bjerksundStenslandPrice } from './bjerksund-stensland';

describe('bjerksundStenslandPrice: Haug, The Complete Guide to Option Pricing Formulas, 2nd ed., Table 3-2, p. 107', () => {
  // "Comparison of Values from the Bjerksund and Stensland (2002) and (1993) Models", X = 100, r = 0.1,
  // b = 0 (options on futures: cost of carry 0, i.e. q = r), futures price 90, 100, 110; the 2002 columns.
  const table: Array<{ right: 'call' | 'put'; years: number; vol: number; values: [number, number, number] }> = [
    { right: 'call', years: 0.1, vol: 0.15, values: [0.0205, 1.8757, 10.0] },
    { right: 'call', years: 0.1, vol: 0.25, values: [0.3151, 3.1256, 10.3725] },
    { right: 'call', years: 0.1, vol: 0.35, values: [0.9479, 4.3746, 11.1578] },
    { right: 'call', years: 0.5, vol: 0.15, values: [0.8099, 4.0628, 10.7898] },
    { right: 'call', years: 0.5, vol: 0.25, values: [2.718, 6.7661, 12.9814] },
    { right: 'call', years: 0.5, vol: 0.35, values: [4.9665, 9.4608, 15.5137] },
    { right: 'put', years: 0.1, vol: 0.15, values: [10.0, 1.8757, 0.0408] },
    { right: 'put', years: 0.1, vol: 0.25, values: [10.228, 3.1256, 0.4552] },
    { right: 'put', years: 0.1, vol: 0.35, values: [10.8663, 4.3746, 1.2383] },
    { right: 'put', years: 0.5, vol: 0.15, values: [10.54, 4.0628, 1.0689] },
    { right: 'put', years: 0.5, vol: 0.25, values: [12.4097, 6.7661, 3.2932] },
    { right: 'put', years: 0.5, vol: 0.35, values: [14.6445, 9.4608, 5.8374] },
  ];
  for (const row of table) {
    it(`${row.right} T=${row.years} σ=${row.vol}: ${row.values.join(' / ')}`, () => {
      [90, 100, 110].forEach((spot, i) => {
        const value = bjerksundStenslandPrice({ right: row.right, spot, strike: 100, years: row.years, rate: 0.1, dividendYield: 0.1, vol: row.vol });
        expect(Math.abs(value - row.values[i]!)).toBeLessThanOrEqual(0.00005 + 1e-9); // Haug prints 4 decimals
      });
    });
  }
});

/**
 * An independent American reference: a Cox–Ross–Rubinstein binomial tree (Hull 9th ed., ch. 21) with
 * early exercise checked at every node. With 2 000 steps its own error is about 1e-3 on these inputs.
 */
function binomialAmerican(p: OptionParams, steps = 2000): number {
  const dt = p.years / steps;
  const up = Math.exp(p.vol * Math.sqrt(dt));
  const growth = Math.exp((p.rate - p.dividendYield) * dt);
  const probability = (growth - 1 / up) / (up - 1 / up);
  const discount = Math.exp(-p.rate * dt);
  const sign = p.right === 'call' ? 1 : -1;
  // Node (i, step) has spot S·u^(2i − step): one table of spots indexed by 2i − step + steps.
  const spots = Float64Array.from({ length: 2 * steps + 1 }, (_, k) => p.spot * up ** (k - steps));
  const values = new Float64Array(steps + 1);
  for (let i = 0; i <= steps; i++) values[i] = Math.max(sign * (spots[2 * i]! - p.strike), 0);
  for (let step = steps - 1; step >= 0; step--) {
    for (let i = 0; i <= step; i++) {
      const held = discount * (probability * values[i + 1]! + (1 - probability) * values[i]!);
      values[i] = Math.max(held, sign * (spots[2 * i - step + steps]! - p.strike));
    }
  }
  return values[0]!;
}

const grid: OptionParams[] = [];
for (const right of ['call', 'put'] as const)
  for (const spot of [80, 100, 120])
    for (const years of [0.1, 1, 3])
      for (const [rate, dividendYield] of [[0.05, 0], [0.0365, 0.012], [0.02, 0.06]] as const)
        grid.push({ right, spot, strike: 100, years, rate, dividendYield, vol: 0.3 });

describe('bjerksundStenslandPrice: against a binomial tree and no-arbitrage', () => {
  it('is a lower bound within 1 % (+1 cent) of a 2 000-step binomial tree for every contract of the grid', () => {
    // Bjerksund–Stensland value a sub-optimal (two-step flat) exercise strategy, so they can only
    // undervalue: by up to 0.10 on a 3-year at-the-money put worth 14.7 here (0.7 %). The tree itself is
    // within ±0.0013 of its 4 000-step value on this grid, hence the 0.003 allowance above it.
    for (const p of grid) {
      const tree = binomialAmerican(p);
      const approximation = bjerksundStenslandPrice(p);
      expect(approximation).toBeLessThanOrEqual(tree + 0.003);
      expect(approximation).toBeGreaterThanOrEqual(tree - (0.01 * tree + 0.01));
    }
  });

  it('American ≥ European and ≥ intrinsic for every contract of the grid', () => {
    for (const p of grid) {
      const american = bjerksundStenslandPrice(p);
      expect(american).toBeGreaterThanOrEqual(blackScholesPrice(p) - 1e-12);
      expect(american).toBeGreaterThanOrEqual(Math.max(p.right === 'call' ? p.spot - p.strike : p.strike - p.spot, 0));
    }
  });

  it('an American call on a non-dividend stock is the European call (Merton 1973; Hull 9th ed. §11.5)', () => {
    for (const p of grid.filter((c) => c.right === 'call' && c.dividendYield === 0)) {
      expect(bjerksundStenslandPrice(p)).toBe(blackScholesPrice(p));
      expect(americanGreeks(p)).toEqual(blackScholesGreeks(p));
    }
  });

  it('an American put is worth strictly more than the European put when rates are positive', () => {
    // Deep in the money with a year to go, exercising now and earning interest on K beats waiting.
    const p: OptionParams = { right: 'put', spot: 70, strike: 100, years: 1, rate: 0.05, dividendYield: 0, vol: 0.2 };
    expect(bjerksundStenslandPrice(p)).toBe(30); // at or below the exercise boundary: exercise now, K − S
    expect(blackScholesPrice(p)).toBeLessThan(30); // the European put is below intrinsic here
  });

  it('returns intrinsic value at expiry and no NaN for zero volatility or extreme strikes', () => {
    const p: OptionParams = { right: 'put', spot: 90, strike: 100, years: 0, rate: 0.05, dividendYield: 0.01, vol: 0.3 };
    expect(bjerksundStenslandPrice(p)).toBe(10);
    expect(bjerksundStenslandPrice({ ...p, years: 0.5, vol: 0 })).toBeGreaterThanOrEqual(10);
    for (const strike of [1, 10, 1000, 10_000]) {
      for (const vol of [0.01, 0.05, 3]) {
        for (const right of ['call', 'put'] as const) {
          expect(Number.isFinite(bjerksundStenslandPrice({ ...p, right, strike, vol, years: 2, dividendYield: 0.04 }))).toBe(true);
        }
      }
    }
  });
});

describe('americanGreeks (finite differences of Bjerksund–Stensland)', () => {
  it('equal the European greeks where early exercise is worthless (far out-of-the-money put, tiny rate)', () => {
    // Early-exercise premium ≈ 0, so the American surface is the European one: within 1e-5 per share.
    const p: OptionParams = { right: 'put', spot: 130, strike: 100, years: 0.1, rate: 0.001, dividendYield: 0, vol: 0.2 };
    const american = americanGreeks(p);
    const european = blackScholesGreeks(p);
    for (const key of ['price', 'delta', 'gamma', 'theta', 'vega'] as const) expect(american[key]).toBeCloseTo(european[key], 5);
  });

  it('do not depend on the step: halving each bump changes no greek by more than 1e-4 of its scale', () => {
    // If truncation dominated, halving the step would change a central difference by 3/4 of its error.
    for (const p of grid.filter((c) => c.right === 'put' || c.dividendYield > 0)) {
      const g = americanGreeks(p);
      const price = (change: Partial<OptionParams>) => bjerksundStenslandPrice({ ...p, ...change });
      const h = 5e-4 * p.spot;
      const delta = (price({ spot: p.spot + h }) - price({ spot: p.spot - h })) / (2 * h);
      const gamma = (price({ spot: p.spot + h }) - 2 * g.price + price({ spot: p.spot - h })) / (h * h);
      const vega = ((price({ vol: p.vol + 5e-5 }) - price({ vol: p.vol - 5e-5 })) / 1e-4) * 0.01;
      expect(Math.abs(g.delta - delta)).toBeLessThanOrEqual(1e-4);
      expect(Math.abs(g.gamma - gamma)).toBeLessThanOrEqual(1e-4 * Math.max(g.gamma, 1e-2));
      expect(Math.abs(g.vega - vega)).toBeLessThanOrEqual(1e-4 * Math.max(g.vega, 1e-2));
    }
  });

  it('have the signs of a long option: put delta in [−1, 0], gamma ≥ 0, vega ≥ 0, theta ≤ 0 for a stock put', () => {
    for (const p of grid.filter((c) => c.right === 'put')) {
      const g = americanGreeks(p);
      expect(g.delta).toBeGreaterThanOrEqual(-1 - 1e-9);
      expect(g.delta).toBeLessThanOrEqual(0);
      expect(g.gamma).toBeGreaterThanOrEqual(-1e-9);
      expect(g.vega).toBeGreaterThanOrEqual(-1e-9);
      if (p.dividendYield === 0) expect(g.theta).toBeLessThanOrEqual(1e-9);
    }
  });

  it('at expiry give the payoff limits without a 1/dS gamma spike at the strike', () => {
    const g = americanGreeks({ right: 'put', spot: 100, strike: 100, years: 0, rate: 0.05, dividendYield: 0.01, vol: 0.3 });
    expect(g).toMatchObject({ price: 0, delta: -0.5, gamma: 0, vega: 0 });
  });
});
