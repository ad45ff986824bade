import { TIMEFRAME_MINUTES, type Bar, type Timeframe, type TradingSession } from '../../shared/schemas/market';
import { DateTime } from 'luxon';
import { MARKET_ZONE } from './calendar';

const MINUTE = 60_000;

/** Start of the daily bar of `date`: 00:00 New York (see BarSchema). */
export function dailyBarTime(date: string): number {
  return DateTime.fromISO(date, { zone: MARKET_ZONE }).toMillis();
}

/**
 * Groups finer bars into `timeframe` bars for the providers that only hold one bar size (the
 * simulated minute path, a user's CSV). Intraday buckets restart at each phase of the day (04:00,
 * 09:30, the close) so no bar mixes pre-market, regular and after-hours prints: a 1h bar starts at
 * 09:30, 10:30... and the last regular one is 15:30–16:00. A daily bar covers the regular session
 * only. Bars outside every session are dropped.
 */
export function resampleBars(bars: readonly Bar[], timeframe: Timeframe, sessions: readonly TradingSession[]): Bar[] {
  const out: Bar[] = [];
  let s = 0;
  let dayStart = sessions[0] ? dailyBarTime(sessions[0].date) : 0;
  for (const bar of bars) {
    while (s < sessions.length && bar.time >= sessions[s]!.afterClose) {
      s += 1;
      if (sessions[s]) dayStart = dailyBarTime(sessions[s]!.date);
    }
    const session = sessions[s];
    if (!session || bar.time < session.preOpen) continue;
    let start: number;
    if (timeframe === '1d') {
      if (bar.time < session.open || bar.time >= session.close) continue;
      start = dayStart;
    } else {
      const size = TIMEFRAME_MINUTES[timeframe] * MINUTE;
      const phaseStart = bar.time < session.open ? session.preOpen : bar.time < session.close ? session.open : session.close;
      start = phaseStart + Math.floor((bar.time - phaseStart) / size) * size;
    }
    const last = out[out.length - 1];
    if (last && last.time === start) {
      last.high = Math.max(last.high, bar.high);
      last.low = Math.min(last.low, bar.low);
      last.close = bar.close;
      last.volume += bar.volume;
    } else {
      out.push({ ...bar, time: start });
    }
  }
  return out;
}
