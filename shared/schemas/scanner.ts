import { z } from 'zod';
import { SymbolSchema } from './market';
import { NotificationSchema } from './notifications';

/**
 * The opportunity scanner: technical scans over bars and key levels, options scans over one chain
 * per symbol. Each result names its symbol, scan, score, a plain-language reason, the numbers
 * behind it and a next step. Schedules (table `ai_coach_scanner_schedules`) run chosen scans every
 * N minutes in market hours and notify when a result is new.
 */

export const TECHNICAL_SCAN_IDS = [
  'near_level',
  'opening_range_breakout',
  'gap',
  'vwap_cross',
  'new_intraday_extreme',
  'atr_expansion',
  'relative_volume',
] as const;
export const OPTIONS_SCAN_IDS = ['iv_vs_realized', 'unusual_volume', 'skew_extreme', 'straddle_vs_atr', 'credit_spread'] as const;
export const SCAN_IDS = [...TECHNICAL_SCAN_IDS, ...OPTIONS_SCAN_IDS] as const;
export const ScanIdSchema = z.enum(SCAN_IDS, { error: `Scan must be one of ${SCAN_IDS.join(', ')}` });
export type ScanId = z.infer<typeof ScanIdSchema>;

export const ScanKindSchema = z.enum(['technical', 'options']);
export type ScanKind = z.infer<typeof ScanKindSchema>;

/** A tunable number of a scan (threshold, window), with its default and bounds. */
export const ScanParamSchema = z.object({
  key: z.string(),
  label: z.string(),
  default: z.number(),
  min: z.number(),
  max: z.number(),
  step: z.number(),
  /** How the number reads: '%', 'ATR', '×', 'min', 'days', 'prob' (0..1)... */
  unit: z.string(),
});
export type ScanParam = z.infer<typeof ScanParamSchema>;

export const ScanDefinitionSchema = z.object({
  id: ScanIdSchema,
  name: z.string(),
  kind: ScanKindSchema,
  description: z.string(),
  params: z.array(ScanParamSchema),
});
export type ScanDefinition = z.infer<typeof ScanDefinitionSchema>;

/** Every scan, and the watchlist used when a run or schedule names no symbols. */
export const ScanCatalogSchema = z.object({
  scans: z.array(ScanDefinitionSchema),
  /** The profile's preferred symbols, then SPX, NDX, SPY, QQQ, IWM and the largest US stocks. */
  defaultSymbols: z.array(z.string()),
});
export type ScanCatalog = z.infer<typeof ScanCatalogSchema>;

export const ScanDirectionSchema = z.enum(['bullish', 'bearish', 'neutral']);
export type ScanDirection = z.infer<typeof ScanDirectionSchema>;

/** The alert conditions a suggestion may prefill (see shared/schemas/alerts.ts). */
export const SuggestedConditionSchema = z.enum(['above', 'below', 'crosses_above', 'crosses_below']);

export const ScanSuggestionSchema = z.object({
  /** E.g. "Set an alert at PDH 6 012.50". */
  text: z.string(),
  /** A ready-made alert the UI can offer to create (`alerts:create` with symbol, condition, targetPrice). */
  action: z
    .object({
      type: z.literal('set_alert'),
      symbol: z.string(),
      condition: SuggestedConditionSchema,
      price: z.number(),
      /** The key level the price comes from (PDH, VWAP, ORH 15m...), when it does. */
      levelName: z.string().optional(),
    })
    .optional(),
});
export type ScanSuggestion = z.infer<typeof ScanSuggestionSchema>;

export const ScanResultSchema = z.object({
  /** Stable key `scan:symbol:direction:YYYY-MM-DD` (New York session date): the same finding later in the day keeps its id. */
  id: z.string(),
  symbol: z.string(),
  scan: ScanIdSchema,
  scanName: z.string(),
  kind: ScanKindSchema,
  /** 0..100, higher = stronger signal. */
  score: z.number().min(0).max(100),
  direction: ScanDirectionSchema,
  /** Plain language, with the numbers. */
  reason: z.string(),
  /** The numbers behind the reason (prices, ratios, percentages). */
  metrics: z.record(z.string(), z.union([z.number(), z.string(), z.null()])),
  suggestion: ScanSuggestionSchema,
  /** When it was found (epoch ms). */
  at: z.number(),
});
export type ScanResult = z.infer<typeof ScanResultSchema>;

/** Parameter overrides per scan, e.g. `{ gap: { minGapPct: 2 } }`; unknown keys or out-of-range values are refused. */
export const ScanParamsOverrideSchema = z.partialRecord(ScanIdSchema, z.record(z.string(), z.number()));
export type ScanParamsOverride = z.infer<typeof ScanParamsOverrideSchema>;

