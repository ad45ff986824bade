import { marketDate, previousSession, sessionFor } from '../../../market/calendar';
import type { IntentKind } from './classify';
import type { ContractRef, Entities } from './entities';
import { readScanRequest } from './scan-request';

/**
 * The arguments of each chat function (names and shapes of /work/chat-functions-spec.md, as the
 * registry's zod schemas take them) from what a message named, or the question to ask when
 * something needed is missing. Only what the user said is sent: the functions own their defaults.
 */

export interface PlannedCall {
  name: string;
  arguments: Record<string, unknown>;
  /** What the answer should lead with ('support', 'PDH', 'delta', 'fomc', 'winRate'...). */
  focus: string | null;
}

export type Built = { calls: PlannedCall[] } | { question: string };

/** One position the session's context holds (from a screenshot): legs as analyze_position takes them. */
export interface ContextPosition {
  underlying: string;
  legs: Record<string, unknown>[];
  /** The mark the broker showed for each leg (share price for stock), null where it showed none. */
  brokerMarks: (number | null)[];
  /** The open P&L the broker showed for these legs, when it showed one for each. */
  brokerPnl?: number;
}

export interface BuildInput {
  intent: IntentKind;
  focus: string | null;
  /** The message, normalised (conditions like "goes above" are read from it). */
  text: string;
  entities: Entities;
  /** The roll's target ("... to jan 16 2027"), read apart from the contract rolled. */
  target: Entities | null;
  /** The symbol to use when the message named none (earlier messages, context, profile). */
  fallbackSymbol: string | null;
  contextPositions: readonly ContextPosition[];
  now: number;
}

/** At most this many symbols are looked up for one message ("levels for spx, ndx and spy"). */
const MAX_SYMBOLS = 4;

const INTRADAY = ['1m', '5m', '15m', '1h'];

/** '0dte', the first date written, or null. */
function expiryOf(e: Entities): string | null {
  return e.zeroDte ? '0dte' : (e.dates[0] ?? null);
}

/** A real date for a leg: '0dte' means today. */
function legExpiry(contract: ContractRef, e: Entities, now: number): string | null {
  const expiry = contract.expiry ?? expiryOf(e);
  return expiry === '0dte' ? marketDate(now) : expiry;
}

/** Drops the keys the user did not give. */
function given(args: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(args).filter(([, value]) => value !== null && value !== undefined));
}

const call = (name: string, args: Record<string, unknown>, focus: string | null = null): PlannedCall => ({ name, arguments: given(args), focus });

/** The levels of a session: a weekend or holiday asked for means the session before it. */
function sessionDate(date: string | undefined): string | undefined {
  if (!date) return undefined;
  return sessionFor(date) ? date : previousSession(date).date;
}

/** What an alert waits for: a cross by default; "above"/"below" alone, or a move across with a verb. */
export function alertCondition(text: string): 'above' | 'below' | 'crosses_above' | 'crosses_below' | 'crosses' {
  const moving = /\b(?:cross\w*|break\w*|broke|goes|go|gets?|moves?|rises?|rallies|climbs?|push\w*|drops?|falls?|dips?|sinks?|trades?|runs?|pops?)\b/.test(text);
  if (/\b(?:above|over|higher\s+than|past)\b/.test(text)) return moving ? 'crosses_above' : 'above';
  if (/\b(?:below|under|beneath|lower\s+than)\b/.test(text)) return moving ? 'crosses_below' : 'below';
  if (/\b(?:loses?|lost|breaks?\s+down)\b/.test(text)) return 'crosses_below';
  if (/\b(?:reclaims?|breaks?\s+out)\b/.test(text)) return 'crosses_above';
  return 'crosses';
}

function alertStatus(text: string): string | undefined {
  if (/\b(?:triggered|fired|hit|went\s+off)\b/.test(text)) return 'triggered';
  if (/\bcancel+ed\b/.test(text)) return 'cancelled';
  if (/\bexpired\b/.test(text)) return 'expired';
  if (/\b(?:all|every|history|past|old)\b/.test(text)) return 'all';
  return undefined;
}

