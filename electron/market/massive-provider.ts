import { CoachError } from '../../shared/errors';
import type { Bar, Quote, Timeframe } from '../../shared/schemas/market';
import type { MarketCache } from './cache';
import { marketDate, sessionFor, sessionPhase, sessionsBetween } from './calendar';
import { toCoachError, type IndexSnapshot, type MassiveClient, type StockSnapshot } from './massive-client';
import type { MarketDataProvider } from './provider';
import { isIndexSymbol } from './symbols';

/** Quotes are reused for a minute; bars of the day under way are refetched after the same time. */
export const QUOTE_TTL_MS = 60_000;
const LIVE_BARS_TTL_MS = 60_000;

/**
 * Massive.com behind the SQLite cache: completed days of bars are fetched once and kept, the
 * current day is refreshed when older than a minute, quotes live 60 s.
 */
export class MassiveProvider implements MarketDataProvider {
  readonly source = 'massive' as const;

  constructor(
    private readonly client: MassiveClient,
    private readonly cache: MarketCache,
    private readonly now: () => number = Date.now,
  ) {}

  async bars(symbol: string, timeframe: Timeframe, from: string, to: string): Promise<Bar[]> {
    const now = this.now();
    const sessions = sessionsBetween(from, to < marketDate(now) ? to : marketDate(now));
    const stored = this.cache.days('massive', symbol, timeframe, from, to);
    const stale = sessions.filter((s) => {
      const day = stored.get(s.date);
      return !day || (!day.complete && now - day.fetchedAt >= LIVE_BARS_TTL_MS);
    });
    if (stale.length) {
      const first = stale[0]!.date;
      const last = stale[stale.length - 1]!.date;
      const bars = await this.fetch(() => this.client.aggregates(symbol, timeframe, first, last));
      if (!bars.length && stored.size === 0 && sessions.length === stale.length) {
        throw new CoachError('not_found', `Massive.com has no ${timeframe} bars for ${symbol} from ${first} to ${last}; check the symbol`);
      }
      const refreshed = sessionsBetween(first, last).map((s) => ({ date: s.date, complete: now >= s.afterClose }));
      this.cache.putDays('massive', symbol, timeframe, refreshed, bars, now);
    }
    return this.cache.bars('massive', symbol, timeframe, from, to);
  }

  async quote(symbol: string): Promise<Quote> {
    const [quote] = await this.snapshot([symbol]);
    if (!quote) throw new CoachError('not_found', `Massive.com has no quote for ${symbol}; check the symbol`);
    return quote;
  }

  async snapshot(symbols: string[]): Promise<Quote[]> {
    const now = this.now();
    const cached = new Map<string, Quote>();
    for (const symbol of symbols) {
      const quote = this.cache.quote(symbol, QUOTE_TTL_MS, now);
      if (quote) cached.set(symbol, quote);
    }
    const missing = symbols.filter((s) => !cached.has(s));
    if (missing.length) {
      const session = sessionPhase(sessionFor(now), now);
      const [indices, stocks] = await this.fetch(() =>
        Promise.all([this.client.indexSnapshots(missing.filter(isIndexSymbol)), this.client.stockSnapshots(missing.filter((s) => !isIndexSymbol(s)))]),
      );
      const fresh = [...indices.map((s) => fromIndex(s, session, now)), ...stocks.map((s) => fromStock(s, session, now))];
      for (const quote of fresh) {
        if (!quote) continue;
        this.cache.putQuote(quote, now);
        cached.set(quote.symbol, quote);
      }
    }
    return symbols.flatMap((s) => cached.get(s) ?? []);
  }

  private async fetch<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (error) {
      throw toCoachError(error);
    }
  }
}

/** Massive stamps snapshots in nanoseconds. */
const nsToMs = (ns: number | undefined, fallback: number) => (ns ? Math.floor(ns / 1e6) : fallback);
const round = (v: number) => Math.round(v * 1e4) / 1e4;

function fromStock(s: StockSnapshot, session: Quote['session'], now: number): Quote | undefined {
  const last = s.lastTrade?.p ?? s.min?.c ?? s.day?.c;
  const prevClose = s.prevDay?.c;
  if (last === undefined || prevClose === undefined || prevClose === 0) return undefined;
  const change = s.todaysChange ?? last - prevClose;
  return {
    symbol: s.ticker,
    last,
    change: round(change),
    changePercent: round(s.todaysChangePerc ?? (change / prevClose) * 100),
    prevClose,
    session,
    time: nsToMs(s.lastTrade?.t ?? s.updated, now),
    source: 'massive',
  };
}

function fromIndex(s: IndexSnapshot, session: Quote['session'], now: number): Quote | undefined {
  const prevClose = s.session?.previous_close;
  if (s.error || s.value === undefined || prevClose === undefined || prevClose === 0) return undefined;
  const change = s.session?.change ?? s.value - prevClose;
  return {
    symbol: s.ticker.replace(/^I:/, ''),
    last: s.value,
    change: round(change),
    changePercent: round(s.session?.change_percent ?? (change / prevClose) * 100),
    prevClose,
    session,
    time: nsToMs(s.last_updated, now),
    source: 'massive',
  };
}
