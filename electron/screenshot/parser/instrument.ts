import { findExpiry, monthNumber } from './expiry';
import { fixDigitLookalikes, readNumber } from './numbers';

/**
 * Instrument descriptions in every broker's style, read into symbol, type, strike and expiry:
 * OCC ("SPY 261218C00600000", "SPXW261231C06150000", "O:SPY…", ".SPY261218C600"), thinkorswim
 * ("SPY 100 (Weeklys) 18 DEC 26 600 CALL"), IBKR ("SPY DEC18'26 600 CALL"), Robinhood
 * ("SPY $600 Call 12/18/26"), Tastytrade ("SPY 12/18/26 600 C"), "SPX 20 Jun 25 6000 Call",
 * Webull's "SPY 12/18/2026 600.00 C", and a plain stock ("AAPL").
 */

export interface Instrument {
  symbol: string;
  assetType: 'stock' | 'call' | 'put';
  strike: number | null;
  expiry: string | null;
  /** Which parts needed an OCR correction (a digit read as a letter or the reverse). */
  corrected: { symbol: boolean; strike: boolean; expiry: boolean; assetType: boolean };
  /** The year of the expiry was not written (taken as the next such date). */
  yearInferred: boolean;
}

/** Weekly/PM-settled roots that trade the same underlying. */
const ROOT_ALIASES: Record<string, string> = { SPXW: 'SPX', SPXPM: 'SPX', NDXP: 'NDX', RUTW: 'RUT', VIXW: 'VIX', XSPW: 'XSP' };
/** Words of a description that are not part of the instrument. */
const NOISE = /^\((?:weeklys?|quarterlys?|mini|am|pm|eom|w|m|q)\)$|^(?:weeklys?|std|standard)$/i;
/** Rows of a table that are not positions. */
const NOT_A_SYMBOL = new Set(['TOTAL', 'TOTALS', 'OVERALL', 'SUBTOTAL', 'CASH', 'ACCOUNT', 'NET', 'BALANCE', 'SUMMARY', 'GROUP', 'SYMBOL', 'NAME', 'NONE']);

const LETTER_LOOKALIKES: Record<string, string> = { '0': 'O', '1': 'I', '5': 'S', '8': 'B', '2': 'Z', '|': 'I' };

/** A ticker as read: 1–6 capitals (".B" class suffix allowed); digits that look like letters are fixed. */
export function readSymbol(raw: string): { symbol: string; corrected: boolean } | undefined {
  const text = raw.replace(/^[^A-Za-z0-9|]+|[^A-Za-z0-9|]+$/g, '');
  if (!/^[A-Z0-9|]{1,6}(?:[./][A-Z])?$/.test(text) || !/[A-Z]/.test(text)) return undefined;
  let corrected = false;
  const symbol = text.replace(/[0-9|]/g, (c) => {
    corrected = true;
    return LETTER_LOOKALIKES[c] ?? c;
  });
  if (!/^[A-Z]{1,6}(?:[./][A-Z])?$/.test(symbol) || NOT_A_SYMBOL.has(symbol)) return undefined;
  return { symbol: ROOT_ALIASES[symbol] ?? symbol, corrected };
}

/** A lone word that is not quite a ticker ("AnPL", "wm"): read upper-cased and flagged for the user to fix. */
export function looseStock(text: string): Instrument | undefined {
  const word = text.trim();
  if (!/^[A-Za-z]{1,5}$/.test(word) || NOT_A_SYMBOL.has(word.toUpperCase())) return undefined;
  return { symbol: word.toUpperCase(), assetType: 'stock', strike: null, expiry: null, corrected: { symbol: true, strike: false, expiry: false, assetType: false }, yearInferred: false };
}

function optionType(word: string): { type: 'call' | 'put'; corrected: boolean } | undefined {
  const w = word.replace(/[.,;:]$/, '');
  if (/^(?:call|calls|c)$/i.test(w)) return { type: 'call', corrected: false };
  if (/^(?:put|puts|p)$/i.test(w)) return { type: 'put', corrected: false };
  // "CALl", "CAL1", "PUI": OCR slips in the last letters.
  if (/^ca[l1I|]{2}$/i.test(w) || w === '(') return { type: 'call', corrected: true };
  if (/^p[uv][tTl1]$/i.test(w)) return { type: 'put', corrected: true };
  return undefined;
}

/**
 * OCC symbol: root, YYMMDD, C/P, strike × 1000 on 8 digits; spaces, a leading "O:" or "." and
 * look-alike characters tolerated. thinkorswim's ".SPY261218C600" (plain strike) too.
 */
