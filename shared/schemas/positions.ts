import { z } from 'zod';
import { MarketDateSchema, SymbolSchema } from './market';
import { GreeksSchema, LegSchema } from './options';

/**
 * Positions (stock, single options, multi-leg strategies on one underlying) and their analysis:
 * greeks in dollars, P&L, payoff, probability of profit, what-if, beta-weighted delta, risk flags.
 *
 * Units: prices per share; money in dollars of the account. A leg's dollar greek = per-share greek
 * × signed quantity × multiplier (stock: multiplier 1, delta 1 per share). Cost basis is what was
 * paid (positive = debit, negative = credit received).
 */

// ---------------------------------------------------------------- strategy names

/** Every shape the recogniser names; anything else is `ratio_spread` or `custom`. */
export const STRATEGY_KINDS = [
  'long_stock', 'short_stock',
  'long_call', 'short_call', 'long_put', 'short_put',
  'covered_call', 'protective_put', 'collar',
  'bull_call_spread', 'bear_call_spread', 'bull_put_spread', 'bear_put_spread',
  'long_straddle', 'short_straddle', 'long_strangle', 'short_strangle',
  'short_iron_condor', 'long_iron_condor', 'short_iron_butterfly', 'long_iron_butterfly',
  'long_call_butterfly', 'short_call_butterfly', 'long_put_butterfly', 'short_put_butterfly',
  'long_call_calendar', 'short_call_calendar', 'long_put_calendar', 'short_put_calendar',
  'long_call_diagonal', 'short_call_diagonal', 'long_put_diagonal', 'short_put_diagonal',
  'ratio_spread', 'custom',
] as const;
export const StrategyKindSchema = z.enum(STRATEGY_KINDS);
export type StrategyKind = z.infer<typeof StrategyKindSchema>;

export const StrategySchema = z.object({
  kind: StrategyKindSchema,
  /** For people: "Bull call spread (debit)", "Short iron condor (credit)", "Custom (3 legs)". */
  label: z.string(),
  /** Net premium at entry: debit paid, credit received, or none (stock only / zero). */
  premium: z.enum(['debit', 'credit', 'none']),
});
export type Strategy = z.infer<typeof StrategySchema>;

// ---------------------------------------------------------------- stored positions

export const PositionStatusSchema = z.enum(['open', 'closed']);
export type PositionStatus = z.infer<typeof PositionStatusSchema>;

const MAX_LEGS = 12;
const IsoDateTime = z.iso.datetime({ offset: true, message: 'Expected a date and time like 2025-12-01T14:30:00Z' });

/** The legs of one position: 1–12, all on the same underlying. */
export const PositionLegsSchema = z
  .array(LegSchema)
  .min(1, 'A position needs at least one leg')
  .max(MAX_LEGS, `A position has at most ${MAX_LEGS} legs`)
  .superRefine((legs, ctx) => {
    const symbols = [...new Set(legs.map((leg) => leg.symbol))];
    if (symbols.length > 1) {
      ctx.addIssue({ code: 'custom', message: `Every leg of a position must be on the same underlying (found ${symbols.join(', ')})` });
    }
  });

const name = z.string().trim().min(1, 'Name cannot be empty').max(120, 'Name is at most 120 characters');
const notes = z.string().max(10_000, 'Notes are at most 10 000 characters').nullable();
const PositionId = z.string().min(1, 'Position id is required').max(80);

export const PositionCreateSchema = z
  .object({
    /** Default: made from the recognised strategy, e.g. "SPY 600/605 call debit spread Dec 19". */
    name: name.optional(),
    legs: PositionLegsSchema,
    notes: notes.default(null),
    status: PositionStatusSchema.default('open'),
    /** When the position was opened; default now. */
    openedAt: IsoDateTime.optional(),
    /** Only for a position entered already closed; default now when status is closed. */
    closedAt: IsoDateTime.nullable().optional(),
  })
  .strict();
export type PositionCreate = z.input<typeof PositionCreateSchema>;

export const PositionIdSchema = z.object({ id: PositionId }).strict();

