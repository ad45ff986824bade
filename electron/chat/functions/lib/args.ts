import { z } from 'zod';
import { isCalendarDate } from '../../../../shared/schemas/market';

/**
 * Argument schemas shared by the functions. They become the JSON schema the model sees, so they
 * only use steps JSON schema can show (trim, case, `overwrite`, refinements that add no keyword):
 * a model's 'spx' or '$SPX' is cleaned up here instead of being refused.
 */

const TICKER = /^[A-Z][A-Z0-9.-]{0,9}$/;

/** 'spx', '$SPX', ' SPX ', '^spx', 'I:SPX' → 'SPX'. */
export function normalizeSymbol(raw: string): string {
  return raw.trim().replace(/^[$^]/, '').replace(/^I:/i, '').toUpperCase();
}

/** A ticker argument, cleaned up; the services say whether they know it. */
export function symbolArg(description = 'Ticker symbol, e.g. SPX, NDX, SPY, QQQ, AAPL') {
  return z
    .string()
    .overwrite(normalizeSymbol)
    .refine((s) => TICKER.test(s), 'Symbol must be a ticker of 1–10 letters or digits, e.g. SPX, SPY, AAPL, BRK.B')
    .describe(description);
}

/** A YYYY-MM-DD argument. */
export function dateArg(description: string) {
  return z.string().trim().refine(isCalendarDate, 'Dates are written YYYY-MM-DD, e.g. 2026-03-20').describe(description);
}

/** The '0dte' spelling of an expiry argument: the contracts expiring today. */
export const ZERO_DTE = '0dte';

/** 'YYYY-MM-DD' or '0dte' ('0DTE', '0 dte', 'today' read the same). */
export function expiryArg(description = "Expiration YYYY-MM-DD, or '0dte' for today's; default the nearest listed expiration") {
  return z
    .string()
    .trim()
    .overwrite((s) => (/^(0\s*-?\s*dte|today)$/i.test(s) ? ZERO_DTE : s))
    .refine((s) => s === ZERO_DTE || isCalendarDate(s), "Expiry must be a date YYYY-MM-DD or '0dte'")
    .describe(description);
}

export const optionRightArg = (description = "'call' or 'put'") => z.enum(['call', 'put']).describe(description);

/** A strike price: positive, in the underlying's points. */
export function strikeArg(description = 'Strike price, e.g. 6000') {
  return z.number().positive('Strike must be above 0').describe(description);
}

/** Contracts or shares, signed: + long, − short (bounded, so the schema shows real limits). */
export function quantityArg(description: string) {
  return z
    .number()
    .int('Quantity must be a whole number')
    .min(-1_000_000)
    .max(1_000_000)
    .refine((q) => q !== 0, 'Quantity cannot be 0 (positive = long, negative = short)')
    .describe(description);
}