export function readOcc(text: string): Instrument | undefined {
  const compact = text.replace(/\s+/g, '').replace(/^(?:O:|\.|-)/i, '');
  const occ = /^([A-Za-z0-9|]{1,6}?)([0-9OolIiSBZ|]{6})([CcPp(])([0-9OolIiSBZ|]{8})$/.exec(compact) ?? /^([A-Za-z]{1,6})([0-9OolIiSBZ|]{6})([CcPp])([0-9OolIiSBZ|.]{1,8})$/.exec(compact);
  if (!occ) return undefined;
  const [, rootText, dateText, right, strikeText] = occ;
  const root = readSymbol(rootText!.toUpperCase() === rootText ? rootText! : '');
  if (!root) return undefined;
  const date = fixDigitLookalikes(dateText!);
  const strikeDigits = fixDigitLookalikes(strikeText!);
  if (!/^\d{6}$/.test(date.text) || !/^\d+(?:\.\d+)?$/.test(strikeDigits.text)) return undefined;
  const [yy, mm, dd] = [date.text.slice(0, 2), date.text.slice(2, 4), date.text.slice(4, 6)].map(Number) as [number, number, number];
  const expiry = isoDate(2000 + yy, mm, dd);
  if (!expiry) return undefined;
  const strike = strikeText!.length === 8 && !strikeText!.includes('.') ? Number(strikeDigits.text) / 1000 : Number(strikeDigits.text);
  if (!(strike > 0)) return undefined;
  const type = right === 'P' || right === 'p' ? 'put' : 'call';
  return {
    symbol: root.symbol,
    assetType: type,
    strike,
    expiry,
    corrected: { symbol: root.corrected, strike: strikeDigits.corrected, expiry: date.corrected, assetType: right === '(' },
    yearInferred: false,
  };
}

function isoDate(year: number, month: number, day: number): string | undefined {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return undefined;
  return date.toISOString().slice(0, 10);
}

/** Splits a description into words, keeping "$600" and "6,000" whole and "(Weeklys)" as one word. */
function words(text: string): string[] {
  const tokens = text
    .replace(/[\u2013\u2014]/g, ' ')
    .split(/\s+/)
    .filter(Boolean);
  // "15 JAN 27520 PUT": OCR lost the space between the year and the strike.
  const i = tokens.findIndex((t, k) => k > 0 && monthNumber(t) && /^\d{1,2}$/.test(tokens[k - 1]!));
  const merged = tokens[i + 1];
  const numbersAfter = tokens.slice(i + 2).filter((t) => /\d/.test(t)).length;
  if (i > 0 && merged && /^\d{3,}$/.test(merged) && !/^20\d\d$/.test(merged) && numbersAfter === 0) tokens.splice(i + 1, 1, merged.slice(0, 2), merged.slice(2));
  return tokens;
}

/**
 * Reads an instrument description. `today` (YYYY-MM-DD) resolves a date written without a year.
 * Returns undefined when the text names no instrument (a totals row, a heading, noise).
 */
export function parseInstrument(text: string, today: string): Instrument | undefined {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  const occ = readOcc(trimmed) ?? readOcc(trimmed.split(/\s+/).slice(0, 2).join(''));
  if (occ) return occ;

  const tokens = words(trimmed);
  const symbol = tokens[0] === undefined ? undefined : readSymbol(tokens[0]);
  if (!symbol) return undefined;
  const rest = tokens.slice(1).filter((t) => !NOISE.test(t));
  const expiry = findExpiry(rest, today);

  let type: ReturnType<typeof optionType>;
  let typeIndex = -1;
  for (let i = rest.length - 1; i >= 0 && !type; i--) {
    if (expiry && i >= expiry.first && i <= expiry.last) continue;
    type = optionType(rest[i]!);
    if (type) typeIndex = i;
  }
  if (!expiry && !type) {
    // A stock: the ticker alone, or followed by its company name (words without digits).
    return rest.every((t) => !/\d/.test(t)) ? { symbol: symbol.symbol, assetType: 'stock', strike: null, expiry: null, corrected: { symbol: symbol.corrected, strike: false, expiry: false, assetType: false }, yearInferred: false } : undefined;
  }
  if (!expiry || !type) return undefined;

  // The strike: the number nearest the call/put word, not the date, not thinkorswim's "100" multiplier.
  const candidates = rest
    .map((t, i) => ({ i, n: readNumber(t.replace(/^\$/, '')) }))
    .filter((c) => c.i !== typeIndex && (c.i < expiry.first || c.i > expiry.last) && c.n && c.n.value > 0 && !c.n.percent && !c.n.signed);
  const strikes = candidates.filter((c) => !(c.n!.value === 100 && c.i < expiry.first && candidates.some((o) => o.i > c.i)));
  const pick = strikes.sort((a, b) => Math.abs(a.i - typeIndex) - Math.abs(b.i - typeIndex))[0];
  if (!pick) return undefined;
  return {
    symbol: symbol.symbol,
    assetType: type.type,
    strike: pick.n!.value,
    expiry: expiry.iso,
    corrected: { symbol: symbol.corrected, strike: pick.n!.corrected, expiry: expiry.corrected, assetType: type.corrected },
    yearInferred: expiry.yearInferred,
  };
}
