import { z } from 'zod';
import { SymbolSchema } from './market';
import { ExerciseStyleSchema, ExpirySchema, OptionRightSchema, SettlementTimeSchema } from './options';

/** Input of `options:chain`: one underlying, one expiration (the nearest listed one when omitted). */
export const ChainRequestSchema = z
  .object({
    underlying: SymbolSchema,
    /** A listed expiration, YYYY-MM-DD (New York); default: the nearest one still trading. */
    expiry: ExpirySchema.optional(),
  })
  .strict();
export type ChainRequest = z.output<typeof ChainRequestSchema>;

/**
 * What kind of expiration a date is: `0dte` expires today; `daily` a Monday–Thursday daily
 * (SPX, SPY, QQQ...); `weekly` a Friday (or the Thursday before a Friday holiday) that is not a
 * monthly; `monthly` the standard third Friday; `leaps` a January monthly more than a year out.
 */
export const ExpirationKindSchema = z.enum(['0dte', 'daily', 'weekly', 'monthly', 'leaps']);
export type ExpirationKind = z.infer<typeof ExpirationKindSchema>;

export const ExpirationSchema = z.object({
  date: z.string(),
  /** Calendar days from today (New York) to the expiration; 0 on the expiration day. */
  daysToExpiry: z.number().int().min(0),
  /** AM: settled on the expiry day's opening prints (SPX/NDX standard monthlies); PM: on its close. */
  settlement: SettlementTimeSchema,
  kind: ExpirationKindSchema,
});
export type Expiration = z.infer<typeof ExpirationSchema>;

/** Implied volatility and greeks are null when the quote cannot be inverted (a price outside the no-arbitrage bounds). */
export const ChainContractSchema = z.object({
  /** OCC-style contract symbol: root, YYMMDD, C/P, strike × 1000 on 8 digits (SPXW261218C06000000). */
  symbol: z.string(),
  right: OptionRightSchema,
  strike: z.number().positive(),
  expiry: z.string(),
  bid: z.number().min(0),
  ask: z.number().min(0),
  mid: z.number().min(0),
  /** Price of the last trade; null when the contract has not traded. */
  last: z.number().min(0).nullable(),
  /** Contracts traded today. */
  volume: z.number().int().min(0),
  /** Contracts open at the end of the previous session. */
  openInterest: z.number().int().min(0),
  /** Annualised implied volatility (0.2 = 20 %) from the mid price. */
  iv: z.number().positive().nullable(),
  /** Per share, as in GreeksSchema: theta per calendar day, vega and rho per 1 point. */
  delta: z.number().nullable(),
  gamma: z.number().nullable(),
  theta: z.number().nullable(),
  vega: z.number().nullable(),
  rho: z.number().nullable(),
  inTheMoney: z.boolean(),
});
export type ChainContract = z.infer<typeof ChainContractSchema>;

/** One strike of the chain: the call on the left, the put on the right (null where only one side is listed). */
export const StrikeRowSchema = z.object({
  strike: z.number().positive(),
  call: ChainContractSchema.nullable(),
  put: ChainContractSchema.nullable(),
});
export type StrikeRow = z.infer<typeof StrikeRowSchema>;

export const ChainSourceSchema = z.enum(['simulated', 'massive']);
export type ChainSource = z.infer<typeof ChainSourceSchema>;

/** Answer of `options:chain`. */
export const OptionChainSchema = z.object({
  underlying: z.string(),
  /** The underlying's last price the chain is priced against. */
  spot: z.number().positive(),
  /** Epoch ms of the prices. */
  asOf: z.number().int(),
  source: ChainSourceSchema,
  /** Continuously compounded risk-free rate used for IV and greeks. */
  rate: z.number(),
  /** Continuous dividend yield of the underlying. */
  dividendYield: z.number(),
  /** American (stocks, ETFs) or European (cash-settled indices). */
  style: ExerciseStyleSchema,
  /** Shares (or index units × $) one contract covers. */
  multiplier: z.number().int().positive(),
  /** Every listed expiration, nearest first. */
  expirations: z.array(ExpirationSchema),
  /** The expiration the strikes belong to. */
  expiry: ExpirationSchema,
  /** Year fraction from `asOf` to the selected expiration's settlement instant. */
  yearsToExpiry: z.number().min(0),
  /** The listed strike nearest the spot (the table centres on it). */
  atTheMoneyStrike: z.number().positive(),
  /** Strike rows, ascending. */
  strikes: z.array(StrikeRowSchema),
});
export type OptionChain = z.infer<typeof OptionChainSchema>;
