import { z } from 'zod';
import { MarketDateSchema, MarketSourceSchema, SymbolSchema, TimeframeSchema } from './market';

const DateSchema = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'expected a date YYYY-MM-DD');

/**
 * Input of `levels:get`: the key levels of `symbol` on the session of `date` (America/New_York;
 * the current or most recent session when omitted). Symbols are spelled as for `market:*` calls.
 */
export const LevelsRequestSchema = z
  .object({
    symbol: SymbolSchema,
    date: MarketDateSchema.optional(),
  })
  .strict();
export type LevelsRequest = z.output<typeof LevelsRequestSchema>;

/** Where a level comes from; the chart colours and the coach's wording follow the group. */
export const LevelGroupSchema = z.enum([
  'prior-day',
  'premarket',
  'today',
  'opening-range',
  'pivot-classic',
  'pivot-fibonacci',
  'pivot-camarilla',
  'pivot-woodie',
  'vwap',
  /** Bounds of the ATR-based expected move around the prior close. */
  'atr',
  /** Bounds of the implied-volatility expected move (only when an implied volatility is given). */
  'implied-move',
  'prior-week',
  'prior-month',
]);
export type LevelGroup = z.infer<typeof LevelGroupSchema>;

/** How far a level is from the last price: signed (positive = above the price). */
export const LevelDistanceSchema = z.object({
  points: z.number(),
  percent: z.number(),
  /** Distance in multiples of the daily ATR; null while the ATR is unknown (too little history). */
  atr: z.number().nullable(),
});
export type LevelDistance = z.infer<typeof LevelDistanceSchema>;

export const KeyLevelSchema = z.object({
  /** Short trader's name, e.g. 'PDH', 'R1 (classic)', 'VWAP +2σ', 'ORH 15m'. */
  name: z.string(),
  price: z.number(),
  group: LevelGroupSchema,
  /** Null when there is no last price to measure from. */
  distance: LevelDistanceSchema.nullable(),
});
export type KeyLevel = z.infer<typeof KeyLevelSchema>;

/** Session VWAP at one bar (cumulative from 09:30) with volume-weighted standard-deviation bands. */
export const VwapPointSchema = z.object({
  time: z.number().int(),
  vwap: z.number(),
  sigma: z.number().min(0),
  upper1: z.number(),
  lower1: z.number(),
  upper2: z.number(),
  lower2: z.number(),
  upper3: z.number(),
  lower3: z.number(),
});
export type VwapPoint = z.infer<typeof VwapPointSchema>;

/** The point of a VWAP and its σ at `time`, with the ±1/±2/±3 σ bands. */
export function vwapPoint(time: number, vwap: number, sigma: number): VwapPoint {
  return {
    time,
    vwap,
    sigma,
    upper1: vwap + sigma,
    lower1: vwap - sigma,
    upper2: vwap + 2 * sigma,
    lower2: vwap - 2 * sigma,
    upper3: vwap + 3 * sigma,
    lower3: vwap - 3 * sigma,
  };
}

export const OpeningRangeSchema = z.object({
  minutes: z.number().int().positive(),
  high: z.number(),
  low: z.number(),
  /** False while the range's last minute has not traded yet (its levels are then left out). */
  complete: z.boolean(),
});
export type OpeningRange = z.infer<typeof OpeningRangeSchema>;

export const MoveSchema = z.object({
  points: z.number(),
  percent: z.number(),
  upper: z.number(),
  lower: z.number(),
});
export type Move = z.infer<typeof MoveSchema>;

export const ExpectedMoveSchema = z.object({
  /** The price the move is measured from: the prior session's close. */
  reference: z.number(),
  /** One daily ATR either side of the reference. */
  atr: MoveSchema.nullable(),
  /** reference × IV × √(1/252): one standard deviation of a one-session move; null without an IV. */
  implied: MoveSchema.extend({ impliedVolatility: z.number() }).nullable(),
});
export type ExpectedMove = z.infer<typeof ExpectedMoveSchema>;

/** Tunable parts of the levels engine; every field has a default. */
export const LevelsOptionsSchema = z.object({
  openingRangeMinutes: z.array(z.number().int().min(1).max(390)).max(6).default([5, 15, 30]),
  atrPeriod: z.number().int().min(1).max(200).default(14),
  intradayAtrTimeframe: TimeframeSchema.exclude(['1d']).default('5m'),
  /**
   * Robustness filter, off by default (null): pre-market highs/lows further than this fraction of the
   * prior close (0.02 = ±2 %) are ignored as bad extended-hours prints. A re-print of the prior
   * close itself lies inside any band and is not caught.
   */
  extendedHoursBand: z.number().positive().max(1).nullable().default(null),
  /** Annualised implied volatility (0.18 = 18 %) for the implied expected move; the options engine fills it. */
  impliedVolatility: z.number().positive().max(10).optional(),
});
export type LevelsOptions = z.input<typeof LevelsOptionsSchema>;
export type ResolvedLevelsOptions = z.output<typeof LevelsOptionsSchema>;

export const LevelsResultSchema = z.object({
  date: DateSchema,
  /** The previous trading session the prior-day levels and pivots come from. */
  previousDate: DateSchema.nullable(),
  lastPrice: z.number().nullable(),
  levels: z.array(KeyLevelSchema),
  openingRanges: z.array(OpeningRangeSchema),
  vwap: z.object({ series: z.array(VwapPointSchema), last: VwapPointSchema.nullable() }),
  atr: z.object({
    period: z.number().int(),
    /** Wilder ATR of the daily bars up to the previous session (today's unfinished bar left out). */
    daily: z.number().nullable(),
    /** Wilder ATR of regular-session bars of `intradayTimeframe`, up to the last bar. */
    intraday: z.number().nullable(),
    intradayTimeframe: TimeframeSchema,
  }),
  expectedMove: ExpectedMoveSchema.nullable(),
  /** What the extended-hours filter did: null when it is off. */
  extendedHoursFilter: z.object({ band: z.number(), ignoredPrints: z.number().int() }).nullable(),
});
export type LevelsResult = z.infer<typeof LevelsResultSchema>;

/** Output of `levels:get`: the engine's result, with the symbol and the provider the bars came from. */
export const LevelsResponseSchema = LevelsResultSchema.extend({
  symbol: z.string(),
  source: MarketSourceSchema,
});
export type LevelsResponse = z.infer<typeof LevelsResponseSchema>;
