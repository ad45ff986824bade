import type { SymbolKind } from '../../../shared/schemas/market';
import type { OptionRight } from '../../../shared/schemas/options';
import { seededRandom } from '../../market/seeded-random';

/**
 * Minimum price increment of an option quote. Index ETFs trade in pennies at every price; the single
 * stocks of the list are in the penny program (0.01 under $3, 0.05 from $3); index options (SPX, NDX)
 * trade 0.05 under $3 and 0.10 from $3 (Cboe rules for SPX).
 */
export function tickSize(kind: SymbolKind, price: number): number {
  if (kind === 'etf') return 0.01;
  if (kind === 'stock') return price < 3 ? 0.01 : 0.05;
  return price < 3 ? 0.05 : 0.1;
}

/** Spread per √price by kind: the index ETFs are the most liquid options there are, index options the widest. */
const SPREAD_PER_ROOT_PRICE: Record<SymbolKind, number> = { etf: 0.004, stock: 0.012, index: 0.025 };

export interface SpreadInput {
  kind: SymbolKind;
  /** Theoretical (fair) price of the contract. */
  theo: number;
  /** Standardised moneyness ln(K/F) / (σ√T): 0 at the money, ±3 deep in the wings. */
  moneyness: number;
  years: number;
}

/**
 * Bid and ask around the fair price: the spread grows with √price (market makers' risk grows with
 * the premium, less than in proportion), away from the money (thin wings) and with the tenor (long
 * options are hedged less easily), and is never below one tick. The bid rounds down and the ask up to
 * the tick, so the fair price is always inside the quote (and below its mid); a contract worth next
 * to nothing is bid at 0 and offered at a tick or two, as worthless wings are.
 */
export function quoteAround({ kind, theo, moneyness, years }: SpreadInput): { bid: number; ask: number } {
  const liquidity = (1 + 0.6 * Math.abs(moneyness)) * (1 + years);
  const half = (SPREAD_PER_ROOT_PRICE[kind] * Math.sqrt(theo) * liquidity) / 2;
  // Each side on the tick grid of its own price (2.94 bid, 3.00 ask on a penny-program stock).
  const low = theo - half;
  const bid = low <= 0 ? 0 : floorTo(low, tickSize(kind, low));
  const high = theo + half;
  let ask = Math.max(ceilTo(high, tickSize(kind, high)), bid + tickSize(kind, bid));
  // Rounding may leave the mid under the fair price; a tick more on the offer keeps it above, so a
  // deep in-the-money mid never falls below intrinsic value (where it would have no implied volatility).
  if (bid + ask <= 2 * theo) ask += tickSize(kind, ask);
  return { bid: cents(bid), ask: cents(ask) };
}

export interface ActivityInput {
  underlying: string;
  /** The New York date the activity is for (volume and open interest change daily). */
  date: string;
  expiry: string;
  right: OptionRight;
  strike: number;
  kind: SymbolKind;
  /**
   * Standardised moneyness of the strike against the spot (today's volume) and against the previous
   * close (open interest, settled overnight), over at least a day's standard deviation: a day's trading
   * spreads over the day's range even on a 0DTE.
   */
  moneyness: number;
  settledMoneyness: number;
  years: number;
  /** A standard monthly (or LEAPS) gathers open interest all its life; a weekly or daily a few days. */
  monthly: boolean;
  /** Share of the regular session gone by (0 before the open, 1 after the close): volume builds through the day. */
  sessionProgress: number;
  /** Contracts an at-the-money, shortest-tenor strike of this underlying trades in a full day. */
  baseVolume: number;
}

/**
 * Today's volume and the open interest of one contract, deterministic per (underlying, date, contract):
 * highest at the money and on the shortest tenors, falling off like a bell in moneyness, more on round
 * strikes, with log-normal noise. Open interest is the volume of past days piled up, heavier on monthlies;
 * it is as of the previous close and does not change during the day.
 */
export function contractActivity(input: ActivityInput): { volume: number; openInterest: number; tradeDraw: number } {
  const rng = seededRandom(`chain-activity|${input.underlying}|${input.date}|${input.expiry}|${input.right}|${input.strike}`);
  const bell = Math.exp(-0.5 * input.moneyness ** 2);
  const tenor = 1 / (1 + 12 * input.years);
  const round = isRound(input.strike, input.kind) ? 2 : 1;
  const fullDay = input.baseVolume * bell * tenor * round * Math.exp(0.5 * rng.normal() - 0.125);
  const oiBell = Math.exp(-0.25 * input.settledMoneyness ** 2);
  const age = input.monthly ? 8 : 2;
  const openInterest = Math.round(input.baseVolume * age * oiBell * round * Math.sqrt(tenor) * Math.exp(0.5 * rng.normal() - 0.125));
  return { volume: Math.floor(fullDay * input.sessionProgress), openInterest, tradeDraw: rng.next() };
}

/** The last trade: somewhere inside today's quote (nearer the mid), or null when nothing traded today. */
export function lastTrade(bid: number, ask: number, volume: number, draw: number, kind: SymbolKind): number | null {
  if (volume === 0) return null;
  const mid = (bid + ask) / 2;
  const tick = tickSize(kind, mid);
  const price = mid + (draw - 0.5) * (ask - bid) * 0.8;
  return cents(Math.min(ask, Math.max(bid, Math.round(price / tick) * tick)));
}

/** Round strikes (SPX multiples of 100, stocks multiples of 10...) draw the crowd. */
function isRound(strike: number, kind: SymbolKind): boolean {
  const step = kind === 'index' ? 100 : 10;
  return strike % step === 0;
}

const floorTo = (value: number, tick: number) => Math.floor(value / tick + 1e-9) * tick;
const ceilTo = (value: number, tick: number) => Math.ceil(value / tick - 1e-9) * tick;
/** Quotes are written to the cent; this removes the float noise of tick arithmetic. */
const cents = (value: number) => Math.round(value * 100) / 100;
