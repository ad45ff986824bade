import { TIMEFRAME_MINUTES, type Bar, type Timeframe, type TradingSession } from '../../shared/schemas/market';
import { dailyBar, forEachSessionBar, groupBySession, type SessionPart } from './session-bars';

const MINUTE_MS = 60_000;

/**
 * Start of the bucket a minute falls in. Regular-session buckets are aligned to the open (09:30,
 * 09:35…; 1h bars 09:30–10:30…, the last one 15:30–16:00); extended-hours buckets are aligned to the
 * 04:00 pre-open (…, 09:00–09:30 cut at the open; 16:00, 17:00… after the close). A bucket never
 * spans two parts of the day: it starts no earlier than its part does.
 */
function bucketStart(time: number, session: TradingSession, part: SessionPart, sizeMs: number): number {
  const anchor = part === 'regular' ? session.open : session.preOpen;
  const aligned = anchor + Math.floor((time - anchor) / sizeMs) * sizeMs;
  const partStart = part === 'pre' ? session.preOpen : part === 'regular' ? session.open : session.close;
  return aligned > partStart ? aligned : partStart;
}

/**
 * Aggregates 1-minute bars (sorted, `time` = minute start) into `timeframe` bars: open of the first
 * minute, highest high, lowest low, close of the last minute, summed volume. Missing minutes simply
 * contribute nothing, and the last bucket holds whatever minutes exist so far (a partial bar).
 * Minutes outside every session window are dropped.
 *
 * A '1d' bar is the regular session only (extended hours left out), with `time` = 00:00
 * America/New_York of the session date.
 */
export function aggregateBars(bars1m: readonly Bar[], timeframe: Timeframe, sessions: readonly TradingSession[]): Bar[] {
  if (timeframe === '1d') {
    return groupBySession(bars1m, sessions).flatMap(({ session, regular }) => dailyBar(session, regular) ?? []);
  }
  const sizeMs = TIMEFRAME_MINUTES[timeframe] * MINUTE_MS;
  const out: Bar[] = [];
  let current: Bar | undefined;
  forEachSessionBar(bars1m, sessions, (bar, session, part) => {
    const start = sizeMs === MINUTE_MS ? bar.time : bucketStart(bar.time, session, part, sizeMs);
    if (current && current.time === start) {
      if (bar.high > current.high) current.high = bar.high;
      if (bar.low < current.low) current.low = bar.low;
      current.close = bar.close;
      current.volume += bar.volume;
      return;
    }
    current = { time: start, open: bar.open, high: bar.high, low: bar.low, close: bar.close, volume: bar.volume };
    out.push(current);
  });
  return out;
}
