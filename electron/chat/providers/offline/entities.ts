import { SYMBOLS } from '../../../market/symbols';
import { findDates, findPeriod, type Period } from './dates';

/**
 * The things a trader's message names: symbols ("spx", "$NDX"), option contracts ("6000c",
 * "the spy 600 put", "short 2 spx 5900p"), expiries ("0dte", "friday", "dec 19", "jan 2028"),
 * periods ("this month"), bar sizes ("5m bars"), counts ("last 5 trades"), key-level names ("PDH")
 * and ids. Pure: text and the instant it is read at in, entities out.
 */

export type Right = 'call' | 'put';
export type BarSize = '1m' | '5m' | '15m' | '1h' | '1d';

export interface ContractRef {
  strike: number;
  right: Right | null;
  /** "long"/"buy" or "short"/"sell" written before it. */
  side: 'long' | 'short' | null;
  /** Contracts written before it ("2 spx 6000c", "+2", "-1"); a minus sign also makes it short. */
  quantity: number | null;
  /** The expiry written next to this contract, when several are mentioned. */
  expiry: string | null;
  /** Its entry price, written after it ("short 2 spy 575c dec 4 @ 0.40"). */
  price: number | null;
}

export interface Entities {
  symbols: string[];
  contracts: ContractRef[];
  /** "calls" / "puts" said without a strike ("and the puts?"). */
  right: Right | null;
  /** Dates in reading order (YYYY-MM-DD). */
  dates: string[];
  zeroDte: boolean;
  period: Period | null;
  barSize: BarSize | null;
  /** Look-back in days ("last 5 days", "this week" = 5). */
  days: number | null;
  /** How many of something: "last 5 trades", "20 strikes". */
  count: number | null;
  quantity: number | null;
  /** Entry price per share: "@ 12.5", "bought at 30", "paid 4.20". */
  price: number | null;
  /** A key level by the levels engine's name (PDH, VWAP, R1 (classic), ORH 15m...). */
  level: string | null;
  /** Position or alert ids (UUIDs). */
  ids: string[];
  /** Numbers left once everything above took its own. */
  numbers: number[];
}

/** Names people use for the symbols the app knows. */
const ALIASES: Record<string, string> = {
  'sp500': 'SPX', 's&p': 'SPX', 's&p500': 'SPX', 'nasdaq': 'NDX', 'nq': 'NDX', 'russell': 'RUT', 'dow': 'DIA',
  'apple': 'AAPL', 'microsoft': 'MSFT', 'nvidia': 'NVDA', 'amazon': 'AMZN', 'google': 'GOOGL', 'alphabet': 'GOOGL', 'facebook': 'META',
  'tesla': 'TSLA', 'netflix': 'NFLX',
};
const KNOWN = new Set([...SYMBOLS.map((s) => s.symbol), 'XSP', 'GOOG']);
/** Tickers that are everyday words ("what's moving now", "the low", "cost"): tickers only when typed in capitals or after "$". */
const WORD_TICKERS = new Set(['NOW', 'LOW', 'COST', 'CAT', 'T', 'C', 'V', 'MA', 'MS', 'PM', 'DE', 'GE', 'HD', 'KO', 'MO', 'DIS', 'BA', 'COP', 'PEP', 'HON', 'MU']);
/** Capitalised words that are trading jargon, not tickers. */
const NOT_TICKERS = new Set([
  'I', 'A', 'AM', 'PM', 'ET', 'PDH', 'PDL', 'PDC', 'PMH', 'PML', 'PWH', 'PWL', 'ORH', 'ORL', 'HOD', 'LOD', 'VWAP', 'ATR', 'ATM', 'ITM', 'OTM',
  'IV', 'DTE', 'FOMC', 'FED', 'CPI', 'NFP', 'PNL', 'LEAPS', 'OI', 'OK', 'US', 'USD', 'YTD', 'MTD', 'WTD', 'EOD', 'PP', 'RSI', 'EMA', 'SMA',
  'MACD', 'GDP', 'PCE', 'PPI', 'ORB', 'RVOL', 'HV', 'RV', 'UOA', 'ID', 'DEC', 'JAN', 'CALL', 'PUT', 'HI', 'HEY', 'THE', 'AND', 'OR', 'ON', 'AT', 'FOR', 'IS', 'IT', 'MY', 'ME',
]);