const EXAMPLE = {
  symbol: 'Which symbol? For example "key levels for SPX".',
  contract: 'Which contract? Give the strike and call or put, for example "greeks on SPX 6000c 0dte" or "delta of the SPY 600 put Dec 19".',
  right: 'Call or put? For example "6000c" or "6000 put".',
};

/** The plan for one request, or the question that gets what is missing. */
export function buildCalls(input: BuildInput): Built {
  const { entities: e, text } = input;
  const symbols = e.symbols.length ? e.symbols.slice(0, MAX_SYMBOLS) : input.fallbackSymbol ? [input.fallbackSymbol] : [];
  const symbol = symbols[0] ?? null;
  const needsSymbol = (make: (symbol: string) => PlannedCall): Built => (symbols.length ? { calls: symbols.map(make) } : { question: EXAMPLE.symbol });
  // "gamma of spx 6000": a bare number stands for the strike of a contract request.
  const contract = e.contracts[0] ?? (e.numbers[0] ? { strike: e.numbers[0], right: null, side: null, quantity: null, expiry: null, price: null } : undefined);
  const right = contract?.right ?? e.right;

  switch (input.intent) {
    case 'levels':
      return needsSymbol((s) => call('get_key_levels', { symbol: s, timeframe: INTRADAY.includes(e.barSize ?? '') ? e.barSize : null, date: sessionDate(e.dates[0]) }, input.focus));
    case 'status':
      return { calls: [call('get_market_status', {}, input.focus)] };
    case 'price':
      return needsSymbol((s) => call('get_current_price', { symbol: s }));
    case 'chart':
      return needsSymbol((s) => call('get_chart_data', { symbol: s, timeframe: e.barSize, days: e.days ?? (e.period?.label === 'yesterday' ? 2 : null) }));
    case 'chain':
      return needsSymbol((s) => call('get_options_chain', { symbol: s, expiry: expiryOf(e), strikes: e.count }));
    case 'greeks': {
      if (!symbol) return { question: EXAMPLE.symbol };
      if (!contract) return { question: EXAMPLE.contract };
      if (!right) return { question: EXAMPLE.right };
      const expiry = contract.expiry ?? expiryOf(e);
      return { calls: [call('get_option_greeks', { symbol, strike: contract.strike, right, expiry }, input.focus)] };
    }
    case 'position':
      return positionCalls(input, symbol);
    case 'portfolio':
      return input.contextPositions.length ? contextCalls(input) : { calls: [call('analyze_portfolio', {}, input.focus)] };
    case 'set_alert': {
      if (!symbol) return { question: 'Which symbol should the alert watch? For example "alert me when SPX crosses 6000".' };
      if (e.contracts.some((c) => c.right)) return { question: `Alerts watch the price of ${symbol} itself, not an option's premium. Give a price or a key level of ${symbol}, for example "alert me when ${symbol} crosses ${e.contracts[0]!.strike}".` };
      const level = e.level;
      const price = level ? null : (e.numbers[0] ?? null);
      if (!level && price === null) return { question: `At what price or key level? For example "alert me when ${symbol} crosses ${symbol === 'SPX' ? '6000' : 'a price'}" or "set an alert at PDH on ${symbol}".` };
      return { calls: [call('set_alert', { symbol, condition: alertCondition(text), price, level })] };
    }
    case 'list_alerts':
      return { calls: [call('get_alerts', { status: alertStatus(text), symbol: e.symbols[0] })] };
    case 'cancel_alert':
      if (e.ids[0]) return { calls: [call('cancel_alert', { alertId: e.ids[0] })] };
      if (!e.symbols[0]) return { question: 'Which alerts should I cancel? Name the symbol ("cancel my SPX alerts"), a price ("cancel the SPY 600 alert"), or an alert id. "Show my alerts" lists them.' };
      return { calls: [call('cancel_alert', { symbol: e.symbols[0], price: e.numbers[0] })] };
    case 'trades':
      return { calls: [call('get_trade_history', { symbol: e.symbols[0], from: e.period?.from, to: e.period?.to, limit: e.count })] };
    case 'journal_stats':
      return { calls: [call('analyze_trade_history', { symbol: e.symbols[0], from: e.period?.from, to: e.period?.to }, input.focus)] };
    case 'leaps':
      return leapsCalls(input, symbol);
    case 'roll':
      return rollCalls(input, symbol);
    case 'macro':
      return { calls: [call('get_macro_context', {}, input.focus)] };
    case 'scan': {
      const { scans, kind } = readScanRequest(text);
      return { calls: [call('scan_opportunities', { scans, symbols: e.symbols.length ? e.symbols : null, limit: e.count, kind }, input.focus)] };
    }
  }
}

