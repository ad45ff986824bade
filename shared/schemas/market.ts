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

/** Where the exchange stands at an instant (America/New_York), and when the regular session next opens and closes. */
export const MarketStatusSchema = z.object({
  status: SessionSchema,
  /** Why: 'Weekend', 'Holiday: Good Friday', 'Regular session (early close 13:00 ET: Christmas Eve)'... */
  reason: z.string(),
  /** Today's session, null when the exchange is closed all day. */
  session: TradingSessionSchema.nullable(),
  /** Epoch ms of the next regular open still ahead (09:30 ET). */
  nextOpen: z.number().int(),
  /** Epoch ms of the next regular close still ahead (16:00 or 13:00 ET). */
  nextClose: z.number().int(),
  checkedAt: z.number().int(),
});
export type MarketStatus = z.infer<typeof MarketStatusSchema>;

/** Which implementation answered: the built-in simulated market, Massive.com, or the user's imported CSV bars. */
export const MarketSourceSchema = z.enum(['simulated', 'massive', 'csv']);
export type MarketSource = z.infer<typeof MarketSourceSchema>;

export const SymbolKindSchema = z.enum(['index', 'etf', 'stock']);
export type SymbolKind = z.infer<typeof SymbolKindSchema>;

/**
 * A ticker as the user types it: letters, digits, '.' and '-' (BRK.B), at most 10 characters;
 * Massive's index prefix 'I:' is accepted and dropped (the client adds it back).
 */
export const SymbolSchema = z
  .string()
  .trim()
  .toUpperCase()
  .transform((s) => s.replace(/^I:/, ''))
  .pipe(z.string().regex(/^[A-Z][A-Z0-9.-]{0,9}$/, 'Symbol must be 1–10 letters, digits, "." or "-", starting with a letter (e.g. SPY, SPX, BRK.B)'));

export const SymbolInfoSchema = z.object({
  symbol: z.string(),
  name: z.string(),
  kind: SymbolKindSchema,
  source: MarketSourceSchema,
});
export type SymbolInfo = z.infer<typeof SymbolInfoSchema>;

/** Last price of a symbol against its previous regular close. */
export const QuoteSchema = z.object({
  symbol: z.string(),
  last: z.number(),
  change: z.number(),
  changePercent: z.number(),
  prevClose: z.number(),
  /** Where the market is at `time` (indices only print during the regular session). */
  session: SessionSchema,
  /** Epoch ms of the last price. */
  time: z.number().int(),
  source: MarketSourceSchema,
});
export type Quote = z.infer<typeof QuoteSchema>;

/** YYYY-MM-DD and a real calendar date (2026-02-30 is not). */
export function isCalendarDate(s: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
  const time = Date.parse(`${s}T00:00:00Z`);
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(s);
}

/** A calendar date in New York, YYYY-MM-DD. */
export const MarketDateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Dates are YYYY-MM-DD')
  .refine(isCalendarDate, 'Not a real calendar date');

/** Most calendar days one request may span, per timeframe (keeps responses to tens of thousands of bars). */
export const MAX_RANGE_DAYS = { '1m': 31, '5m': 93, '15m': 186, '1h': 366, '1d': 7320 } as const satisfies Record<Timeframe, number>;

/** Why a date range cannot be served (from after to, or too many days for the timeframe), if it cannot. */
export function rangeProblem(timeframe: Timeframe, from: string, to: string): { field: 'from' | 'to'; message: string } | undefined {
  if (from > to) return { field: 'from', message: `from (${from}) is after to (${to})` };
  const days = (Date.parse(to) - Date.parse(from)) / 86_400_000;
  const max = MAX_RANGE_DAYS[timeframe];
  if (days > max) return { field: 'to', message: `Range too large: ${days} days of ${timeframe} bars; at most ${max} days` };
  return undefined;
}

export const BarsRequestSchema = z
  .object({
    symbol: SymbolSchema,
    timeframe: TimeframeSchema,
    /** First New York date (inclusive); default: a look-back that suits the timeframe. */
    from: MarketDateSchema.optional(),
    /** Last New York date (inclusive); default: today. */
    to: MarketDateSchema.optional(),
  })
  .strict()
  .superRefine((req, ctx) => {
    const problem = req.from && req.to ? rangeProblem(req.timeframe, req.from, req.to) : undefined;
    if (problem) ctx.addIssue({ code: 'custom', path: [problem.field], message: problem.message });
  });
export type BarsRequest = z.output<typeof BarsRequestSchema>;

export const BarsResultSchema = z.object({
  symbol: z.string(),
  timeframe: TimeframeSchema,
  source: MarketSourceSchema,
  from: z.string(),
  to: z.string(),
  bars: z.array(BarSchema),
  /** The trading sessions of the range, so the chart can shade pre-market and after-hours. */
  sessions: z.array(TradingSessionSchema),
});
export type BarsResult = z.infer<typeof BarsResultSchema>;

/** Largest CSV text `market:importBars` accepts (the local API's body limit is 1 MiB). */
export const MAX_IMPORT_CHARS = 1_000_000;

export const ImportBarsRequestSchema = z
  .object({
    symbol: SymbolSchema,
    /** The file's text: a header row, then one bar per row (timestamp, open, high, low, close, volume). */
    csv: z.string().min(1, 'The CSV text is empty').max(MAX_IMPORT_CHARS, `The CSV text is larger than ${MAX_IMPORT_CHARS} characters; split the file`),
    /** Zone of timestamps written without an offset (IANA name); default America/New_York. */
    timeZone: z.string().min(1).max(64).default('America/New_York'),
  })
  .strict();

export const ImportBarsReportSchema = z.object({
  symbol: z.string(),
  /** The bar size found in the file. */
  timeframe: TimeframeSchema,
  imported: z.number().int(),
  /** How the timestamp column was read: 'iso-offset', 'iso-local', 'date', 'epoch-s' or 'epoch-ms'. */
  timestampFormat: z.string(),
  columns: z.object({ time: z.string(), open: z.string(), high: z.string(), low: z.string(), close: z.string(), volume: z.string().nullable() }),
  first: z.number().int(),
  last: z.number().int(),
  /** Bars replaced because the same symbol already had a bar at that time. */
  replaced: z.number().int(),
});
export type ImportBarsReport = z.infer<typeof ImportBarsReportSchema>;
