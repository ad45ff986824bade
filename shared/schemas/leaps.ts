import { z } from 'zod';
import { MarketDateSchema } from './market';
import { ExerciseStyleSchema, ExpirySchema, GreeksSchema, LegSchema, OptionLegSchema, OptionRightSchema, SettlementTimeSchema } from './options';

/** Most cells one projection returns; a longer date range is sampled with a wider step (and says so). */
export const MAX_PROJECTION_CELLS = 10_000;
/** Default scenario axes: price moves in percent of spot, IV shifts in volatility points. */
export const DEFAULT_PRICE_MOVES = [-30, -25, -20, -15, -10, -5, 0, 5, 10, 15, 20, 25, 30] as const;
export const DEFAULT_IV_SHIFTS = [-10, -5, 0, 5, 10] as const;
export const DEFAULT_STEP_DAYS = 14;

const percentMove = z.number().min(-95, 'A price move cannot be below -95 %').max(500, 'A price move cannot be above +500 %');
const volPoints = z.number().min(-50, 'An IV shift cannot be below -50 vol points').max(200, 'An IV shift cannot be above +200 vol points');
/** Annualised volatility as a fraction (0.25 = 25 %). */
const volatility = z.number().gt(0, 'Volatility must be above 0').max(5, 'Volatility is a fraction (0.25 = 25 %); at most 5');

/** Values of a position in dollars: the per-share numbers × quantity × multiplier, summed over the legs. */
export const PositionGreeksSchema = z.object({
  /** Dollars gained for +$1 in the underlying (share-equivalent delta). */
  delta: z.number(),
  /** Change of that delta for +$1 in the underlying. */
  gamma: z.number(),
  /** Dollars gained as one calendar day passes. */
  theta: z.number(),
  /** Dollars gained for +1 volatility point. */
  vega: z.number(),
});
export type PositionGreeks = z.infer<typeof PositionGreeksSchema>;

/**
 * `leaps:project`: the legs (one underlying) valued over dates × price moves × IV shifts. Dates run
 * from today to the first option expiry every `stepDays` (the expiry itself is always the last date).
 */
export const LeapsProjectInputSchema = z
  .object({
    legs: z.array(LegSchema).min(1, 'Add at least one leg to project').max(20, 'At most 20 legs'),
    /** Price of the underlying to project from; the market quote when absent. */
    spot: z.number().positive('Spot must be above 0').optional(),
    /** One volatility for every option leg; each contract's own IV from the chain when absent. */
    vol: volatility.optional(),
    /** Continuous risk-free rate as a fraction; the app's default when absent. */
    rate: z.number().min(-0.05).max(0.25).optional(),
    /** Days between projected dates (the last date is always the first expiry). */
    stepDays: z.number().int().min(1, 'The step is at least 1 day').max(365, 'The step is at most 365 days').default(DEFAULT_STEP_DAYS),
    /** Explicit dates (New York) instead of the regular step; each must lie between today and the first expiry. */
    dates: z.array(MarketDateSchema).min(1).max(120, 'At most 120 dates').optional(),
    priceMoves: z.array(percentMove).min(1).max(41, 'At most 41 price moves').default([...DEFAULT_PRICE_MOVES]),
    ivShifts: z.array(volPoints).min(1).max(11, 'At most 11 IV shifts').default([...DEFAULT_IV_SHIFTS]),
  })
  .strict()
  .superRefine((input, ctx) => {
    const symbols = new Set(input.legs.map((leg) => leg.symbol));
    if (symbols.size > 1) ctx.addIssue({ code: 'custom', path: ['legs'], message: `All legs must be on one underlying (got ${[...symbols].join(', ')})` });
    if (!input.legs.some((leg) => leg.kind === 'option')) ctx.addIssue({ code: 'custom', path: ['legs'], message: 'Add at least one option leg: a projection runs to the first option expiry' });
  });
export type LeapsProjectInput = z.input<typeof LeapsProjectInputSchema>;
export type LeapsProjectRequest = z.output<typeof LeapsProjectInputSchema>;

/** One option leg as the projection priced it today. */
export const ProjectedLegSchema = z.object({
  right: OptionRightSchema,
  strike: z.number(),
  expiry: z.string(),
  quantity: z.number(),
  multiplier: z.number(),
  /** Entry premium per share. */
  price: z.number(),
  /** Volatility used (fraction), before any IV shift. */
  vol: z.number(),
  style: ExerciseStyleSchema,
  settlement: SettlementTimeSchema,
  dividendYield: z.number(),
  /** Model value per share today at the spot used. */
  value: z.number(),
  /** Where the volatility came from: the input, or the chain's source (simulated, massive). */
  volSource: z.string(),
});

export const ProjectionCellSchema = PositionGreeksSchema.extend({
  date: z.string(),
  /** Move of the underlying from spot, percent. */
  priceMove: z.number(),
  /** Shift of every leg's volatility, vol points. */
  ivShift: z.number(),
  /** Underlying price of the scenario. */
  underlying: z.number(),
  /** Market value of the position in dollars (short legs count negative). */
  value: z.number(),
  /** value − cost basis, dollars. */
  pnl: z.number(),
});
export type ProjectionCell = z.infer<typeof ProjectionCellSchema>;

