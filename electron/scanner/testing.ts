import type { ChainContract, OptionChain, StrikeRow } from '../../shared/schemas/chains';
import type { Bar, TradingSession } from '../../shared/schemas/market';
import { CoachError } from '../../shared/errors';
import { marketDate, previousSession, sessionFor } from '../market/calendar';
import type { DatedBar } from '../levels/session-levels';
import { Gate } from '../testing/gate';
import type { ScanDataSource, SymbolInputs } from './engine';
import type { OptionsInput, TechnicalInput } from './inputs';

const MINUTE_MS = 60_000;

/** Tuesday 2026-12-01, a full session (09:30–16:00 New York = 14:30–21:00 UTC). */
export const DATE = '2026-12-01';
export const SESSION: TradingSession = sessionFor(DATE)!;

/** The instant `minutes` after the session's 09:30 open. */
export const atMinute = (minutes: number, session: TradingSession = SESSION): number => session.open + minutes * MINUTE_MS;

/** A bar from its prices; `high`/`low` default to the open–close span. */
export function bar(time: number, open: number, close: number, options: { high?: number; low?: number; volume?: number } = {}): Bar {
  return { time, open, high: options.high ?? Math.max(open, close), low: options.low ?? Math.min(open, close), close, volume: options.volume ?? 1000 };
}

/** A flat bar (open = high = low = close): its typical price is the close, which keeps VWAP sums by hand simple. */
export const flat = (time: number, price: number, volume = 1000): Bar => ({ time, open: price, high: price, low: price, close: price, volume });

/** One regular bar a minute from 09:30, each made by `make(i)` at minute i. */
export function minutes(count: number, make: (i: number, time: number) => Bar, session: TradingSession = SESSION): Bar[] {
  return Array.from({ length: count }, (_, i) => make(i, atMinute(i, session)));
}

/** `count` daily bars for the sessions before `date`, oldest first, each from `make(i)` (i = 0 the oldest). */
export function dailyBars(count: number, make: (i: number) => { open?: number; high: number; low: number; close: number; volume?: number }, date = DATE): DatedBar[] {
  const sessions: TradingSession[] = [];
  for (let s = previousSession(date); sessions.length < count; s = previousSession(s.date)) sessions.unshift(s);
  return sessions.map((session, i) => {
    const b = make(i);
    return { date: session.date, time: session.preOpen - 4 * 3_600_000, open: b.open ?? b.close, high: b.high, low: b.low, close: b.close, volume: b.volume ?? 1_000_000 };
  });
}

/** A technical input with nothing in it but what the test gives. */
export function technicalInput(input: Partial<TechnicalInput> & { last: number }): TechnicalInput {
  return { symbol: 'SPY', date: DATE, session: SESSION, regular: [], priorSessions: [], daily: [], dailyAtr: null, levels: new Map(), ...input };
}

/** A chain contract with the given fields; the rest plausible and unused by the scans. */
export function contract(right: 'call' | 'put', strike: number, fields: Partial<ChainContract> = {}): ChainContract {
  return {
    symbol: `SPY261231${right === 'call' ? 'C' : 'P'}${String(strike * 1000).padStart(8, '0')}`,
    right,
    strike,
    expiry: '2026-12-31',
    bid: 0,
    ask: 0,
    mid: 0,
    last: null,
    volume: 0,
    openInterest: 0,
    iv: 0.2,
    delta: right === 'call' ? 0.5 : -0.5,
    gamma: 0,
    theta: 0,
    vega: 0,
    rho: 0,
    inTheMoney: false,
    ...fields,
  };
}

/** A chain of SPY at `spot` with the given rows, expiring 2026-12-31 (30 days after 12-01). */
export function chainOf(rows: StrikeRow[], fields: Partial<OptionChain> = {}): OptionChain {
  const expiry = fields.expiry ?? { date: '2026-12-31', daysToExpiry: 30, settlement: 'PM' as const, kind: 'monthly' as const };
  return {
    underlying: 'SPY',
    spot: 100,
    asOf: atMinute(60),
    source: 'simulated',
    rate: 0.04,
    dividendYield: 0,
    style: 'american',
    multiplier: 100,
    expirations: [expiry],
    expiry,
    yearsToExpiry: 30 / 365,
    atTheMoneyStrike: 100,
    strikes: [...rows].sort((a, b) => a.strike - b.strike),
    ...fields,
  };
}

export function optionsInput(chain: OptionChain, input: Partial<OptionsInput> = {}): OptionsInput {
  return { symbol: 'SPY', date: DATE, now: atMinute(60), session: SESSION, chain, daily: [], dailyAtr: null, ...input };
}

/** Scan inputs a test sets per symbol (made at each load from the clock's session date), or a failure; counts loads. */
export class ScriptedScanData implements ScanDataSource {
  readonly loads: { symbol: string; withOptions: boolean; at: number }[] = [];
  private readonly gate = new Gate();
  private readonly inputs = new Map<string, (date: string) => SymbolInputs>();
  private readonly failures = new Map<string, Error>();

  constructor(private readonly clock: () => number) {}

  set(symbol: string, make: (date: string) => SymbolInputs): this {
    this.inputs.set(symbol, make);
    this.failures.delete(symbol);
    return this;
  }

  fail(symbol: string, error = new Error(`No data for ${symbol}`)): this {
    this.failures.set(symbol, error);
    return this;
  }

  /** Loads wait until the returned function is called. */
  hold(): () => void {
    return this.gate.hold();
  }

  async load(symbol: string, withOptions: boolean): Promise<SymbolInputs> {
    this.loads.push({ symbol, withOptions, at: this.clock() });
    await this.gate.pass();
    const failure = this.failures.get(symbol);
    if (failure) throw failure;
    const make = this.inputs.get(symbol);
    if (!make) throw new CoachError('not_found', `Unknown symbol ${symbol}`);
    return make(marketDate(this.clock()));
  }
}

/** Inputs on which the gap scan fires: the prior close 100 and `last` before the open (a gap of last − 100 %). */
export function gapInputs(symbol: string, last: number): (date: string) => SymbolInputs {
  return (date) => {
    const session = sessionFor(date) ?? previousSession(date);
    return { technical: technicalInput({ symbol, date: session.date, session, last, daily: dailyBars(1, () => ({ high: 101, low: 99, close: 100 }), session.date) }), options: null };
  };
}