/** A stored position by id, a position described in the message, else the context's or the whole book. */
function positionCalls(input: BuildInput, symbol: string | null): Built {
  const e = input.entities;
  if (e.ids[0]) return { calls: [call('analyze_position', { positionId: e.ids[0] })] };
  if (!e.contracts.length) return input.contextPositions.length ? contextCalls(input) : { calls: [call('analyze_portfolio', {}, input.focus)] };
  if (!symbol) return { question: 'Which underlying is the position on? For example "analyze long SPY 600c Dec 19".' };
  const legs: Record<string, unknown>[] = [];
  for (const contract of e.contracts) {
    const right = contract.right ?? e.right;
    const expiry = legExpiry(contract, e, input.now);
    if (!right) return { question: EXAMPLE.right };
    if (!expiry) return { question: `Which expiry is the ${contract.strike} ${right} on? For example "Dec 19" or "0DTE".` };
    const size = contract.quantity ?? (e.contracts.length === 1 ? e.quantity : null) ?? 1;
    legs.push(given({ right, strike: contract.strike, expiry, quantity: contract.side === 'short' ? -size : size, price: contract.price ?? (e.contracts.length === 1 ? e.price : null) }));
  }
  return { calls: [call('analyze_position', { underlying: symbol, legs }, input.focus)] };
}

function contextCalls(input: BuildInput): Built {
  return { calls: input.contextPositions.map((p) => call('analyze_position', { underlying: p.underlying, legs: p.legs }, input.focus)) };
}

/** The contract a LEAPS or roll request is about, or what is missing from it. */
function heldContract(e: Entities, symbol: string | null, what: string): { strike: number; right: string; expiry: string } | { question: string } {
  const contract = e.contracts[0];
  if (!symbol) return { question: EXAMPLE.symbol };
  if (!contract) return { question: `Which contract should I ${what}? For example "${what} my SPY 650c Jan 2028".` };
  const right = contract.right ?? e.right;
  if (!right) return { question: EXAMPLE.right };
  const expiry = contract.expiry ?? e.dates[0];
  if (!expiry) return { question: `Which expiry is the ${symbol} ${contract.strike} ${right} on? For example "Jan 2028" or "2027-01-15".` };
  return { strike: contract.strike, right, expiry };
}

function leapsCalls(input: BuildInput, symbol: string | null): Built {
  const e = input.entities;
  const held = heldContract(e, symbol, 'project');
  if ('question' in held) return held;
  const contract = e.contracts[0]!;
  return { calls: [call('project_leaps', { symbol, right: held.right, strike: held.strike, expiry: held.expiry, quantity: contract.quantity ?? e.quantity, price: contract.price ?? e.price })] };
}

function rollCalls(input: BuildInput, symbol: string | null): Built {
  const e = input.entities;
  const held = heldContract(e, symbol, 'roll');
  if ('question' in held) return held;
  const target = input.target;
  const newStrike = target?.contracts[0]?.strike ?? target?.numbers[0] ?? null;
  const newExpiry = target?.dates[0] ?? (newStrike !== null ? held.expiry : null);
  if (!newExpiry) return { question: `Roll the ${symbol} ${held.strike} ${held.right} to which expiry (and strike)? For example "roll my ${symbol} ${held.strike}${held.right[0]} to Jan 16 2027" or "to the ${held.strike + (held.right === 'call' ? 10 : -10)} strike".` };
  return {
    calls: [
      call('calculate_roll', { symbol, right: held.right, strike: held.strike, expiry: held.expiry, newStrike: newStrike === held.strike ? null : newStrike, newExpiry, quantity: e.contracts[0]!.quantity ?? e.quantity, price: e.contracts[0]!.price ?? e.price }),
    ],
  };
}
