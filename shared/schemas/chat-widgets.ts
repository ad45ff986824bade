import { z } from 'zod';
import { AlertSchema } from './alerts';
import { KeyLevelSchema, ExpectedMoveSchema } from './levels';
import { MarketStatusSchema, QuoteSchema } from './market';
import { BoundSchema, DollarGreeksSchema, RiskFlagSchema, StrategySchema } from './positions';
import { ScanIdSchema, ScanResultSchema } from './scanner';

/**
 * The cards a chat function can attach to its result. Each is compact (it is stored with the
 * message and reloaded with the session), typed, and drawn by its own component in the chat.
 * Adding a widget = one entry in WIDGET_DATA + one component.
 */

const KeyLevelsWidget = z.object({
  symbol: z.string(),
  /** New York trading date of the levels. */
  date: z.string(),
  lastPrice: z.number().nullable(),
  /** Nearest levels first is up to the function; the card sorts by price. */
  levels: z.array(KeyLevelSchema),
  atrDaily: z.number().nullable(),
  vwap: z.number().nullable(),
  expectedMove: ExpectedMoveSchema.nullable(),
});

const PositionSummaryItem = z.object({
  positionId: z.string().nullable(),
  name: z.string(),
  underlying: z.string(),
  strategy: StrategySchema,
  spot: z.number(),
  costBasis: z.number(),
  marketValue: z.number(),
  unrealizedPnl: z.number(),
  /** Dollar greeks of the whole position. */
  totals: DollarGreeksSchema,
  breakevens: z.array(z.number()),
  maxProfit: BoundSchema.nullable(),
  maxLoss: BoundSchema.nullable(),
  probabilityOfProfit: z.number().nullable(),
  flags: z.array(RiskFlagSchema),
});

const PositionSummaryWidget = z.object({
  positions: z.array(PositionSummaryItem),
  /** Σ over the positions when there are several (portfolio); null for one position. */
  totals: z
    .object({ totals: DollarGreeksSchema, costBasis: z.number(), marketValue: z.number(), unrealizedPnl: z.number(), betaWeightedDelta: z.number().nullable() })
    .nullable(),
});

const PnlTrackerWidget = z.object({
  asOf: z.string(),
  rows: z.array(z.object({ label: z.string(), costBasis: z.number(), marketValue: z.number(), unrealizedPnl: z.number() })),
  total: z.object({ costBasis: z.number(), marketValue: z.number(), unrealizedPnl: z.number() }),
});

const MarketOverviewWidget = z.object({
  status: MarketStatusSchema,
  quotes: z.array(QuoteSchema),
  /** Upcoming scheduled events (FOMC, CPI, NFP...), nearest first. */
  events: z.array(z.object({ date: z.string(), title: z.string(), importance: z.enum(['high', 'medium', 'low']).optional() })),
  /** Short facts worth a line each (VIX term structure, rate assumption...). */
  notes: z.array(z.string()),
});

const AlertStatusWidget = z.object({
  /** What the function did: listed, created, cancelled. */
  action: z.enum(['list', 'created', 'cancelled']),
  alerts: z.array(AlertSchema),
});

const OptionsChainWidget = z.object({
  underlying: z.string(),
  spot: z.number(),
  expiry: z.string(),
  daysToExpiry: z.number().int(),
  /** Strikes around the money only (a card, not the whole chain). */
  rows: z.array(
    z.object({
      strike: z.number(),
      call: z.object({ bid: z.number(), ask: z.number(), iv: z.number().nullable(), delta: z.number().nullable(), volume: z.number().int(), openInterest: z.number().int() }).nullable(),
      put: z.object({ bid: z.number(), ask: z.number(), iv: z.number().nullable(), delta: z.number().nullable(), volume: z.number().int(), openInterest: z.number().int() }).nullable(),
    }),
  ),
});

const JournalStatsWidget = z.object({
  trades: z.number().int(),
  wins: z.number().int(),
  losses: z.number().int(),
  netPnl: z.number(),
  winRate: z.number().nullable(),
  profitFactor: z.number().nullable(),
  expectancy: z.number().nullable(),
  averageWin: z.number().nullable(),
  averageLoss: z.number().nullable(),
  maxDrawdown: z.number(),
  /** Best and worst symbols / strategies (label and net P&L), a few each. */
  best: z.array(z.object({ label: z.string(), netPnl: z.number(), trades: z.number().int() })),
  worst: z.array(z.object({ label: z.string(), netPnl: z.number(), trades: z.number().int() })),
  /** The equity curve thinned to at most 60 points for a sparkline. */
  equity: z.array(z.number()),
});

/** Rows a scan card shows at most (the best scores; the model may read more). */
export const MAX_SCAN_WIDGET_ROWS = 10;

const ScanResultsWidget = z.object({
  /** When the scan ran (epoch ms). */
  runAt: z.number(),
  /** How many symbols were scanned, and with which scans. */
  symbolCount: z.number().int().min(0),
  scans: z.array(ScanIdSchema),
  /** Results found in all; the rows are the best of them. */
  found: z.number().int().min(0),
  /** Best score first: what the scanner's own results table shows, with the suggested alert. */
  rows: z.array(ScanResultSchema.pick({ id: true, symbol: true, scan: true, scanName: true, score: true, direction: true, reason: true, suggestion: true })).max(MAX_SCAN_WIDGET_ROWS),
  /** Symbols whose data failed (left out of the results). */
  failed: z.array(z.string()),
});

/** Data schema of each widget type. */
export const WIDGET_DATA = {
  key_levels: KeyLevelsWidget,
  position_summary: PositionSummaryWidget,
  pnl_tracker: PnlTrackerWidget,
  market_overview: MarketOverviewWidget,
  alert_status: AlertStatusWidget,
  options_chain: OptionsChainWidget,
  journal_stats: JournalStatsWidget,
  scan_results: ScanResultsWidget,
} as const;

export type WidgetType = keyof typeof WIDGET_DATA;
export const WIDGET_TYPES = Object.keys(WIDGET_DATA) as [WidgetType, ...WidgetType[]];
export type WidgetData<T extends WidgetType> = z.infer<(typeof WIDGET_DATA)[T]>;

type WidgetOf<T extends WidgetType> = { type: T; title: string; data: WidgetData<T> };
/** A card in the chat: its type, a title ("SPX key levels"), and the typed data it draws. */
export type Widget = { [T in WidgetType]: WidgetOf<T> }[WidgetType];

export const WidgetSchema = z.discriminatedUnion(
  'type',
  WIDGET_TYPES.map((type) => z.object({ type: z.literal(type), title: z.string().max(120), data: WIDGET_DATA[type] })) as never,
) as unknown as z.ZodType<Widget>;
