import { CoachError } from '../../shared/errors';
import type { Bar, Quote, Timeframe, TradingSession } from '../../shared/schemas/market';
import { TRADING_DAYS_PER_YEAR, marketDate, nextSession, previousSession, sessionFor, sessionPhase, sessionsBetween } from './calendar';
import type { MarketDataProvider } from './provider';
import { resampleBars } from './resample';
import { seededRandom } from './seeded-random';
import { symbolProfile, type SymbolProfile } from './symbols';

/**
 * The built-in simulated market (the default with no keys).
 *
 * Determinism: a day's bars depend only on (seed, symbol, date), never on the range requested or on
 * the process. Each symbol's regular closes form a chain anchored at ANCHOR_DATE: the close of a
 * session is the previous close moved by that session's seeded return (a shared market factor times
 * the symbol's beta plus its own noise, with GARCH volatility clustering and a pull back towards the
 * symbol's base price). The chain is always walked from the anchor, so any request sees the same
 * closes. A day's minutes are then drawn from a generator seeded by (symbol, date): pre-market
 * bridges from the previous evening to the open (the overnight gap), the regular session bridges
 * from the open to the chained close with U-shaped volatility and volume and clustered minute
 * volatility, after-hours drifts away from the close on thin volume. Indices print regular-session
 * bars only, with no volume, as real index feeds do. An index ETF (SPY, QQQ, IWM) is its index times
 * a ratio in regular hours, minute by minute, with its own volume and extended hours. Simulated
 * history starts on FIRST_DATE.
 */
const ANCHOR_DATE = '2024-12-31';
export const FIRST_DATE = '2025-01-02';
const MARKET_DAILY_VOL = 0.16 / Math.sqrt(TRADING_DAYS_PER_YEAR);
const MINUTE = 60_000;
const REGULAR_MINUTES = 390;
/**
 * How a day's variance splits around the clock. On real SPY (2021–2025, ../shared/market-data)
 * about a third of the close-to-close variance comes overnight, the rest in regular hours, and the
 * day's high–low range is 1.0–1.25 daily σ; the simulated split keeps those proportions.
 */
const EVENING_SHARE_VOL = 0.2;
const GAP_SHARE_OF_MOVE = 1 / 3;
const OPEN_GAP_VOL = 0.47;
const REGULAR_VARIANCE_SHARE = 0.5;
/** Days of minute paths kept in memory (a month of 1m bars for a dozen symbols). */
const DAY_CACHE_LIMIT = 400;

export interface SimulatedMarketOptions {
  /** Wall clock; the current day's bars stop at `now()` (injectable for tests). */
  now?: () => number;
  /** Changes every series at once; the app uses the default. */
  seed?: string;
}

interface ChainPoint {
  date: string;
  close: number;
  /** Daily volatility (fraction) of this session, from the GARCH state. */
  vol: number;
}

interface SymbolChain {
  points: ChainPoint[];
  index: Map<string, number>;
  logDeviation: number;
  variance: number;
  /** Yesterday's standardised move times its volatility multiplier (the GARCH innovation). */
  lastShock: number;
}

export class SimulatedMarket implements MarketDataProvider {
  readonly source = 'simulated' as const;
  private readonly now: () => number;
  private readonly seed: string;
  private readonly chains = new Map<string, SymbolChain>();
  private readonly marketFactor = new Map<string, number>();
  private readonly days = new Map<string, Bar[]>();
  /** Daily bars of finished sessions: small, so all are kept. */
  private readonly daily = new Map<string, Bar>();

  constructor(options: SimulatedMarketOptions = {}) {
    this.now = options.now ?? Date.now;
    this.seed = options.seed ?? 'titm-simulated-market-v1';
  }

  async bars(symbol: string, timeframe: Timeframe, from: string, to: string): Promise<Bar[]> {
    const profile = this.profile(symbol);
    const sessions = this.sessions(from, to);
    if (timeframe === '1d') return sessions.flatMap((session) => this.dailyBar(profile, session));
    const minutes = sessions.flatMap((session) => this.dayBars(profile, session));
    return timeframe === '1m' ? minutes : resampleBars(minutes, timeframe, sessions);
  }

  /** A session's daily bar: from its regular minutes alone once the day is done (kept), else from the minutes so far. */
  private dailyBar(profile: SymbolProfile, session: TradingSession): Bar[] {
    if (this.now() < session.afterClose) return resampleBars(this.dayBars(profile, session), '1d', [session]);
    const key = `${profile.symbol}|${session.date}`;
    let bar = this.daily.get(key);
    if (!bar) {
      bar = resampleBars(this.generateDay(profile, session, 'regular'), '1d', [session])[0]!;
      this.daily.set(key, bar);
    }
    return [bar];
  }

