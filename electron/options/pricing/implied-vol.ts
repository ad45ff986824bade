// Implied volatility: the σ at which the model price equals a market price. Newton's method on vega,
// started at the Manaster–Koehler point σ* = √(2|ln(F/K)|/T) (Manaster & Koehler, "The Calculation of
// Implied Variances from the Black-Scholes Model", Journal of Finance 37, 1982): the Black-Scholes price
// is convex in σ below σ* and concave above, so Newton from σ* moves monotonically to the root. A
// bracket is kept all along and bisection takes over whenever a step leaves it (American prices are
// flat in σ where immediate exercise is optimal, and their slope is only estimated).
import type { ExerciseStyle } from '../../../shared/schemas/options';
import { europeanInto, greekColumns, POINT, type OptionParams } from './black-scholes';
import { bjerksundStenslandPrice } from './bjerksund-stensland';

export type IvFailure = 'below_intrinsic' | 'above_upper_bound' | 'expired' | 'invalid_price' | 'no_convergence';
export type IvResult = { vol: number; iterations: number } | { vol: null; reason: IvFailure; message: string };

/** A chain as columns: right 0 = call, 1 = put. */
export interface ChainBatch {
  spot: number;
  rate: number;
  dividendYield: number;
  right: Uint8Array;
  strike: Float64Array;
  years: Float64Array;
  price?: Float64Array;
  vol?: Float64Array;
}

/** The search interval: 0.01 % to 1000 % volatility covers every listed option. */
const VOL_LOW = 1e-4;
const VOL_HIGH = 10;
/** Stop when the step in σ is below this (the round-trip target is 1e-6). */
const VOL_TOLERANCE = 1e-10;
const MAX_ITERATIONS = 100;
/** A price within this relative distance of a no-arbitrage bound carries no volatility information. */
const BOUND_TOLERANCE = 1e-12;

type Contract = Omit<OptionParams, 'vol'>;

export function impliedVolatility(price: number, p: Contract, style: ExerciseStyle = 'european'): IvResult {
  const failure = checkBounds(price, p, style);
  if (failure) return { vol: null, ...failure };
  const vol = solve(price, p, style);
  if (Number.isNaN(vol)) {
    return { vol: null, reason: 'no_convergence', message: `No volatility between ${VOL_LOW * 100} % and ${VOL_HIGH * 100} % reproduces the price ${price}` };
  }
  return { vol, iterations: lastIterations };
}

/** Implied volatilities of a whole chain; NaN where there is none (`impliedVolatility` says why). */
export function impliedVolatilities(batch: ChainBatch & { price: Float64Array }, style: ExerciseStyle = 'european'): Float64Array {
  const result = new Float64Array(batch.strike.length);
  const contract: Contract = { right: 'call', spot: batch.spot, strike: 0, years: 0, rate: batch.rate, dividendYield: batch.dividendYield };
  for (let i = 0; i < result.length; i++) {
    contract.right = batch.right[i] === 1 ? 'put' : 'call';
    contract.strike = batch.strike[i]!;
    contract.years = batch.years[i]!;
    const price = batch.price[i]!;
    result[i] = checkBounds(price, contract, style) ? NaN : solve(price, contract, style);
  }
  return result;
}

/** No-arbitrage bounds (Hull ch. 11): a price outside them has no implied volatility. */
function checkBounds(price: number, p: Contract, style: ExerciseStyle): { reason: IvFailure; message: string } | undefined {
  if (!Number.isFinite(price) || price < 0) return { reason: 'invalid_price', message: `Option price must be a number ≥ 0, got ${price}` };
  if (!(p.years > 0)) return { reason: 'expired', message: 'The option has expired: no time value is left to imply a volatility from' };
  const spotPv = p.spot * Math.exp(-p.dividendYield * p.years);
  const strikePv = p.strike * Math.exp(-p.rate * p.years);
  const isCall = p.right === 'call';
  // European bounds: the discounted forward payoff below, the discounted asset (call) or strike (put) above.
  let lower = Math.max(isCall ? spotPv - strikePv : strikePv - spotPv, 0);
  let upper = isCall ? spotPv : strikePv;
  if (style === 'american') {
    // Exercisable now: never below intrinsic; never above the undiscounted asset or strike.
    lower = Math.max(lower, isCall ? p.spot - p.strike : p.strike - p.spot);
    upper = isCall ? p.spot : p.strike;
  }
  const slack = BOUND_TOLERANCE * Math.max(p.spot, p.strike);
  if (price <= lower + slack) {
    return {
      reason: 'below_intrinsic',
      message: `Price ${price} is at or below the no-arbitrage lower bound ${round(lower)} (intrinsic value): it has no time value to imply a volatility from`,
    };
  }
  if (price >= upper - slack) {
    return { reason: 'above_upper_bound', message: `Price ${price} is at or above the no-arbitrage upper bound ${round(upper)}` };
  }
  return undefined;
}

