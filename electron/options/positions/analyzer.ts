// The position analyzer: legs plus market data in, the whole analysis out. Pure: the service fetches
// the marks, spot, beta and SPX price and hands them over as plain data.
import { CoachError } from '../../../shared/errors';
import type { Leg, OptionLeg } from '../../../shared/schemas/options';
import type { LegAnalysis, PositionAnalysis, WhatIf } from '../../../shared/schemas/positions';
import { addDays, daysBetween, marketDate } from '../../market/calendar';
import { MS_PER_YEAR } from '../pricing/expiry';
import { optionUnderlying } from '../pricing/underlyings';
import { formatStrike, shortExpiry } from './name';
import { expirationPayoff, firstExpiryPayoff, legPnl, profitIntervals, summarisePayoff, type Payoff, type PayoffSummary } from './payoff';
import { probabilityInIntervals, type LognormalTerms } from './probability';
import { riskFlags, type KnownEvents } from './risk-flags';
import { recogniseStrategy } from './strategy';
import { dollarGreeks, legPrice, legYears, optionPrice, settlementOf, shiftedVol, sumGreeks, valueLeg, type MarketState } from './valuation';

const DAY_MS = 86_400_000;

/** The chain's quote of one option leg. */
export interface LegQuote {
  mid: number;
  bid: number | null;
  ask: number | null;
  /** Implied volatility at the mid. */
  iv: number;
  source: string;
}

export interface AnalyzerMarket {
  nowMs: number;
  spot: number;
  rate: number;
  dividendYield: number;
  /** One per leg, in order: the quote of each live option leg; null for stock and for legs past settlement. */
  quotes: readonly (LegQuote | null)[];
  /** Beta of the underlying to SPX; null when unknown. */
  beta: number | null;
  spxPrice: number;
  events: KnownEvents;
}

export interface AnalyzerRequest {
  positionId: string | null;
  name: string;
  legs: readonly Leg[];
  whatIf?: WhatIf;
  grid?: { points: number; low?: number; high?: number };
}

const DEFAULT_GRID_POINTS = 121;
/** Without an option to take σ and T from (stock only), the grid spans what 20% vol moves in 30 days. */
const STOCK_GRID = { vol: 0.2, years: 30 / 365 };

export function describeLeg(leg: Leg, referenceYear: number): string {
  const size = `${leg.quantity > 0 ? '+' : '−'}${Math.abs(leg.quantity)}`;
  if (leg.kind === 'stock') return `${size} ${leg.symbol} shares`;
  return `${size} ${leg.symbol} ${formatStrike(leg.strike)} ${leg.right} ${shortExpiry(leg.expiry, referenceYear)}`;
}