export const MAX_SCAN_SYMBOLS = 200;
const ScanSymbolsSchema = z
  .array(SymbolSchema)
  .min(1, 'Give at least one symbol, or leave symbols out for the default watchlist')
  .max(MAX_SCAN_SYMBOLS, `At most ${MAX_SCAN_SYMBOLS} symbols`);
const ScanListSchema = z.array(ScanIdSchema).min(1, 'Choose at least one scan');

export const ScanRunInputSchema = z
  .object({
    /** Default: every scan. */
    scans: ScanListSchema.optional(),
    /** Default: the watchlist (catalog's defaultSymbols). */
    symbols: ScanSymbolsSchema.optional(),
    params: ScanParamsOverrideSchema.optional(),
    /** At most this many results, best score first (default all). */
    limit: z.number().int().min(1).max(1000).optional(),
  })
  .strict();
export type ScanRunInput = z.input<typeof ScanRunInputSchema>;
export type ScanRunParams = z.output<typeof ScanRunInputSchema>;

export const ScanRunResultSchema = z.object({
  runAt: z.number(),
  /** The symbols scanned (upper case, watchlist order). */
  symbols: z.array(z.string()),
  scans: z.array(ScanIdSchema),
  /** Best score first. */
  results: z.array(ScanResultSchema),
  /** Symbols whose data failed (they are left out of the results). */
  errors: z.array(z.object({ symbol: z.string(), message: z.string() })),
  ms: z.number(),
});
export type ScanRunResult = z.infer<typeof ScanRunResultSchema>;

// Schedules

const ScheduleNameSchema = z.string({ error: 'Name is required' }).trim().min(1, 'Name is required').max(80, 'Name must be at most 80 characters');
const EveryMinutesSchema = z
  .number({ error: 'Every must be a number of minutes' })
  .int('Every must be whole minutes')
  .min(1, 'Every must be at least 1 minute')
  .max(240, 'Every must be at most 240 minutes');

export const ScheduleCreateSchema = z
  .object({
    name: ScheduleNameSchema,
    scans: ScanListSchema,
    /** Absent or null: the default watchlist at each run. */
    symbols: ScanSymbolsSchema.nullable().default(null),
    everyMinutes: EveryMinutesSchema,
    enabled: z.boolean().default(true),
  })
  .strict();
export type ScheduleCreate = z.input<typeof ScheduleCreateSchema>;
export type ScheduleCreateParams = z.output<typeof ScheduleCreateSchema>;

export const ScheduleUpdateSchema = z
  .object({
    id: z.string().min(1).max(80),
    name: ScheduleNameSchema.optional(),
    scans: ScanListSchema.optional(),
    symbols: ScanSymbolsSchema.nullable().optional(),
    everyMinutes: EveryMinutesSchema.optional(),
    enabled: z.boolean().optional(),
  })
  .strict();
export type ScheduleUpdate = z.input<typeof ScheduleUpdateSchema>;
export type ScheduleUpdateParams = z.output<typeof ScheduleUpdateSchema>;

export const ScheduleIdSchema = z.object({ id: z.string().min(1).max(80) }).strict();

export const ScanScheduleSchema = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  scans: z.array(ScanIdSchema),
  /** null = the default watchlist. */
  symbols: z.array(z.string()).nullable(),
  everyMinutes: z.number().int(),
  enabled: z.boolean(),
  /** The last run of the schedule, how many results it found and how many were new. */
  lastRunAt: z.string().nullable(),
  lastResultCount: z.number().int().min(0),
  lastNewCount: z.number().int().min(0),
  lastError: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type ScanSchedule = z.infer<typeof ScanScheduleSchema>;

export const ScheduleListSchema = z.object({ schedules: z.array(ScanScheduleSchema) });

// Events

/** A schedule's run found results it had not found before (today): they, and the notification made. */
export const ScannerResultsEventSchema = z.object({
  scheduleId: z.string(),
  scheduleName: z.string(),
  results: z.array(ScanResultSchema),
  notification: NotificationSchema,
  /** False when the profile turned alerts off: recorded and listed, no toast. */
  toast: z.boolean(),
});
export type ScannerResultsEvent = z.infer<typeof ScannerResultsEventSchema>;

export const SchedulesChangedSchema = z.object({
  reason: z.enum(['created', 'updated', 'deleted', 'ran']),
  ids: z.array(z.string()),
});
export type SchedulesChanged = z.infer<typeof SchedulesChangedSchema>;
