// Black-Scholes-Merton for European options with a continuous dividend yield (Merton 1973), in the
// form of Hull, "Options, Futures, and Other Derivatives", ch. 17 (Merton) and ch. 19 (greeks).
// One kernel serves the single-contract functions and the chain columns, so both give identical
// numbers and the chain loop does no allocation.
import type { Greeks, OptionRight } from '../../../shared/schemas/options';
import { cdfFromGaussian } from './normal';

export interface OptionParams {
  right: OptionRight;
  spot: number;
  strike: number;
  /** Time to expiry in years, T ≥ 0 (see `yearsToExpiry`). */
  years: number;
  /** Risk-free rate r, continuously compounded (0.04 = 4 %). */
  rate: number;
  /** Dividend yield q, continuously compounded. */
  dividendYield: number;
  /** Volatility σ (0.20 = 20 %). */
  vol: number;
}

/** Price and greeks per share: theta per calendar day, vega per vol point, rho per rate point. */
export interface PricedOption extends Greeks {
  price: number;
}

/** Struct-of-arrays output for a whole chain; index i is contract i. */
export interface GreekColumns {
  price: Float64Array;
  delta: Float64Array;
  gamma: Float64Array;
  theta: Float64Array;
  vega: Float64Array;
  rho: Float64Array;
}

const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
export const DAYS_PER_YEAR = 365;
/** Greeks are quoted per 1 point (0.01) of volatility and of rate. */
export const POINT = 0.01;

export function greekColumns(length: number): GreekColumns {
  return {
    price: new Float64Array(length),
    delta: new Float64Array(length),
    gamma: new Float64Array(length),
    theta: new Float64Array(length),
    vega: new Float64Array(length),
    rho: new Float64Array(length),
  };
}

// A chain lists a few hundred strikes per expiry: consecutive calls share T, r and q, so the square
// root and the two discount factors are kept from the previous call (two of the kernel's four
// transcendental functions).
let cachedYears = NaN;
let cachedRate = NaN;
let cachedDividendYield = NaN;
let cachedRootT = NaN;
let cachedDiscount = NaN;
let cachedDividendDiscount = NaN;

/**
 * Prices one European option and writes price and greeks at `index` of `out`.
 * With σ√T = 0 (expiry, or zero volatility) the forward is certain: d1, d2 become ±∞ (0 when the
 * forward equals the strike), which yields the intrinsic value of the forward and its limit greeks
 * (delta 0 or ±e^(−qT), gamma and vega 0) instead of 0/0.
 */
export function europeanInto(
  isPut: boolean,
  spot: number,
  strike: number,
  years: number,
  rate: number,
  dividendYield: number,
  vol: number,
  out: GreekColumns,
  index: number,
): void {
  const t = years > 0 ? years : 0;
  if (t !== cachedYears || rate !== cachedRate || dividendYield !== cachedDividendYield) {
    cachedYears = t;
    cachedRate = rate;
    cachedDividendYield = dividendYield;
    cachedRootT = Math.sqrt(t);
    cachedDiscount = Math.exp(-rate * t);
    cachedDividendDiscount = Math.exp(-dividendYield * t);
  }
  const rootT = cachedRootT;
  const discount = cachedDiscount;
  const dividendDiscount = cachedDividendDiscount;
  const stdDev = vol * rootT;
  const spotPv = spot * dividendDiscount; // S e^(−qT)
  const strikePv = strike * discount; // K e^(−rT)
  const logMoneyness = Math.log(spotPv / strikePv); // ln(F/K)

  let d1: number;
  let gaussian1: number; // exp(−d1²/2)
  let gaussian2: number;
  if (stdDev > 0) {
    d1 = logMoneyness / stdDev + 0.5 * stdDev;
    gaussian1 = Math.exp(-0.5 * d1 * d1);
    // exp(−d2²/2) = exp(−d1²/2) · F/K, the identity behind K e^(−rT) φ(d2) = S e^(−qT) φ(d1): no second exp.
    gaussian2 = (gaussian1 * spotPv) / strikePv;
  } else {
    d1 = logMoneyness > 0 ? Infinity : logMoneyness < 0 ? -Infinity : 0;
    gaussian1 = Math.exp(-0.5 * d1 * d1); // 0 at ±∞, 1 at the money (N(0) = ½)
    gaussian2 = gaussian1;
  }
  const d2 = d1 - stdDev;
  const nd1 = cdfFromGaussian(d1, gaussian1); // N(d1)
  const nd2 = cdfFromGaussian(d2, gaussian2); // N(d2)
  const density = gaussian1 * INV_SQRT_2PI; // φ(d1)
  const decay = stdDev > 0 ? (-spotPv * density * vol) / (2 * rootT) : 0; // the σ part of theta

  if (isPut) {
    const nMinusD1 = 1 - nd1; // N(−d1)
    const nMinusD2 = 1 - nd2;
    out.price[index] = strikePv * nMinusD2 - spotPv * nMinusD1;
    out.delta[index] = -dividendDiscount * nMinusD1;
    out.theta[index] = (decay + rate * strikePv * nMinusD2 - dividendYield * spotPv * nMinusD1) / DAYS_PER_YEAR;
    out.rho[index] = -t * strikePv * nMinusD2 * POINT;
  } else {
    out.price[index] = spotPv * nd1 - strikePv * nd2;
    out.delta[index] = dividendDiscount * nd1;
    out.theta[index] = (decay - rate * strikePv * nd2 + dividendYield * spotPv * nd1) / DAYS_PER_YEAR;
    out.rho[index] = t * strikePv * nd2 * POINT;
  }
  out.gamma[index] = stdDev > 0 ? (dividendDiscount * density) / (spot * stdDev) : 0;
  out.vega[index] = spotPv * density * rootT * POINT;
}

/** Reused by the single-contract functions: pricing one option allocates only its result. */
const scratch = greekColumns(1);

export function readPriced(columns: GreekColumns, index: number): PricedOption {
  return {
    price: columns.price[index]!,
    delta: columns.delta[index]!,
    gamma: columns.gamma[index]!,
    theta: columns.theta[index]!,
    vega: columns.vega[index]!,
    rho: columns.rho[index]!,
  };
}

export function blackScholesGreeks(p: OptionParams): PricedOption {
  europeanInto(p.right === 'put', p.spot, p.strike, p.years, p.rate, p.dividendYield, p.vol, scratch, 0);
  return readPriced(scratch, 0);
}

export function blackScholesPrice(p: OptionParams): number {
  europeanInto(p.right === 'put', p.spot, p.strike, p.years, p.rate, p.dividendYield, p.vol, scratch, 0);
  return scratch.price[0]!;
}
