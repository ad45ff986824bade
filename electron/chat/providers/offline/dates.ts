import { isCalendarDate } from '../../../../shared/schemas/market';
import { addDays, marketDate } from '../../../market/calendar';
import { standardMonthlyExpiry } from '../../../options/pricing/underlyings';

/**
 * Dates as people write them in a chat ("today", "friday", "dec 19", "12/19", "jan 2028",
 * "this month"), resolved against the New York date of a given instant. Expiries lean forward
 * (a "dec 19" already past means next year's); periods look back (journal questions).
 */

export interface Period {
  from: string;
  to: string;
  /** How the user said it, for the answer ("this month"). */
  label: string;
}

const MONTH_PATTERN = 'jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?';
const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const WEEKDAYS: Record<string, number> = { mon: 1, monday: 1, tue: 2, tues: 2, tuesday: 2, wed: 3, wednesday: 3, thu: 4, thur: 4, thurs: 4, thursday: 4, fri: 5, friday: 5 };

export const monthIndex = (name: string): number => MONTHS.indexOf(name.slice(0, 3));

const pad = (n: number): string => String(n).padStart(2, '0');
const isoDate = (year: number, month: number, day: number): string => `${year}-${pad(month)}-${pad(day)}`;

/** A real calendar date, or null (Feb 30 is refused, not rolled over). */
function validDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = isoDate(year, month, day);
  return isCalendarDate(date) ? date : null;
}

/** Day of the week of a YYYY-MM-DD date (0 = Sunday). */
export const weekday = (date: string): number => new Date(`${date}T12:00:00Z`).getUTCDay();

/** `year` when given ("'28" = 2028), else this year, or next year when the date has passed. */
function withYear(today: string, month: number, day: number, year: string | undefined): string | null {
  if (year) return validDate(year.startsWith("'") ? 2000 + Number(year.slice(1)) : Number(year), month, day);
  const thisYear = Number(today.slice(0, 4));
  const date = validDate(thisYear, month, day);
  return date !== null && date < today ? validDate(thisYear + 1, month, day) : date;
}

/** One date found in the text: where it was, and the YYYY-MM-DD it means. */
export interface DateMatch {
  index: number;
  length: number;
  date: string;
}

type Rule = [RegExp, (m: RegExpExecArray, today: string) => string | null];

const RULES: Rule[] = [
  [/\b(\d{4})-(\d{2})-(\d{2})\b/g, (m) => validDate(Number(m[1]), Number(m[2]), Number(m[3]))],
  [/\b(\d{1,2})\/(\d{1,2})(?:\/(\d{4}|\d{2}))?\b/g, (m, today) => (m[3] ? validDate(m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]), Number(m[1]), Number(m[2])) : withYear(today, Number(m[1]), Number(m[2]), undefined))],
  [new RegExp(`\\b(${MONTH_PATTERN})\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b(?:,?\\s*(\\d{4}|'\\d{2})\\b)?`, 'g'), (m, today) => withYear(today, monthIndex(m[1]!) + 1, Number(m[2]), m[3])],
  [new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?(${MONTH_PATTERN})\\b(?:,?\\s*(\\d{4}|'\\d{2})\\b)?`, 'g'), (m, today) => withYear(today, monthIndex(m[2]!) + 1, Number(m[1]), m[3])],
  // "jan 2028": the month's standard expiry (third Friday, or the Thursday before a holiday).
  [new RegExp(`\\b(${MONTH_PATTERN})\\.?\\s+(\\d{4}|'\\d{2})\\b`, 'g'), (m) => standardMonthlyExpiry(m[2]!.startsWith("'") ? 2000 + Number(m[2]!.slice(1)) : Number(m[2]), monthIndex(m[1]!) + 1)],
  [/\btoday\b/g, (_m, today) => today],
  [/\b(?:tomorrow|tmrw|tmr)\b/g, (_m, today) => addDays(today, 1)],
  [/\byesterday\b/g, (_m, today) => addDays(today, -1)],
  [/\b(next|this)?\s*(monday|mon|tuesday|tues|tue|wednesday|wed|thursday|thurs|thur|thu|friday|fri)\b/g, (m, today) => {
    const ahead = (WEEKDAYS[m[2]!]! - weekday(today) + 7) % 7;
    return addDays(today, ahead + (m[1] === 'next' ? 7 : 0));
  }],
];

/** Every date written in `text` (lower-case), in reading order; overlapping mentions keep the first rule's. */
export function findDates(text: string, now: number): DateMatch[] {
  const today = marketDate(now);
  const taken: DateMatch[] = [];
  for (const [pattern, resolve] of RULES) {
    for (const m of text.matchAll(pattern)) {
      const index = m.index;
      const overlaps = taken.some((t) => index < t.index + t.length && t.index < index + m[0].length);
      const date = overlaps ? null : resolve(m as RegExpExecArray, today);
      if (date) taken.push({ index, length: m[0].length, date });
    }
  }
  return taken.sort((a, b) => a.index - b.index);
}

/** A look-back period: "today", "this week", "last month", "ytd", "last 30 days", "in november". */
export function findPeriod(text: string, now: number): Period | null {
  const today = marketDate(now);
  const [year, month] = [Number(today.slice(0, 4)), Number(today.slice(5, 7))];
  const monday = addDays(today, -((weekday(today) + 6) % 7));
  const days = /\b(?:last|past|previous)\s+(\d{1,3})\s+(?:trading\s+)?days\b/.exec(text);
  if (days) return { from: addDays(today, -Number(days[1])), to: today, label: `the last ${days[1]} days` };
  if (/\btoday\b/.test(text)) return { from: today, to: today, label: 'today' };
  if (/\byesterday\b/.test(text)) return { from: addDays(today, -1), to: addDays(today, -1), label: 'yesterday' };
  if (/\bthis\s+week\b|\bwtd\b/.test(text)) return { from: monday, to: today, label: 'this week' };
  if (/\blast\s+week\b/.test(text)) return { from: addDays(monday, -7), to: addDays(monday, -1), label: 'last week' };
  if (/\bthis\s+month\b|\bmtd\b/.test(text)) return { from: isoDate(year, month, 1), to: today, label: 'this month' };
  if (/\blast\s+month\b/.test(text)) {
    const [y, m] = month === 1 ? [year - 1, 12] : [year, month - 1];
    return { from: isoDate(y, m, 1), to: addDays(isoDate(year, month, 1), -1), label: 'last month' };
  }
  if (/\bthis\s+year\b|\bytd\b|\byear\s+to\s+date\b/.test(text)) return { from: isoDate(year, 1, 1), to: today, label: 'this year' };
  if (/\blast\s+year\b/.test(text)) return { from: isoDate(year - 1, 1, 1), to: isoDate(year - 1, 12, 31), label: 'last year' };
  const named = new RegExp(`\\b(?:in|during|for)\\s+(${MONTH_PATTERN})\\b(?!\\.?\\s+\\d)`).exec(text);
  if (named) {
    const m = monthIndex(named[1]!) + 1;
    const y = m > month ? year - 1 : year;
    const end = m === 12 ? isoDate(y, 12, 31) : addDays(isoDate(y, m + 1, 1), -1);
    return { from: isoDate(y, m, 1), to: end < today ? end : today, label: `${named[1]!.slice(0, 1).toUpperCase()}${named[1]!.slice(1)} ${y}` };
  }
  return null;
}