export const LeapsProjectionSchema = z.object({
  symbol: z.string(),
  spot: z.number(),
  spotSource: z.string(),
  rate: z.number(),
  /** Epoch ms the first date (today) is valued at. */
  asOf: z.number().int(),
  /** The first option expiry: the projection's last date. */
  horizon: z.string(),
  legs: z.array(ProjectedLegSchema),
  /** What the position cost, dollars (negative = a net credit received). */
  costBasis: z.number(),
  dates: z.array(z.string()),
  priceMoves: z.array(z.number()),
  ivShifts: z.array(z.number()),
  /** Every (date, priceMove, ivShift), dates outermost, then price moves, then IV shifts. */
  cells: z.array(ProjectionCellSchema),
  /** What was changed to answer (a grid capped, a volatility floored), in plain words. */
  warnings: z.array(z.string()),
});
export type LeapsProjection = z.infer<typeof LeapsProjectionSchema>;

/** How the roll's prices are taken from the chain: mid, or the side a market order would get (natural). */
export const RollFillSchema = z.enum(['mid', 'natural']);

/** One earlier roll of the chain: its net per share from the holder's view (+ credit received, − debit paid). */
export const PreviousRollSchema = z
  .object({
    date: MarketDateSchema.optional(),
    netCredit: z.number().min(-100_000).max(100_000),
    note: z.string().max(200).optional(),
  })
  .strict();

/**
 * `leaps:roll`: close `current` and open the same right at `target` (a later expiry, another strike,
 * or both). Prices come from `closePrice` / `openPrice` when given, else from the chain.
 */
export const LeapsRollInputSchema = z
  .object({
    current: OptionLegSchema,
    target: z.object({ strike: z.number().positive('Target strike must be above 0'), expiry: ExpirySchema }).strict(),
    /** Per-share price to close the current contract (else the chain's mark). */
    closePrice: z.number().min(0, 'Close price cannot be negative').optional(),
    /** Per-share price to open the new contract (else the chain's mark). */
    openPrice: z.number().min(0, 'Open price cannot be negative').optional(),
    fill: RollFillSchema.default('mid'),
    /**
     * The roll chain so far: the premium of the very first contract (per share; `current.price` when
     * absent) and each earlier roll's net.
     */
    originalPremium: z.number().min(0, 'Original premium cannot be negative').optional(),
    previousRolls: z.array(PreviousRollSchema).max(100, 'At most 100 earlier rolls').default([]),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.target.strike === input.current.strike && input.target.expiry === input.current.expiry) {
      ctx.addIssue({ code: 'custom', path: ['target'], message: 'The target is the contract already held: change the strike, the expiry or both' });
    }
  });
export type LeapsRollInput = z.input<typeof LeapsRollInputSchema>;
export type LeapsRollRequest = z.output<typeof LeapsRollInputSchema>;

export const RollSideSchema = z.object({
  strike: z.number(),
  expiry: z.string(),
  /** Price per share used. */
  price: z.number(),
  /** Cash of this side in dollars: + received, − paid. */
  cash: z.number(),
  /** 'input' when given explicitly, else the chain's source. */
  priceSource: z.string(),
  /** Position greeks in dollars of this contract at the held quantity. */
  greeks: PositionGreeksSchema,
  /** Per-share greeks (delta, gamma, theta, vega, rho). */
  perShare: GreeksSchema,
  /** Breakeven at expiry of holding this contract with the chain's cumulative premium so far; null when none. */
  breakeven: z.number().nullable(),
});

export const LeapsRollResultSchema = z.object({
  symbol: z.string(),
  right: OptionRightSchema,
  quantity: z.number(),
  multiplier: z.number(),
  /** 'Roll out and up', 'Roll down'... */
  label: z.string(),
  direction: z.object({ out: z.boolean(), in: z.boolean(), up: z.boolean(), down: z.boolean() }),
  close: RollSideSchema,
  open: RollSideSchema,
  net: z.object({
    /** Per share from the holder's view: + credit, − debit. */
    perShare: z.number(),
    /** Dollars for the whole position: + credit, − debit. */
    dollars: z.number(),
    type: z.enum(['credit', 'debit', 'even']),
  }),
  chain: z.object({
    /** Premium of the first contract, per share, as cash from the holder's view (+ received, − paid). */
    original: z.number(),
    /** Every roll's net per share, this one last. */
    rolls: z.array(z.number()),
    /** original + all rolls, per share (+ = net credit taken in so far). */
    cumulativePerShare: z.number(),
    cumulativeDollars: z.number(),
    /** What the position has cost per share after all rolls (negative = a net credit kept). */
    adjustedCostBasis: z.number(),
  }),
  spot: z.number(),
});
export type LeapsRollResult = z.infer<typeof LeapsRollResultSchema>;
