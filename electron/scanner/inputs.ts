import type { OptionChain } from '../../shared/schemas/chains';
import type { Bar, TradingSession } from '../../shared/schemas/market';
import { lastAtr } from '../levels/atr';
import { TRADING_DAYS_PER_YEAR } from '../market/calendar';
import { computeKeyLevels } from '../levels/key-levels';
import { groupBySession } from '../levels/session-bars';
import { dailyHistory, type DatedBar } from '../levels/session-levels';

/** ATR period of the scans (Wilder, daily), as the levels engine uses. */
export const ATR_PERIOD = 14;

/** What the technical scans read about one symbol: plain data, built once per symbol and shared by every scan. */
export interface TechnicalInput {
  symbol: string;
  /** The session scanned (New York date). */
  date: string;
  session: TradingSession;
  /** The last price: the quote when it belongs to the session, else the session's last bar. */
  last: number;
  /** The session's regular-hours bars so far (finest timeframe, 1 minute unless imported otherwise). */
  regular: readonly Bar[];
  /** Earlier sessions' regular bars, oldest first (the time-of-day volume profile). */
  priorSessions: readonly { session: TradingSession; regular: readonly Bar[] }[];
  /** Completed sessions' daily bars before `date`, oldest first. */
  daily: readonly DatedBar[];
  /** Wilder ATR(14) of `daily`; null with too little history. */
  dailyAtr: number | null;
  /** Key levels of the session by name (PDH, PDL, PDC, P (classic), VWAP, ORH 15m...). */
  levels: ReadonlyMap<string, number>;
}

/** What the options scans read: one expiry's chain with the symbol's daily history. */
export interface OptionsInput {
  symbol: string;
  date: string;
  /** The instant of the scan (time left to a 0DTE). */
  now: number;
  session: TradingSession;
  chain: OptionChain;
  daily: readonly DatedBar[];
  dailyAtr: number | null;
}

export interface RawSymbolData {
  symbol: string;
  date: string;
  /** Sessions of `bars`, oldest first, ending with `date`. */
  sessions: readonly TradingSession[];
  /** Intraday bars (extended hours included) of `sessions`; empty for daily-only imports. */
  bars: readonly Bar[];
  /** The provider's daily bars up to `date`. */
  dailyBars: readonly Bar[];
  /** The quote's price when it belongs to `date` (or an earlier session); undefined otherwise. */
  lastPrice: number | undefined;
}

/**
 * The scans' input from fetched bars: the levels engine's key levels, daily history and ATR. Null
 * when nothing traded (no bar and no quote for the session).
 */
export function buildTechnicalInput(raw: RawSymbolData): TechnicalInput | null {
  const grouped = groupBySession(raw.bars, raw.sessions);
  const today = grouped.at(-1);
  if (!today || today.session.date !== raw.date) throw new Error(`The sessions of ${raw.symbol} must end with ${raw.date}`);
  const daily = dailyHistory(raw.dailyBars, grouped, raw.date);
  const levels = computeKeyLevels({ bars1m: raw.bars, dailyBars: raw.dailyBars, sessions: raw.sessions, date: raw.date, lastPrice: raw.lastPrice });
  if (levels.lastPrice === null) return null;
  return {
    symbol: raw.symbol,
    date: raw.date,
    session: today.session,
    last: levels.lastPrice,
    regular: today.regular,
    priorSessions: grouped.slice(0, -1).map(({ session, regular }) => ({ session, regular })),
    daily,
    dailyAtr: lastAtr(daily, ATR_PERIOD),
    levels: new Map(levels.levels.map((level) => [level.name, level.price])),
  };
}

/**
 * Close-to-close realised volatility of the last `days` daily returns, annualised: the sample
 * standard deviation (n − 1) of ln(Cᵢ / Cᵢ₋₁) × √252. Null with fewer than `days` + 1 closes.
 */
export function realizedVolatility(daily: readonly { close: number }[], days: number): number | null {
  if (days < 2 || daily.length < days + 1) return null;
  const closes = daily.slice(-(days + 1)).map((bar) => bar.close);
  const returns = closes.slice(1).map((close, i) => Math.log(close / closes[i]!));
  const mean = returns.reduce((sum, r) => sum + r, 0) / returns.length;
  const variance = returns.reduce((sum, r) => sum + (r - mean) ** 2, 0) / (returns.length - 1);
  return Math.sqrt(variance * TRADING_DAYS_PER_YEAR);
}

/** At-the-money implied volatility: the mean of the call's and the put's IV at the at-the-money strike (either alone when one is missing). */
export function atTheMoneyIv(chain: OptionChain): number | null {
  const row = chain.strikes.find((r) => r.strike === chain.atTheMoneyStrike);
  const ivs = [row?.call?.iv, row?.put?.iv].filter((iv): iv is number => typeof iv === 'number');
  return ivs.length ? ivs.reduce((a, b) => a + b, 0) / ivs.length : null;
}
