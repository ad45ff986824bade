import { CoachError } from '../../../shared/errors';
import type { ChainContract, ChainSource, Expiration, OptionChain, StrikeRow } from '../../../shared/schemas/chains';
import type { Quote, SymbolKind } from '../../../shared/schemas/market';
import type { ExerciseStyle, Greeks, OptionRight } from '../../../shared/schemas/options';
import type { HandlerMap } from '../../contract/dispatcher';
import { closureReason, marketDate, previousSession, sessionFor } from '../../market/calendar';
import type { MassiveClient } from '../../market/massive-client';
import type { MarketService } from '../../market/service';
import { symbolProfile, type SymbolProfile } from '../../market/symbols';
import { yearsToExpiry } from '../pricing/expiry';
import { priceOption } from '../pricing/price-option';
import { DEFAULT_RISK_FREE_RATE, optionUnderlying, settlementFor } from '../pricing/underlyings';
import { analyzeChain } from './analyze';
import { listExpirations } from './expirations';
import { MassiveChainProvider, OPTION_CHAIN_TTL_MS } from './massive-chain';
import { quoteAround } from './quotes';
import { simulateExpiry } from './simulated-chain';
import { interpolateIv, smileFor, smileVol } from './smile';
import { atTheMoney } from './strikes';

/** A contract named by its parts; any strike and expiry, listed or not. */
export interface ContractRef {
  /** The underlying (SPX, SPY, AAPL), not the OCC symbol. */
  symbol: string;
  right: OptionRight;
  strike: number;
  expiry: string;
}

/** What one contract is worth now (or at `atMs`), with everything a position analysis needs. */
export interface ContractMark {
  bid: number;
  ask: number;
  mid: number;
  iv: number;
  spot: number;
  years: number;
  rate: number;
  dividendYield: number;
  style: ExerciseStyle;
  /** Per share, at `iv`. */
  greeks: Greeks;
  source: ChainSource;
}

export interface OptionsChainServiceOptions {
  market: MarketService;
  /** The market's Massive client settings, so chains share its circuit breaker and retries. */
  massive: MassiveClient;
  /** Massive.com answers when this returns a key (read at every call, as the market service does). */
  apiKey: () => string | undefined;
  now?: () => number;
  rate?: number;
}

/** Contracts an at-the-money strike of the shortest tenor trades in a day: SPX leads the index options. */
const INDEX_OPTION_VOLUME: Readonly<Record<string, number>> = { SPX: 30_000, NDX: 3_000, RUT: 3_000 };
/** Stock and ETF options trade about one contract per 2 000 shares of daily volume at the money. */
const SHARES_PER_OPTION_CONTRACT = 2_000;
/**
 * An analysed expiration is reused this long: a position's legs, a portfolio's positions and the
 * Options tab ask for the same chain within moments, and American IVs and greeks are costly.
 */
export const PRICED_CHAIN_TTL_MS = 5_000;
const PRICED_CHAIN_LIMIT = 32;

interface Terms {
  style: ExerciseStyle;
  dividendYield: number;
  multiplier: number;
  kind: SymbolKind;
  profile: SymbolProfile | undefined;
}

interface PricedExpiry {
  spot: number;
  asOf: number;
  /** When the quotes were fetched (Massive's snapshot may be older than `asOf`). */
  fetchedAt: number;
  source: ChainSource;
  terms: Terms;
  expirations: Expiration[];
  expiry: Expiration;
  years: number;
  contracts: ChainContract[];
}

/**
 * `options:chain` and contract marks: the simulated chain by default (strikes and a smile from the
 * simulated market's profile, priced by the pricing module), Massive.com's option snapshot when a
 * key is set; both analysed alike (IV from the mid, greeks at that IV).
 */
export class OptionsChainService {
  private readonly market: MarketService;
  private readonly massive: MassiveChainProvider;
  private readonly apiKey: () => string | undefined;
  private readonly now: () => number;
  private readonly rate: number;
  private readonly pricedCache = new Map<string, PricedExpiry>();

  constructor(options: OptionsChainServiceOptions) {
    this.market = options.market;
    this.now = options.now ?? Date.now;
    this.massive = new MassiveChainProvider(options.massive, this.now);
    this.apiKey = options.apiKey;
    this.rate = options.rate ?? DEFAULT_RISK_FREE_RATE;
  }

  async chain(symbol: string, expiry?: string): Promise<OptionChain> {
    const underlying = symbol.toUpperCase();
    const priced = await this.priced(underlying, expiry);
    const strikes = rows(priced.contracts);
    if (!strikes.length) throw new CoachError('not_found', `${priced.source === 'massive' ? 'Massive.com lists' : 'There are'} no ${underlying} contracts expiring ${priced.expiry.date}`);
    return {
      underlying,
      spot: priced.spot,
      asOf: priced.asOf,
      source: priced.source,
      rate: this.rate,
      dividendYield: priced.terms.dividendYield,
      style: priced.terms.style,
      multiplier: priced.terms.multiplier,
      expirations: priced.expirations,
      expiry: priced.expiry,
      yearsToExpiry: priced.years,
      atTheMoneyStrike: atTheMoney(strikes.map((row) => row.strike), priced.spot),
      strikes,
    };
  }

