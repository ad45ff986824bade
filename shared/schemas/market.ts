import { z } from 'zod';

/** Bar sizes the app understands; intraday bars start at session-aligned times (09:30 ET). */
export const TimeframeSchema = z.enum(['1m', '5m', '15m', '1h', '1d']);
export type Timeframe = z.infer<typeof TimeframeSchema>;

/** Length of each intraday timeframe in minutes ('1d' bars cover one trading session). */
export const TIMEFRAME_MINUTES = { '1m': 1, '5m': 5, '15m': 15, '1h': 60, '1d': 1440 } as const satisfies Record<Timeframe, number>;

/**
 * One OHLCV bar. `time` is the bar's start in epoch milliseconds (UTC); a daily bar's time is
 * 00:00 America/New_York of its session date.
 */
export const BarSchema = z.object({
  time: z.number().int(),
  open: z.number(),
  high: z.number(),
  low: z.number(),
  close: z.number(),
  volume: z.number().min(0),
});
export type Bar = z.infer<typeof BarSchema>;

/** Where the market is in its day, America/New_York: 04:00–09:30 pre, 09:30–16:00 open, to 20:00 after. */
export const SessionSchema = z.enum(['pre', 'open', 'after', 'closed']);
export type Session = z.infer<typeof SessionSchema>;

/**
 * One trading day of the exchange calendar, as epoch milliseconds (UTC). The calendar makes these
 * (holidays, early closes and DST handled there); the levels engine only reads them.
 */
export const TradingSessionSchema = z.object({
  /** The session's date in America/New_York, YYYY-MM-DD. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  /** 04:00 ET, start of pre-market. */
  preOpen: z.number().int(),
  /** 09:30 ET, the regular open. */
  open: z.number().int(),
  /** 16:00 ET, or 13:00 ET on an early close. */
  close: z.number().int(),
  /** 20:00 ET, or 17:00 ET on an early close: end of after-hours. */
  afterClose: z.number().int(),
  earlyClose: z.boolean(),
});
export type TradingSession = z.infer<typeof TradingSessionSchema>;
