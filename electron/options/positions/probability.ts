// Probability of profit under a lognormal terminal price at the current implied volatility,
// risk-neutral drift (r − q): P(S_T > x) = N(d2(x)), d2 = [ln(S/x) + (r − q − σ²/2) T] / (σ√T),
// the same N(d2) that prices a cash-or-nothing call (Hull, ch. 26). A piecewise payoff makes money
// on intervals between breakevens, so P(profit) = Σ over those intervals of N(d2(a)) − N(d2(b)).
import { normCdf } from '../pricing/normal';

export interface LognormalTerms {
  spot: number;
  rate: number;
  dividendYield: number;
  vol: number;
  years: number;
}

/** P(S_T > price). */
export function probabilityAbove(price: number, t: LognormalTerms): number {
  if (price <= 0) return 1;
  if (price === Infinity) return 0;
  const stdDev = t.vol * Math.sqrt(t.years);
  const drift = (t.rate - t.dividendYield) * t.years;
  // No time or no volatility: the price ends at its forward for sure.
  if (!(stdDev > 0)) return t.spot * Math.exp(drift) > price ? 1 : 0;
  return normCdf((Math.log(t.spot / price) + drift - (stdDev * stdDev) / 2) / stdDev);
}

/** P(S_T in one of the intervals) — intervals disjoint, [low, high] with high possibly Infinity. */
export function probabilityInIntervals(intervals: readonly [number, number][], t: LognormalTerms): number {
  const p = intervals.reduce((sum, [low, high]) => sum + probabilityAbove(low, t) - probabilityAbove(high, t), 0);
  return Math.min(1, Math.max(0, p));
}