  /**
   * The mark of any contract, listed or not. A listed contract valued now takes its chain quote; one
   * off the grid (a strike or expiry not listed), or valued at another instant `atMs` (time to expiry
   * counts from it; spot and smile stay today's), is priced at the smile's volatility for its strike
   * and tenor and quoted with the chain's spread model.
   */
  async mark(contract: ContractRef, atMs?: number): Promise<ContractMark> {
    const underlying = contract.symbol.toUpperCase();
    const now = this.now();
    const source = this.source();
    const terms = this.terms(underlying, source);
    const listed = listExpirations(underlying, now).some((e) => e.date === contract.expiry);
    if (listed && atMs === undefined) {
      const priced = await this.priced(underlying, contract.expiry);
      const quoted = priced.contracts.find((c) => c.right === contract.right && c.strike === contract.strike);
      if (quoted?.iv !== null && quoted?.iv !== undefined) return markOf(quoted, priced, this.rate);
    }
    const spot = (await this.market.quote(underlying)).last;
    const settlement = settlementFor(underlying, contract.expiry);
    const years = yearsToExpiry(atMs ?? now, contract.expiry, settlement);
    const iv = await this.volatility(underlying, source, terms, contract, spot, years);
    const params = { right: contract.right, spot, strike: contract.strike, years, rate: this.rate, dividendYield: terms.dividendYield, vol: iv };
    const { price, ...greeks } = priceOption(params, terms.style);
    const forward = spot * Math.exp((this.rate - terms.dividendYield) * years);
    const moneyness = Math.log(contract.strike / forward) / (iv * Math.sqrt(Math.max(years, 1 / 365 / 24)));
    const { bid, ask } = quoteAround({ kind: terms.kind, theo: price, moneyness, years });
    return { bid, ask, mid: (bid + ask) / 2, iv, spot, years, rate: this.rate, dividendYield: terms.dividendYield, style: terms.style, greeks, source };
  }

  handlers(): HandlerMap {
    return {
      'options:chain': async ({ underlying, expiry }, ctx) => {
        const chain = await this.chain(underlying, expiry);
        ctx.log.info('option chain', { underlying, expiry: chain.expiry.date, source: chain.source, strikes: chain.strikes.length });
        return chain;
      },
    };
  }

  private source(): ChainSource {
    return this.apiKey() ? 'massive' : 'simulated';
  }

  /** Style, dividend yield and listing of an underlying; the simulated market only has its own symbols. */
  private terms(underlying: string, source: ChainSource): Terms {
    const spec = optionUnderlying(underlying);
    const profile = symbolProfile(underlying);
    if (source === 'simulated') {
      if (!profile) throw new CoachError('not_found', `Unknown underlying ${underlying}: the simulated market has options on its indices, ETFs and large stocks (search the symbol list)`);
      // A volatility index's options settle on its futures, which the simulated market has not.
      if (profile.kind === 'index' && spec.style !== 'european') throw new CoachError('not_found', `The simulated market lists no options on ${underlying}`);
    }
    const kind = profile?.kind ?? (spec.style === 'european' ? 'index' : 'stock');
    return { style: spec.style, dividendYield: spec.dividendYield, multiplier: spec.multiplier, kind, profile };
  }

  private async priced(underlying: string, requested: string | undefined): Promise<PricedExpiry> {
    const source = this.source();
    const terms = this.terms(underlying, source);
    const quote = await this.market.quote(underlying);
    const now = this.now();
    const expirations = listExpirations(underlying, now);
    const expiry = requested ? pickExpiry(underlying, expirations, requested, now) : expirations[0]!;
    const key = `${source}|${underlying}|${expiry.date}`;
    const cached = this.pricedCache.get(key);
    // Never past the quotes' own freshness: a Massive snapshot expires a minute after it was fetched.
    if (cached && now >= cached.asOf && now - cached.asOf < PRICED_CHAIN_TTL_MS && now - cached.fetchedAt < OPTION_CHAIN_TTL_MS) return cached;
    const years = yearsToExpiry(now, expiry.date, expiry.settlement);
    const spot = quote.last;
    const { fetchedAt, contracts: quoted } =
      source === 'massive' ? await this.massive.expiry(underlying, expiry) : { fetchedAt: now, contracts: this.simulate(underlying, terms, quote, expiry, years, now) };
    const contracts = analyzeChain({ spot, rate: this.rate, dividendYield: terms.dividendYield, style: terms.style }, quoted);
    const priced = { spot, asOf: now, fetchedAt, source, terms, expirations, expiry, years, contracts };
    this.pricedCache.delete(key);
    this.pricedCache.set(key, priced);
    if (this.pricedCache.size > PRICED_CHAIN_LIMIT) this.pricedCache.delete(this.pricedCache.keys().next().value!);
    return priced;
  }