export function analyzePosition(request: AnalyzerRequest, market: AnalyzerMarket): PositionAnalysis {
  const { legs } = request;
  const underlying = legs[0]!.symbol;
  const terms = optionUnderlying(underlying);
  const state: MarketState = { spot: market.spot, nowMs: market.nowMs, rate: market.rate, dividendYield: market.dividendYield, style: terms.style };
  const today = marketDate(market.nowMs);
  const year = Number(today.slice(0, 4));
  const vols = legs.map((leg, i) => market.quotes[i]?.iv ?? null);

  const rows: LegAnalysis[] = legs.map((leg, index) => {
    const quote = market.quotes[index] ?? null;
    const { value, greeks, years } = valueLeg(leg, quote?.iv ?? null, state);
    if (leg.kind === 'option' && years !== 0 && !quote) throw new Error(`Leg ${index} (${describeLeg(leg, year)}) has no quote`);
    const size = leg.quantity * (leg.kind === 'option' ? leg.multiplier : 1);
    const mark = quote?.mid ?? value;
    return {
      index,
      leg,
      description: describeLeg(leg, year),
      side: leg.quantity > 0 ? 'long' : 'short',
      mark,
      bid: quote?.bid ?? null,
      ask: quote?.ask ?? null,
      iv: quote?.iv ?? null,
      years,
      daysToExpiry: leg.kind === 'option' ? daysBetween(today, leg.expiry) : null,
      greeks,
      dollarGreeks: dollarGreeks(leg, greeks),
      costBasis: leg.price * size,
      marketValue: mark * size,
      unrealizedPnl: (mark - leg.price) * size,
      markSource: quote?.source ?? (leg.kind === 'stock' ? 'quote' : 'intrinsic'),
    };
  });

  const options = legs.filter((leg): leg is OptionLeg => leg.kind === 'option');
  const firstExpiry = options.length ? options.map((leg) => leg.expiry).sort()[0]! : null;
  const payoff = payoffOf(legs, firstExpiry, vols, state);
  const summary = summarisePayoff(payoff);
  const pop = popTerms(legs, firstExpiry, vols, state);
  const costBasis = sum(rows.map((row) => row.costBasis));
  const marketValue = sum(rows.map((row) => row.marketValue));
  const totals = sumGreeks(rows.map((row) => row.dollarGreeks));

  return {
    positionId: request.positionId,
    name: request.name,
    underlying,
    strategy: recogniseStrategy(legs),
    asOf: new Date(market.nowMs).toISOString(),
    spot: market.spot,
    rate: market.rate,
    dividendYield: market.dividendYield,
    legs: rows,
    totals,
    costBasis,
    marketValue,
    unrealizedPnl: marketValue - costBasis,
    payoffDate: firstExpiry,
    payoffBasis: !firstExpiry ? 'stock' : payoff.linear ? 'expiration' : 'first_expiry',
    breakevens: summary.breakevens,
    maxProfit: summary.maxProfit,
    maxLoss: summary.maxLoss,
    curve: curve(legs, vols, state, payoff, summary, pop, request.grid, request.whatIf && scenarioOf(request.whatIf, today)),
    probabilityOfProfit: pop ? probabilityInIntervals(profitIntervals(payoff, summary.breakevens), pop) : null,
    whatIf: request.whatIf ? whatIf(legs, vols, state, request.whatIf, today, marketValue, costBasis) : null,
    betaWeighted: betaWeighted(totals.delta, market),
    flags: [
      ...riskFlags({ underlying, spot: market.spot, today, legs: rows, maxLoss: summary.maxLoss, cashSettled: terms.cashSettled, events: market.events }),
      ...(market.beta === null ? [{ code: 'beta_unknown' as const, severity: 'info' as const, message: `No beta for ${underlying}: it is left out of the SPX-weighted delta.` }] : []),
    ],
  };
}

const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);

/**
 * At the first expiry: exact expiration payoff when all options settle then; otherwise the later legs
 * valued at that settlement instant, at today's IV, by the underlying's model.
 */
function payoffOf(legs: readonly Leg[], firstExpiry: string | null, vols: (number | null)[], state: MarketState): Payoff {
  if (!firstExpiry) return expirationPayoff(legs);
  const settles = settlementOf(legs[0]!.symbol, firstExpiry);
  return firstExpiryPayoff(legs, firstExpiry, (leg, price) => {
    const vol = vols[legs.indexOf(leg)] ?? null;
    const years = legYears(leg, settles);
    if (vol === null) return legPrice(leg, null, { ...state, spot: price });
    return optionPrice({ right: leg.right, spot: price, strike: leg.strike, years, rate: state.rate, dividendYield: state.dividendYield, vol }, state.style);
  });
}

/** σ = |quantity|-weighted IV of the live legs of the first expiry; T = years to its settlement. */
function popTerms(legs: readonly Leg[], firstExpiry: string | null, vols: (number | null)[], state: MarketState): LognormalTerms | null {
  if (!firstExpiry) return null;
  let weight = 0;
  let weighted = 0;
  legs.forEach((leg, i) => {
    const vol = vols[i];
    if (leg.kind !== 'option' || leg.expiry !== firstExpiry || vol === null || vol === undefined) return;
    weight += Math.abs(leg.quantity);
    weighted += Math.abs(leg.quantity) * vol;
  });
  const years = Math.max(0, (settlementOf(legs[0]!.symbol, firstExpiry) - state.nowMs) / MS_PER_YEAR);
  return { spot: state.spot, rate: state.rate, dividendYield: state.dividendYield, vol: weight ? weighted / weight : 0, years };
}