  async quote(symbol: string): Promise<Quote> {
    const profile = this.profile(symbol);
    const now = this.now();
    let session = sessionFor(now);
    // At the first bar's very millisecond no bar has begun yet: the last print is still the session before's.
    if (!session || now <= this.firstBarTime(profile, session)) session = previousSession(now);
    const bars = this.dayBars(profile, session);
    const last = bars[bars.length - 1]!;
    const prevClose = this.close(profile, previousSession(session.date).date);
    const change = last.close - prevClose;
    return {
      symbol: profile.symbol,
      last: round(last.close),
      change: round(change),
      changePercent: round((change / prevClose) * 100),
      prevClose: round(prevClose),
      session: sessionPhase(sessionFor(now), now),
      time: Math.min(now, last.time + MINUTE),
      source: this.source,
    };
  }

  async snapshot(symbols: string[]): Promise<Quote[]> {
    const known = symbols.filter((symbol) => symbolProfile(symbol));
    return Promise.all(known.map((symbol) => this.quote(symbol)));
  }

  private profile(symbol: string): SymbolProfile {
    const profile = symbolProfile(symbol);
    if (!profile) throw new CoachError('not_found', `Unknown symbol ${symbol}: the simulated market has indices, ETFs and large stocks (search the symbol list), or import your own bars`);
    return profile;
  }

  private sessions(from: string, to: string): TradingSession[] {
    const today = marketDate(this.now());
    const last = to < today ? to : today;
    const first = from > FIRST_DATE ? from : FIRST_DATE;
    return first > last ? [] : sessionsBetween(first, last);
  }

  private firstBarTime(profile: SymbolProfile, session: TradingSession): number {
    return profile.kind === 'index' ? session.open : session.preOpen;
  }

  /** The minute bars of one session, cut at the wall clock when the session is under way. */
  private dayBars(profile: SymbolProfile, session: TradingSession): Bar[] {
    const key = `${profile.symbol}|${session.date}`;
    let bars = this.days.get(key);
    if (!bars) {
      bars = this.generateDay(profile, session);
      this.days.set(key, bars);
      if (this.days.size > DAY_CACHE_LIMIT) this.days.delete(this.days.keys().next().value!);
    }
    const now = this.now();
    if (now >= session.afterClose) return bars;
    const out: Bar[] = [];
    for (const bar of bars) {
      if (bar.time >= now) break;
      out.push(bar.time + MINUTE <= now ? bar : partialBar(bar, (now - bar.time) / MINUTE));
    }
    return out;
  }

  /** Regular close of `date` from the symbol's chain (walked from the anchor on first use). */
  private close(profile: SymbolProfile, date: string): number {
    return this.chainPoint(profile, date).close;
  }

  private chainPoint(profile: SymbolProfile, date: string): ChainPoint {
    if (profile.tracks) {
      // An index ETF's close is its index's (as printed, to the cent) times the ratio.
      const point = this.chainPoint(this.profile(profile.tracks.symbol), date);
      return { date, close: round(round(point.close) * profile.tracks.ratio), vol: point.vol };
    }
    let chain = this.chains.get(profile.symbol);
    if (!chain) {
      chain = { points: [{ date: ANCHOR_DATE, close: profile.basePrice, vol: dailyVol(profile) }], index: new Map([[ANCHOR_DATE, 0]]), logDeviation: 0, variance: 1, lastShock: 0 };
      this.chains.set(profile.symbol, chain);
    }
    while (chain.points[chain.points.length - 1]!.date < date) {
      const next = nextSession(chain.points[chain.points.length - 1]!.date);
      const rng = seededRandom(`${this.seed}|chain|${profile.symbol}|${next.date}`);
      // GARCH(1,1) on the variance multiplier (long-run mean 1): a big move makes the next days wilder.
      const variance = 0.03 + 0.12 * chain.lastShock ** 2 + 0.85 * chain.variance;
      chain.variance = variance;
      const vol = dailyVol(profile) * Math.sqrt(variance);
      const marketShare = Math.min(Math.abs(profile.beta) * MARKET_DAILY_VOL, 0.9 * dailyVol(profile)) / dailyVol(profile);
      const shock = Math.sign(profile.beta) * marketShare * this.market(next.date) + Math.sqrt(1 - marketShare ** 2) * rng.normal();
      chain.lastShock = shock * Math.sqrt(variance);
      // A volatility index is skewed: it spikes up, and barely moves when already low.
      const ret = vol * shock * (profile.beta < 0 && chain.logDeviation < 0 ? 0.5 : 1);
      const reversion = profile.beta < 0 ? 0.1 : 0.01; // volatility indices snap back fast
      chain.logDeviation = (1 - reversion) * chain.logDeviation + ret;
      chain.points.push({ date: next.date, close: profile.basePrice * Math.exp(chain.logDeviation), vol });
      chain.index.set(next.date, chain.points.length - 1);
    }
    const i = chain.index.get(date);
    if (i === undefined) throw new Error(`${date} is not a simulated session`);
    return chain.points[i]!;
  }

