import { CoachError } from '../../shared/errors';
import { rangeProblem, type BarsRequest, type BarsResult, type ImportBarsReport, type MarketSource, type Quote, type SymbolInfo, type Timeframe } from '../../shared/schemas/market';
import type { HandlerMap } from '../contract/dispatcher';
import type { Database } from '../db/database';
import type { CircuitBreaker } from '../net/circuit-breaker';
import type { ProviderDescription } from '../net/provider-health';
import type { Logger } from '../observability/logger';
import { MarketCache } from './cache';
import { addDays, getMarketStatus, lastSessions, marketDate, sessionsBetween } from './calendar';
import { CsvBarsProvider } from './csv-provider';
import { MassiveClient } from './massive-client';
import { MassiveProvider } from './massive-provider';
import type { MarketDataProvider } from './provider';
import { SimulatedMarket } from './simulated';
import { searchSymbols, symbolProfile } from './symbols';

/** Sessions shown when a request gives no `from` (1d: calendar days). */
const DEFAULT_SESSIONS: Record<Exclude<Timeframe, '1d'>, number> = { '1m': 2, '5m': 5, '15m': 10, '1h': 30 };
const DEFAULT_DAILY_DAYS = 365;

export interface MarketServiceOptions {
  db: Database;
  logger: Logger;
  /** The Massive.com key, read at every call: a key saved later switches the provider without a restart. */
  apiKey: () => string | undefined;
  baseUrl: string;
  timeoutMs: number;
  breaker: CircuitBreaker;
  now?: () => number;
}

/**
 * Market data for the app: the user's imported bars for their symbols, else Massive.com when a key
 * is set, else the built-in simulated market.
 */
export class MarketService {
  readonly simulated: SimulatedMarket;
  readonly csv: CsvBarsProvider;
  /** The one Massive.com client (key, breaker, retries), shared with the option chains. */
  readonly massiveClient: MassiveClient;
  private readonly massive: MassiveProvider;
  private readonly now: () => number;

  constructor(private readonly options: MarketServiceOptions) {
    this.now = options.now ?? Date.now;
    const cache = new MarketCache(options.db);
    this.simulated = new SimulatedMarket({ now: this.now });
    this.csv = new CsvBarsProvider(options.db, cache, this.now);
    this.massiveClient = new MassiveClient({ baseUrl: options.baseUrl, apiKey: options.apiKey, breaker: options.breaker, logger: options.logger, timeoutMs: options.timeoutMs });
    this.massive = new MassiveProvider(this.massiveClient, cache, this.now);
  }

  /** Which provider answers for symbols without imported bars (the health check and the UI badge). */
  describe(): ProviderDescription {
    const configured = Boolean(this.options.apiKey());
    return { source: configured ? 'massive' : 'simulated', configured };
  }

  private live(): MarketDataProvider {
    return this.options.apiKey() ? this.massive : this.simulated;
  }

  private providerFor(symbol: string): MarketDataProvider {
    return this.csv.timeframeOf(symbol) ? this.csv : this.live();
  }

  async bars(request: BarsRequest): Promise<BarsResult> {
    const { symbol, timeframe } = request;
    const provider = this.providerFor(symbol);
    const to = request.to ?? this.dataEndDate(symbol);
    const from = request.from ?? defaultFrom(timeframe, to);
    const problem = rangeProblem(timeframe, from, to);
    if (problem) throw new CoachError('invalid_input', `Invalid input for market:bars: ${problem.field}: ${problem.message}`);
    const bars = await provider.bars(symbol, timeframe, from, to);
    // Sessions let the chart shade extended hours; daily bars need none.
    const sessions = timeframe === '1d' ? [] : sessionsBetween(from, to);
    return { symbol, timeframe, source: provider.source, from, to, bars, sessions };
  }

  /** The last New York date with data for `symbol`: its last imported bar's for CSV symbols, else today. */
  dataEndDate(symbol: string): string {
    return (this.providerFor(symbol) === this.csv ? this.csv.lastDate(symbol) : undefined) ?? marketDate(this.now());
  }

  /** The finest bars `symbol` has: 1m from the live providers, the imported bar size for CSV symbols. */
  finestTimeframe(symbol: string): Timeframe {
    return this.csv.timeframeOf(symbol) ?? '1m';
  }

  quote(symbol: string): Promise<Quote> {
    return this.providerFor(symbol).quote(symbol);
  }

  async snapshot(symbols: string[]): Promise<Quote[]> {
    const quotes = await Promise.all(symbols.map((s) => this.quote(s).catch(() => undefined)));
    return quotes.filter((q): q is Quote => q !== undefined);
  }

  /** Imported symbols first, then the known ones matching `query` (any ticker is accepted with a key). */
  symbols(query: string): SymbolInfo[] {
    const q = query.trim().toUpperCase();
    const source: MarketSource = this.describe().source === 'massive' ? 'massive' : 'simulated';
    const imported = this.csv
      .symbols()
      .filter((row) => row.symbol.startsWith(q))
      .map((row): SymbolInfo => ({ symbol: row.symbol, name: symbolProfile(row.symbol)?.name ?? `Imported ${row.timeframe} bars`, kind: symbolProfile(row.symbol)?.kind ?? 'stock', source: 'csv' }));
    const known = searchSymbols(q)
      .filter((p) => !imported.some((i) => i.symbol === p.symbol))
      .map((p): SymbolInfo => ({ symbol: p.symbol, name: p.name, kind: p.kind, source }));
    return [...imported, ...known];
  }

  importBars(symbol: string, csv: string, timeZone: string): ImportBarsReport {
    return this.csv.import(symbol, csv, timeZone);
  }

  handlers(): HandlerMap {
    return {
      'market:status': ({ at }) => getMarketStatus(at ?? this.now()),
      'market:quote': ({ symbol }) => this.quote(symbol),
      'market:snapshot': ({ symbols }) => this.snapshot(symbols),
      'market:bars': (request) => this.bars(request),
      'market:symbols': ({ query }) => this.symbols(query),
      'market:importBars': ({ symbol, csv, timeZone }, ctx) => {
        const report = this.importBars(symbol, csv, timeZone);
        ctx.log.info('bars imported', { symbol, timeframe: report.timeframe, bars: report.imported });
        return report;
      },
    };
  }
}

function defaultFrom(timeframe: Timeframe, to: string): string {
  if (timeframe === '1d') return addDays(to, -DEFAULT_DAILY_DAYS);
  return lastSessions(to, DEFAULT_SESSIONS[timeframe])[0]!.date;
}