function curve(
  legs: readonly Leg[],
  vols: (number | null)[],
  state: MarketState,
  payoff: Payoff,
  summary: PayoffSummary,
  pop: LognormalTerms | null,
  grid: AnalyzerRequest['grid'],
  scenario: Scenario | undefined,
): PositionAnalysis['curve'] {
  const spot = state.spot;
  const { vol, years } = pop && pop.vol > 0 ? { vol: pop.vol, years: Math.max(pop.years, 1 / 365) } : STOCK_GRID;
  const halfWidth = spot * Math.max(3 * vol * Math.sqrt(years), 0.05);
  const marks = [...payoff.strikes, ...summary.breakevens];
  const low = grid?.low ?? Math.max(0, Math.min(spot - halfWidth, ...marks.map((m) => m * 0.97)));
  const high = grid?.high ?? Math.max(spot + halfWidth, ...marks.map((m) => m * 1.03));
  const points = grid?.points ?? DEFAULT_GRID_POINTS;
  const even = Array.from({ length: points }, (_, i) => low + ((high - low) * i) / (points - 1));
  const exact = [...marks, spot].filter((price) => price > low && price < high);
  const prices = [...new Set([...even, ...exact])].sort((a, b) => a - b);
  const pnlAt = (price: number, at: MarketState, volOf: (i: number) => number | null) =>
    sum(legs.map((leg, i) => legPnl(leg, legPrice(leg, volOf(i), { ...at, spot: price }))));
  // The what-if's date and IV move the whole curve, not just one point (its price is where the point sits).
  const later = scenario && (scenario.daysForward > 0 || scenario.ivShift !== 0) ? { ...state, nowMs: state.nowMs + scenario.daysForward * DAY_MS } : undefined;
  return prices.map((price) => ({
    price,
    expiry: payoff.at(price),
    today: pnlAt(price, state, (i) => vols[i] ?? null),
    ...(later && { scenario: pnlAt(price, later, (i) => scenarioVol(vols[i], scenario!.ivShift)) }),
  }));
}

/** The days forward and IV shift of a what-if (its price aside). */
interface Scenario {
  daysForward: number;
  ivShift: number;
}

function scenarioOf(whatIf: WhatIf, today: string): Scenario {
  return { daysForward: whatIf.date !== undefined ? daysBetween(today, whatIf.date) : (whatIf.daysForward ?? 0), ivShift: whatIf.ivShift ?? 0 };
}

const scenarioVol = (vol: number | null | undefined, ivShift: number) => (vol === null || vol === undefined ? null : shiftedVol(vol, ivShift));

function whatIf(
  legs: readonly Leg[],
  vols: (number | null)[],
  state: MarketState,
  scenario: WhatIf,
  today: string,
  marketValue: number,
  costBasis: number,
): PositionAnalysis['whatIf'] {
  const price = scenario.price ?? (scenario.priceShift !== undefined ? state.spot + scenario.priceShift : state.spot * (1 + (scenario.priceShiftPct ?? 0) / 100));
  if (!(price > 0)) throw new CoachError('invalid_input', `The what-if price ${price.toFixed(2)} is not above 0`);
  const { daysForward, ivShift } = scenarioOf(scenario, today);
  if (daysForward < 0) throw new CoachError('invalid_input', `The what-if date ${scenario.date} is before today (${today})`);
  const moved: MarketState = { ...state, spot: price, nowMs: state.nowMs + daysForward * DAY_MS };
  const rows = legs.map((leg, index) => {
    const iv = scenarioVol(vols[index], ivShift);
    const { value, greeks } = valueLeg(leg, iv, moved);
    return { index, mark: value, iv, greeks, dollarGreeks: dollarGreeks(leg, greeks) };
  });
  const value = sum(rows.map((row, i) => row.mark * legs[i]!.quantity * (legs[i]!.kind === 'option' ? (legs[i] as OptionLeg).multiplier : 1)));
  return {
    price,
    date: scenario.date ?? addDays(today, Math.floor(daysForward)),
    daysForward,
    ivShift,
    marketValue: value,
    pnl: value - costBasis,
    change: value - marketValue,
    greeks: sumGreeks(rows.map((row) => row.dollarGreeks)),
    legs: rows,
  };
}

/** Δ_SPX = Σ Δ shares × spot × β / SPX: the SPX units with the same dollar exposure to a market move. */
function betaWeighted(deltaShares: number, market: AnalyzerMarket): PositionAnalysis['betaWeighted'] {
  if (market.beta === null) return { benchmark: 'SPX', benchmarkPrice: market.spxPrice, beta: null, delta: null, notional: null };
  const notional = deltaShares * market.spot * market.beta;
  return { benchmark: 'SPX', benchmarkPrice: market.spxPrice, beta: market.beta, delta: notional / market.spxPrice, notional };
}