  /** The shared market factor of a day (standard normal), so indices, ETFs and stocks move together. */
  private market(date: string): number {
    let z = this.marketFactor.get(date);
    if (z === undefined) {
      z = seededRandom(`${this.seed}|market|${date}`).normal();
      this.marketFactor.set(date, z);
    }
    return z;
  }

  /**
   * One session's minute bars. Each phase draws from its own seeded stream, so the regular session
   * can be made alone (daily bars) and still equal the one inside the full day.
   */
  private generateDay(profile: SymbolProfile, session: TradingSession, phases: 'all' | 'regular' = 'all'): Bar[] {
    const day = this.dayInputs(profile, session);
    const stream = (phase: string) => seededRandom(`${this.seed}|${phase}|${profile.symbol}|${session.date}`);
    const traded = profile.kind !== 'index';
    const bars: Bar[] = [];
    const extended = traded && phases === 'all';
    if (extended) {
      const minutes = Math.round((session.open - session.preOpen) / MINUTE);
      pushPath(bars, stream('pre'), { start: session.preOpen, from: day.prevEvening, to: day.open, minutes, minuteVol: 0.35 * day.minuteVol, volume: 0.015 * day.volumeScale, shape: flat, sparse: 0.2 });
    }
    const regularMinutes = Math.round((session.close - session.open) / MINUTE);
    if (profile.tracks) {
      const index = this.generateDay(this.profile(profile.tracks.symbol), session, 'regular');
      pushTracking(bars, stream('regular'), index, profile.tracks.ratio, { volume: day.volumeScale, minuteVol: day.minuteVol });
    } else {
      pushPath(bars, stream('regular'), { start: session.open, from: day.open, to: day.close, minutes: regularMinutes, minuteVol: day.minuteVol, volume: day.volumeScale, shape: uShape, sparse: 0 });
    }
    if (extended) {
      const minutes = Math.round((session.afterClose - session.close) / MINUTE);
      pushPath(bars, stream('after'), { start: session.close, from: day.close, to: day.evening, minutes, minuteVol: 0.3 * day.minuteVol, volume: 0.012 * day.volumeScale, shape: flat, sparse: 0.25 });
    }
    if (!traded) for (const bar of bars) bar.volume = 0;
    return bars;
  }

  /** The anchors of a day's path: open (after the overnight gap), close (from the chain), evening print. */
  private dayInputs(profile: SymbolProfile, session: TradingSession): DayInputs {
    const point = this.chainPoint(profile, session.date);
    const prev = previousSession(session.date);
    const prevClose = this.chainPoint(profile, prev.date < FIRST_DATE ? ANCHOR_DATE : prev.date).close;
    const prevEvening = this.eveningPrint(prevClose, point.vol, profile, prev.date);
    const rng = seededRandom(`${this.seed}|open|${profile.symbol}|${session.date}`);
    // The overnight gap is a share of the day's move plus noise of its own, so that about a third
    // of the close-to-close variance is overnight and the regular session does not undo the gap.
    const dayMove = Math.log(point.close / prevClose);
    const gapOpen = prevClose * Math.exp(GAP_SHARE_OF_MOVE * dayMove + OPEN_GAP_VOL * point.vol * rng.normal());
    const volumeScale = (profile.dailyVolume / REGULAR_MINUTES) * Math.exp(0.25 * rng.normal());
    return {
      prevEvening,
      // An index ETF opens where its index opens: its pre-market bridges to that price.
      open: profile.tracks ? round(this.dayInputs(this.profile(profile.tracks.symbol), session).open) * profile.tracks.ratio : gapOpen,
      close: point.close,
      evening: this.eveningPrint(point.close, point.vol, profile, session.date),
      minuteVol: point.vol * Math.sqrt(REGULAR_VARIANCE_SHARE / (U_SHAPE_MEAN_SQUARE * REGULAR_MINUTES)),
      volumeScale,
    };
  }

  /** Last after-hours print of `date`: the close moved by a quarter of a day's volatility. */
  private eveningPrint(close: number, vol: number, profile: SymbolProfile, date: string): number {
    return close * Math.exp(EVENING_SHARE_VOL * vol * seededRandom(`${this.seed}|evening|${profile.symbol}|${date}`).normal());
  }
}

