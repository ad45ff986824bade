import type { Bar, TradingSession } from '../../shared/schemas/market';

/** The three parts of a trading day: 04:00–09:30, 09:30–close, close–afterClose (America/New_York). */
export type SessionPart = 'pre' | 'regular' | 'after';

export interface SessionBars {
  session: TradingSession;
  pre: Bar[];
  regular: Bar[];
  after: Bar[];
}

const HOUR_MS = 3_600_000;

/**
 * 00:00 America/New_York of the session's date, as epoch ms. US clocks change at 02:00 on a Sunday,
 * never inside a trading day's 00:00–04:00, so midnight is exactly four hours before the 04:00 pre-open.
 */
function sessionMidnight(session: TradingSession): number {
  return session.preOpen - 4 * HOUR_MS;
}

/**
 * Walks bars (sorted by time) and sessions (sorted by date) together and calls `visit` for every bar
 * inside a session's window [preOpen, afterClose). Bars outside every window (a 20:00 print, a
 * weekend tick, a holiday) are skipped: no session owns them.
 */
export function forEachSessionBar(
  bars: readonly Bar[],
  sessions: readonly TradingSession[],
  visit: (bar: Bar, session: TradingSession, part: SessionPart, sessionIndex: number) => void,
): void {
  let s = 0;
  for (let i = 0; i < bars.length; i++) {
    const bar = bars[i]!;
    if (i > 0 && bar.time < bars[i - 1]!.time) throw new Error(`bars must be sorted by time (index ${i} goes back)`);
    while (s < sessions.length && bar.time >= sessions[s]!.afterClose) s++;
    const session = sessions[s];
    if (!session) return;
    if (bar.time < session.preOpen) continue;
    const part: SessionPart = bar.time < session.open ? 'pre' : bar.time < session.close ? 'regular' : 'after';
    visit(bar, session, part, s);
  }
}

/** One entry per session (in the given order, empty parts included) with its bars split by part. */
export function groupBySession(bars: readonly Bar[], sessions: readonly TradingSession[]): SessionBars[] {
  const grouped = sessions.map((session) => ({ session, pre: [], regular: [], after: [] }) as SessionBars);
  forEachSessionBar(bars, sessions, (bar, _session, part, index) => grouped[index]![part].push(bar));
  return grouped;
}

/** Highest high and lowest low of some bars; null when there are none. */
export function highLow(bars: readonly Bar[]): { high: number; low: number } | null {
  if (!bars.length) return null;
  let high = -Infinity;
  let low = Infinity;
  for (const bar of bars) {
    if (bar.high > high) high = bar.high;
    if (bar.low < low) low = bar.low;
  }
  return { high, low };
}

/**
 * The daily bar of a session from its regular-session minutes only (09:30 to the close, 13:00 on an
 * early close); its time is 00:00 America/New_York of the session date. Null when nothing traded.
 */
export function dailyBar(session: TradingSession, regular: readonly Bar[]): Bar | null {
  const range = highLow(regular);
  if (!range) return null;
  let volume = 0;
  for (const bar of regular) volume += bar.volume;
  return { time: sessionMidnight(session), open: regular[0]!.open, high: range.high, low: range.low, close: regular.at(-1)!.close, volume };
}
