import type { z } from 'zod';
import type { Widget } from '../../../../../shared/schemas/chat-widgets';
import type { ExperienceLevelSchema } from '../../../../../shared/schemas/profile';
import { shortExpiry } from '../../../../options/positions/name';

/** Numbers, money and dates as a trader reads them in the answer (en-US, a real minus sign). */

export type Experience = z.infer<typeof ExperienceLevelSchema>;

export interface ComposeContext {
  experience: Experience;
  /** What to lead with ('support', 'delta', 'fomc'...). */
  focus: string | null;
  /** The arguments the function was called with. */
  args: Record<string, unknown>;
  /** New York date of the turn, YYYY-MM-DD (dates of this year lose their year). */
  today: string;
  /** The card the function drew: it may hold more than the result (every key level, not only the nearest). */
  widget?: Widget;
}

const MINUS = '−';

const twoDecimals = (value: number) => value.toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** A price, premium, distance or range to the cent, as quotes are read: 6012.5 → "6,012.50", 0.85 → "0.85". */
export const price = (value: number): string => (value < 0 ? MINUS : '') + twoDecimals(Math.abs(value));

/** A change or distance in points: 11.25 → "+11.25", −51 → "−51.00", 0.4 → "+0.40". */
export const signed = (value: number): string => (value > 0 ? '+' : value < 0 ? MINUS : '') + twoDecimals(Math.abs(value));

const moneyFormat = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD', minimumFractionDigits: 2, maximumFractionDigits: 2 });

/** 1234.5 → "$1,234.50", −12 → "−$12.00". */
export const money = (value: number): string => (value < 0 ? MINUS : '') + moneyFormat.format(Math.abs(value));

/** A P&L: "+$180.00" / "−$45.00". */
export const pnl = (value: number): string => (value > 0 ? '+' : '') + money(value);

/** A percentage given in percent: 0.453 → "+0.45%". */
export const signedPercent = (value: number): string => `${value > 0 ? '+' : value < 0 ? MINUS : ''}${Math.abs(value).toFixed(2)}%`;

/** A fraction as a percentage: 0.5833 → "58.3%". */
export const fraction = (value: number, digits = 1): string => `${(value * 100).toFixed(digits)}%`;

/** A plain number with thousands separators and at most `digits` decimals (volumes, shares of delta). */
export const plain = (value: number, digits = 2): string => (value < 0 ? MINUS : '') + Math.abs(value).toLocaleString('en-US', { maximumFractionDigits: digits });

/** A greek per share, to four significant digits: 0.5123, −0.0042, −3.104. */
export const greek = (value: number): string => (value < 0 ? MINUS : '') + Number(Math.abs(value).toPrecision(4)).toString();

const WEEKDAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];

/** "2025-12-19" → "Fri Dec 19" (this year) or "Fri Jan 15 '27". */
export function day(date: string, today: string): string {
  const weekday = WEEKDAYS[new Date(`${date}T12:00:00Z`).getUTCDay()]!;
  return `${weekday} ${shortExpiry(date, Number(today.slice(0, 4)))}`;
}

/** "2025-12-17 16:00 ET" (the functions' New York times) → "16:00 ET" today, else "Thu Dec 18, 09:30 ET". */
export function when(stamp: string, today: string): string {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}:\d{2})/.exec(stamp);
  if (!m) return stamp;
  return m[1] === today ? `${m[2]} ET today` : `${day(m[1]!, today)}, ${m[2]} ET`;
}

/** "in 3 days", "tomorrow", "today". */
export function inDays(days: number): string {
  if (days === 0) return 'today';
  if (days === 1) return 'tomorrow';
  return days > 0 ? `in ${days} days` : `${-days} days ago`;
}

export const plural = (n: number, word: string, many = `${word}s`): string => `${plain(n, 0)} ${n === 1 ? word : many}`;

/** A bulleted list. */
export const bullets = (lines: readonly string[]): string => lines.map((line) => `- ${line}`).join('\n');

/** The parts that are not empty, as paragraphs. */
export const paragraphs = (...parts: (string | null | undefined | false)[]): string => parts.filter(Boolean).join('\n\n');

/** Picks the wording for the user's experience level. */
export function byLevel<T>(experience: Experience, words: { beginner: T; intermediate: T; advanced: T }): T {
  return words[experience];
}
