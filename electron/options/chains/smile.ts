import { CoachError } from '../../../shared/errors';
import type { SymbolKind } from '../../../shared/schemas/market';
import { seededRandom } from '../../market/seeded-random';

/**
 * The volatility surface of one underlying on one day:
 *   σ(K, T) = atm(T) · (1 + skew·x + curvature·(√(x² + δ²) − δ)),   x = ln(K/F) / √T
 * with atm(T) = long + (short − long)·e^(−T/τ). In `x` (moneyness over √tenor) the smile keeps its
 * shape across tenors, as real surfaces roughly do: a given strike is far from the money on a 0DTE
 * and close to it on a LEAPS. The hyperbola makes both wings linear in x, the put wing steeper
 * (skew < 0): puts dearer than calls, the lowest volatility a little above the money.
 */
export interface SmileParams {
  /** At-the-money volatility of the shortest tenors. */
  shortVol: number;
  /** At-the-money volatility the term structure tends to on long tenors. */
  longVol: number;
  /** Years over which the short end gives way to the long end. */
  termYears: number;
  /** Slope in x (negative: put skew). */
  skew: number;
  /** Wing steepness; above |skew| the call wing rises again. */
  curvature: number;
  /** Width of the smile's rounded bottom, in x. */
  width: number;
}

export interface SmileUnderlying {
  symbol: string;
  kind: SymbolKind;
  /** Long-run volatility of the underlying (the simulated market's profile). */
  annualVol: number;
  /** An index ETF trades its index's smile. */
  tracks?: { symbol: string };
}

/** Shape by kind: indices (and the ETFs on them) carry a steep put skew, single stocks a flatter, rounder smile. */
const SHAPE = {
  index: { skew: -1.5, curvature: 2, width: 0.15 },
  stock: { skew: -0.6, curvature: 1.2, width: 0.2 },
} as const;
const TERM_YEARS = 0.25;
/** In a calm market the curve slopes up (short 0.9×, long 1.05× the long-run volatility). */
const CALM_SHORT = 0.9;
const CALM_LONG = 1.05;
const MIN_VOL = 0.03;
const MAX_VOL = 3;

/**
 * The smile of `underlying` on New York date `date`, deterministic per (underlying, date). A
 * market-wide fear level (one draw per date, shared by every symbol, the way the VIX moves them
 * all) scales the short end more than the long end: calm days are in contango, fearful days
 * invert the term structure. Each symbol adds a few percent of its own to level, skew and curvature.
 */
export function smileFor(underlying: SmileUnderlying, date: string): SmileParams {
  const market = seededRandom(`smile|market|${date}`);
  const fear = Math.min(1.8, Math.max(0.7, Math.exp(0.18 * market.normal())));
  const own = seededRandom(`smile|${underlying.tracks?.symbol ?? underlying.symbol}|${date}`);
  const jitter = (sd: number) => Math.exp(sd * own.normal());
  const shape = underlying.kind === 'stock' ? SHAPE.stock : SHAPE.index;
  const base = underlying.annualVol * jitter(0.05);
  return {
    shortVol: base * CALM_SHORT * fear ** 2,
    longVol: base * CALM_LONG * Math.sqrt(fear),
    termYears: TERM_YEARS,
    skew: shape.skew * jitter(0.08) * Math.sqrt(fear),
    curvature: shape.curvature * jitter(0.08),
    width: shape.width,
  };
}

/** At-the-money volatility for a tenor of `years`. */
export function atmVol(params: SmileParams, years: number): number {
  return params.longVol + (params.shortVol - params.longVol) * Math.exp(-years / params.termYears);
}

/** Implied volatility of strike `strike` against forward `forward` for a tenor of `years`. */
export function smileVol(params: SmileParams, strike: number, forward: number, years: number): number {
  const x = Math.log(strike / forward) / Math.sqrt(Math.max(years, MIN_YEARS));
  const shape = 1 + params.skew * x + params.curvature * (Math.sqrt(x * x + params.width ** 2) - params.width);
  return Math.min(MAX_VOL, Math.max(MIN_VOL, atmVol(params, years) * shape));
}

/** A 0DTE minutes before the bell would put x at infinity; the smile is held at a ten-minute tenor below that. */
const MIN_YEARS = 10 / (365 * 24 * 60);

/**
 * The volatility at `strike` read off a quoted chain's IVs: out-of-the-money contracts (puts below
 * the spot, calls above, the liquid side), linear between neighbouring strikes, flat beyond the last.
 */
export function interpolateIv(contracts: readonly { right: 'call' | 'put'; strike: number; iv: number | null }[], strike: number, spot: number): number {
  const withIv = contracts.filter((c): c is typeof c & { iv: number } => c.iv !== null);
  const outOfTheMoney = withIv.filter((c) => (c.right === 'put' ? c.strike <= spot : c.strike >= spot));
  const points = (outOfTheMoney.length ? outOfTheMoney : withIv).sort((a, b) => a.strike - b.strike);
  if (!points.length) throw new CoachError('unavailable', 'The chain has no contract with an implied volatility to price from');
  const above = points.findIndex((p) => p.strike >= strike);
  if (above === 0) return points[0]!.iv;
  if (above === -1) return points[points.length - 1]!.iv;
  const low = points[above - 1]!;
  const high = points[above]!;
  return low.iv + ((strike - low.strike) / (high.strike - low.strike)) * (high.iv - low.iv);
}
