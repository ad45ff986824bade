import { z } from 'zod';
import { MarketSourceSchema } from './market';

/** The scheduled releases the macro calendar tracks: FOMC rate decisions, CPI, and the Employment Situation (payrolls). */
export const MacroEventKindSchema = z.enum(['fomc', 'cpi', 'nfp']);
export type MacroEventKind = z.infer<typeof MacroEventKindSchema>;

export const MacroEventSchema = z.object({
  kind: MacroEventKindSchema,
  /** Day of the decision or release, New York. */
  date: z.string(),
  /** Release time, New York (HH:MM): 14:00 for FOMC statements, 08:30 for CPI and payrolls. */
  time: z.string(),
  /** Epoch ms of that New York date and time. */
  at: z.number().int(),
  /** 'FOMC decision (Jan 27–28 meeting)', 'CPI for November 2025'... */
  title: z.string(),
  /** Month the data describe (CPI, payrolls), YYYY-MM. */
  referencePeriod: z.string().nullable(),
  /** The agency calls the date tentative (FOMC schedules for future years) or has not confirmed it. */
  tentative: z.boolean(),
  /** Original date when the agency moved the release (e.g. the 2025 shutdown). */
  rescheduledFrom: z.string().nullable(),
  note: z.string().nullable(),
  /** Whole New York calendar days from today (0 = today, negative = past). */
  daysUntil: z.number().int(),
});
export type MacroEvent = z.infer<typeof MacroEventSchema>;

export const VixTenorSchema = z.enum(['VIX9D', 'VIX', 'VIX3M', 'VIX6M']);
export type VixTenor = z.infer<typeof VixTenorSchema>;

export const VixPointSchema = z.object({
  symbol: VixTenorSchema,
  /** Days of S&P 500 options the index measures. */
  tenorDays: z.number().int(),
  level: z.number(),
  /** 'massive' when the provider quoted it, 'model' when derived from the VIX level, else the VIX quote's own source. */
  source: z.enum(['simulated', 'massive', 'csv', 'model']),
});

export const TermShapeSchema = z.enum(['contango', 'backwardation', 'flat']);
export type TermShape = z.infer<typeof TermShapeSchema>;

export const MoveSchema = z.object({
  symbol: z.string(),
  name: z.string(),
  last: z.number(),
  change: z.number(),
  changePercent: z.number(),
  source: MarketSourceSchema,
});
export type Move = z.infer<typeof MoveSchema>;

/** Where a calendar's dates come from and how complete they are. */
export const CalendarSourceSchema = z.object({
  kind: MacroEventKindSchema,
  agency: z.string(),
  urls: z.array(z.string()),
  /** Last scheduled date the app knows for this kind. */
  coveredThrough: z.string(),
  note: z.string(),
});

export const MacroContextInputSchema = z
  .object({
    /** How many upcoming events to list (the next of each kind is always given). */
    upcoming: z.coerce.number().int().min(1).max(60).default(10),
  })
  .strict();

export const MacroContextSchema = z.object({
  asOf: z.number().int(),
  /** Today in New York, YYYY-MM-DD. */
  today: z.string(),
  rate: z.object({
    /** Continuous annual rate as a fraction. */
    value: z.number(),
    source: z.string(),
  }),
  vix: z.object({
    level: z.number(),
    change: z.number(),
    changePercent: z.number(),
    source: MarketSourceSchema,
    termStructure: z.array(VixPointSchema),
    shape: TermShapeSchema,
    /** VIX ÷ VIX3M, the usual gauge of the curve's slope (below 1 = contango). */
    ratio: z.number(),
    /** How the curve was obtained, in plain words. */
    note: z.string(),
  })
    /** Null when the provider could not quote VIX (see `warnings`). */
    .nullable(),
  calendar: z.object({
    /** The next FOMC decision, CPI and payrolls release still ahead (null when the agency's schedule is not known that far). */
    next: z.object({ fomc: MacroEventSchema.nullable(), cpi: MacroEventSchema.nullable(), nfp: MacroEventSchema.nullable() }),
    upcoming: z.array(MacroEventSchema),
    sources: z.array(CalendarSourceSchema),
  }),
  indices: z.array(MoveSchema),
  sectors: z.array(MoveSchema.extend({ sector: z.string() })),
  /** Symbols that could not be quoted, and any other gap, in plain words. */
  warnings: z.array(z.string()),
});
export type MacroContext = z.infer<typeof MacroContextSchema>;
