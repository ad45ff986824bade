import { fixDigitLookalikes } from './numbers';

/**
 * Expiry dates as brokers write them inside an instrument description: "18 DEC 26" (thinkorswim),
 * "DEC18'26" (IBKR), "12/18/26" or "12/18" (Robinhood, Tastytrade), "12/18/2026", "2026-12-18",
 * "Dec 18, 2026". Two-digit years are 20xx; a date without a year is the next such day from today.
 */

export interface ExpiryMatch {
  iso: string;
  /** Token indices the date used: [first, last]. */
  first: number;
  last: number;
  /** A look-alike character was read as a digit or a month letter. */
  corrected: boolean;
  /** No year was written; it was taken as the next such date. */
  yearInferred: boolean;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const APOSTROPHE = `['’‘\`´"]`;

/** Month number (1–12) of a month word, tolerating OCR's digit-for-letter slips ("0CT", "N0V"). */
export function monthNumber(word: string): { month: number; corrected: boolean } | undefined {
  const upper = word.toUpperCase().replace(/[.,]$/, '');
  const exact = MONTHS.findIndex((m) => upper === m || (upper.length > 3 && m === upper.slice(0, 3) && isMonthName(upper)));
  if (exact >= 0) return { month: exact + 1, corrected: false };
  if (upper.length !== 3) return undefined;
  for (const candidate of [upper.replace(/0/g, 'O').replace(/5/g, 'S').replace(/8/g, 'B').replace(/[1|]/g, 'L'), upper.replace(/0/g, 'O').replace(/[1|]/g, 'I')]) {
    const i = MONTHS.indexOf(candidate.replace(/^JUI$/, 'JUL'));
    if (i >= 0) return { month: i + 1, corrected: true };
  }
  return undefined;
}

const FULL_NAMES = ['JANUARY', 'FEBRUARY', 'MARCH', 'APRIL', 'MAY', 'JUNE', 'JULY', 'AUGUST', 'SEPTEMBER', 'SEPT', 'OCTOBER', 'NOVEMBER', 'DECEMBER'];
const isMonthName = (upper: string) => FULL_NAMES.includes(upper);

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** YYYY-MM-DD of a real calendar day, else undefined. */
export function calendarDate(year: number, month: number, day: number): string | undefined {
  if (month < 1 || month > 12 || day < 1 || day > 31) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function fullYear(text: string): number {
  const n = Number(text);
  return text.length <= 2 ? 2000 + n : n;
}

/** The date with this month and day on or after `today` (YYYY-MM-DD). */
export function nextDate(month: number, day: number, today: string): string | undefined {
  const year = Number(today.slice(0, 4));
  const thisYear = calendarDate(year, month, day);
  if (thisYear && thisYear >= today) return thisYear;
  return calendarDate(year + 1, month, day);
}

function digits(token: string): { text: string; corrected: boolean } {
  return fixDigitLookalikes(token);
}

/** Finds the first expiry among the description's tokens. */
export function findExpiry(tokens: string[], today: string): ExpiryMatch | undefined {
  for (let i = 0; i < tokens.length; i++) {
    const match = expiryAt(tokens, i, today);
    if (match) return match;
  }
  return undefined;
}

function expiryAt(tokens: string[], i: number, today: string): ExpiryMatch | undefined {
  const token = tokens[i]!;
  const fixed = digits(token.replace(/[,;]$/, ''));

  // 12/18/26, 12/18/2026, 12/18
  const slash = /^(\d{1,2})\/(\d{1,2})(?:\/(\d{2}|\d{4}))?$/.exec(fixed.text);
  if (slash) {
    const [, m, d, y] = slash;
    const iso = y ? calendarDate(fullYear(y), Number(m), Number(d)) : nextDate(Number(m), Number(d), today);
    if (iso) return { iso, first: i, last: i, corrected: fixed.corrected, yearInferred: !y };
  }

  // 2026-12-18
  const isoMatch = /^(\d{4})-(\d{2})-(\d{2})$/.exec(fixed.text);
  if (isoMatch) {
    const iso = calendarDate(Number(isoMatch[1]), Number(isoMatch[2]), Number(isoMatch[3]));
    if (iso) return { iso, first: i, last: i, corrected: fixed.corrected, yearInferred: false };
  }

  // DEC18'26 (IBKR); the apostrophe is sometimes lost.
  const ibkr = new RegExp(`^([A-Za-z0-9]{3})([0-9OolI|]{1,2})${APOSTROPHE}?([0-9OolI|]{2})$`).exec(token);
  if (ibkr && (ibkr[2]!.length === 2 || new RegExp(APOSTROPHE).test(token))) {
    const month = /[A-Za-z]/.test(ibkr[1]!) ? monthNumber(ibkr[1]!) : undefined;
    const day = digits(ibkr[2]!);
    const year = digits(ibkr[3]!);
    const iso = month && calendarDate(fullYear(year.text), month.month, Number(day.text));
    if (month && iso) return { iso, first: i, last: i, corrected: month.corrected || day.corrected || year.corrected, yearInferred: false };
  }

  // 18DEC26: the spaces lost
  const joined = /^([0-9OolI|]{1,2})([A-Za-z0-9]{3})([0-9OolI|]{2})$/.exec(token);
  const joinedMonth = joined && /[A-Za-z]{2}/.test(joined[2]!) ? monthNumber(joined[2]!) : undefined;
  if (joined && joinedMonth) {
    const iso = calendarDate(2000 + Number(digits(joined[3]!).text), joinedMonth.month, Number(digits(joined[1]!).text));
    if (iso) return { iso, first: i, last: i, corrected: true, yearInferred: false };
  }

  // 18 DEC 26, 20 Jun 2025
  const day = digits(token);
  const month = tokens[i + 1] !== undefined ? monthNumber(tokens[i + 1]!) : undefined;
  if (/^\d{1,2}$/.test(day.text) && month) {
    const yearToken = tokens[i + 2] !== undefined ? digits(tokens[i + 2]!.replace(new RegExp(`^${APOSTROPHE}`), '').replace(/,$/, '')) : undefined;
    if (yearToken && /^(\d{2}|\d{4})$/.test(yearToken.text)) {
      const iso = calendarDate(fullYear(yearToken.text), month.month, Number(day.text));
      if (iso) return { iso, first: i, last: i + 2, corrected: day.corrected || month.corrected || yearToken.corrected, yearInferred: false };
    }
  }

  // Dec 18, 2026 · Dec 18 '26 · Dec 18
  const lead = monthNumber(token);
  const next = tokens[i + 1] !== undefined ? digits(tokens[i + 1]!.replace(/,$/, '')) : undefined;
  if (lead && next && /^\d{1,2}$/.test(next.text)) {
    const yearToken = tokens[i + 2] !== undefined ? digits(tokens[i + 2]!.replace(new RegExp(`^${APOSTROPHE}`), '')) : undefined;
    if (yearToken && /^(\d{4}|\d{2})$/.test(yearToken.text) && (yearToken.text.length === 4 || new RegExp(`^${APOSTROPHE}`).test(tokens[i + 2]!))) {
      const iso = calendarDate(fullYear(yearToken.text), lead.month, Number(next.text));
      if (iso) return { iso, first: i, last: i + 2, corrected: lead.corrected || next.corrected || yearToken.corrected, yearInferred: false };
    }
    const iso = nextDate(lead.month, Number(next.text), today);
    if (iso) return { iso, first: i, last: i + 1, corrected: lead.corrected || next.corrected, yearInferred: true };
  }
  return undefined;
}
