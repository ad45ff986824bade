import type { Bar, Quote, Timeframe } from '../../shared/schemas/market';
import type { Database } from '../db/database';
import { addDays } from './calendar';
import { dailyBarTime } from './resample';

type StoredSource = 'massive' | 'csv';

export interface StoredDay {
  complete: boolean;
  fetchedAt: number;
}

/** Market data in SQLite: bars by (source, symbol, timeframe) with the dates they cover, and quotes. */
export class MarketCache {
  constructor(private readonly db: Database) {}

  quote(symbol: string, maxAgeMs: number, now: number): Quote | undefined {
    const row = this.db.prepare<{ quote: string; fetched_at: number }>('SELECT quote, fetched_at FROM market_quotes WHERE symbol = ?').get(symbol);
    return row && now - row.fetched_at < maxAgeMs ? (JSON.parse(row.quote) as Quote) : undefined;
  }

  putQuote(quote: Quote, now: number): void {
    this.db
      .prepare('INSERT INTO market_quotes (symbol, quote, fetched_at) VALUES (?, ?, ?) ON CONFLICT(symbol) DO UPDATE SET quote = excluded.quote, fetched_at = excluded.fetched_at')
      .run(quote.symbol, JSON.stringify(quote), now);
  }

  days(source: StoredSource, symbol: string, timeframe: Timeframe, from: string, to: string): Map<string, StoredDay> {
    const rows = this.db
      .prepare<{ date: string; complete: number; fetched_at: number }>(
        'SELECT date, complete, fetched_at FROM market_bar_days WHERE source = ? AND symbol = ? AND timeframe = ? AND date BETWEEN ? AND ?',
      )
      .all(source, symbol, timeframe, from, to);
    return new Map(rows.map((r) => [r.date, { complete: r.complete === 1, fetchedAt: r.fetched_at }]));
  }

  /** Replaces the bars of each listed date with `bars` (those falling on it) and records the dates. */
  putDays(source: StoredSource, symbol: string, timeframe: Timeframe, dates: { date: string; complete: boolean }[], bars: readonly Bar[], now: number): void {
    const remove = this.db.prepare('DELETE FROM market_bars WHERE source = ? AND symbol = ? AND timeframe = ? AND time >= ? AND time < ?');
    const mark = this.db.prepare(
      'INSERT INTO market_bar_days (source, symbol, timeframe, date, complete, fetched_at) VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT(source, symbol, timeframe, date) DO UPDATE SET complete = excluded.complete, fetched_at = excluded.fetched_at',
    );
    this.db.transaction(() => {
      for (const { date, complete } of dates) {
        remove.run(source, symbol, timeframe, dailyBarTime(date), dailyBarTime(addDays(date, 1)));
        mark.run(source, symbol, timeframe, date, complete ? 1 : 0, now);
      }
      this.insertBars(source, symbol, timeframe, bars);
    });
  }

  insertBars(source: StoredSource, symbol: string, timeframe: Timeframe, bars: readonly Bar[]): number {
    const insert = this.db.prepare(
      'INSERT OR REPLACE INTO market_bars (source, symbol, timeframe, time, open, high, low, close, volume) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    );
    for (const b of bars) insert.run(source, symbol, timeframe, b.time, b.open, b.high, b.low, b.close, b.volume);
    return bars.length;
  }

  /** Stored bars from 00:00 New York of `from` to the end of `to`, oldest first. */
  bars(source: StoredSource, symbol: string, timeframe: Timeframe, from: string, to: string): Bar[] {
    return this.db
      .prepare<Bar>(
        'SELECT time, open, high, low, close, volume FROM market_bars WHERE source = ? AND symbol = ? AND timeframe = ? AND time >= ? AND time < ? ORDER BY time',
      )
      .all(source, symbol, timeframe, dailyBarTime(from), dailyBarTime(addDays(to, 1)));
  }
}