interface DayInputs {
  prevEvening: number;
  open: number;
  close: number;
  evening: number;
  minuteVol: number;
  /** Mean shares per regular minute today. */
  volumeScale: number;
}

interface PathSpec {
  start: number;
  from: number;
  to: number;
  minutes: number;
  minuteVol: number;
  /** Mean shares per minute. */
  volume: number;
  /** Relative intensity at a fraction of the way through (volatility and volume). */
  shape: (x: number) => number;
  /** Chance a minute has no trade (thin extended hours print no bar). */
  sparse: number;
}

/**
 * Minute bars whose log price walks with GARCH-clustered steps, bent (Brownian bridge) so the path
 * starts at `from` and ends exactly at `to`.
 */
function pushPath(out: Bar[], rng: ReturnType<typeof seededRandom>, spec: PathSpec): void {
  const steps: number[] = [];
  const intensity: number[] = [];
  let h = 1;
  let walk = 0;
  for (let i = 0; i < spec.minutes; i += 1) {
    const z = rng.normal();
    const u = spec.shape((i + 0.5) / spec.minutes);
    const step = z * Math.sqrt(h) * u * spec.minuteVol;
    h = 0.05 + 0.85 * h + 0.1 * z * z;
    steps.push(step);
    intensity.push(u);
    walk += step;
  }
  const drift = (Math.log(spec.to / spec.from) - walk) / spec.minutes;
  let price = spec.from;
  for (let i = 0; i < spec.minutes; i += 1) {
    const open = price;
    const close = open * Math.exp(steps[i]! + drift);
    price = close;
    const wick = () => Math.abs(rng.normal()) * 0.5 * intensity[i]! * spec.minuteVol;
    const high = Math.max(open, close) * Math.exp(wick());
    const low = Math.min(open, close) * Math.exp(-wick());
    const volume = minuteVolume(rng, spec.volume * intensity[i]!, steps[i]!, spec.minuteVol);
    if (spec.sparse > 0 && i > 0 && i < spec.minutes - 1 && rng.next() < spec.sparse) continue;
    out.push({ time: spec.start + i * MINUTE, open: round(open), high: round(high), low: round(low), close: round(close), volume });
  }
}

/**
 * An index ETF's regular session: the index's minutes times the ratio (rounded to the cent), with
 * its own volume, U-shaped and heavier on the minutes that move.
 */
function pushTracking(out: Bar[], rng: ReturnType<typeof seededRandom>, index: readonly Bar[], ratio: number, spec: { volume: number; minuteVol: number }): void {
  index.forEach((bar, i) => {
    const volume = minuteVolume(rng, spec.volume * uShape((i + 0.5) / index.length), Math.log(bar.close / bar.open), spec.minuteVol);
    out.push({ time: bar.time, open: round(bar.open * ratio), high: round(bar.high * ratio), low: round(bar.low * ratio), close: round(bar.close * ratio), volume });
  });
}

/** Shares in one minute: the phase's rate, more when the price moves, log-normal noise. */
function minuteVolume(rng: ReturnType<typeof seededRandom>, perMinute: number, logStep: number, minuteVol: number): number {
  const activity = 1 + (0.3 * Math.abs(logStep)) / minuteVol;
  return Math.round(perMinute * activity * Math.exp(0.4 * rng.normal() - 0.08));
}

const flat = () => 1;

/** Busy open and close, quiet lunch: about 3.5× the midday level at the ends, more in the closing minutes. */
function uShape(x: number): number {
  const edge = (2 * x - 1) ** 2;
  return 0.55 + 1.4 * edge + (x > 0.985 ? 0.6 : 0);
}

/** Mean of uShape² over a regular session: the minute volatility is scaled by it so the session's variance is as set. */
const U_SHAPE_MEAN_SQUARE = Array.from({ length: REGULAR_MINUTES }, (_, i) => uShape((i + 0.5) / REGULAR_MINUTES) ** 2).reduce((a, b) => a + b) / REGULAR_MINUTES;

/** The bar of the minute under way, `fraction` of the way through: close and volume so far. */
function partialBar(bar: Bar, fraction: number): Bar {
  const close = round(bar.open + (bar.close - bar.open) * fraction);
  return {
    time: bar.time,
    open: bar.open,
    high: round(Math.max(bar.open, close, bar.open + (bar.high - bar.open) * fraction)),
    low: round(Math.min(bar.open, close, bar.open + (bar.low - bar.open) * fraction)),
    close,
    volume: Math.round(bar.volume * fraction),
  };
}

function dailyVol(profile: SymbolProfile): number {
  return profile.annualVol / Math.sqrt(TRADING_DAYS_PER_YEAR);
}

function round(value: number): number {
  return Math.round(value * 100) / 100;
}