function round(value: number): number {
  return Math.round(value * 1e4) / 1e4;
}

const scratch = greekColumns(1);
/** Iterations of the last `solve`, read right after it (keeps the chain loop free of allocations). */
let lastIterations = 0;

/** Black-Scholes price and vega per unit σ (not per point) at `vol`, into `scratch`. */
function european(p: Contract, vol: number): void {
  europeanInto(p.right === 'put', p.spot, p.strike, p.years, p.rate, p.dividendYield, vol, scratch, 0);
}

function modelPrice(p: Contract, vol: number, american: boolean): number {
  if (american) return bjerksundStenslandPrice({ ...p, vol });
  european(p, vol);
  return scratch.price[0]!;
}

/**
 * Safeguarded Newton on σ ∈ [VOL_LOW, VOL_HIGH]; NaN when the price needs a σ outside it.
 * European: Newton on the analytic vega from the Manaster–Koehler point. American: an American price
 * is at least the European price at the same σ, so the European implied volatility is an upper bound
 * and, away from the exercise boundary, nearly the answer: start there, take the first step with the
 * European vega and the next ones with the secant slope of the two latest Bjerksund–Stensland prices
 * (one model evaluation per step instead of two for a finite-difference vega).
 */
function solve(price: number, p: Contract, style: ExerciseStyle): number {
  const american = style === 'american';
  let low = VOL_LOW;
  let high = VOL_HIGH;
  const logForwardMoneyness = Math.log(p.spot / p.strike) + (p.rate - p.dividendYield) * p.years;
  let vol = Math.min(Math.max(Math.sqrt((2 * Math.abs(logForwardMoneyness)) / p.years), low), high);
  let upperChecked = false;
  if (american) {
    // An American price is at least the European one at the same σ: the European σ is (nearly) an upper bound.
    const europeanVol = checkBounds(price, p, 'european') ? NaN : solve(price, p, 'european');
    if (!Number.isNaN(europeanVol)) vol = europeanVol;
  }
  let previousVol = NaN;
  let previousError = NaN;
  for (let iteration = 1; iteration <= MAX_ITERATIONS; iteration++) {
    const error = modelPrice(p, vol, american) - price;
    if (error === 0) return done(vol, iteration);
    if (error > 0) high = vol;
    else {
      low = vol;
      // The root is above: make sure there is one below VOL_HIGH before searching for it.
      if (!upperChecked && modelPrice(p, VOL_HIGH, american) < price) return NaN;
      upperChecked = true;
    }
    let slope: number;
    if (!american) slope = scratch.vega[0]! / POINT;
    else if (Number.isNaN(previousVol)) {
      european(p, vol);
      slope = scratch.vega[0]! / POINT;
    } else slope = (error - previousError) / (vol - previousVol);
    const newton = vol - error / slope;
    const next = slope > 0 && newton > low && newton < high ? newton : 0.5 * (low + high);
    if (Math.abs(next - vol) < VOL_TOLERANCE || high - low < VOL_TOLERANCE) {
      // Converged onto the floor: only a root if the price at VOL_LOW is not already above the market.
      if (next - VOL_LOW < VOL_TOLERANCE && modelPrice(p, VOL_LOW, american) > price) return NaN;
      return done(next, iteration);
    }
    previousVol = vol;
    previousError = error;
    vol = next;
  }
  return NaN;
}

function done(vol: number, iterations: number): number {
  lastIterations = iterations;
  return vol;
}
