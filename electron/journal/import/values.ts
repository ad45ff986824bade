import { wallClockToMs } from '../time';

/** A cell that cannot be read; the row is reported with this message and not imported. */
export class RowProblem extends Error {
  constructor(
    readonly column: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

/** "$1,234.50", "(2.10)", "-0.65", "@2.10", "+1" → numbers; empty → null; anything else → NaN. */
export function parseNumber(raw: string | undefined): number | null {
  if (raw === undefined) return null;
  let s = raw.trim();
  if (!s || s === '--') return null;
  let negative = false;
  if (s.startsWith('(') && s.endsWith(')')) {
    negative = true;
    s = s.slice(1, -1);
  }
  s = s.replace(/[$,@\s]/g, '');
  if (s.startsWith('-$')) s = '-' + s.slice(2);
  if (!/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i.test(s)) return NaN;
  const n = Number(s);
  return negative ? -n : n;
}

const MONTHS: Record<string, number> = { JAN: 1, FEB: 2, MAR: 3, APR: 4, MAY: 5, JUN: 6, JUL: 7, AUG: 8, SEP: 9, OCT: 10, NOV: 11, DEC: 12 };
const year = (y: string): number => (y.length === 2 ? 2000 + Number(y) : Number(y));

function validDate(y: number, mo: number, d: number): boolean {
  const date = new Date(Date.UTC(y, mo - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === mo - 1 && date.getUTCDate() === d;
}

// 2024-01-03T09:45:12(.123)(Z|-05:00|-0500) and 2024-01-03 09:45
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?)?\s*(Z|[+-]\d{2}:?\d{2})?$/i;
// 1/3/24 09:45:12, 01/03/2024 9:45 AM, 01/03/2024 09:45:12 EST, 01/03/2024 as of 01/02/2024
const US = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})(?:,?\s+(\d{1,2}):(\d{2})(?::(\d{2}))?\s*(AM|PM)?)?(?:\s+as of .*)?$/i;
// IBKR Flex, by its date and time settings: 20240103;094512, 2024-01-03;09:45:12, 20240103 094512, 20240103
const COMPACT = /^(\d{4})(\d{2})(\d{2})(?:[;,\s]\s*(\d{2}):?(\d{2}):?(\d{2}))?$/;
const IBKR_DASHED = /^(\d{4})-(\d{2})-(\d{2})[;,]\s*(\d{2}):?(\d{2}):?(\d{2})$/;
// Webull ("01/10/2024 09:35:12 EST") and IBKR Flex ("2024-01-05;10:00:00 EST") name New York's zone.
const NEW_YORK_SUFFIX = /\s+(?:E[SD]T|ET)$/i;

/**
 * Milliseconds since the epoch of a broker's timestamp. Times without an offset are wall-clock
 * times in `zone`; an "EST"/"EDT"/"ET" suffix pins them to New York whatever `zone` says.
 * NaN when the text is no date we know.
 */
export function parseDateTime(raw: string, zone: string): number {
  const trimmed = raw.trim();
  const s = trimmed.replace(NEW_YORK_SUFFIX, '');
  const wallZone = s === trimmed ? zone : 'America/New_York';
  let m = ISO.exec(s);
  if (m) {
    const [, y, mo, d, h = '0', mi = '0', sec = '0', offset] = m;
    if (!validDate(+y!, +mo!, +d!)) return NaN;
    if (!offset) return wallClockToMs(wallZone, +y!, +mo!, +d!, +h, +mi, +sec);
    const utc = Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +sec);
    if (/^z$/i.test(offset)) return utc;
    const sign = offset.startsWith('-') ? -1 : 1;
    const digits = offset.slice(1).replace(':', '');
    return utc - sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2))) * 60_000;
  }
  m = US.exec(s);
  if (m) {
    const [, mo, d, y, h = '0', mi = '0', sec = '0', ampm] = m;
    let hour = +h;
    if (ampm) hour = (hour % 12) + (/pm/i.test(ampm) ? 12 : 0);
    if (!validDate(year(y!), +mo!, +d!) || hour > 23) return NaN;
    return wallClockToMs(wallZone, year(y!), +mo!, +d!, hour, +mi, +sec);
  }
  m = COMPACT.exec(s) ?? IBKR_DASHED.exec(s);
  if (m) {
    const [, y, mo, d, h = '0', mi = '0', sec = '0'] = m;
    if (!validDate(+y!, +mo!, +d!)) return NaN;
    return wallClockToMs(wallZone, +y!, +mo!, +d!, +h, +mi, +sec);
  }
  return NaN;
}

/** An option's expiry as YYYY-MM-DD: "2024-01-19", "20240119", "1/19/24", "01/19/2024", "19 JAN 24". */
export function parseExpiry(raw: string): string | null {
  const s = raw.trim().toUpperCase();
  let y: number, mo: number, d: number;
  let m = /^(\d{4})-?(\d{2})-?(\d{2})$/.exec(s);
  if (m) [y, mo, d] = [+m[1]!, +m[2]!, +m[3]!];
  else if ((m = /^(\d{1,2})\/(\d{1,2})\/(\d{2}|\d{4})$/.exec(s))) [y, mo, d] = [year(m[3]!), +m[1]!, +m[2]!];
  else if ((m = /^(\d{1,2})\s+([A-Z]{3})\s+(\d{2}|\d{4})$/.exec(s)) && MONTHS[m[2]!]) [y, mo, d] = [year(m[3]!), MONTHS[m[2]!]!, +m[1]!];
  else return null;
  return validDate(y, mo, d) ? `${y}-${String(mo).padStart(2, '0')}-${String(d).padStart(2, '0')}` : null;
}

export interface OptionContract {
  underlying: string;
  expiry: string;
  optionType: 'call' | 'put';
  strike: number;
}

/** An OCC option symbol: "SPY   240119C00475000", "SPY240119C00475000", ".SPY240119C475" (with or without padding). */
export function parseOccSymbol(raw: string): OptionContract | null {
  const m = /^\.?([A-Z][A-Z0-9.]{0,5})\s*(\d{6})([CP])(\d{8}|\d+(?:\.\d+)?)$/.exec(raw.trim().toUpperCase());
  if (!m) return null;
  const expiry = parseExpiry(`20${m[2]}`);
  if (!expiry) return null;
  const strike = m[4]!.length === 8 && !m[4]!.includes('.') ? Number(m[4]) / 1000 : Number(m[4]);
  return { underlying: m[1]!, expiry, optionType: m[3] === 'C' ? 'call' : 'put', strike };
}

/** The OCC symbol of a contract (21 characters without the padding): SPY240119C00475000. */
export function occSymbol(c: OptionContract): string {
  const strike = String(Math.round(c.strike * 1000)).padStart(8, '0');
  return `${c.underlying}${c.expiry.slice(2).replace(/-/g, '')}${c.optionType === 'call' ? 'C' : 'P'}${strike}`;
}

/** "call", "C", "CALL", "Put"… → call | put; anything else → null. */
export function parseOptionType(raw: string | undefined): 'call' | 'put' | null {
  const s = (raw ?? '').trim().toUpperCase();
  if (s === 'C' || s === 'CALL') return 'call';
  if (s === 'P' || s === 'PUT') return 'put';
  return null;
}