/** Changes to a position; new legs re-run the strategy recogniser (and re-name a generated name). */
export const PositionUpdateSchema = z
  .object({
    id: PositionId,
    name: name.optional(),
    legs: PositionLegsSchema.optional(),
    notes: notes.optional(),
    /** Closing stamps `closedAt` (now unless given); reopening clears it. */
    status: PositionStatusSchema.optional(),
    openedAt: IsoDateTime.optional(),
    closedAt: IsoDateTime.nullable().optional(),
  })
  .strict();
export type PositionUpdate = z.input<typeof PositionUpdateSchema>;

export const PositionSchema = z.object({
  id: z.string(),
  userId: z.string(),
  name: z.string(),
  /** The underlying every leg is on. */
  underlying: z.string(),
  strategy: StrategySchema,
  legs: z.array(LegSchema),
  notes: z.string().nullable(),
  status: PositionStatusSchema,
  openedAt: z.string(),
  closedAt: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Position = z.infer<typeof PositionSchema>;

export const PositionListInputSchema = z
  .object({
    status: z.enum(['all', 'open', 'closed']).default('all'),
    symbol: SymbolSchema.optional(),
  })
  .strict();
export type PositionListInput = z.input<typeof PositionListInputSchema>;
export const PositionListSchema = z.object({ positions: z.array(PositionSchema), total: z.number().int() });

export const PositionsChangedSchema = z.object({ reason: z.enum(['created', 'updated', 'deleted']), id: z.string() });

// ---------------------------------------------------------------- analysis input

/** A scenario: move the underlying, the calendar and implied volatility, then revalue. */
export const WhatIfSchema = z
  .object({
    /** Underlying at this absolute price. */
    price: z.number().positive('What-if price must be above 0').optional(),
    /** Underlying moved by this many dollars (negative = down). */
    priceShift: z.number().optional(),
    /** Underlying moved by this percentage (−10 = down 10%). */
    priceShiftPct: z.number().gt(-100, 'A move of −100% or more leaves no price').max(1000).optional(),
    /** Revalue on this New York date (at the same time of day), years to each expiry reduced. */
    date: MarketDateSchema.optional(),
    /** Or this many calendar days forward. */
    daysForward: z.number().min(0, 'Days forward cannot be negative').max(3650).optional(),
    /** Implied volatility of every option moved by this many vol points (+5 = σ + 0.05). */
    ivShift: z.number().min(-100).max(500).optional(),
  })
  .strict()
  .superRefine((w, ctx) => {
    const prices = [w.price, w.priceShift, w.priceShiftPct].filter((v) => v !== undefined).length;
    if (prices > 1) ctx.addIssue({ code: 'custom', path: ['price'], message: 'Give one of price, priceShift or priceShiftPct' });
    if (w.date !== undefined && w.daysForward !== undefined) ctx.addIssue({ code: 'custom', path: ['date'], message: 'Give date or daysForward, not both' });
  });
export type WhatIf = z.output<typeof WhatIfSchema>;

/** The price grid of the payoff curves. */
export const PayoffGridSchema = z
  .object({
    /** Number of prices, ends included. */
    points: z.number().int().min(2).max(1001).default(121),
    /**
     * Lowest and highest price; default: spot ± max(3σ√T, 5%) of spot (σ, T of the first expiry; 30 days
     * for stock), widened to hold every strike and breakeven. The strikes, breakevens and spot inside
     * the range are added to the evenly spaced points, so the expiry line is exact between points.
     */
    low: z.number().min(0).optional(),
    high: z.number().positive().optional(),
  })
  .strict()
  .refine((g) => g.low === undefined || g.high === undefined || g.high > g.low, { path: ['high'], message: 'Grid high must be above low' });

export const PositionAnalyzeInputSchema = z
  .object({
    /** A stored position... */
    id: PositionId.optional(),
    /** ...or legs not stored (a position being built). */
    legs: PositionLegsSchema.optional(),
    whatIf: WhatIfSchema.optional(),
    grid: PayoffGridSchema.optional(),
    /** Value at this instant (epoch ms); default now. */
    at: z.number().int().optional(),
  })
  .strict()
  .refine((input) => (input.id === undefined) !== (input.legs === undefined), { path: ['id'], message: 'Give either id (a stored position) or legs' });
export type PositionAnalyzeInput = z.input<typeof PositionAnalyzeInputSchema>;

export const PortfolioAnalyzeInputSchema = z.object({ at: z.coerce.number().int().optional() }).strict();

// ---------------------------------------------------------------- analysis output

/** Dollar greeks: per-share greek × quantity × multiplier (delta in shares, theta $ per day, vega $ per vol point). */
export const DollarGreeksSchema = GreeksSchema;
export type DollarGreeks = z.infer<typeof DollarGreeksSchema>;

export const LegAnalysisSchema = z.object({
  /** Position of the leg in the input. */
  index: z.number().int(),
  leg: LegSchema,
  /** "−1 SPY Dec 19 '25 605 C" / "+100 SPY shares". */
  description: z.string(),
  side: z.enum(['long', 'short']),
  /** Value per share now: option mid (or model price), stock spot. */
  mark: z.number(),
  bid: z.number().nullable(),
  ask: z.number().nullable(),
  /** Implied volatility used (annualised, 0.18 = 18%); null for stock. */
  iv: z.number().nullable(),
  /** Years to the settlement time; null for stock. */
  years: z.number().nullable(),
  /** Calendar days to expiry (New York dates), 0 on expiry day; null for stock. */
  daysToExpiry: z.number().int().nullable(),
  /** Per share (stock: delta 1, the rest 0). */
  greeks: GreeksSchema,
  /** greeks × quantity × multiplier. */
  dollarGreeks: DollarGreeksSchema,
  /** price × quantity × multiplier: positive paid, negative received. */
  costBasis: z.number(),
  /** mark × quantity × multiplier (negative for a short). */
  marketValue: z.number(),
  unrealizedPnl: z.number(),
  /** Where the mark came from: the chain's source ('simulated', 'massive'...), 'model' (priced from IV), 'intrinsic' (expired), 'quote' (stock). */
  markSource: z.string(),
});
export type LegAnalysis = z.infer<typeof LegAnalysisSchema>;

/** A money figure that may have no bound (a naked short call's loss, a long call's profit). */
export const BoundSchema = z.union([z.number(), z.literal('unlimited')]);
export type Bound = z.infer<typeof BoundSchema>;

export const PayoffPointSchema = z.object({
  /** Underlying price. */
  price: z.number(),
  /** P&L at the payoff date (expiration, or the first expiry for calendars), dollars. */
  expiry: z.number(),
  /** P&L today at current IVs (Black-Scholes, Bjerksund–Stensland for American), dollars. */
  today: z.number(),
  /** P&L on the what-if's date at its shifted IVs, dollars: only when the what-if moves the date or IV. */
  scenario: z.number().optional(),
});

export const RiskFlagSchema = z.object({
  code: z.enum([
    'assignment_risk', // short option in the money within a few days of expiry
    'zero_dte_gamma', // expiry today and a large dollar gamma
    'undefined_risk', // unlimited max loss
    'expired', // a leg past its expiry (valued at intrinsic)
    'earnings', // earnings before an expiry (when known)
    'ex_dividend', // ex-dividend before an expiry with a short call (early assignment)
    'events_unknown', // no earnings/dividend calendar for this symbol: said, not guessed
    'beta_unknown', // no beta for the underlying: left out of the SPX-weighted delta
  ]),
  severity: z.enum(['info', 'warning', 'critical']),
  message: z.string(),
  /** The leg concerned, when one. */
  legIndex: z.number().int().optional(),
});
export type RiskFlag = z.infer<typeof RiskFlagSchema>;

export const BetaWeightedSchema = z.object({
  benchmark: z.literal('SPX'),
  benchmarkPrice: z.number(),
  /** Beta of the underlying to SPX (from the symbol profiles); null when unknown (then no figure). */
  beta: z.number().nullable(),
  /** SPX-equivalent delta: Σ(Δ shares × spot × β) / SPX price — SPX "shares" (index units) of the same exposure. */
  delta: z.number().nullable(),
  /** β-weighted dollar delta Σ(Δ shares × spot × β): the SPX notional of the same exposure (≈ 100 × the $ P&L of a 1% SPX move). */
  notional: z.number().nullable(),
});

export const WhatIfResultSchema = z.object({
  /** The scenario as applied. */
  price: z.number(),
  /** New York date of the revaluation. */
  date: z.string(),
  daysForward: z.number(),
  ivShift: z.number(),
  /** Value of the position in the scenario (Σ mark × quantity × multiplier). */
  marketValue: z.number(),
  /** Scenario value − cost basis. */
  pnl: z.number(),
  /** Scenario value − value now. */
  change: z.number(),
  greeks: DollarGreeksSchema,
  legs: z.array(z.object({ index: z.number().int(), mark: z.number(), iv: z.number().nullable(), greeks: GreeksSchema, dollarGreeks: DollarGreeksSchema })),
});

export const PositionAnalysisSchema = z.object({
  positionId: z.string().nullable(),
  name: z.string(),
  underlying: z.string(),
  strategy: StrategySchema,
  /** When the analysis was made (ISO). */
  asOf: z.string(),
  spot: z.number(),
  /** Rate and dividend yield used (continuous, annual). */
  rate: z.number(),
  dividendYield: z.number(),
  legs: z.array(LegAnalysisSchema),
  /** Σ dollar greeks of the legs. */
  totals: DollarGreeksSchema,
  costBasis: z.number(),
  marketValue: z.number(),
  unrealizedPnl: z.number(),
  /** Date the payoff is measured at (first expiry); null for stock only. */
  payoffDate: z.string().nullable(),
  /** How the expiry payoff is computed: 'expiration' (all legs expire together, exact), 'first_expiry' (later legs by Black-Scholes at current IV), 'stock' (linear). */
  payoffBasis: z.enum(['expiration', 'first_expiry', 'stock']),
  /** Prices where the payoff at `payoffDate` crosses 0, ascending (exact roots, not grid points). */
  breakevens: z.array(z.number()),
  /** Largest gain at `payoffDate` (over prices ≥ 0); negative when every price loses. */
  maxProfit: BoundSchema,
  /** Largest loss at `payoffDate`, as a positive amount (0 when it cannot lose). */
  maxLoss: BoundSchema,
  curve: z.array(PayoffPointSchema),
  /** P(payoff at payoffDate > 0) under a lognormal at the current IV of the first expiry; null for stock only. */
  probabilityOfProfit: z.number().nullable(),
  whatIf: WhatIfResultSchema.nullable(),
  betaWeighted: BetaWeightedSchema,
  flags: z.array(RiskFlagSchema),
});
export type PositionAnalysis = z.infer<typeof PositionAnalysisSchema>;

/** A summary of one open position inside the portfolio. */
const PortfolioPositionSchema = z.object({
  id: z.string(),
  name: z.string(),
  underlying: z.string(),
  strategy: StrategySchema,
  totals: DollarGreeksSchema,
  costBasis: z.number(),
  marketValue: z.number(),
  unrealizedPnl: z.number(),
  maxLoss: BoundSchema,
  betaWeightedDelta: z.number().nullable(),
  flags: z.array(RiskFlagSchema),
});

const UnderlyingExposureSchema = z.object({
  underlying: z.string(),
  spot: z.number(),
  positions: z.number().int(),
  totals: DollarGreeksSchema,
  costBasis: z.number(),
  marketValue: z.number(),
  unrealizedPnl: z.number(),
  betaWeighted: BetaWeightedSchema,
});

export const PortfolioAnalysisSchema = z.object({
  asOf: z.string(),
  positions: z.array(PortfolioPositionSchema),
  byUnderlying: z.array(UnderlyingExposureSchema),
  totals: DollarGreeksSchema,
  costBasis: z.number(),
  marketValue: z.number(),
  unrealizedPnl: z.number(),
  /** Sum of the known β-weighted deltas (underlyings with no beta are left out and flagged). */
  betaWeightedDelta: z.number(),
  /** Every position's flags, with the position they belong to, plus portfolio-level ones. */
  flags: z.array(RiskFlagSchema.extend({ positionId: z.string().nullable() })),
  /** Open positions that could not be analysed (no market data...), with why. */
  errors: z.array(z.object({ positionId: z.string(), message: z.string() })),
});
export type PortfolioAnalysis = z.infer<typeof PortfolioAnalysisSchema>;
