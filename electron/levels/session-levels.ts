import type { OpeningRange } from '../../shared/schemas/levels';
import type { Bar, TradingSession } from '../../shared/schemas/market';
import { addDays, marketDate } from '../market/calendar';
import { dailyBar, highLow, type SessionBars } from './session-bars';

const MINUTE_MS = 60_000;

/** A daily bar with its session date (America/New_York, YYYY-MM-DD). */
export interface DatedBar extends Bar {
  date: string;
}

export interface PremarketRange {
  high: number;
  low: number;
  /** Highs and lows left out by the extended-hours filter. */
  ignoredPrints: number;
}

/**
 * Pre-market high and low (the 04:00–09:30 bars). With a filter, a bar's high or low further than
 * `band` × reference from the reference (the prior close) is ignored as a bad print. Null when no
 * price is left.
 */
export function premarketRange(pre: readonly Bar[], filter?: { reference: number; band: number }): PremarketRange | null {
  const tolerance = filter ? filter.band * filter.reference : Infinity;
  const reference = filter?.reference ?? 0;
  let high = -Infinity;
  let low = Infinity;
  let ignoredPrints = 0;
  for (const bar of pre) {
    if (Math.abs(bar.high - reference) <= tolerance) high = Math.max(high, bar.high);
    else ignoredPrints++;
    if (Math.abs(bar.low - reference) <= tolerance) low = Math.min(low, bar.low);
    else ignoredPrints++;
  }
  return high === -Infinity || low === Infinity ? null : { high, low, ignoredPrints };
}

/**
 * High and low of the first `minutes` of the regular session. It is complete once its last minute
 * (or anything after it) has traded; before that the range is still forming.
 */
export function openingRange(regular: readonly Bar[], session: TradingSession, minutes: number): OpeningRange | null {
  const end = session.open + minutes * MINUTE_MS;
  const inRange = regular.filter((bar) => bar.time < end);
  const range = highLow(inRange);
  if (!range) return null;
  const lastTime = regular.at(-1)!.time;
  return { minutes, ...range, complete: lastTime >= end - MINUTE_MS };
}

/**
 * Daily history before `date`, one bar per session date, oldest first: the provider's daily bars
 * where they exist (they carry the official close, the 16:00 auction print that the 09:30–15:59
 * minutes miss), otherwise bars built from the regular-session minutes (close = the 15:59 bar's).
 */
export function dailyHistory(providerBars: readonly Bar[], sessions: readonly SessionBars[], date: string): DatedBar[] {
  const byDate = new Map<string, DatedBar>();
  for (const { session, regular } of sessions) {
    const bar = dailyBar(session, regular);
    if (bar && session.date < date) byDate.set(session.date, { ...bar, date: session.date });
  }
  for (const bar of providerBars) {
    // A daily bar is stamped 00:00 New York of its session (the calendar's cached formatter: luxon cost more than the levels).
    const barDate = marketDate(bar.time);
    if (barDate < date) byDate.set(barDate, { ...bar, date: barDate });
  }
  return [...byDate.values()].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

function periodKey(date: string, period: 'week' | 'month'): string {
  if (period === 'month') return date.slice(0, 7);
  // The Monday of the date's week (ISO weeks start on Monday).
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  return addDays(date, -((weekday + 6) % 7));
}

/**
 * High and low of the last complete calendar week (Monday–Friday) or month before the one holding
 * `date`; null when the history does not reach back to it.
 */
export function priorPeriodHighLow(history: readonly DatedBar[], date: string, period: 'week' | 'month'): { high: number; low: number } | null {
  const current = periodKey(date, period);
  let prior: string | undefined;
  const bars: DatedBar[] = [];
  for (let i = history.length - 1; i >= 0; i--) {
    const bar = history[i]!;
    const key = periodKey(bar.date, period);
    if (key >= current) continue;
    prior ??= key;
    if (key !== prior) break;
    bars.push(bar);
  }
  return highLow(bars);
}