const UUID = /\b[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/g;
const CONTRACT = /(\d+(?:\.\d+)?)\s*-?\s*(c|p|calls?|puts?)\b/g;
const SIDE_WORDS: Record<string, 'long' | 'short'> = { long: 'long', buy: 'long', bought: 'long', own: 'long', short: 'short', sell: 'short', sold: 'short', wrote: 'short' };

/** Lower case, curly quotes straightened, thousands separators and "6k" written out. */
export function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/(\d),(?=\d{3}\b)/g, '$1')
    .replace(/\b(\d+(?:\.\d+)?)k\b/g, (_m, n: string) => String(Number(n) * 1000))
    .replace(/\s+/g, ' ')
    .trim();
}

/** Symbols in reading order, each once: "$XYZ", known tickers and their names, and upper-case tickers as typed. */
export function findSymbols(original: string): string[] {
  const found: string[] = [];
  // A message typed in capitals ("SHOW MY ALERTS") says nothing about which words are tickers.
  const letters = original.replace(/[^A-Za-z]/g, '');
  const shouting = letters.replace(/[^A-Z]/g, '').length > 0.6 * letters.length;
  const add = (symbol: string) => {
    if (!found.includes(symbol)) found.push(symbol);
  };
  for (const m of original.matchAll(/(\$)?\b([A-Za-z][A-Za-z.&0-9]{0,9})\b/g)) {
    const word = m[2]!.replace(/\.$/, '');
    const upper = word.toUpperCase();
    const lower = word.toLowerCase();
    if (m[1] && /^[A-Z][A-Z0-9.]{0,9}$/.test(upper)) add(upper);
    else if (KNOWN.has(upper) && !/^\d/.test(upper) && (!WORD_TICKERS.has(upper) || (word === upper && !shouting))) add(upper);
    else if (ALIASES[lower]) add(ALIASES[lower]);
    else if (!shouting && word === upper && /^[A-Z]{2,5}$/.test(word) && !NOT_TICKERS.has(word)) add(word);
  }
  return found;
}

/** Blank out a matched span so that its digits are not read again as another entity. */
function blank(text: string, index: number, length: number): string {
  return text.slice(0, index) + ' '.repeat(length) + text.slice(index + length);
}

function take(text: string, pattern: RegExp, onMatch: (m: RegExpExecArray) => boolean | void): string {
  let rest = text;
  for (const m of text.matchAll(pattern)) {
    if (onMatch(m as RegExpExecArray) !== false) rest = blank(rest, m.index, m[0].length);
  }
  return rest;
}

/** Side and size written just before a contract: "short 2 spx", "+3", "buy 1x spy". */
function sideAndSize(before: string): { side: ContractRef['side']; quantity: number | null } {
  const words = before.trim().split(' ').slice(-4);
  let side: ContractRef['side'] = null;
  let quantity: number | null = null;
  for (const word of words) {
    if (SIDE_WORDS[word]) side = SIDE_WORDS[word];
    const size = /^([+-]?)(\d{1,4})x?$|^x(\d{1,4})$/.exec(word);
    if (size) {
      quantity = Number(size[2] ?? size[3]);
      if (size[1] === '-') side = 'short';
      if (size[1] === '+') side = 'long';
    }
  }
  return { side, quantity };
}

