import { z } from 'zod';
import { withRules, type RuleIssue } from './rules';

/**
 * The trade journal: trades (one row per leg; legs of a multi-leg trade share a `groupId`), the CSV
 * import wizard's calls, and analytics. Money is in the account currency; prices are per unit
 * (per share, per option contract before the multiplier).
 */

export const AssetTypeSchema = z.enum(['stock', 'option', 'future']);
export type AssetType = z.infer<typeof AssetTypeSchema>;
export const TradeSideSchema = z.enum(['long', 'short']);
export const OptionTypeSchema = z.enum(['call', 'put']);

const IsoDateTime = z.iso.datetime({ offset: true, message: 'Expected a date and time like 2024-01-03T14:30:00Z' });
const IsoDate = z.iso.date({ message: 'Expected a date like 2024-01-19' });
const price = z.number({ message: 'Expected a number' }).min(0, 'Must be 0 or more').max(1e9);
const text = (max: number) => z.string().trim().max(max);

/** The fields a user (or the importer) gives; no defaults here so the update schema stays partial. */
const TradeFields = z.object({
  symbol: text(40).min(1, 'Symbol is required').toUpperCase(),
  /** The underlying of an option or future (SPY for an SPY option); the symbol itself for stock. */
  underlying: text(20).min(1).toUpperCase(),
  assetType: AssetTypeSchema,
  optionType: OptionTypeSchema.nullable(),
  strike: z.number({ message: 'Expected a number' }).positive('Must be above 0').max(1e7).nullable(),
  expiry: IsoDate.nullable(),
  /** Units per contract: 100 for a US equity option, 1 for stock, 50 for ES... */
  multiplier: z.number({ message: 'Expected a number' }).positive('Must be above 0').max(1e6),
  side: TradeSideSchema,
  quantity: z.number({ message: 'Expected a number' }).positive('Must be above 0').max(1e9),
  entryPrice: price,
  exitPrice: price.nullable(),
  entryTime: IsoDateTime,
  exitTime: IsoDateTime.nullable(),
  /** Commissions and fees of both sides, positive. */
  fees: price,
  strategy: text(60).nullable(),
  tags: z.array(text(40).min(1)).max(30),
  notes: z.string().max(10_000).nullable(),
  /** Planned stop and target prices: the stop defines the risk of one R. */
  plannedStop: price.nullable(),
  plannedTarget: price.nullable(),
  groupId: text(80).min(1),
});

type Fields = z.infer<typeof TradeFields>;

/** Rules across fields, shared by create, update (after merging) and the form. */
export function tradeRuleIssues(t: Partial<Fields>): RuleIssue[] {
  const issues: RuleIssue[] = [];
  if (t.assetType === 'option') {
    if (!t.optionType) issues.push({ path: ['optionType'], message: 'An option needs call or put' });
    if (t.strike === null || t.strike === undefined) issues.push({ path: ['strike'], message: 'An option needs a strike' });
    if (!t.expiry) issues.push({ path: ['expiry'], message: 'An option needs an expiry' });
  }
  const noExitPrice = t.exitPrice === null || t.exitPrice === undefined;
  if (noExitPrice !== !t.exitTime) {
    issues.push({ path: [noExitPrice ? 'exitPrice' : 'exitTime'], message: 'Exit price and exit time go together' });
  }
  if (t.exitTime && t.entryTime && Date.parse(t.exitTime) < Date.parse(t.entryTime)) {
    issues.push({ path: ['exitTime'], message: 'Exit is before entry' });
  }
  return issues;
}

/** A new trade: options default to 100 per contract, missing optional fields to null. */
export const TradeCreateSchema = withRules(
  TradeFields.extend({
    underlying: TradeFields.shape.underlying.optional(),
    assetType: AssetTypeSchema.default('stock'),
    optionType: OptionTypeSchema.nullable().default(null),
    strike: TradeFields.shape.strike.default(null),
    expiry: TradeFields.shape.expiry.default(null),
    multiplier: TradeFields.shape.multiplier.optional(),
    exitPrice: TradeFields.shape.exitPrice.default(null),
    exitTime: TradeFields.shape.exitTime.default(null),
    fees: TradeFields.shape.fees.default(0),
    strategy: TradeFields.shape.strategy.default(null),
    tags: TradeFields.shape.tags.default([]),
    notes: TradeFields.shape.notes.default(null),
    plannedStop: TradeFields.shape.plannedStop.default(null),
    plannedTarget: TradeFields.shape.plannedTarget.default(null),
    groupId: TradeFields.shape.groupId.optional(),
  }).strict(),
  tradeRuleIssues,
);
export type TradeCreate = z.input<typeof TradeCreateSchema>;

