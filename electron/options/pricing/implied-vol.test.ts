import { describe, expect, it } from 'vitest';
import type { ExerciseStyle } from '../../../shared/schemas/options';
import { blackScholesPrice, type OptionParams } from './black-scholes';
import { bjerksundStenslandPrice } from './bjerksund-stensland';
import { impliedVolatilities, impliedVolatility } from './implied-vol';

const modelPrice = (p: OptionParams, style: ExerciseStyle) => (style === 'american' ? bjerksundStenslandPrice(p) : blackScholesPrice(p));

describe('impliedVolatility: reference', () => {
  it('Hull 9th ed. §15.11: a call worth 1.875 with S=21, K=20, r=10 %, T=0.25 implies σ = 0.235', () => {
    // Hull finds it by interval halving: σ = 0.20 gives c = 1.76, σ = 0.30 gives c = 2.10, … → 0.235.
    const result = impliedVolatility(1.875, { right: 'call', spot: 21, strike: 20, years: 0.25, rate: 0.1, dividendYield: 0 });
    expect(result.vol).not.toBeNull();
    expect(result.vol!).toBeCloseTo(0.235, 3);
  });

  it('recovers Haug Table 3-2 volatilities from the table prices (American on futures, b = 0)', () => {
    // p. 107: put S=90 T=0.1 σ=0.25 → 10.2280; call S=100 T=0.5 σ=0.35 → 9.4608 (4-decimal prices,
    // so σ is recovered to about price rounding / vega: 5e-5 / 0.2 per unit σ → 3e-4).
    const futures = { strike: 100, rate: 0.1, dividendYield: 0.1 };
    expect(impliedVolatility(10.228, { ...futures, right: 'put', spot: 90, years: 0.1 }, 'american').vol!).toBeCloseTo(0.25, 3);
    expect(impliedVolatility(9.4608, { ...futures, right: 'call', spot: 100, years: 0.5 }, 'american').vol!).toBeCloseTo(0.35, 3);
  });
});

describe('impliedVolatility: round trip σ → price → σ̂ with |σ − σ̂| < 1e-6', () => {
  // Moneyness K/S 0.7–1.3, tenors 1 day to 3 years, σ 10–80 %, both rights, both exercise styles.
  // A point is kept when it carries volatility information at double precision: a 1e-6 change in σ
  // must move the price by more than 1e-10 (≈ 700 ulps of a $100 price). The rest (a 1-day 70 %-strike
  // put at σ = 10 % is worth 1e-300) cannot be inverted by any solver and are counted, not hidden.
  const cases: Array<{ p: OptionParams; style: ExerciseStyle; price: number }> = [];
  let uninformative = 0;
  for (const style of ['european', 'american'] as const)
    for (const right of ['call', 'put'] as const)
      for (const moneyness of [0.7, 0.8, 0.9, 0.95, 1, 1.05, 1.1, 1.2, 1.3])
        for (const years of [1 / 365, 7 / 365, 30 / 365, 0.25, 1, 3])
          for (const vol of [0.1, 0.2, 0.4, 0.8]) {
            const p: OptionParams = { right, spot: 100, strike: 100 * moneyness, years, rate: 0.0365, dividendYield: 0.012, vol };
            const price = modelPrice(p, style);
            const sensitivity = modelPrice({ ...p, vol: vol + 1e-6 }, style) - price;
            if (sensitivity > 1e-10) cases.push({ p, style, price });
            else uninformative++;
          }

  it('covers most of the 864-point grid', () => {
    expect(cases.length + uninformative).toBe(864);
    expect(cases.length).toBeGreaterThan(650);
  });

  it('recovers σ to 1e-6 at every informative point, both styles', () => {
    for (const { p, style, price } of cases) {
      const result = impliedVolatility(price, p, style);
      if (result.vol === null) throw new Error(`${style} ${p.right} K=${p.strike} T=${p.years} σ=${p.vol}: ${result.message}`);
      expect(Math.abs(result.vol - p.vol)).toBeLessThan(1e-6);
    }
  });

  it('the chain variant returns the same volatilities as the single-contract solver', () => {
    for (const style of ['european', 'american'] as const) {
      const chain = cases.filter((c) => c.style === style && c.p.years === 30 / 365);
      const vols = impliedVolatilities(
        {
          spot: 100,
          rate: 0.0365,
          dividendYield: 0.012,
          right: Uint8Array.from(chain, (c) => (c.p.right === 'put' ? 1 : 0)),
          strike: Float64Array.from(chain, (c) => c.p.strike),
          years: Float64Array.from(chain, (c) => c.p.years),
          price: Float64Array.from(chain, (c) => c.price),
        },
        style,
      );
      chain.forEach((c, i) => expect(vols[i]).toBe(impliedVolatility(c.price, c.p, style).vol));
    }
  });
});