const BAR_SIZES: [RegExp, BarSize | null][] = [
  [/\b(1|5|15|30|60)\s*-?\s*(?:m|mins?|minutes?)\b/g, null],
  [/\b(?:1\s*-?\s*h(?:ou)?r?|one\s+hour|hourly|60\s*m)\b/g, '1h'],
  [/\b(?:daily|1\s*d|(?:1\s+)?day\s+(?:bars|candles))\b/g, '1d'],
];

/** A key level by its name in the levels engine, from what traders type. */
export function findLevel(text: string): string | null {
  const span = '(?:day\'?s?\\s+)?';
  const prior = `(?:prior|previous|prev|yesterday'?s?|last\\s+day'?s?)\\s+${span}`;
  const simple: [RegExp, string][] = [
    [new RegExp(`\\bpdh\\b|\\b${prior}high\\b`), 'PDH'],
    [new RegExp(`\\bpdl\\b|\\b${prior}low\\b`), 'PDL'],
    [new RegExp(`\\bpdc\\b|\\b${prior}close\\b`), 'PDC'],
    [/\bpmh\b|\bpre-?\s?market\s+high\b/, 'PMH'],
    [/\bpml\b|\bpre-?\s?market\s+low\b/, 'PML'],
    [/\bpwh\b|\b(?:prior|previous|last)\s+week'?s?\s+high\b/, 'PWH'],
    [/\bpwl\b|\b(?:prior|previous|last)\s+week'?s?\s+low\b/, 'PWL'],
    [/\bpmoh\b|\b(?:prior|previous|last)\s+month'?s?\s+high\b/, 'PMoH'],
    [/\bpmol\b|\b(?:prior|previous|last)\s+month'?s?\s+low\b/, 'PMoL'],
    [/\batr\s+high\b/, 'ATR high'],
    [/\batr\s+low\b/, 'ATR low'],
    [/\bvwap\b/, 'VWAP'],
  ];
  for (const [pattern, name] of simple) if (pattern.test(text)) return name;
  const range = /\b(?:(5|15|30)\s*-?\s*m(?:in)?\s+)?(orh|orl|opening\s+range\s+(?:high|low))(?:\s+(5|15|30)\s*-?\s*m(?:in)?)?\b/.exec(text);
  if (range) return `${range[2]!.startsWith('orh') || range[2]!.endsWith('high') ? 'ORH' : 'ORL'} ${range[1] ?? range[3] ?? '15'}m`;
  const pivot = /\b(?:(classic|fib|fibonacci|camarilla|woodie)\s+)?(r|s)([1-4])\b(?:\s*\(?(classic|fib|fibonacci|camarilla|woodie)\)?)?/.exec(text);
  if (pivot) {
    const method = (pivot[1] ?? pivot[4] ?? (pivot[3] === '4' ? 'camarilla' : 'classic')).replace(/^fib$/, 'fibonacci');
    return `${pivot[2]!.toUpperCase()}${pivot[3]} (${method})`;
  }
  return /\b(?:the\s+)?(?:daily\s+)?pivot(?:\s+point)?\b/.test(text) ? 'P (classic)' : null;
}

/** Everything `text` names, read at `now` (dates resolve in New York). */
export function extractEntities(text: string, now: number): Entities {
  const original = text;
  let rest = normalize(text);
  const ids: string[] = [];
  rest = take(rest, UUID, (m) => void ids.push(m[0]));

  const level = findLevel(rest);
  const period = findPeriod(rest, now);
  let zeroDte = false;
  rest = take(rest, /\b(?:0|zero)\s*-?\s*dte\b|\bsame[- ]day\s+expiry\b/g, () => void (zeroDte = true));

  const dateMatches = findDates(rest, now);
  for (const d of [...dateMatches].reverse()) rest = blank(rest, d.index, d.length);

  let barSize: BarSize | null = null;
  for (const [pattern, size] of BAR_SIZES) {
    rest = take(rest, pattern, (m) => {
      const minutes = m[1];
      const found: BarSize | null = size ?? (minutes === '60' ? '1h' : minutes === '30' ? null : (`${minutes}m` as BarSize));
      if (found && !barSize) barSize = found;
    });
  }

  let days: number | null = /\bthis\s+week\b/.test(rest) ? 5 : /\btoday\b/.test(normalize(text)) ? 1 : null;
  rest = take(rest, /\b(?:last|past|previous)?\s*(\d{1,3})\s+(?:trading\s+)?days?\b/g, (m) => void (days = Number(m[1])));

  let count: number | null = null;
  rest = take(rest, /\b(\d{1,3})\s+(?:strikes|trades|alerts|positions)\b|\b(?:last|past|recent|latest|top|first)\s+(\d{1,3})\b/g, (m) => void (count ??= Number(m[1] ?? m[2])));

  let quantity: number | null = null;
  rest = take(rest, /\b(\d{1,4})\s*(?:contracts?|lots?|cons)\b|\bx\s?(\d{1,4})\b|\b(\d{1,4})x\b|\bqty:?\s*(\d{1,4})\b/g, (m) => void (quantity ??= Number(m[1] ?? m[2] ?? m[3] ?? m[4])));

  const prices: { index: number; value: number }[] = [];
  rest = take(rest, /(?:@|\b(?:bought|sold|entered|filled|opened)\s+(?:it\s+)?(?:at|for|@)|\b(?:paid|entry|cost\s+basis|premium)(?:\s+(?:at|of|was|is))?)\s*\$?(\d+(?:\.\d+)?)/g, (m) => void prices.push({ index: m.index, value: Number(m[1]) }));

  // "at 25" is an entry price only right after a contract (elsewhere it is an alert's price).
  const atPrices = [...rest.matchAll(/\bat\s+\$?(\d+(?:\.\d+)?)(?!\s*(?:c|p|calls?|puts?)\b)/g)].map((m) => ({ index: m.index, value: Number(m[1]) }));
  const matches = [...rest.matchAll(CONTRACT)];
  const contracts: ContractRef[] = matches.map((m, i) => {
    const { side, quantity: size } = sideAndSize(rest.slice(0, m.index));
    const after = dateMatches.find((d) => d.index >= m.index + m[0].length && d.index - (m.index + m[0].length) <= 3);
    const before = [...dateMatches].reverse().find((d) => d.index + d.length <= m.index && m.index - (d.index + d.length) <= 3);
    // Its price is one written after it and before the next contract ("long 600c @ 1.50, short 610c at 0.40").
    const end = matches[i + 1]?.index ?? Infinity;
    const price = [...prices, ...atPrices].find((p) => p.index > m.index && p.index < end)?.value ?? null;
    return { strike: Number(m[1]), right: m[2]!.startsWith('c') ? 'call' : 'put', side, quantity: size, expiry: (after ?? before)?.date ?? null, price };
  });
  for (const m of matches) rest = blank(rest, m.index, m[0].length);
  rest = take(rest, /\bstrike\s+(\d+(?:\.\d+)?)\b|\b(\d+(?:\.\d+)?)\s+strike\b/g, (m) => {
    contracts.push({ strike: Number(m[1] ?? m[2]), right: null, side: null, quantity: null, expiry: null, price: null });
  });

  const loneRight = /\b(calls?|puts?)\b/.exec(rest);

  const numbers = [...rest.matchAll(/(?<!\w|\d\.)\$?(\d+(?:\.\d+)?)(?!\w|\.\d)/g)].map((m) => Number(m[1]));
  return {
    symbols: findSymbols(original),
    contracts,
    right: loneRight ? (loneRight[1]!.startsWith('c') ? 'call' : 'put') : null,
    dates: dateMatches.map((d) => d.date),
    zeroDte,
    period,
    barSize,
    days,
    count,
    quantity,
    price: prices[0]?.value ?? null,
    level,
    ids,
    numbers,
  };
}

