import { getDelta, getGamma, getRho, getTheta, getVega } from 'greeks';
import { describe, expect, it } from 'vitest';
import { blackScholesGreeks, greekColumns, type OptionParams } from './black-scholes';
import { americanGreeks } from './bjerksund-stensland';
import { chainGreeks, priceOption } from './price-option';

const base: OptionParams = { right: 'put', spot: 100, strike: 105, years: 0.5, rate: 0.04, dividendYield: 0.01, vol: 0.25 };

describe('priceOption', () => {
  it('prices European options by Black-Scholes-Merton and American ones by Bjerksund–Stensland', () => {
    expect(priceOption(base, 'european')).toEqual(blackScholesGreeks(base));
    expect(priceOption(base, 'american')).toEqual(americanGreeks(base));
    // An in-the-money put with r > q is worth more American than European.
    expect(priceOption(base, 'american').price).toBeGreaterThan(priceOption(base, 'european').price);
  });
});

describe('chainGreeks', () => {
  // A 60-contract chain: calls and puts, strikes 80–125, three expiries, a smile in σ.
  const contracts: OptionParams[] = [];
  for (const years of [7 / 365, 0.25, 1])
    for (let strike = 80; strike <= 125; strike += 5)
      for (const right of ['call', 'put'] as const)
        contracts.push({ right, spot: 100, strike, years, rate: 0.0365, dividendYield: 0.011, vol: 0.18 + 0.3 * Math.log(strike / 100) ** 2 });
  const batch = {
    spot: 100,
    rate: 0.0365,
    dividendYield: 0.011,
    right: Uint8Array.from(contracts, (c) => (c.right === 'put' ? 1 : 0)),
    strike: Float64Array.from(contracts, (c) => c.strike),
    years: Float64Array.from(contracts, (c) => c.years),
    vol: Float64Array.from(contracts, (c) => c.vol),
  };

  for (const style of ['european', 'american'] as const) {
    it(`${style}: each column entry equals the single-contract result`, () => {
      const columns = chainGreeks(batch, style);
      contracts.forEach((contract, i) => {
        const single = priceOption(contract, style);
        for (const key of ['price', 'delta', 'gamma', 'theta', 'vega', 'rho'] as const) expect(columns[key][i]).toBe(single[key]);
      });
    });
  }

  it('writes into reused columns (same numbers) and refuses columns that are too short', () => {
    const fresh = chainGreeks(batch);
    const reused = greekColumns(contracts.length);
    expect(chainGreeks(batch, 'european', reused)).toBe(reused);
    expect(reused).toEqual(fresh);
    expect(() => chainGreeks(batch, 'european', greekColumns(3))).toThrow(/do not fit/);
  });

  it('agrees with the independent npm package greeks@1.0.0 on every greek (no dividend, same per-day / per-point units)', () => {
    // That package recomputes d1 in each function and sums a 100-term series for N(x).
    const columns = chainGreeks({ ...batch, dividendYield: 0 });
    contracts.forEach((c, i) => {
      const args = [c.spot, c.strike, c.years, c.vol, c.rate] as const;
      expect(columns.delta[i]).toBeCloseTo(getDelta(...args, c.right), 10);
      expect(columns.gamma[i]).toBeCloseTo(getGamma(...args), 10);
      expect(columns.theta[i]).toBeCloseTo(getTheta(...args, c.right), 10);
      expect(columns.vega[i]).toBeCloseTo(getVega(...args), 10);
      expect(columns.rho[i]).toBeCloseTo(getRho(...args, c.right), 10);
    });
  });
});
