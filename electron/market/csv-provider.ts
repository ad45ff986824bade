import { CoachError } from '../../shared/errors';
import { TIMEFRAME_MINUTES, type Bar, type ImportBarsReport, type Quote, type Timeframe } from '../../shared/schemas/market';
import type { Database } from '../db/database';
import type { MarketCache } from './cache';
import { marketDate, sessionFor, sessionPhase, sessionsBetween } from './calendar';
import { parseBarsCsv } from './csv-bars';
import type { MarketDataProvider } from './provider';
import { dailyBarTime, resampleBars } from './resample';

interface ImportRow {
  symbol: string;
  timeframe: Timeframe;
}

/** The user's own bars, imported from CSV files into SQLite (source 'csv'), served for their symbols. */
export class CsvBarsProvider implements MarketDataProvider {
  readonly source = 'csv' as const;

  constructor(
    private readonly db: Database,
    private readonly cache: MarketCache,
    private readonly now: () => number = Date.now,
  ) {}

  /** The bar size stored for `symbol`, or undefined when the user imported nothing for it. */
  timeframeOf(symbol: string): Timeframe | undefined {
    return this.db.prepare<ImportRow>('SELECT symbol, timeframe FROM market_imports WHERE symbol = ?').get(symbol)?.timeframe;
  }

  symbols(): ImportRow[] {
    return this.db.prepare<ImportRow>('SELECT symbol, timeframe FROM market_imports ORDER BY symbol').all();
  }

  /** Parses and stores a file's bars for `symbol`; all rows land or none (a re-import replaces them). */
  import(symbol: string, csv: string, timeZone: string): ImportBarsReport {
    const parsed = parseBarsCsv(csv, timeZone);
    const replaced = this.db.transaction(() => {
      const before = this.db.prepare<{ n: number }>("SELECT COUNT(*) AS n FROM market_bars WHERE source = 'csv' AND symbol = ? AND timeframe = ?").get(symbol, parsed.timeframe)!.n;
      // A file of another bar size replaces what was there: one size per symbol keeps serving simple.
      this.db.prepare("DELETE FROM market_bars WHERE source = 'csv' AND symbol = ? AND timeframe <> ?").run(symbol, parsed.timeframe);
      this.cache.insertBars('csv', symbol, parsed.timeframe, parsed.bars);
      const total = this.db.prepare<{ n: number }>("SELECT COUNT(*) AS n FROM market_bars WHERE source = 'csv' AND symbol = ?").get(symbol)!.n;
      this.db
        .prepare('INSERT INTO market_imports (symbol, timeframe, bars, imported_at) VALUES (?, ?, ?, ?) ON CONFLICT(symbol) DO UPDATE SET timeframe = excluded.timeframe, bars = excluded.bars, imported_at = excluded.imported_at')
        .run(symbol, parsed.timeframe, total, new Date(this.now()).toISOString());
      return before + parsed.bars.length - total;
    });
    return {
      symbol,
      timeframe: parsed.timeframe,
      imported: parsed.bars.length,
      timestampFormat: parsed.timestampFormat,
      columns: parsed.columns,
      first: parsed.bars[0]!.time,
      last: parsed.bars[parsed.bars.length - 1]!.time,
      replaced,
    };
  }

  /** New York date of the last imported bar (the default end of a range for this symbol). */
  lastDate(symbol: string): string | undefined {
    const row = this.db.prepare<{ t: number | null }>("SELECT MAX(time) AS t FROM market_bars WHERE source = 'csv' AND symbol = ?").get(symbol);
    return typeof row?.t === 'number' ? marketDate(row.t) : undefined;
  }

  async bars(symbol: string, timeframe: Timeframe, from: string, to: string): Promise<Bar[]> {
    const stored = this.stored(symbol);
    if (TIMEFRAME_MINUTES[timeframe] < TIMEFRAME_MINUTES[stored]) {
      throw new CoachError('invalid_input', `The bars imported for ${symbol} are ${stored}; choose ${stored} or a larger timeframe`);
    }
    const bars = this.cache.bars('csv', symbol, stored, from, to);
    return timeframe === stored ? bars : resampleBars(bars, timeframe, sessionsBetween(from, to));
  }

  async quote(symbol: string): Promise<Quote> {
    const stored = this.stored(symbol);
    const last = this.db.prepare<Bar>("SELECT time, close FROM market_bars WHERE source = 'csv' AND symbol = ? AND timeframe = ? ORDER BY time DESC LIMIT 1").get(symbol, stored)!;
    const prev = this.db
      .prepare<Bar>("SELECT close FROM market_bars WHERE source = 'csv' AND symbol = ? AND timeframe = ? AND time < ? ORDER BY time DESC LIMIT 1")
      .get(symbol, stored, dailyBarTime(marketDate(last.time)));
    const prevClose = prev?.close ?? last.close;
    const change = last.close - prevClose;
    const now = this.now();
    return {
      symbol,
      last: last.close,
      change: Math.round(change * 1e4) / 1e4,
      changePercent: Math.round((change / prevClose) * 1e6) / 1e4,
      prevClose,
      session: sessionPhase(sessionFor(now), now),
      time: last.time,
      source: this.source,
    };
  }

  async snapshot(symbols: string[]): Promise<Quote[]> {
    return Promise.all(symbols.filter((s) => this.timeframeOf(s)).map((s) => this.quote(s)));
  }

  private stored(symbol: string): Timeframe {
    const timeframe = this.timeframeOf(symbol);
    if (!timeframe) throw new CoachError('not_found', `No imported bars for ${symbol}`);
    return timeframe;
  }
}