export const TradeIdSchema = z.object({ id: z.string().min(1).max(80) }).strict();

/** Changes to a trade; the merged trade must still pass the rules. */
export const TradeUpdateSchema = TradeFields.partial().extend({ id: z.string().min(1).max(80) }).strict();
export type TradeUpdate = z.input<typeof TradeUpdateSchema>;

export const TradeSchema = TradeFields.extend({
  id: z.string(),
  userId: z.string(),
  /** Net P&L of the leg (fees taken off, × multiplier); null while open. */
  netPnl: z.number().nullable(),
  broker: z.string().nullable(),
  fingerprint: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Trade = z.infer<typeof TradeSchema>;

export const TRADE_SORT_KEYS = ['entryTime', 'exitTime', 'symbol', 'netPnl', 'quantity', 'strategy'] as const;

/** Filters shared by the trade list and analytics (query strings: every value may arrive as a string). */
const TradeFilterFields = {
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  symbol: text(40).min(1).optional(),
  strategy: text(60).min(1).optional(),
  tag: text(40).min(1).optional(),
};

export const TradeListInputSchema = z
  .object({
    ...TradeFilterFields,
    status: z.enum(['all', 'open', 'closed']).default('all'),
    sort: z.enum(TRADE_SORT_KEYS).default('entryTime'),
    order: z.enum(['asc', 'desc']).default('desc'),
    limit: z.coerce.number().int().min(1).max(5000).default(200),
    offset: z.coerce.number().int().min(0).default(0),
  })
  .strict();
export type TradeListInput = z.input<typeof TradeListInputSchema>;
export const TradeListSchema = z.object({ trades: z.array(TradeSchema), total: z.number().int() });

export const AnalyticsInputSchema = z.object(TradeFilterFields).strict();
export type AnalyticsFilter = z.output<typeof AnalyticsInputSchema>;

const Bucket = z.object({ key: z.string(), trades: z.number().int(), wins: z.number().int(), losses: z.number().int(), netPnl: z.number(), winRate: z.number().nullable() });
export type Bucket = z.infer<typeof Bucket>;

export const AnalyticsSchema = z.object({
  trades: z.number().int(),
  openTrades: z.number().int(),
  wins: z.number().int(),
  losses: z.number().int(),
  breakevens: z.number().int(),
  netPnl: z.number(),
  grossProfit: z.number(),
  grossLoss: z.number(),
  fees: z.number(),
  winRate: z.number().nullable(),
  profitFactor: z.number().nullable(),
  expectancy: z.number().nullable(),
  averageWin: z.number().nullable(),
  averageLoss: z.number().nullable(),
  largestWin: z.number().nullable(),
  largestLoss: z.number().nullable(),
  rMultiple: z.object({ trades: z.number().int(), total: z.number(), average: z.number().nullable(), best: z.number().nullable(), worst: z.number().nullable() }),
  maxDrawdown: z.object({ amount: z.number(), peakAt: z.string().nullable(), troughAt: z.string().nullable() }),
  longestWinStreak: z.number().int(),
  longestLossStreak: z.number().int(),
  equityCurve: z.array(z.object({ time: z.string(), equity: z.number(), pnl: z.number() })),
  calendar: z.array(z.object({ date: z.string(), netPnl: z.number(), trades: z.number().int() })),
  bySymbol: z.array(Bucket),
  byStrategy: z.array(Bucket),
  byWeekday: z.array(Bucket),
  byHour: z.array(Bucket),
  byHoldingTime: z.array(Bucket),
});
export type Analytics = z.infer<typeof AnalyticsSchema>;

// ---- CSV import ---------------------------------------------------------------------------------

export const IMPORT_PRESETS = ['generic', 'thinkorswim', 'ibkr', 'tastytrade', 'webull', 'schwab', 'robinhood'] as const;
export const ImportPresetIdSchema = z.enum(IMPORT_PRESETS);
export type ImportPresetId = z.infer<typeof ImportPresetIdSchema>;

/** What a column can mean; a preset maps each to a header of its file. */
/** `amount`: the row's cash amount (a cash settlement's value); `code`: the broker's sub type or notes (assignment, exercise). */
export const IMPORT_FIELDS = ['time', 'symbol', 'side', 'quantity', 'price', 'fees', 'commission', 'underlying', 'assetType', 'optionType', 'strike', 'expiry', 'multiplier', 'orderId', 'status', 'description', 'amount', 'code'] as const;
export const ImportFieldSchema = z.enum(IMPORT_FIELDS);
export type ImportField = z.infer<typeof ImportFieldSchema>;
export const ImportMappingSchema = z.partialRecord(ImportFieldSchema, z.string().max(200));
export type ImportMapping = z.infer<typeof ImportMappingSchema>;

/** Largest file the importer takes, and the largest piece of it one upload call carries. */
export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;
export const UPLOAD_CHUNK_CHARS = 256 * 1024;

export const ImportUploadInputSchema = z
  .object({
    uploadId: z.uuid(),
    chunkIndex: z.number().int().min(0),
    text: z.string().max(UPLOAD_CHUNK_CHARS),
  })
  .strict();
export const ImportUploadSchema = z.object({ uploadId: z.string(), chunks: z.number().int(), bytes: z.number().int() });

export const ImportOptionsSchema = z
  .object({
    uploadId: z.uuid(),
    /** Absent: detected from the header row. */
    preset: ImportPresetIdSchema.optional(),
    /** Overrides of the preset's column for each field. */
    mapping: ImportMappingSchema.optional(),
    /** Time zone of times written without one (IANA name). */
    timezone: z.string().min(1).max(64).default('America/New_York'),
  })
  .strict();
export type ImportOptions = z.input<typeof ImportOptionsSchema>;

export const RowErrorSchema = z.object({ row: z.number().int(), column: z.string().optional(), message: z.string() });
export type RowError = z.infer<typeof RowErrorSchema>;

export const ImportPreviewSchema = z.object({
  uploadId: z.string(),
  detectedPreset: ImportPresetIdSchema.nullable(),
  preset: ImportPresetIdSchema,
  headers: z.array(z.string()),
  mapping: ImportMappingSchema,
  requiredFields: z.array(ImportFieldSchema),
  /** Problems with the whole file (empty, wrong delimiter, missing columns); nothing can be imported. */
  fileErrors: z.array(z.string()),
  /** The first errors by row (see counts.errors for how many there are). */
  rowErrors: z.array(RowErrorSchema),
  /** Rows read but left out on purpose, with why (an index option settled without a cash amount); they do not block the import. */
  rowWarnings: z.array(RowErrorSchema),
  /** The first trades the import would write, with the legs of a multi-leg trade side by side. */
  trades: z.array(TradeSchema.omit({ id: true, userId: true, createdAt: true, updatedAt: true })),
  counts: z.object({
    rows: z.number().int(),
    executions: z.number().int(),
    skipped: z.number().int(),
    errors: z.number().int(),
    warnings: z.number().int(),
    trades: z.number().int(),
    groups: z.number().int(),
    duplicates: z.number().int(),
    openLots: z.number().int(),
  }),
});
export type ImportPreview = z.infer<typeof ImportPreviewSchema>;
export type PreviewTrade = ImportPreview['trades'][number];

export const ImportCommitSchema = z.object({ inserted: z.number().int(), duplicates: z.number().int(), groups: z.number().int() });

export const ImportPresetInfoSchema = z.object({
  id: ImportPresetIdSchema,
  label: z.string(),
  source: z.string(),
  requiredFields: z.array(ImportFieldSchema),
  mapping: ImportMappingSchema,
});
export const ImportPresetListSchema = z.array(ImportPresetInfoSchema);

export const ImportProgressSchema = z.object({
  uploadId: z.string(),
  phase: z.enum(['parsing', 'matching', 'writing', 'done']),
  processedBytes: z.number().int(),
  totalBytes: z.number().int(),
  rows: z.number().int(),
});
export type ImportProgress = z.infer<typeof ImportProgressSchema>;

export const JournalChangedSchema = z.object({ reason: z.enum(['created', 'updated', 'deleted', 'imported']), count: z.number().int() });
