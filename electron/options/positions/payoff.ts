// P&L of a set of legs at a payoff date, and what follows from it: breakevens, max profit, max loss.
//
// When every option settles at the payoff date the P&L is piecewise linear in the underlying with
// kinks at the strikes, so breakevens are exact roots of the linear pieces and the extremes sit at a
// strike, at 0 or in the tail beyond the largest strike (unbounded when the tail slopes). When some
// legs live on (calendars, diagonals), the P&L at the first expiry values them with a model the
// caller gives (Black-Scholes at current IV): that curve is smooth, so its roots are bracketed on a
// dense grid and refined by bisection, its extremes refined by golden section, and its tails are
// judged by what the legs are worth deep in the money (intrinsic slope): net calls + shares > 0
// grows without bound, < 0 loses without bound.
import type { Leg, OptionLeg } from '../../../shared/schemas/options';
import type { Bound } from '../../../shared/schemas/positions';

export interface Payoff {
  /** P&L in dollars at the payoff date with the underlying at `price`. */
  at(price: number): number;
  /** Distinct strikes, ascending. */
  strikes: number[];
  /** True when every option settles at the payoff date (piecewise linear, exact roots). */
  linear: boolean;
  /** $ of P&L per $1 of underlying far above every strike: Σ call quantity × multiplier + shares. */
  tailSlope: number;
}

export interface PayoffSummary {
  breakevens: number[];
  maxProfit: Bound;
  /** Largest loss as a positive amount (0 when no price loses). */
  maxLoss: Bound;
}

/** Value per share of an option at settlement. */
export function intrinsic(leg: Pick<OptionLeg, 'right' | 'strike'>, price: number): number {
  return leg.right === 'call' ? Math.max(0, price - leg.strike) : Math.max(0, leg.strike - price);
}

/** P&L of one leg when it is worth `value` per share (entry price taken off, × quantity × multiplier). */
export function legPnl(leg: Leg, value: number): number {
  return (value - leg.price) * leg.quantity * (leg.kind === 'option' ? leg.multiplier : 1);
}

function shape(legs: readonly Leg[]): Pick<Payoff, 'strikes' | 'tailSlope'> {
  const options = legs.filter((leg): leg is OptionLeg => leg.kind === 'option');
  const strikes = [...new Set(options.map((leg) => leg.strike))].sort((a, b) => a - b);
  const tailSlope = legs.reduce((slope, leg) => {
    if (leg.kind === 'stock') return slope + leg.quantity;
    return leg.right === 'call' ? slope + leg.quantity * leg.multiplier : slope;
  }, 0);
  return { strikes, tailSlope };
}

/** Every leg at its settlement value: exact when all options share one expiry. */
export function expirationPayoff(legs: readonly Leg[]): Payoff {
  const at = (price: number) => legs.reduce((sum, leg) => sum + legPnl(leg, leg.kind === 'option' ? intrinsic(leg, price) : price), 0);
  return { at, ...shape(legs), linear: true };
}

/**
 * At `firstExpiry`: options expiring then (or before) at intrinsic value, later ones at
 * `laterValue(leg, price)` per share (the caller's model at that date).
 */
export function firstExpiryPayoff(legs: readonly Leg[], firstExpiry: string, laterValue: (leg: OptionLeg, price: number) => number): Payoff {
  const settles = (leg: Leg) => leg.kind === 'stock' || leg.expiry <= firstExpiry;
  if (legs.every(settles)) return expirationPayoff(legs);
  const at = (price: number) =>
    legs.reduce((sum, leg) => {
      if (leg.kind === 'stock') return sum + legPnl(leg, price);
      return sum + legPnl(leg, leg.expiry <= firstExpiry ? intrinsic(leg, price) : laterValue(leg, price));
    }, 0);
  return { at, ...shape(legs), linear: false };
}

export function summarisePayoff(payoff: Payoff): PayoffSummary {
  return payoff.linear ? linearSummary(payoff) : smoothSummary(payoff);
}

function dedupe(values: number[]): number[] {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.filter((value, i) => i === 0 || Math.abs(value - sorted[i - 1]!) > 1e-9 * Math.max(1, value));
}

function bounds(values: number[], tailSlope: number): Pick<PayoffSummary, 'maxProfit' | 'maxLoss'> {
  const highest = Math.max(...values);
  const lowest = Math.min(...values);
  return {
    maxProfit: tailSlope > 0 ? 'unlimited' : highest,
    maxLoss: tailSlope < 0 ? 'unlimited' : Math.max(0, -lowest),
  };
}

