// What one leg is worth, and its greeks per share, in a given market: the spot, the instant, the
// leg's implied volatility (shifted in a what-if), priced by the underlying's exercise style.
import type { ExerciseStyle, Greeks, Leg, OptionLeg } from '../../../shared/schemas/options';
import { bjerksundStenslandPrice } from '../pricing/bjerksund-stensland';
import { blackScholesPrice, type OptionParams } from '../pricing/black-scholes';
import { settlementInstant, yearsToExpiry } from '../pricing/expiry';
import { priceOption } from '../pricing/price-option';
import { settlementFor } from '../pricing/underlyings';
import { intrinsic } from './payoff';

export interface MarketState {
  spot: number;
  /** Epoch ms the legs are valued at (time to expiry counts from it). */
  nowMs: number;
  rate: number;
  dividendYield: number;
  style: ExerciseStyle;
}

export interface LegValue {
  /** Per share. */
  value: number;
  greeks: Greeks;
  /** Years to settlement (null for stock). */
  years: number | null;
}

const NO_GREEKS: Greeks = { delta: 0, gamma: 0, theta: 0, vega: 0, rho: 0 };
/** A volatility shifted below this is taken as this (a price needs some uncertainty to be a model price). */
export const MIN_VOL = 0.001;

export function shiftedVol(iv: number, ivShiftPoints: number): number {
  return Math.max(MIN_VOL, iv + ivShiftPoints / 100);
}

/** Years from `nowMs` to the leg's settlement instant (09:30 ET for AM-settled, the close for PM). */
export function legYears(leg: OptionLeg, nowMs: number): number {
  return yearsToExpiry(nowMs, leg.expiry, settlementFor(leg.symbol, leg.expiry));
}

/** Epoch ms when options of `symbol` expiring on `expiry` settle. */
export function settlementOf(symbol: string, expiry: string): number {
  return settlementInstant(expiry, settlementFor(symbol, expiry));
}

/** Price only (the payoff curves ask for many): Black-Scholes for European, Bjerksund–Stensland for American. */
export function optionPrice(params: OptionParams, style: ExerciseStyle): number {
  return style === 'american' ? bjerksundStenslandPrice(params) : blackScholesPrice(params);
}

function params(leg: OptionLeg, market: MarketState, vol: number, years: number): OptionParams {
  return { right: leg.right, spot: market.spot, strike: leg.strike, years, rate: market.rate, dividendYield: market.dividendYield, vol };
}

/** Value and greeks per share; stock is worth the spot with delta 1; an option past settlement its intrinsic value with no greeks. */
export function valueLeg(leg: Leg, vol: number | null, market: MarketState): LegValue {
  if (leg.kind === 'stock') return { value: market.spot, greeks: { ...NO_GREEKS, delta: 1 }, years: null };
  const years = legYears(leg, market.nowMs);
  if (years === 0 || vol === null) return { value: intrinsic(leg, market.spot), greeks: NO_GREEKS, years };
  const { price, ...greeks } = priceOption(params(leg, market, vol, years), market.style);
  return { value: price, greeks, years };
}

/** Value per share only (curves). */
export function legPrice(leg: Leg, vol: number | null, market: MarketState): number {
  if (leg.kind === 'stock') return market.spot;
  const years = legYears(leg, market.nowMs);
  if (years === 0 || vol === null) return intrinsic(leg, market.spot);
  return optionPrice(params(leg, market, vol, years), market.style);
}

/** Per-share greeks × quantity × multiplier (stock: × shares). */
export function dollarGreeks(leg: Leg, greeks: Greeks): Greeks {
  if (leg.kind === 'stock') return { ...NO_GREEKS, delta: leg.quantity };
  const size = leg.quantity * leg.multiplier;
  return { delta: greeks.delta * size, gamma: greeks.gamma * size, theta: greeks.theta * size, vega: greeks.vega * size, rho: greeks.rho * size };
}

export function addGreeks(a: Greeks, b: Greeks): Greeks {
  return { delta: a.delta + b.delta, gamma: a.gamma + b.gamma, theta: a.theta + b.theta, vega: a.vega + b.vega, rho: a.rho + b.rho };
}

export function sumGreeks(all: readonly Greeks[]): Greeks {
  return all.reduce(addGreeks, NO_GREEKS);
}