describe('impliedVolatility: prices without an implied volatility return null with the reason', () => {
  // S=100, K=90, T=0.5, r=5 %, q=0: lower bounds — European call S − K·e^(−rT) = 100 − 87.777 = 12.223,
  // American call max(S − K, …) = 12.223 as well (no dividend); American put K − S when in the money.
  const contract = { spot: 100, strike: 90, years: 0.5, rate: 0.05, dividendYield: 0 };

  it('below_intrinsic: under the discounted-forward payoff (European) or the exercise value (American)', () => {
    expect(impliedVolatility(12.2, { ...contract, right: 'call' })).toMatchObject({ vol: null, reason: 'below_intrinsic' });
    expect(impliedVolatility(12.25, { ...contract, right: 'call' }).vol).not.toBeNull();
    // An American put 10 under the money is worth at least K − S = 110 − 100 = 10.
    expect(impliedVolatility(9.99, { ...contract, strike: 110, right: 'put' }, 'american')).toMatchObject({ vol: null, reason: 'below_intrinsic' });
    // A European put may trade below K − S (110e^(−0.025) − 100 = 7.284 is its floor) and still have a σ.
    expect(impliedVolatility(9.99, { ...contract, strike: 110, right: 'put' }, 'european').vol).not.toBeNull();
  });

  it('above_upper_bound: a call cannot cost more than the stock, a put more than the (discounted) strike', () => {
    expect(impliedVolatility(100, { ...contract, right: 'call' })).toMatchObject({ vol: null, reason: 'above_upper_bound' });
    // European put ≤ K·e^(−rT) = 90·e^(−0.025) = 87.778.
    expect(impliedVolatility(88, { ...contract, right: 'put' })).toMatchObject({ vol: null, reason: 'above_upper_bound' });
  });

  it('expired, invalid_price and no_convergence', () => {
    expect(impliedVolatility(1, { ...contract, right: 'call', years: 0 })).toMatchObject({ vol: null, reason: 'expired' });
    expect(impliedVolatility(Number.NaN, { ...contract, right: 'call' })).toMatchObject({ vol: null, reason: 'invalid_price' });
    expect(impliedVolatility(-1, { ...contract, right: 'call' })).toMatchObject({ vol: null, reason: 'invalid_price' });
    // A 1-day at-the-money call at 60 % of the stock: inside the bounds, but even σ = 1000 % prices it
    // at about 100·(2N(10·√(1/365)/2) − 1) = 100·(2N(0.2617) − 1) = 20.6.
    const result = impliedVolatility(60, { ...contract, strike: 100, years: 1 / 365, right: 'call' });
    expect(result).toMatchObject({ vol: null, reason: 'no_convergence' });
    expect(result.vol === null && result.message).toMatch(/No volatility/);
  });

  it('the chain variant gives NaN exactly where the single solver gives null', () => {
    const prices = [12.2, 15, 100, 5];
    const vols = impliedVolatilities({
      spot: 100,
      rate: 0.05,
      dividendYield: 0,
      right: Uint8Array.from([0, 0, 0, 1]),
      strike: Float64Array.from([90, 90, 90, 90]),
      years: Float64Array.from([0.5, 0.5, 0.5, 0]),
      price: Float64Array.from(prices),
    });
    expect(Number.isNaN(vols[0])).toBe(true);
    expect(vols[1]).toBe(impliedVolatility(15, { ...contract, right: 'call' }).vol);
    expect(Number.isNaN(vols[2])).toBe(true);
    expect(Number.isNaN(vols[3])).toBe(true);
  });
});
