import type { SymbolKind } from '../../../shared/schemas/market';

/** Strike spacing of an underlying: `near` around the money on short tenors, `far` in the wings and on long tenors. */
export interface StrikeSpacing {
  near: number;
  far: number;
}

/**
 * Listed strike spacing by kind and price, as the exchanges list them: SPX every 5 points near the
 * money and 25 further out, NDX 10 and 50, the index ETFs every dollar and 5 further out, single
 * stocks by price band ($0.50 under $25, $1 under $200, $2.50 under $500, $5 under $1 000, $10 above).
 */
export function strikeSpacing(kind: SymbolKind, spot: number): StrikeSpacing {
  if (kind === 'index') return spot >= 10_000 ? { near: 10, far: 50 } : { near: 5, far: 25 };
  if (kind === 'etf') return spot >= 25 ? { near: 1, far: 5 } : { near: 0.5, far: 1 };
  if (spot < 25) return { near: 0.5, far: 1 };
  if (spot < 200) return { near: 1, far: 5 };
  if (spot < 500) return { near: 2.5, far: 5 };
  if (spot < 1000) return { near: 5, far: 10 };
  return { near: 10, far: 50 };
}

export interface StrikeGridInput {
  kind: SymbolKind;
  spot: number;
  /** At-the-money implied volatility of the expiration. */
  atmVol: number;
  /** Years to expiration. */
  years: number;
}

/** Standard deviations of the log price the listed range spans below the spot (puts) and above it (calls). */
const RANGE_SD_DOWN = 4;
const RANGE_SD_UP = 3;
/** Within this many standard deviations the near spacing applies. */
const NEAR_ZONE_SD = 1;
/** Even a 0DTE lists strikes ±15 % around the spot (finely within ±5 %); a LEAPS never beyond 20 %–250 % of spot. */
const MIN_HALF_RANGE = 0.15;
const MIN_NEAR_ZONE = 0.05;
const LOWEST = 0.2;
const HIGHEST = 2.5;
/** Past two months the near spacing gives way to the far one; past a year to twice the far one. */
const NEAR_SPACING_MAX_YEARS = 61 / 365;

/**
 * The strikes listed for one expiration, ascending: a range around the spot that widens with
 * volatility × √tenor, finely spaced near the money and coarser in the wings and on long tenors.
 * Every strike is a multiple of its spacing, so the coarse ones line up with the fine ones.
 */
export function strikeGrid({ kind, spot, atmVol, years }: StrikeGridInput): number[] {
  const spacing = strikeSpacing(kind, spot);
  const sd = atmVol * Math.sqrt(Math.max(years, 1 / 365));
  const low = spot * Math.max(LOWEST, Math.min(Math.exp(-RANGE_SD_DOWN * sd), 1 - MIN_HALF_RANGE));
  const high = spot * Math.min(HIGHEST, Math.max(Math.exp(RANGE_SD_UP * sd), 1 + MIN_HALF_RANGE));
  const nearHalfWidth = Math.max(MIN_NEAR_ZONE, NEAR_ZONE_SD * sd);
  const [inner, outer] =
    years <= NEAR_SPACING_MAX_YEARS ? [spacing.near, spacing.far] : years <= 1 ? [spacing.far, 2 * spacing.far] : [2 * spacing.far, 4 * spacing.far];

  const strikes: number[] = [];
  for (let strike = Math.ceil(low / inner) * inner; strike <= high + 1e-9; strike = round(strike + inner)) {
    const nearMoney = Math.abs(Math.log(strike / spot)) <= nearHalfWidth;
    if (nearMoney || isMultiple(strike, outer)) strikes.push(round(strike));
  }
  return strikes;
}

/** The listed strike nearest `spot` (the lower one on a tie). */
export function atTheMoney(strikes: readonly number[], spot: number): number {
  let best = strikes[0]!;
  for (const strike of strikes) if (Math.abs(strike - spot) < Math.abs(best - spot)) best = strike;
  return best;
}

function isMultiple(value: number, step: number): boolean {
  const ratio = value / step;
  return Math.abs(ratio - Math.round(ratio)) < 1e-9;
}

/** Strikes are quoted to the cent at most; this removes the float noise of repeated additions. */
function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
