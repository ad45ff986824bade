// What kind of option an underlying has: exercise style, settlement, dividend yield, listing schedule.
// Index options (SPX, NDX, XSP, RUT) are European and cash-settled (Cboe/Nasdaq contract specs);
// options on stocks and ETFs are American and settle in shares.
import type { ExerciseStyle, SettlementTime } from '../../../shared/schemas/options';
import { addDays, isTradingDay } from '../../market/calendar';

export interface OptionUnderlying {
  symbol: string;
  style: ExerciseStyle;
  cashSettled: boolean;
  /** Continuous dividend yield q used for pricing. */
  dividendYield: number;
  /** Shares (or index units × $) per contract. */
  multiplier: number;
  /** Listed with an expiration every trading day (0DTE). */
  dailyExpirations: boolean;
}

/**
 * The simulated market's risk-free rate, continuously compounded: the 3-month US Treasury bill yield
 * of early 2026, about 3.6–3.7 % after the FOMC set the federal funds target range to 3.50–3.75 % on
 * 2025-12-10 (3.65 % simple ≈ 3.63 % continuous; the difference is far below a bid–ask spread).
 */
export const DEFAULT_RISK_FREE_RATE = 0.0365;

interface IndexSpec {
  dividendYield: number;
  /** Root symbols of the same index's options (weeklies/dailies trade under their own roots). */
  roots: readonly string[];
  /** Whether the standard third-Friday monthly settles AM (SPX, NDX, RUT) or PM (XSP). */
  monthlyAm: boolean;
  dailyExpirations: boolean;
}

/**
 * Trailing 12-month dividend yields of early 2026, rounded: S&P 500 ≈ 1.1 % (SPY's quarterly
 * dividends near $1.8–2.0 on a ~$690 price; put–call parity on the real 2026-02-11 SPY chain implies
 * 0.9–1.05 % at 1–3 years with r = 3.65 %), Nasdaq-100 ≈ 0.6 %, Russell 2000 ≈ 1.2 %; the ETFs carry their
 * index's yield. Dailies: Cboe lists SPX and XSP options expiring every weekday; Nasdaq lists NDXP
 * Monday–Friday since 2024. RUT has Monday/Wednesday/Friday weeklies only: treated as weekly-listed.
 */
const INDEXES: Readonly<Record<string, IndexSpec>> = {
  SPX: { dividendYield: 0.011, roots: ['SPX', 'SPXW'], monthlyAm: true, dailyExpirations: true },
  NDX: { dividendYield: 0.006, roots: ['NDX', 'NDXP'], monthlyAm: true, dailyExpirations: true },
  RUT: { dividendYield: 0.012, roots: ['RUT', 'RUTW'], monthlyAm: true, dailyExpirations: false },
  XSP: { dividendYield: 0.011, roots: ['XSP'], monthlyAm: false, dailyExpirations: true },
};

/**
 * ETFs and stocks with their approximate trailing dividend yields (early 2026; 0 for non-payers).
 * SPY, QQQ and IWM list options every weekday (SPY and QQQ since 2022, IWM since 2024).
 */
const EQUITIES: Readonly<Record<string, { dividendYield: number; dailyExpirations: boolean }>> = {
  SPY: { dividendYield: 0.011, dailyExpirations: true },
  QQQ: { dividendYield: 0.006, dailyExpirations: true },
  IWM: { dividendYield: 0.012, dailyExpirations: true },
  DIA: { dividendYield: 0.016, dailyExpirations: false },
  AAPL: { dividendYield: 0.004, dailyExpirations: false },
  MSFT: { dividendYield: 0.008, dailyExpirations: false },
  NVDA: { dividendYield: 0.0002, dailyExpirations: false },
  AMZN: { dividendYield: 0, dailyExpirations: false },
  GOOGL: { dividendYield: 0.004, dailyExpirations: false },
  META: { dividendYield: 0.003, dailyExpirations: false },
  TSLA: { dividendYield: 0, dailyExpirations: false },
  AMD: { dividendYield: 0, dailyExpirations: false },
  JPM: { dividendYield: 0.02, dailyExpirations: false },
};

const STANDARD_MULTIPLIER = 100;

/** The index an option root belongs to (SPXW → SPX), if it is an index option. */
function indexOf(symbol: string): [string, IndexSpec] | undefined {
  const upper = symbol.toUpperCase();
  return Object.entries(INDEXES).find(([, spec]) => spec.roots.includes(upper));
}

export function optionUnderlying(symbol: string): OptionUnderlying {
  const index = indexOf(symbol);
  if (index) {
    const [name, spec] = index;
    return { symbol: name, style: 'european', cashSettled: true, dividendYield: spec.dividendYield, multiplier: STANDARD_MULTIPLIER, dailyExpirations: spec.dailyExpirations };
  }
  const upper = symbol.toUpperCase();
  const equity = EQUITIES[upper];
  return {
    symbol: upper,
    style: 'american',
    cashSettled: false,
    dividendYield: equity?.dividendYield ?? 0,
    multiplier: STANDARD_MULTIPLIER,
    dailyExpirations: equity?.dailyExpirations ?? false,
  };
}

/** Monthly expiries by year and month: every chain lists a year of them, and the date arithmetic cost more than the listing. */
const monthlyExpiries = new Map<number, string>();

/** The standard monthly expiry of a month: the third Friday, or the Thursday before when that Friday is an exchange holiday. */
export function standardMonthlyExpiry(year: number, month: number): string {
  const key = year * 100 + month;
  let expiry = monthlyExpiries.get(key);
  if (expiry === undefined) {
    const first = `${year}-${String(month).padStart(2, '0')}-01`;
    const firstWeekday = new Date(`${first}T12:00:00Z`).getUTCDay();
    const thirdFriday = addDays(first, ((5 - firstWeekday + 7) % 7) + 14);
    expiry = isTradingDay(thirdFriday) ? thirdFriday : addDays(thirdFriday, -1);
    monthlyExpiries.set(key, expiry);
  }
  return expiry;
}

/**
 * AM or PM settlement of `symbol`'s option expiring on `expiry`: the standard monthly of SPX, NDX
 * and RUT (the roots without W/P) is AM-settled; their weeklies and dailies (SPXW, NDXP, RUTW), XSP
 * and all stock and ETF options settle PM. An SPX-root expiry that is not the standard monthly can
 * only be a weekly, so it is PM.
 */
export function settlementFor(symbol: string, expiry: string): SettlementTime {
  const index = indexOf(symbol);
  if (!index) return 'PM';
  const [name, spec] = index;
  if (!spec.monthlyAm || symbol.toUpperCase() !== name) return 'PM';
  const [year, month] = expiry.split('-').map(Number) as [number, number];
  return standardMonthlyExpiry(year, month) === expiry ? 'AM' : 'PM';
}
