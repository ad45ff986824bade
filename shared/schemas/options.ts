import { z } from 'zod';
import { SymbolSchema } from './market';

/** The building blocks every options feature shares (chains, positions, analyzer, LEAPS, alerts from the chat). */

export const OptionRightSchema = z.enum(['call', 'put']);
export type OptionRight = z.infer<typeof OptionRightSchema>;

/** How an option may be exercised: stock and ETF options any day (American), index options at expiry only (European). */
export const ExerciseStyleSchema = z.enum(['american', 'european']);
export type ExerciseStyle = z.infer<typeof ExerciseStyleSchema>;

/**
 * When the settlement value is fixed: PM = the 16:00 ET close of the expiry day (SPY, SPXW, NDXP, XSP);
 * AM = the opening prints of the expiry day, 09:30 ET (standard third-Friday SPX and NDX monthlies).
 */
export const SettlementTimeSchema = z.enum(['AM', 'PM']);
export type SettlementTime = z.infer<typeof SettlementTimeSchema>;

/** An expiration date (America/New_York), YYYY-MM-DD. */
export const ExpirySchema = z
  .string()
  // abort: a malformed string is not also reported as an unreal date.
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: 'Expiry must be a date written YYYY-MM-DD', abort: true })
  // Date.parse rolls 2026-02-30 over to March 2: the date must survive the round trip unchanged.
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value), 'Expiry is not a real calendar date');

/** Price sensitivities, per share (multiply by quantity × multiplier for dollars). */
export const GreeksSchema = z.object({
  /** Price change for +$1 in the underlying. */
  delta: z.number(),
  /** Delta change for +$1 in the underlying. */
  gamma: z.number(),
  /** Price change as one calendar day passes (negative for a long option). */
  theta: z.number(),
  /** Price change for +1 volatility point (σ + 0.01). */
  vega: z.number(),
  /** Price change for +1 rate point (r + 0.01). */
  rho: z.number(),
});
export type Greeks = z.infer<typeof GreeksSchema>;

const quantity = z
  .number()
  .int('Quantity must be a whole number of contracts or shares')
  .refine((value) => value !== 0, 'Quantity cannot be 0 (positive = long, negative = short)');

/** Shares of the underlying: quantity in shares (negative = short), price = entry price per share. */
export const StockLegSchema = z
  .object({
    kind: z.literal('stock'),
    symbol: SymbolSchema,
    quantity,
    price: z.number().positive('Entry price must be above 0'),
  })
  .strict();

/**
 * One option contract line: quantity in contracts (negative = short), price = entry premium per share
 * (what the broker shows; the cost of one contract is price × multiplier).
 */
export const OptionLegSchema = z
  .object({
    kind: z.literal('option'),
    /** The underlying (SPX, SPY, AAPL...), not the OCC contract symbol. */
    symbol: SymbolSchema,
    right: OptionRightSchema,
    strike: z.number().positive('Strike must be above 0'),
    expiry: ExpirySchema,
    quantity,
    price: z.number().min(0, 'Entry premium cannot be negative'),
    multiplier: z.number().int().positive().default(100),
  })
  .strict();

export const LegSchema = z.discriminatedUnion('kind', [StockLegSchema, OptionLegSchema]);
export type StockLeg = z.infer<typeof StockLegSchema>;
export type OptionLeg = z.infer<typeof OptionLegSchema>;
export type Leg = z.infer<typeof LegSchema>;