  private simulate(underlying: string, terms: Terms, quote: Quote, expiry: Expiration, years: number, now: number) {
    const profile = terms.profile!;
    const activity = activityWindow(now);
    const activityYears = yearsToExpiry(activity.open, expiry.date, expiry.settlement);
    return simulateExpiry({
      underlying,
      kind: terms.kind,
      spot: quote.last,
      previousClose: quote.prevClose,
      rate: this.rate,
      dividendYield: terms.dividendYield,
      style: terms.style,
      smile: smileFor(profile, marketDate(now)),
      expiry,
      years,
      activity: { date: activity.date, progress: activity.progress, years: activityYears },
      baseVolume: profile.kind === 'index' ? (INDEX_OPTION_VOLUME[underlying] ?? 1_000) : profile.dailyVolume / SHARES_PER_OPTION_CONTRACT,
    });
  }

  /**
   * The volatility of a contract off the listed grid: the simulated smile itself, or for Massive the
   * listed implied volatilities interpolated across strikes, then in total variance across the two
   * listed expirations around the contract's.
   */
  private async volatility(underlying: string, source: ChainSource, terms: Terms, contract: ContractRef, spot: number, years: number): Promise<number> {
    const now = this.now();
    if (source === 'simulated') {
      const forward = spot * Math.exp((this.rate - terms.dividendYield) * years);
      return smileVol(smileFor(terms.profile!, marketDate(now)), contract.strike, forward, years);
    }
    const expirations = listExpirations(underlying, now);
    const after = expirations.findIndex((e) => e.date >= contract.expiry);
    const exact = expirations[after]?.date === contract.expiry;
    const around = exact || after === 0 ? [expirations[after]!] : after === -1 ? [expirations[expirations.length - 1]!] : [expirations[after - 1]!, expirations[after]!];
    const points = await Promise.all(
      around.map(async (expiry) => {
        const priced = await this.priced(underlying, expiry.date);
        return { years: priced.years, iv: interpolateIv(priced.contracts, contract.strike, spot) };
      }),
    );
    if (points.length === 1 || points[0]!.years === points[1]!.years) return points[0]!.iv;
    const [near, far] = points as [{ years: number; iv: number }, { years: number; iv: number }];
    const weight = Math.min(1, Math.max(0, (years - near.years) / (far.years - near.years)));
    const variance = near.iv ** 2 * near.years + weight * (far.iv ** 2 * far.years - near.iv ** 2 * near.years);
    return Math.sqrt(Math.max(variance, 0) / Math.max(years, near.years));
  }
}

/** A chain contract as a mark (its IV is known). */
function markOf(contract: ChainContract, priced: PricedExpiry, rate: number): ContractMark {
  return {
    bid: contract.bid,
    ask: contract.ask,
    mid: contract.mid,
    iv: contract.iv!,
    spot: priced.spot,
    years: priced.years,
    rate,
    dividendYield: priced.terms.dividendYield,
    style: priced.terms.style,
    greeks: { delta: contract.delta!, gamma: contract.gamma!, theta: contract.theta!, vega: contract.vega!, rho: contract.rho! },
    source: priced.source,
  };
}

/** Calls and puts side by side per strike, ascending. */
function rows(contracts: readonly ChainContract[]): StrikeRow[] {
  const byStrike = new Map<number, StrikeRow>();
  for (const contract of contracts) {
    const row = byStrike.get(contract.strike) ?? { strike: contract.strike, call: null, put: null };
    row[contract.right] = contract;
    byStrike.set(contract.strike, row);
  }
  return [...byStrike.values()].sort((a, b) => a.strike - b.strike);
}

/** The session whose volume the chain shows (today's once it has opened) and how far through it the clock is. */
function activityWindow(now: number): { date: string; open: number; progress: number } {
  const today = sessionFor(now);
  const session = today && now >= today.open ? today : previousSession(now);
  return { date: session.date, open: session.open, progress: Math.min(1, (now - session.open) / (session.close - session.open)) };
}

/** The listed expiration `requested`, or a clear refusal naming the nearest listed ones. */
function pickExpiry(underlying: string, expirations: readonly Expiration[], requested: string, now: number): Expiration {
  const found = expirations.find((e) => e.date === requested);
  if (found) return found;
  const today = marketDate(now);
  let message: string;
  if (requested < today || (requested === today && !expirations.some((e) => e.date === today))) {
    message = `${requested} has already expired (today is ${today} in New York); the nearest listed expiration is ${expirations[0]!.date}`;
  } else {
    const closure = closureReason(requested);
    const why = closure === 'weekend' ? ' (a weekend)' : closure ? ` (a market holiday: ${closure})` : '';
    const later = expirations.findIndex((e) => e.date > requested);
    const nearest = later === -1 ? [expirations[expirations.length - 1]!] : later === 0 ? [expirations[0]!] : [expirations[later - 1]!, expirations[later]!];
    message = `${underlying} has no expiration on ${requested}${why}; the nearest listed: ${nearest.map((e) => e.date).join(' and ')}`;
  }
  throw new CoachError('invalid_input', `Invalid input for options:chain: expiry: ${message}`, { issues: [{ path: ['expiry'], message, code: 'custom' }] });
}
