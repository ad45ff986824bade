import type { TermShape, VixTenor } from '../../shared/schemas/macro';

/** The Cboe volatility indices of the S&P 500 curve and the days of options each one measures. */
export const VIX_TENORS: readonly { symbol: VixTenor; days: number }[] = [
  { symbol: 'VIX9D', days: 9 },
  { symbol: 'VIX', days: 30 },
  { symbol: 'VIX3M', days: 93 },
  { symbol: 'VIX6M', days: 183 },
];

/** Average VIX close since 1990 (about 19.5): where the curve's long end settles. */
export const VIX_LONG_RUN_LEVEL = 19.5;
/**
 * Speed at which a VIX shock fades along the curve, per year: 3 gives a half-life of ln 2 / 3 ≈ 84
 * days, so a calm VIX of 15 puts VIX3M near 16.8 and VIX6M near 18.2 (the usual contango) and a
 * stressed VIX of 30 puts VIX9D above it and VIX6M near 22.5 (backwardation).
 */
export const VIX_MEAN_REVERSION = 3;
/** |VIX ÷ VIX3M − 1| under 1 % reads as a flat curve. */
const FLAT_BAND = 0.01;

/**
 * The level of the volatility index of `days` implied by a 30-day VIX of `vix`, under mean reversion
 * towards the long-run level: L(τ) = θ + (VIX − θ)·e^(−κ(τ − 30)/365). A model, used when no provider
 * quotes the other tenors.
 */
export function modelVixLevel(vix: number, days: number): number {
  return VIX_LONG_RUN_LEVEL + (vix - VIX_LONG_RUN_LEVEL) * Math.exp((-VIX_MEAN_REVERSION * (days - 30)) / 365);
}

/** Contango when the 3-month index is above VIX (VIX ÷ VIX3M < 0.99), backwardation when below (> 1.01). */
export function termShape(vix: number, vix3m: number): { shape: TermShape; ratio: number } {
  const ratio = vix / vix3m;
  const shape: TermShape = ratio < 1 - FLAT_BAND ? 'contango' : ratio > 1 + FLAT_BAND ? 'backwardation' : 'flat';
  return { shape, ratio };
}