function linearSummary(payoff: Payoff): PayoffSummary {
  const knots = [0, ...payoff.strikes.filter((strike) => strike > 0)];
  const values = knots.map((price) => payoff.at(price));
  const roots: number[] = [];
  for (let i = 0; i < knots.length; i++) {
    const [a, va] = [knots[i]!, values[i]!];
    if (va === 0 && a > 0) roots.push(a);
    if (i + 1 < knots.length) {
      const [b, vb] = [knots[i + 1]!, values[i + 1]!];
      if (va * vb < 0) roots.push(a - (va * (b - a)) / (vb - va));
    }
  }
  const last = knots[knots.length - 1]!;
  const lastValue = values[values.length - 1]!;
  if (payoff.tailSlope !== 0 && lastValue * payoff.tailSlope < 0) roots.push(last - lastValue / payoff.tailSlope);
  return { breakevens: dedupe(roots), ...bounds(values, payoff.tailSlope) };
}

/** Prices from 0 to 3 × the largest strike (strikes included): enough room for a smooth curve's turns. */
const SCAN_STEPS = 3000;

function smoothSummary(payoff: Payoff): PayoffSummary {
  const top = 3 * Math.max(...payoff.strikes);
  const grid = dedupe([...Array.from({ length: SCAN_STEPS + 1 }, (_, i) => (top * i) / SCAN_STEPS), ...payoff.strikes]);
  const values = grid.map((price) => payoff.at(price));
  const roots: number[] = [];
  for (let i = 1; i < grid.length; i++) {
    if (values[i] === 0) roots.push(grid[i]!);
    else if (values[i - 1]! * values[i]! < 0) roots.push(bisect(payoff.at, grid[i - 1]!, grid[i]!));
  }
  // A root past the scanned range: follow the tail out until the sign turns.
  let [low, high] = [top, 2 * top];
  for (let step = 0; step < 20 && payoff.at(low) * payoff.at(high) > 0; step++) [low, high] = [high, 2 * high];
  if (payoff.at(low) * payoff.at(high) < 0) roots.push(bisect(payoff.at, low, high));

  const best = values.indexOf(Math.max(...values));
  const worst = values.indexOf(Math.min(...values));
  const extremes = [refineExtreme(payoff.at, grid, best, 1), refineExtreme(payoff.at, grid, worst, -1)];
  return { breakevens: dedupe(roots), ...bounds([...values, ...extremes], payoff.tailSlope) };
}

/** A root of f between a and b (f(a), f(b) of opposite signs), to double precision. */
function bisect(f: (x: number) => number, a: number, b: number): number {
  let [low, high, fLow] = [a, b, f(a)];
  for (let i = 0; i < 100 && high - low > 1e-12 * Math.max(1, high); i++) {
    const mid = (low + high) / 2;
    const fMid = f(mid);
    if (fMid === 0) return mid;
    if (fMid * fLow < 0) high = mid;
    else [low, fLow] = [mid, fMid];
  }
  return (low + high) / 2;
}

/** Golden-section search around grid point `i` for the maximum (`sign` 1) or minimum (−1); returns the value. */
function refineExtreme(f: (x: number) => number, grid: number[], i: number, sign: 1 | -1): number {
  let low = grid[Math.max(0, i - 1)]!;
  let high = grid[Math.min(grid.length - 1, i + 1)]!;
  const ratio = (Math.sqrt(5) - 1) / 2;
  const g = (x: number) => sign * f(x);
  for (let step = 0; step < 80 && high - low > 1e-9; step++) {
    const left = high - ratio * (high - low);
    const right = low + ratio * (high - low);
    if (g(left) > g(right)) high = right;
    else low = left;
  }
  return Math.max(g(grid[i]!), g((low + high) / 2)) * sign;
}

/** Price intervals where P&L > 0, from the breakevens (open intervals; `Infinity` for the upper tail). */
export function profitIntervals(payoff: Payoff, breakevens: readonly number[]): [number, number][] {
  const edges = [0, ...breakevens, Infinity];
  const far = Math.max(...payoff.strikes, ...breakevens, 1) * 2;
  const intervals: [number, number][] = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    const [low, high] = [edges[i]!, edges[i + 1]!];
    if (high <= low) continue;
    const probe = high === Infinity ? Math.max(low, far) + 1 : (low + high) / 2;
    if (payoff.at(probe) > 0) intervals.push([low, high]);
  }
  return intervals;
}
